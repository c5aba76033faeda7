//! `/admin/exports`: every export in one place — per process, its proposals
//! and questionnaires (CSV and JSON for staff, open data for everyone) — and
//! the commune's whole open-data bundle.

use palabre_kit::{Response, Result, db, i18n};
use serde_json::{Value, json};

use crate::Env;

pub async fn page(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let link = |href: String, label: &str| json!({ "href": href, "label": i18n::t(locale, label) });
    let processes = db::query(
        &env.conn,
        "SELECT id, slug, title FROM processes WHERE status = 'published' ORDER BY starts_on DESC, id DESC",
        Vec::new(),
    )
    .await?;
    let questionnaires = db::query(
        &env.conn,
        "SELECT process_id, slug, title FROM questionnaires WHERE process_id IS NOT NULL ORDER BY id",
        Vec::new(),
    )
    .await?;
    let items: Vec<Value> = processes
        .iter()
        .map(|p| {
            let (id, slug) = (db::int(p, 0), db::text(p, 1));
            let mut features = vec![json!({
                "title": i18n::t(locale, "exports-proposals"),
                "links": [
                    link(format!("/proposals/export.csv?process={slug}"), "exports-csv"),
                    link(format!("/proposals/export.json?process={slug}"), "exports-json"),
                    link(format!("/proposals/open-data.json?process={slug}"), "exports-open-data"),
                ],
            })];
            features.extend(
                questionnaires
                    .iter()
                    .filter(|q| db::int(q, 0) == id)
                    .map(|q| {
                        let q_slug = db::text(q, 1);
                        json!({
                            "title": i18n::t_args(locale, "exports-questionnaire", &[("title", &db::text(q, 2))]),
                            "links": [
                                link(format!("/questionnaires/{q_slug}/export.csv"), "exports-csv"),
                                link(format!("/questionnaires/{q_slug}/export.json"), "exports-json"),
                                link(format!("/questionnaires/{q_slug}/open-data.json"), "exports-open-data"),
                            ],
                        })
                    }),
            );
            json!({ "title": db::text(p, 2), "features": features })
        })
        .collect();
    let title = i18n::t(locale, "exports-title");
    env.page(
        "exports",
        &title,
        json!({ "processes": items, "bundle": "/open-data.json" }),
    )
}
