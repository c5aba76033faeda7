//! SQL of the account component, next to its row mapping.

use palabre_kit::db::{self, Connection, DbResult, Value};

const HAS_ADMIN: &str = "SELECT 1 FROM users WHERE role = 'admin' AND deleted_at IS NULL LIMIT 1";
const SET_SETTING: &str = "INSERT INTO settings (key, value) VALUES (?, ?) \
     ON CONFLICT (key) DO UPDATE SET value = excluded.value";
const INSERT_ADMIN: &str = "INSERT INTO users (email, display_name, role, locale, password_hash, created_at) \
     VALUES (?, ?, 'admin', ?, ?, ?) RETURNING id";
const CREDENTIALS: &str =
    "SELECT id, password_hash FROM users WHERE email = ? AND deleted_at IS NULL";

pub async fn has_admin(conn: &Connection) -> DbResult<bool> {
    Ok(db::query_one(conn, HAS_ADMIN, Vec::new()).await?.is_some())
}

pub async fn set_setting(conn: &Connection, key: &str, value: &str) -> DbResult<()> {
    db::exec(
        conn,
        SET_SETTING,
        vec![Value::text(key), Value::text(value)],
    )
    .await
}

pub struct NewAdmin<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub locale: &'a str,
    pub password_hash: &'a str,
}

pub async fn insert_admin(conn: &Connection, admin: &NewAdmin<'_>, now: i64) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        INSERT_ADMIN,
        vec![
            Value::text(admin.email),
            Value::text(admin.display_name),
            Value::text(admin.locale),
            Value::text(admin.password_hash),
            Value::Integer(now),
        ],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

/// The account id and password hash for an email, if such an account exists.
pub async fn credentials(
    conn: &Connection,
    email: &str,
) -> DbResult<Option<(i64, Option<String>)>> {
    let row = db::query_one(conn, CREDENTIALS, vec![Value::text(email)]).await?;
    Ok(row.map(|r| (db::int(&r, 0), db::opt_text(&r, 1))))
}
