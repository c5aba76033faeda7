//! Search queries, made safe for SQLite FTS5: people's words become quoted
//! prefix terms (all required), so no FTS syntax they type can break a query.

/// Longest query considered, in characters.
pub const MAX_QUERY: usize = 200;
/// Words used at most.
const MAX_WORDS: usize = 8;

/// The FTS5 `MATCH` expression for what someone typed; `None` when nothing
/// searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let input: String = input.chars().take(MAX_QUERY).collect();
    let terms: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_prefixes() {
        assert_eq!(
            fts_query("vélo quais").as_deref(),
            Some("\"vélo\"* \"quais\"*")
        );
        assert_eq!(fts_query("  "), None);
        assert_eq!(
            fts_query("\"*^:() OR NEAR"),
            Some("\"OR\"* \"NEAR\"*".to_string())
        );
        assert_eq!(fts_query("l'école"), Some("\"l\"* \"école\"*".to_string()));
        assert_eq!(
            fts_query(&"mot ".repeat(50)).map(|q| q.matches('*').count()),
            Some(8)
        );
    }
}
