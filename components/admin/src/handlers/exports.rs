//! `/admin/exports`: every export in one place — per process, what each
//! feature offers (its manifest's `exports`: proposals, questionnaires; CSV
//! and JSON for staff, open data for everyone) — and the commune's whole
//! open-data bundle.

use palabre_kit::{Response, Result, db, i18n};
use serde_json::json;

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
    let mut items = Vec::new();
    for p in &processes {
        let mut features = Vec::new();
        // Each feature's downloads for this process (its manifest's).
        for exports in palabre_features::ALL
            .iter()
            .filter_map(|f| f.exports.as_ref())
        {
            for r in db::query(
                &env.conn,
                exports.sql,
                vec![db::Value::Integer(db::int(p, 0))],
            )
            .await?
            {
                features.push(json!({
                    "title": i18n::t_args(locale, exports.label, &[("title", &db::text(&r, 0))]),
                    "links": [
                        link(db::text(&r, 1), "exports-csv"),
                        link(db::text(&r, 2), "exports-json"),
                        link(db::text(&r, 3), "exports-open-data"),
                    ],
                }));
            }
        }
        items.push(json!({ "title": db::text(p, 2), "features": features }));
    }
    let title = i18n::t(locale, "exports-title");
    env.page(
        "exports",
        &title,
        json!({ "processes": items, "bundle": "/open-data.json" }),
    )
}
