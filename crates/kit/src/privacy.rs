//! Personal data, table by table (GDPR articles 15, 17 and 20): the shared
//! tables here, each feature's in its manifest (`kit::feature::Manifest`);
//! export and erasure walk both. A test (`palabre-features`) fails when a
//! table that references `users` is missing.

use serde_json::{Map, Value as Json};

use crate::db::{self, Connection, DbResult, Value};
use crate::feature::Manifest;

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

/// The shared tables erased before the features' own (in this order).
pub const SHARED: &[Source] = &[
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
];

/// The shared tables erased after the features' own: the `users` row last
/// (its email is used before).
pub const SHARED_LAST: &[Source] = &[
    Source {
        table: "process_reports",
        user_column: "user_id",
        export: &["process_id", "published_at", "updated_at"],
        // The commune's report, last saved by this staff member: it stays.
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

/// Every table holding personal data, in erasure order: the shared ones,
/// each feature's, then the shared ones that must go last.
pub fn sources<'a>(features: &'a [&'a Manifest]) -> Vec<&'a Source> {
    SHARED
        .iter()
        .chain(features.iter().flat_map(|f| f.privacy.iter()))
        .chain(SHARED_LAST.iter())
        .collect()
}

/// The export query of a table, for one person (its only parameter;
/// ordered by its first exported column, since some tables have no rowid).
pub fn export_sql(source: &Source) -> String {
    format!(
        "SELECT {} FROM {} WHERE {} = ? ORDER BY 1",
        source.export.join(", "),
        source.table,
        source.user_column
    )
}

/// Everything the platform holds about a person, table by table.
pub async fn export(conn: &Connection, user_id: i64, features: &[&Manifest]) -> DbResult<Json> {
    let mut tables = Map::new();
    for source in sources(features) {
        let sql = export_sql(source);
        let rows = db::query(conn, &sql, vec![Value::Integer(user_id)]).await?;
        let rows: Vec<Json> = rows
            .iter()
            .map(|row| {
                let mut object = Map::new();
                for (i, column) in source.export.iter().enumerate() {
                    let value = row.values.get(i).map_or(Json::Null, db::to_json);
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
pub async fn erase(conn: &Connection, user_id: i64, features: &[&Manifest]) -> DbResult<()> {
    for source in sources(features) {
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
