//! `/search?q=…`: full-text search across published processes, news and pages
//! (and, as features arrive, contributions), accents ignored.

use palabre_domain::search::{MAX_QUERY, fts_query};
use palabre_kit::db::{self, Value};
use palabre_kit::respond::{self, Cache, escape};
use palabre_kit::{Response, Result, i18n};
use serde_json::json;

use crate::Env;

const RESULTS: i64 = 30;
/// Markers FTS5 puts around matches; private-use characters, never typed.
const OPEN: &str = "\u{E000}";
const CLOSE: &str = "\u{E001}";

const SEARCH: &str = "SELECT kind, url, title, \
     snippet(search_index, 4, char(57344), char(57345), '…', 16) \
     FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, 0, 0, 0, 4.0, 1.0) LIMIT ?";

/// Escapes a snippet (without the Markdown emphasis and heading marks the
/// index keeps), then shows its matches with `<mark>`.
fn highlight(snippet: &str) -> String {
    let plain: String = snippet
        .chars()
        .filter(|c| !matches!(c, '*' | '#' | '`'))
        .collect();
    escape(&plain)
        .replace(OPEN, "<mark>")
        .replace(CLOSE, "</mark>")
}

pub async fn show(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let typed: String = env
        .ctx
        .query("q")
        .unwrap_or_default()
        .chars()
        .take(MAX_QUERY)
        .collect();
    let mut results = Vec::new();
    if let Some(query) = fts_query(&typed) {
        let rows = db::query(
            &env.conn,
            SEARCH,
            vec![Value::text(query), Value::Integer(RESULTS)],
        )
        .await?;
        for r in &rows {
            let kind = db::text(r, 0);
            results.push(json!({
                "kind": i18n::t(locale, &format!("search-kind-{kind}")),
                "url": db::text(r, 1),
                "title": db::text(r, 2),
                "snippet": highlight(&db::text(r, 3)),
            }));
        }
    }
    let count = results.len().to_string();
    let data = json!({
        "q": typed,
        "searched": !typed.trim().is_empty(),
        "results": results,
        "summary": i18n::t_args(locale, "search-count", &[("count", &count), ("q", typed.trim())]),
    });
    let title = i18n::t(locale, "search-title");
    let page = env.page("search", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

#[cfg(test)]
mod tests {
    use super::highlight;

    #[test]
    fn snippets_are_escaped_then_marked() {
        assert_eq!(
            highlight("un <b>\u{E000}vélo\u{E001}</b> & **co**"),
            "un &lt;b&gt;<mark>vélo</mark>&lt;/b&gt; &amp; co"
        );
    }
}
