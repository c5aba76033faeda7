//! `/admin/exports`: every export in one place — per process, what each
//! feature offers (its manifest's `exports`: proposals, questionnaires; CSV
//! and JSON for staff, open data for everyone) — and the commune's whole
//! open-data bundle.

use crate::views;
use palabre_kit::view::Link;
use palabre_kit::{Response, Result, db, i18n};

use crate::Env;

pub async fn page(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let link = |href: String, label: &str| Link::to(locale, href, label);
    let processes = db::query(
        &env.conn,
        "SELECT id, slug, title FROM processes WHERE status = 'published' ORDER BY starts_on DESC, id DESC",
        Vec::new(),
    )
    .await?;
    // Each feature's downloads (its manifest's), one query each, placed
    // under their process.
    let mut downloads = Vec::new();
    for exports in palabre_features::ALL
        .iter()
        .filter_map(|f| f.exports.as_ref())
    {
        for r in db::query(&env.conn, exports.sql, Vec::new()).await? {
            downloads.push((db::int(&r, 0), exports.label, r));
        }
    }
    let processes = processes
        .iter()
        .map(|p| views::ExportProcess {
            title: db::text(p, 2),
            features: downloads
                .iter()
                .filter(|(process, _, _)| *process == db::int(p, 0))
                .map(|(_, label, r)| views::ExportFeature {
                    title: i18n::t_args(locale, label, &[("title", &db::text(r, 1))]),
                    // A feature without JSON or open data leaves them empty.
                    links: [
                        (db::text(r, 2), "exports-csv"),
                        (spreadsheet(&db::text(r, 2)), "exports-excel"),
                        (db::text(r, 3), "exports-json"),
                        (db::text(r, 4), "exports-open-data"),
                    ]
                    .into_iter()
                    .filter(|(href, _)| !href.is_empty())
                    .map(|(href, label)| link(href, label))
                    .collect(),
                })
                .collect(),
        })
        .collect();
    let title = i18n::t(locale, "exports-title");
    env.page(
        "exports",
        &title,
        views::Exports {
            processes,
            bundle: "/open-data.json".to_string(),
        },
    )
}

/// The spreadsheet flavour of a CSV download (`kit::csv`).
fn spreadsheet(csv: &str) -> String {
    let sep = if csv.contains('?') { '&' } else { '?' };
    format!("{csv}{sep}excel=1")
}
