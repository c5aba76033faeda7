//! Search queries, made safe for SQLite FTS5: people's words become quoted
//! prefix terms (all required), so no FTS syntax they type can break a query.

/// Longest query considered, in characters.
pub const MAX_QUERY: usize = 200;
/// Words used at most.
pub const MAX_WORDS: usize = 8;

/// Whether [`fts_query`] leaves part of what someone typed aside (more than
/// [`MAX_QUERY`] characters or [`MAX_WORDS`] words): the page says so.
pub fn shortened(input: &str) -> bool {
    input.chars().count() > MAX_QUERY
        || input
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
            > MAX_WORDS
}

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

/// The FTS5 expression that finds texts like this one: any of its longer
/// words (four letters or more, twelve at most, each once), so that a new
/// proposal meets the existing ones that share its words.
pub fn similar_query(text: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        let w = w.to_lowercase();
        if w.chars().count() >= 4 && !words.contains(&w) {
            words.push(w);
        }
        if words.len() == 12 {
            break;
        }
    }
    (!words.is_empty()).then(|| {
        words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" OR ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_queries_are_said_to_be_shortened() {
        assert!(!shortened("vélo gare"));
        assert!(!shortened("un deux trois quatre cinq six sept huit"));
        assert!(shortened("un deux trois quatre cinq six sept huit neuf"));
        assert!(shortened(&"a".repeat(MAX_QUERY + 1)));
    }

    #[test]
    fn similar_texts_share_longer_words() {
        assert_eq!(
            similar_query("Des bancs sur les quais, des BANCS !").as_deref(),
            Some("\"bancs\" OR \"quais\"")
        );
        assert_eq!(similar_query("a b c"), None);
        assert_eq!(similar_query("\"OR\" NEAR*").as_deref(), Some("\"near\""));
    }

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
