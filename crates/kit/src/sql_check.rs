//! Test-time check of the workspace's SQL: every statement written as a
//! string literal (a `const`, or inline in a call) in `components/*/src` and
//! `crates/*/src` is prepared against the schema the migrations build, so a
//! renamed column or table fails `cargo test`, not a page in production. A
//! literal with `{` is a `format!` template, completed at run time, and is
//! left to the tests that run it; unit-test modules are left out. The same
//! scan tells which tables each file's SQL names (`tables_named`), for the
//! check that a feature's tables are its own (`palabre-features`).

use std::path::{Path, PathBuf};

/// A statement found in a source file.
#[derive(Debug)]
pub struct Statement {
    pub file: PathBuf,
    pub line: usize,
    pub sql: String,
}

/// Whether a literal's text is a statement (not a fragment that code
/// completes, like a list of columns, nor prose): it starts with one of the
/// verbs, in capitals as this code base writes them.
pub fn is_statement(sql: &str) -> bool {
    let first = sql
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        first,
        "SELECT" | "INSERT" | "UPDATE" | "DELETE" | "WITH" | "REPLACE"
    ) && sql.trim_start().len() > first.len()
}

/// The source directories of the workspace's crates and components.
pub fn workspace_dirs() -> Vec<PathBuf> {
    let root = workspace_root();
    let mut dirs = Vec::new();
    for group in ["components", "crates"] {
        if let Ok(entries) = std::fs::read_dir(root.join(group)) {
            for entry in entries.flatten() {
                dirs.push(entry.path().join("src"));
            }
        }
    }
    dirs.sort();
    dirs
}

/// The repository's root.
pub fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// The tables a piece of SQL names after FROM, JOIN, INTO or UPDATE, among
/// `known`.
pub fn tables_named<'a>(sql: &str, known: &[&'a str]) -> Vec<&'a str> {
    let words: Vec<&str> = sql
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut named = Vec::new();
    for pair in words.windows(2) {
        let keyword = pair[0].to_ascii_uppercase();
        if matches!(keyword.as_str(), "FROM" | "JOIN" | "INTO" | "UPDATE")
            && let Some(table) = known.iter().find(|t| **t == pair[1])
            && !named.contains(table)
        {
            named.push(*table);
        }
    }
    named
}

/// Every string literal of the Rust files under `dirs`, outside their
/// unit-test modules: the file, the line, the text.
pub fn all_literals(dirs: &[PathBuf]) -> Vec<Statement> {
    let mut files = Vec::new();
    for dir in dirs {
        walk(dir, &mut files);
    }
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let Ok(source) = std::fs::read_to_string(&file) else {
            continue;
        };
        let source = without_tests(&source);
        for (at, sql) in literals(source) {
            found.push(Statement {
                file: file.clone(),
                line: source[..at].matches('\n').count() + 1,
                sql,
            });
        }
    }
    found
}

/// A file without its unit tests (its last module, by this code base's
/// habit), which run their own SQL on their own tables.
fn without_tests(source: &str) -> &str {
    match source.find("\n#[cfg(test)]\nmod ") {
        Some(end) => &source[..end],
        None => source,
    }
}

/// Every statement of the Rust files under `dirs`.
pub fn statements(dirs: &[PathBuf]) -> Vec<Statement> {
    all_literals(dirs)
        .into_iter()
        .filter(|s| is_statement(&s.sql))
        .collect()
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The string literals of a Rust file (plain and raw, comments and char
/// literals skipped): where each starts, and its value decoded.
pub fn literals(source: &str) -> Vec<(usize, String)> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            i += rest.find("*/").map_or(rest.len(), |e| e + 2);
        } else if bytes[i] == b'\'' {
            // A char literal (`'"'`, `'\''`), or a lifetime.
            let len = if let Some(escaped) = rest.strip_prefix("'\\") {
                escaped.find('\'').map_or(1, |e| e + 3)
            } else {
                match rest[1..].chars().next() {
                    Some(c) if rest[1 + c.len_utf8()..].starts_with('\'') => 2 + c.len_utf8(),
                    _ => 1,
                }
            };
            i += len;
        } else if (bytes[i] == b'"'
            || (bytes[i] == b'r' && matches!(bytes.get(i + 1), Some(b'"' | b'#'))))
            && !source[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            match literal(rest) {
                Some((value, after)) => {
                    found.push((i, value));
                    i = source.len() - after.len();
                }
                None => i += 1,
            }
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// A Rust string literal at the start of `text` (plain or raw), decoded;
/// and what follows it.
fn literal(text: &str) -> Option<(String, &str)> {
    if let Some(raw) = text.strip_prefix('r') {
        let hashes = raw.chars().take_while(|c| *c == '#').count();
        let body = raw[hashes..].strip_prefix('"')?;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = body.find(&close)?;
        return Some((body[..end].to_string(), &body[end + close.len()..]));
    }
    let body = text.strip_prefix('"')?;
    let mut value = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((value, &body[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    '0' => value.push('\0'),
                    '\\' | '"' | '\'' => value.push(e),
                    // A line continuation: the newline and the next line's
                    // leading whitespace go.
                    '\n' => {
                        let rest = &body[i + 2..];
                        let skip = rest.len() - rest.trim_start().len();
                        for _ in rest[..skip].chars() {
                            chars.next();
                        }
                    }
                    // `\x..` and `\u{..}` do not appear in SQL here; keep
                    // them as written, so that preparing them fails loudly.
                    other => {
                        value.push('\\');
                        value.push(other);
                    }
                }
            }
            c => value.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_read_as_rust_reads_them() {
        let source = r##"
            const A: &str = "SELECT a \
                 FROM t WHERE b = 'x\"y'";
            // "SELECT commented FROM out"
            let c = '"'; let l: &'a str = "UPDATE t SET a = 1";
            pub const B: &'static str = r#"DELETE FROM "t""#;
            let prose = "Select a colour";
            let part = "id, slug, title";
        "##;
        let found: Vec<String> = literals(source)
            .into_iter()
            .map(|(_, v)| v)
            .filter(|v| is_statement(v))
            .collect();
        assert_eq!(
            found,
            [
                "SELECT a FROM t WHERE b = 'x\"y'",
                "UPDATE t SET a = 1",
                "DELETE FROM \"t\""
            ]
        );
        assert!(is_statement(" WITH x AS (SELECT 1) SELECT * FROM x"));
        assert_eq!(
            tables_named(
                "SELECT a FROM t JOIN u ON 1 WHERE x IN (SELECT y FROM v) AND z = 'from t'",
                &["t", "u", "v", "w"]
            ),
            ["t", "u", "v"]
        );
        assert!(!is_statement("SELECT"));
    }

    /// Every statement written as a literal, anywhere in the workspace,
    /// prepares against the migrated schema.
    #[test]
    fn every_sql_statement_prepares_against_the_schema() {
        let root = workspace_root();
        let conn = crate::testing::schema();
        let all = statements(&workspace_dirs());
        let (templates, fixed): (Vec<&Statement>, Vec<&Statement>) =
            all.iter().partition(|s| s.sql.contains('{'));
        assert!(fixed.len() > 250, "{} statements found", fixed.len());
        let failures: Vec<String> = fixed
            .iter()
            .filter_map(|s| {
                conn.prepare(&s.sql).err().map(|e| {
                    let file = s.file.strip_prefix(&root).unwrap_or(&s.file);
                    format!("{}:{}: {e}\n  {}", file.display(), s.line, s.sql)
                })
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        eprintln!(
            "{} statements prepared; {} format! templates left to the tests that run them",
            fixed.len(),
            templates.len()
        );
    }
}
