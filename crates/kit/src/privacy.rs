//! Personal data, table by table (GDPR articles 15, 17 and 20): the shared
//! tables here, each feature's in its manifest (`kit::feature::Manifest`);
//! export and erasure walk both. A test (`palabre-features`) fails when a
//! table that references `users` is missing.

use serde_json::{Map, Value as Json};

use palabre_domain::Locale;

use crate::db::{self, Connection, DbResult, Value};
use crate::feature::Manifest;
use crate::i18n;

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
        // A desk session under way: staff entering for this resident (an
        // hour at most, then purged).
        table: "desk_sessions",
        user_column: "resident_id",
        export: &["started_at", "expires_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "desk_sessions",
        user_column: "staff_id",
        export: &["resident_id", "started_at", "expires_at"],
        erase: Erase::Delete,
    },
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
        // The identities of OpenID providers an account signs in with.
        table: "user_identities",
        user_column: "user_id",
        export: &["provider", "acr", "created_at", "last_used_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "oidc_links",
        user_column: "user_id",
        export: &["provider", "created_at", "expires_at"],
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
        // Comments a staff member entered for a resident at the desk.
        table: "comments",
        user_column: "entered_by",
        export: &["id", "resource", "resource_id", "created_at"],
        // The contribution is the resident's; who entered it stays, for the audit.
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

/// One source's rows about a person.
pub struct Gathered<'a> {
    pub source: &'a Source,
    /// Its name in the export: the table's, or `<table>_<column>` for a
    /// table that names the person in a second column (the reports they
    /// resolved, beside the reports they made).
    pub key: String,
    pub rows: Vec<db::Row>,
}

/// Every source with its name in the export ([`Gathered::key`]).
pub fn named<'a>(features: &'a [&'a Manifest]) -> Vec<(String, &'a Source)> {
    let mut named: Vec<(String, &Source)> = Vec::new();
    for source in sources(features) {
        let key = if named.iter().any(|(_, s)| s.table == source.table) {
            format!("{}_{}", source.table, source.user_column)
        } else {
            source.table.to_string()
        };
        named.push((key, source));
    }
    named
}

/// Everything the platform holds about a person, source by source.
pub async fn gather<'a>(
    conn: &Connection,
    user_id: i64,
    features: &'a [&'a Manifest],
) -> DbResult<Vec<Gathered<'a>>> {
    let mut gathered = Vec::new();
    for (key, source) in named(features) {
        let rows = db::query(conn, &export_sql(source), vec![Value::Integer(user_id)]).await?;
        gathered.push(Gathered { source, key, rows });
    }
    Ok(gathered)
}

/// Everything the platform holds about a person, table by table (JSON, for
/// machines; `page` is the same for people).
pub fn export(gathered: &[Gathered]) -> Json {
    let mut tables = Map::new();
    for g in gathered {
        let rows: Vec<Json> = g
            .rows
            .iter()
            .map(|row| {
                let mut object = Map::new();
                for (i, column) in g.source.export.iter().enumerate() {
                    let value = row.values.get(i).map_or(Json::Null, db::to_json);
                    object.insert((*column).to_string(), value);
                }
                Json::Object(object)
            })
            .collect();
        tables.insert(g.key.clone(), Json::Array(rows));
    }
    Json::Object(tables)
}

/// The most rows a section of the page shows (the JSON file has them all).
const PAGE_ROWS: usize = 100;
/// The most characters of a text a cell shows.
const CELL_CHARS: usize = 280;

/// A source's rows on the "my data" page: what they are, in words, and
/// each value as people read it (dates in the commune's time, yes or no).
#[derive(serde::Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Section {
    pub key: String,
    pub title: String,
    pub about: String,
    pub count: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// "12 more in the file", when the page shows only the first ones.
    pub more: Option<String>,
}

/// The sources that hold something about the person, as the page shows them
/// (`data-table-<key>`, `data-about-<key>`, `data-col-<column>`).
pub fn page(locale: Locale, gathered: &[Gathered]) -> Vec<Section> {
    gathered
        .iter()
        .filter(|g| !g.rows.is_empty())
        .map(|g| Section {
            key: g.key.clone(),
            title: i18n::t(locale, &format!("data-table-{}", g.key)),
            about: i18n::t(locale, &format!("data-about-{}", g.key)),
            count: i18n::t_args(
                locale,
                "data-count",
                &[("count", &g.rows.len().to_string())],
            ),
            columns: g
                .source
                .export
                .iter()
                .map(|c| i18n::t(locale, &format!("data-col-{c}")))
                .collect(),
            rows: g
                .rows
                .iter()
                .take(PAGE_ROWS)
                .map(|row| {
                    g.source
                        .export
                        .iter()
                        .enumerate()
                        .map(|(i, column)| cell(locale, column, row.values.get(i)))
                        .collect()
                })
                .collect(),
            more: (g.rows.len() > PAGE_ROWS).then(|| {
                i18n::t_args(
                    locale,
                    "data-more",
                    &[("count", &(g.rows.len() - PAGE_ROWS).to_string())],
                )
            }),
        })
        .collect()
}

/// A value as people read it: instants (`at`, `…_at`) in the commune's
/// time, the notification choices as yes or no, long texts cut.
fn cell(locale: Locale, column: &str, value: Option<&Value>) -> String {
    let instant = column == "at" || column.ends_with("_at");
    match value {
        None | Some(Value::Null) => "—".to_string(),
        Some(Value::Integer(t)) if instant => i18n::date_time(locale, *t),
        Some(Value::Integer(v)) if column.starts_with("notify_") => {
            i18n::t(locale, if *v != 0 { "csv-yes" } else { "csv-no" })
        }
        Some(Value::Integer(v)) => v.to_string(),
        Some(Value::Real(v)) => match locale {
            Locale::Fr | Locale::De => format!("{v:.5}").replace('.', ","),
            Locale::En => format!("{v:.5}"),
        },
        Some(Value::Text(s)) if palabre_domain::date::Day::parse(s).is_some() => {
            i18n::day_text(locale, s)
        }
        Some(Value::Text(s)) if s.chars().count() > CELL_CHARS => {
            let cut: String = s.chars().take(CELL_CHARS).collect();
            format!("{}…", cut.trim_end())
        }
        Some(Value::Text(s)) => s.clone(),
        Some(Value::Blob(b)) => format!("<{} B>", b.len()),
    }
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
