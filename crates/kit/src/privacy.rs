//! Personal data, table by table (GDPR articles 15, 17 and 20). Every feature
//! that stores anything about a person adds its tables here; a test fails when
//! a table that references `users` is missing.

use serde_json::{Map, Value as Json};

use crate::db::{self, Connection, DbResult, Value};

/// What deleting an account does to a table's rows.
#[derive(Debug, Clone, Copy)]
pub enum Erase {
    /// The rows go.
    Delete,
    /// This statement (its only parameter: the user id) anonymizes them.
    Sql(&'static str),
    /// These statements, in order (same parameter).
    Script(&'static [&'static str]),
    /// The rows stay as they are: contributions, shown under "deleted
    /// participant" once the account's name is erased.
    Keep,
}

/// One table holding personal data.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    pub table: &'static str,
    /// The column that names the person.
    pub user_column: &'static str,
    /// What the export shows (never secrets such as hashes).
    pub export: &'static [&'static str],
    pub erase: Erase,
}

/// Shown instead of a deleted participant's name.
pub const TOMBSTONE_NAME: &str = "-";

/// In erasure order: the `users` row last (its email is used before).
pub const SOURCES: &[Source] = &[
    Source {
        table: "audit_log",
        user_column: "actor_id",
        export: &["at", "action", "ip"],
        // Security events stay (legitimate interest), without what identifies the person.
        erase: Erase::Sql(
            "UPDATE audit_log SET subject = NULL, ip = NULL WHERE actor_id = ?1 \
             OR subject = (SELECT email FROM users WHERE id = ?1)",
        ),
    },
    Source {
        table: "email_tokens",
        user_column: "user_id",
        export: &["purpose", "created_at", "expires_at", "used_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "recovery_codes",
        user_column: "user_id",
        export: &["id", "used_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "login_challenges",
        user_column: "user_id",
        export: &["purpose", "created_at", "expires_at", "used_at"],
        erase: Erase::Delete,
    },
    Source {
        // The forms they sent in the last day (the answers kept for replays
        // are not exported: pages already shown).
        table: "idempotency_keys",
        user_column: "user_id",
        export: &["path", "claimed_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "ended_sessions",
        user_column: "user_id",
        export: &["ended_at", "expires_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "mail_outbox",
        user_column: "user_id",
        export: &[
            "created_at",
            "to_email",
            "kind",
            "subject",
            "status",
            "sent_at",
        ],
        erase: Erase::Delete,
    },
    Source {
        table: "notifications",
        user_column: "user_id",
        export: &["activity_id", "created_at", "read_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "follows",
        user_column: "user_id",
        export: &["target_kind", "target_id", "created_at"],
        // Their follows, and other people's follows of them.
        erase: Erase::Sql(
            "DELETE FROM follows WHERE user_id = ?1 OR (target_kind = 'user' AND target_id = ?1)",
        ),
    },
    Source {
        table: "comment_reports",
        user_column: "user_id",
        export: &["comment_id", "reason", "created_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "comment_reports",
        user_column: "resolved_by",
        export: &["comment_id", "resolution", "resolved_at"],
        // The moderator's decision stays, signed by no one.
        erase: Erase::Sql("UPDATE comment_reports SET resolved_by = NULL WHERE resolved_by = ?1"),
    },
    Source {
        table: "comments",
        user_column: "user_id",
        export: &[
            "resource",
            "resource_id",
            "parent_id",
            "body",
            "stance",
            "created_at",
            "edited_at",
            "deleted_at",
        ],
        erase: Erase::Keep,
    },
    Source {
        table: "comment_reactions",
        user_column: "user_id",
        export: &["comment_id", "reaction", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "opinion_statements",
        user_column: "user_id",
        export: &["discussion_id", "body", "status", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "opinion_votes",
        user_column: "user_id",
        export: &["statement_id", "vote", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "opinion_ballots",
        user_column: "user_id",
        export: &["discussion_id", "votes"],
        erase: Erase::Keep,
    },
    Source {
        table: "answers",
        user_column: "(SELECT user_id FROM responses WHERE id = response_id)",
        export: &["question_id", "value"],
        // Unfinished answers go; submitted ones stay with the response, unsigned.
        erase: Erase::Sql(
            "DELETE FROM answers WHERE response_id IN \
             (SELECT id FROM responses WHERE user_id = ?1 AND status = 'draft')",
        ),
    },
    Source {
        table: "responses",
        user_column: "user_id",
        export: &["questionnaire_id", "status", "created_at", "submitted_at"],
        // Submitted responses stay in the results (counted in the tallies),
        // linked to no one any more; drafts go.
        erase: Erase::Script(&[
            "DELETE FROM responses WHERE user_id = ?1 AND status = 'draft'",
            "UPDATE responses SET user_id = NULL WHERE user_id = ?1",
        ]),
    },
    Source {
        table: "questionnaires",
        user_column: "user_id",
        export: &["slug", "title", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "proposals",
        user_column: "user_id",
        export: &[
            "id",
            "title",
            "body",
            "state",
            "status",
            "address",
            "latitude",
            "longitude",
            "image_id",
            "created_at",
            "published_at",
        ],
        // Drafts are private and go, with their images; published proposals
        // stay, unsigned.
        erase: Erase::Script(&[
            "DELETE FROM images WHERE id IN \
             (SELECT image_id FROM proposals WHERE user_id = ?1 AND state = 'draft')",
            "DELETE FROM proposals WHERE user_id = ?1 AND state = 'draft'",
        ]),
    },
    Source {
        table: "proposal_supports",
        user_column: "user_id",
        export: &["proposal_id", "created_at"],
        // Counted in the proposals' totals: they stay, linked to a deleted participant.
        erase: Erase::Keep,
    },
    Source {
        table: "proposal_answers",
        user_column: "user_id",
        export: &["proposal_id", "status", "body", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "proposal_milestones",
        user_column: "user_id",
        export: &["proposal_id", "on_date", "percent", "body", "created_at"],
        // The commune's follow-up, written by staff: it stays.
        erase: Erase::Keep,
    },
    Source {
        table: "process_reports",
        user_column: "user_id",
        export: &["process_id", "published_at", "updated_at"],
        // The commune's report, last saved by this staff member: it stays.
        erase: Erase::Keep,
    },
    Source {
        table: "proposal_amendments",
        user_column: "user_id",
        export: &["proposal_id", "body", "state", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "discussions",
        user_column: "user_id",
        export: &["slug", "question", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "process_participants",
        user_column: "user_id",
        export: &["process_id"],
        erase: Erase::Keep,
    },
    Source {
        table: "activity",
        user_column: "actor_id",
        export: &["at", "kind", "title", "url"],
        erase: Erase::Keep,
    },
    Source {
        table: "images",
        user_column: "user_id",
        export: &["id", "alt", "content_type", "created_at"],
        // Images staff uploaded are the commune's content: they stay, unsigned.
        erase: Erase::Sql("UPDATE images SET user_id = NULL WHERE user_id = ?1"),
    },
    Source {
        table: "users",
        user_column: "id",
        export: &[
            "id",
            "email",
            "display_name",
            "role",
            "locale",
            "bio",
            "notify_followed",
            "notify_news",
            "created_at",
            "email_confirmed_at",
            "totp_enabled_at",
        ],
        // The row stays as a tombstone so that contributions keep an author
        // ("deleted participant"); everything personal goes, and every session ends.
        erase: Erase::Sql(
            "UPDATE users SET email = NULL, display_name = '-', bio = NULL, password_hash = NULL, \
             locale = NULL, notify_followed = 0, notify_news = 0, \
             totp_secret = NULL, totp_pending = NULL, totp_enabled_at = NULL, \
             deleted_at = CAST(strftime('%s', 'now') AS INTEGER), \
             sessions_valid_after = CAST(strftime('%s', 'now') AS INTEGER) + 1 \
             WHERE id = ?1",
        ),
    },
];

fn to_json(value: &Value) -> Json {
    match value {
        Value::Integer(i) => Json::from(*i),
        Value::Real(f) => Json::from(*f),
        Value::Text(s) => Json::from(s.clone()),
        Value::Blob(b) => Json::from(format!("<{} bytes>", b.len())),
        Value::Null => Json::Null,
    }
}

/// The export query of a table (ordered by its first exported column, since
/// some tables have no rowid).
fn export_sql(source: &Source) -> String {
    format!(
        "SELECT {} FROM {} WHERE {} = ? ORDER BY 1",
        source.export.join(", "),
        source.table,
        source.user_column
    )
}

/// Everything the platform holds about a person, table by table.
pub async fn export(conn: &Connection, user_id: i64) -> DbResult<Json> {
    let mut tables = Map::new();
    for source in SOURCES {
        let sql = export_sql(source);
        let rows = db::query(conn, &sql, vec![Value::Integer(user_id)]).await?;
        let rows: Vec<Json> = rows
            .iter()
            .map(|row| {
                let mut object = Map::new();
                for (i, column) in source.export.iter().enumerate() {
                    let value = row.values.get(i).map_or(Json::Null, to_json);
                    object.insert((*column).to_string(), value);
                }
                Json::Object(object)
            })
            .collect();
        tables.insert(source.table.to_string(), Json::Array(rows));
    }
    Ok(Json::Object(tables))
}

/// Erases a person's data (to be run inside a transaction).
pub async fn erase(conn: &Connection, user_id: i64) -> DbResult<()> {
    for source in SOURCES {
        match source.erase {
            Erase::Delete => {
                let sql = format!(
                    "DELETE FROM {} WHERE {} = ?",
                    source.table, source.user_column
                );
                db::exec(conn, &sql, vec![Value::Integer(user_id)]).await?;
            }
            Erase::Sql(sql) => db::exec(conn, sql, vec![Value::Integer(user_id)]).await?,
            Erase::Script(statements) => {
                for sql in statements {
                    db::exec(conn, sql, vec![Value::Integer(user_id)]).await?;
                }
            }
            Erase::Keep => {}
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The schema as the migrations build it.
    pub(crate) fn schema() -> rusqlite::Connection {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../db/migrations");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        for file in files {
            conn.execute_batch(&std::fs::read_to_string(file).unwrap())
                .unwrap();
        }
        conn
    }

    #[test]
    fn every_table_about_a_person_is_covered() {
        let conn = schema();
        let tables: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut referencing = BTreeSet::from([("users".to_string(), "id".to_string())]);
        for table in &tables {
            let mut stmt = conn
                .prepare(&format!("PRAGMA foreign_key_list({table})"))
                .unwrap();
            let refs = stmt
                .query_map([], |r| Ok((r.get::<_, String>(2)?, r.get::<_, String>(3)?)))
                .unwrap()
                .map(Result::unwrap);
            for (target, column) in refs {
                if target == "users" {
                    referencing.insert((table.clone(), column));
                }
            }
            // A column named like a person but without a foreign key is suspicious too.
            let mut info = conn
                .prepare(&format!("PRAGMA table_info({table})"))
                .unwrap();
            let columns: Vec<String> = info
                .query_map([], |r| r.get(1))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            for column in columns {
                if column == "user_id" || column.ends_with("_user_id") || column == "actor_id" {
                    referencing.insert((table.clone(), column));
                }
            }
        }
        let covered: BTreeSet<(String, String)> = SOURCES
            .iter()
            .map(|s| (s.table.to_string(), s.user_column.to_string()))
            .collect();
        for pair in &referencing {
            assert!(
                covered.contains(pair),
                "{pair:?} holds personal data but is not in privacy::SOURCES"
            );
        }
    }

    #[test]
    fn exports_name_real_columns_and_no_secrets() {
        let conn = schema();
        for source in SOURCES {
            conn.prepare(&export_sql(source))
                .unwrap_or_else(|e| panic!("{}: {e}", source.table));
            for column in source.export {
                assert!(
                    !column.contains("hash") && !column.contains("token"),
                    "{}.{column}",
                    source.table
                );
            }
            if let Erase::Sql(sql) = source.erase {
                conn.prepare(sql)
                    .unwrap_or_else(|e| panic!("{}: {e}", source.table));
            }
        }
        assert_eq!(
            SOURCES.last().map(|s| s.table),
            Some("users"),
            "users last: the others read its email"
        );
    }
}
