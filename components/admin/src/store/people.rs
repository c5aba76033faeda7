//! Accounts: roles, blocking, trust, invitations.

use palabre_kit::db::{self, Connection, DbResult, Value};

pub struct Person {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub created_at: i64,
    pub blocked_reason: Option<String>,
    pub trusted: bool,
}

const PERSON_COLUMNS: &str =
    "id, display_name, coalesce(email, ''), role, created_at, blocked_reason, trusted";

fn person_of(r: &db::Row) -> Person {
    Person {
        id: db::int(r, 0),
        name: db::text(r, 1),
        email: db::text(r, 2),
        role: db::text(r, 3),
        created_at: db::int(r, 4),
        blocked_reason: db::opt_text(r, 5),
        trusted: db::int(r, 6) == 1,
    }
}

/// Accounts whose name or email holds `q` (all when empty), newest first.
pub async fn people(conn: &Connection, q: &str, limit: i64) -> DbResult<Vec<Person>> {
    let rows = db::query(
        conn,
        &format!(
            "SELECT {PERSON_COLUMNS} FROM users WHERE deleted_at IS NULL \
             AND (?1 = '' OR instr(lower(display_name), lower(?1)) > 0 OR instr(lower(email), lower(?1)) > 0) \
             ORDER BY id DESC LIMIT ?2"
        ),
        vec![Value::text(q), Value::Integer(limit)],
    )
    .await?;
    Ok(rows.iter().map(person_of).collect())
}

pub async fn person(conn: &Connection, id: i64) -> DbResult<Option<Person>> {
    let row = db::query_one(
        conn,
        &format!("SELECT {PERSON_COLUMNS} FROM users WHERE id = ? AND deleted_at IS NULL"),
        vec![Value::Integer(id)],
    )
    .await?;
    Ok(row.as_ref().map(person_of))
}

/// A new role; every session of the account ends (it signs in again with it).
pub async fn set_role(conn: &Connection, id: i64, role: &str, now: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE users SET role = ?, sessions_valid_after = ? WHERE id = ? AND deleted_at IS NULL",
        vec![
            Value::text(role),
            Value::Integer(now + 1),
            Value::Integer(id),
        ],
    )
    .await
}

/// Blocks an account: its comments are hidden and wait in the moderation
/// queue (reported by the staff member, with the reason).
pub async fn block(conn: &Connection, id: i64, reason: &str, staff: i64, now: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE users SET blocked_at = ?, blocked_reason = ? WHERE id = ?",
        vec![Value::Integer(now), Value::text(reason), Value::Integer(id)],
    )
    .await?;
    db::exec(
        conn,
        "INSERT OR IGNORE INTO comment_reports (comment_id, user_id, reason, created_at) \
         SELECT id, ?, ?, ? FROM comments WHERE user_id = ? AND deleted_at IS NULL",
        vec![
            Value::Integer(staff),
            Value::text(reason),
            Value::Integer(now),
            Value::Integer(id),
        ],
    )
    .await?;
    db::exec(
        conn,
        "UPDATE comments SET hidden_at = ?, hidden_reason = 'blocked' WHERE user_id = ? AND hidden_at IS NULL AND deleted_at IS NULL",
        vec![Value::Integer(now), Value::Integer(id)],
    )
    .await
}

/// Trusted people's comments skip the pre-moderation of watched words.
pub async fn set_trusted(conn: &Connection, id: i64, trusted: bool) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE users SET trusted = ? WHERE id = ?",
        vec![Value::Integer(i64::from(trusted)), Value::Integer(id)],
    )
    .await
}

/// Unblocks an account (its hidden comments stay with the moderators).
pub async fn unblock(conn: &Connection, id: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE users SET blocked_at = NULL, blocked_reason = NULL WHERE id = ?",
        vec![Value::Integer(id)],
    )
    .await
}

/// A new staff account, invited by mail: its address is the one the
/// invitation goes to; it has no password until the invitation's link is used.
pub async fn invite(
    conn: &Connection,
    email: &str,
    name: &str,
    role: &str,
    now: i64,
) -> DbResult<Option<i64>> {
    let row = db::query_one(
        conn,
        "INSERT INTO users (email, display_name, role, created_at, email_confirmed_at) \
         VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (email) DO NOTHING RETURNING id",
        vec![
            Value::text(email),
            Value::text(name),
            Value::text(role),
            Value::Integer(now),
        ],
    )
    .await?;
    Ok(row.map(|r| db::int(&r, 0)))
}

/// Stores the hash of the invitation's token (a password-setting link).
pub async fn invitation_token(
    conn: &Connection,
    user_id: i64,
    hash: &str,
    now: i64,
    lifetime: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO email_tokens (user_id, purpose, token_hash, created_at, expires_at) \
         VALUES (?, 'reset', ?, ?, ?)",
        vec![
            Value::Integer(user_id),
            Value::text(hash),
            Value::Integer(now),
            Value::Integer(now + lifetime),
        ],
    )
    .await
}

/// A resident's account made at the town-hall desk: no email, no password
/// (they may claim it later, `/account/claim`).
pub async fn desk_citizen(conn: &Connection, name: &str, locale: &str, now: i64) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        "INSERT INTO users (email, display_name, role, locale, created_at) \
         VALUES (NULL, ?, 'citizen', ?, ?) RETURNING id",
        vec![Value::text(name), Value::text(locale), Value::Integer(now)],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}
