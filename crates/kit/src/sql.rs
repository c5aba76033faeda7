//! Splitting a SQL script into statements: Spin's SQLite interface (and libSQL
//! over the network) executes one statement per call, so migrations and seed
//! files are split here, aware of quotes, comments and trigger bodies.

/// Splits `script` into trimmed statements without their final `;`.
pub fn split_statements(script: &str) -> Vec<String> {
    let bytes = script.as_bytes();
    let mut statements = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut last_word = String::new();
    let mut words_seen: Vec<String> = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'\'' | b'"' | b'`') => {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == quote {
                        if bytes.get(i + 1) == Some(&quote) {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    i += 1;
                }
                last_word.clear();
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b';' => {
                let in_trigger = words_seen.len() >= 2
                    && words_seen[0] == "CREATE"
                    && words_seen[1..].iter().take(3).any(|w| w == "TRIGGER");
                if !in_trigger || last_word == "END" {
                    push_statement(&mut statements, &script[start..i]);
                    start = i + 1;
                    words_seen.clear();
                }
                last_word.clear();
            }
            b if b.is_ascii_alphanumeric() || b == b'_' => {
                let word_start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                last_word = script[word_start..i].to_ascii_uppercase();
                if words_seen.len() < 4 {
                    words_seen.push(last_word.clone());
                }
                continue;
            }
            b if b.is_ascii_whitespace() => {}
            _ => last_word.clear(),
        }
        i += 1;
    }
    push_statement(&mut statements, &script[start.min(script.len())..]);
    statements
}

fn push_statement(statements: &mut Vec<String>, text: &str) {
    // Drop statements that hold only whitespace and comments.
    let meaningful = strip_comments(text);
    if !meaningful.trim().is_empty() {
        statements.push(text.trim().to_string());
    }
}

fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = line.split("--").next().unwrap_or("");
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_statements() {
        let s = split_statements(
            "CREATE TABLE a (x);\n-- comment; here\nINSERT INTO a VALUES (1);\n\n",
        );
        assert_eq!(
            s,
            vec![
                "CREATE TABLE a (x)",
                "-- comment; here\nINSERT INTO a VALUES (1)"
            ]
        );
    }

    #[test]
    fn respects_quotes_and_block_comments() {
        let s = split_statements(
            "INSERT INTO t VALUES ('a;b', 'it''s; ok', \"q;\");/* x; y */ SELECT 1",
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0], "INSERT INTO t VALUES ('a;b', 'it''s; ok', \"q;\")");
        assert_eq!(s[1], "/* x; y */ SELECT 1");
    }

    #[test]
    fn keeps_trigger_bodies_whole() {
        let script = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND;\nSELECT 2;";
        let s = split_statements(script);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].starts_with("CREATE TRIGGER") && s[0].ends_with("END"));
        assert_eq!(s[1], "SELECT 2");
        let temp = split_statements(
            "create temp trigger x after delete on a begin select 1; end; select 3",
        );
        assert_eq!(temp.len(), 2, "{temp:?}");
    }

    #[test]
    fn empty_and_comment_only() {
        assert!(split_statements("").is_empty());
        assert!(split_statements("  -- nothing\n ; ;").is_empty());
    }
}
