//! `/search?q=…`: full-text search, accents ignored: the commune's own
//! content (processes, news, pages, discussions, questionnaires) ranked
//! first, then published proposals (their own index; above
//! `kit::search::RANKED` matches, the most recent ones are ranked).

use palabre_domain::search::{MAX_QUERY, MAX_WORDS, fts_query, shortened};
use palabre_kit::db::{self, Value};
use palabre_kit::respond::{self, Cache, escape};
use palabre_kit::{Response, Result, i18n, search};

use crate::{Env, views};

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
    let raw = env.ctx.query("q").unwrap_or_default();
    let typed: String = raw.chars().take(MAX_QUERY).collect();
    let mut results = Vec::new();
    let mut capped = false;
    if let Some(query) = fts_query(&typed) {
        let mut rows = db::query(
            &env.conn,
            SEARCH,
            vec![Value::text(query.as_str()), Value::Integer(RESULTS)],
        )
        .await?;
        // Each feature with an index of its own, ranked among its most
        // recent matches.
        for index in palabre_features::ALL
            .iter()
            .filter_map(|f| f.search.as_ref())
        {
            let floor = search::recent_floor(&env.conn, index.index, &query).await?;
            capped |= floor > 0;
            rows.extend(
                db::query(
                    &env.conn,
                    index.sql,
                    vec![
                        Value::text(query.as_str()),
                        Value::Integer(floor),
                        Value::Integer(RESULTS),
                    ],
                )
                .await?,
            );
        }
        for r in &rows {
            let kind = db::text(r, 0);
            results.push(views::Found {
                kind: i18n::t(locale, &format!("search-kind-{kind}")),
                url: db::text(r, 1),
                title: db::text(r, 2),
                snippet: highlight(&db::text(r, 3)),
            });
        }
    }
    let count = results.len().to_string();
    let data = views::Search {
        searched: !typed.trim().is_empty(),
        results,
        summary: i18n::t_args(
            locale,
            "search-count",
            &[("count", &count), ("q", typed.trim())],
        ),
        shortened: shortened(raw).then(|| {
            i18n::t_args(
                locale,
                "search-shortened",
                &[
                    ("words", &MAX_WORDS.to_string()),
                    ("chars", &MAX_QUERY.to_string()),
                ],
            )
        }),
        capped: capped.then(|| {
            i18n::t_args(
                locale,
                "search-capped",
                &[("count", &search::RANKED.to_string())],
            )
        }),
        q: typed,
    };
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
