//! SQL of the account component, next to its row mapping.

use palabre_kit::db::{self, Connection, DbResult, Value};

const HAS_ADMIN: &str = "SELECT 1 FROM users WHERE role = 'admin' AND deleted_at IS NULL LIMIT 1";
const SET_SETTING: &str = "INSERT INTO settings (key, value) VALUES (?, ?) \
     ON CONFLICT (key) DO UPDATE SET value = excluded.value";
// The installer typed the address in person: it counts as confirmed.
const INSERT_ADMIN: &str = "INSERT INTO users \
     (email, display_name, role, locale, password_hash, created_at, email_confirmed_at) \
     VALUES (?, ?, 'admin', ?, ?, ?, ?) RETURNING id";
const INSERT_CITIZEN: &str = "INSERT INTO users \
     (email, display_name, role, locale, password_hash, created_at) \
     VALUES (?, ?, 'citizen', ?, ?, ?) RETURNING id";
const ACCOUNT_BY_EMAIL: &str = "SELECT id, password_hash, email_confirmed_at, locale \
     FROM users WHERE email = ? AND deleted_at IS NULL";
const INSERT_TOKEN: &str = "INSERT INTO email_tokens \
     (user_id, purpose, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)";
const CONSUME_TOKEN: &str = "UPDATE email_tokens SET used_at = ? \
     WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id";
const CONFIRM_EMAIL: &str = "UPDATE users SET email_confirmed_at = ? \
     WHERE id = ? AND email_confirmed_at IS NULL AND deleted_at IS NULL";

const TOKEN_VALID: &str = "SELECT user_id FROM email_tokens \
     WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?";
const SET_PASSWORD: &str = "UPDATE users SET password_hash = ?, sessions_valid_after = ?, \
     email_confirmed_at = coalesce(email_confirmed_at, ?) WHERE id = ? AND deleted_at IS NULL";
const PASSWORD_OF: &str = "SELECT password_hash FROM users WHERE id = ? AND deleted_at IS NULL";

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

/// A new account: the admin at setup, or a citizen signing up.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub locale: &'a str,
    pub password_hash: &'a str,
}

async fn insert(
    conn: &Connection,
    sql: &str,
    user: &NewUser<'_>,
    extra: &[Value],
) -> DbResult<i64> {
    let mut params = vec![
        Value::text(user.email),
        Value::text(user.display_name),
        Value::text(user.locale),
        Value::text(user.password_hash),
    ];
    params.extend_from_slice(extra);
    let row = db::query_one(conn, sql, params).await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

pub async fn insert_admin(conn: &Connection, admin: &NewUser<'_>, now: i64) -> DbResult<i64> {
    insert(
        conn,
        INSERT_ADMIN,
        admin,
        &[Value::Integer(now), Value::Integer(now)],
    )
    .await
}

pub async fn insert_citizen(conn: &Connection, citizen: &NewUser<'_>, now: i64) -> DbResult<i64> {
    insert(conn, INSERT_CITIZEN, citizen, &[Value::Integer(now)]).await
}

/// What signing in needs to know of an account.
pub struct Account {
    pub id: i64,
    pub password_hash: Option<String>,
    pub confirmed: bool,
    pub locale: Option<String>,
}

/// The account of an email, if there is one.
pub async fn account(conn: &Connection, email: &str) -> DbResult<Option<Account>> {
    let row = db::query_one(conn, ACCOUNT_BY_EMAIL, vec![Value::text(email)]).await?;
    Ok(row.map(|r| Account {
        id: db::int(&r, 0),
        password_hash: db::opt_text(&r, 1),
        confirmed: db::opt_int(&r, 2).is_some(),
        locale: db::opt_text(&r, 3),
    }))
}

/// Stores the hash of a new mailed token.
pub async fn insert_token(
    conn: &Connection,
    user_id: i64,
    purpose: &str,
    token_hash: &str,
    now: i64,
    lifetime: i64,
) -> DbResult<()> {
    let params = vec![
        Value::Integer(user_id),
        Value::text(purpose),
        Value::text(token_hash),
        Value::Integer(now),
        Value::Integer(now + lifetime),
    ];
    db::exec(conn, INSERT_TOKEN, params).await
}

/// Uses a token once: the user it was for, if it is valid, unused and unexpired.
pub async fn consume_token(
    conn: &Connection,
    token_hash: &str,
    purpose: &str,
    now: i64,
) -> DbResult<Option<i64>> {
    let params = vec![
        Value::Integer(now),
        Value::text(token_hash),
        Value::text(purpose),
        Value::Integer(now),
    ];
    let row = db::query_one(conn, CONSUME_TOKEN, params).await?;
    Ok(row.map(|r| db::int(&r, 0)))
}

pub async fn confirm_email(conn: &Connection, user_id: i64, now: i64) -> DbResult<()> {
    let params = vec![Value::Integer(now), Value::Integer(user_id)];
    db::exec(conn, CONFIRM_EMAIL, params).await
}

/// Is this token valid (without using it)?
pub async fn token_valid(
    conn: &Connection,
    token_hash: &str,
    purpose: &str,
    now: i64,
) -> DbResult<bool> {
    let params = vec![
        Value::text(token_hash),
        Value::text(purpose),
        Value::Integer(now),
    ];
    Ok(db::query_one(conn, TOKEN_VALID, params).await?.is_some())
}

/// Sets a new password and revokes every session issued so far (up to the end
/// of this second; the gate starts the new one after that). A reset by mail
/// also proves the address.
pub async fn set_password(conn: &Connection, user_id: i64, hash: &str, now: i64) -> DbResult<()> {
    let params = vec![
        Value::text(hash),
        Value::Integer(now + 1),
        Value::Integer(now),
        Value::Integer(user_id),
    ];
    db::exec(conn, SET_PASSWORD, params).await
}

pub async fn password_of(conn: &Connection, user_id: i64) -> DbResult<Option<String>> {
    let row = db::query_one(conn, PASSWORD_OF, vec![Value::Integer(user_id)]).await?;
    Ok(row.and_then(|r| db::opt_text(&r, 0)))
}

const PROFILE_OF: &str = "SELECT display_name, bio, locale, notify_followed, notify_news \
     FROM users WHERE id = ? AND deleted_at IS NULL";
const UPDATE_PROFILE: &str = "UPDATE users SET display_name = ?, bio = ?, locale = ?, \
     notify_followed = ?, notify_news = ? WHERE id = ? AND deleted_at IS NULL";

/// What a person edits about themselves.
#[derive(Default)]
pub struct Profile {
    pub display_name: String,
    pub bio: String,
    /// Empty: the site's language.
    pub locale: String,
    pub notify_followed: bool,
    pub notify_news: bool,
}

pub async fn profile_of(conn: &Connection, user_id: i64) -> DbResult<Option<Profile>> {
    let row = db::query_one(conn, PROFILE_OF, vec![Value::Integer(user_id)]).await?;
    Ok(row.map(|r| Profile {
        display_name: db::text(&r, 0),
        bio: db::text(&r, 1),
        locale: db::text(&r, 2),
        notify_followed: db::int(&r, 3) == 1,
        notify_news: db::int(&r, 4) == 1,
    }))
}

pub async fn update_profile(conn: &Connection, user_id: i64, profile: &Profile) -> DbResult<()> {
    let optional = |s: &str| {
        if s.is_empty() {
            Value::Null
        } else {
            Value::text(s)
        }
    };
    let params = vec![
        Value::text(profile.display_name.as_str()),
        optional(&profile.bio),
        optional(&profile.locale),
        Value::Integer(i64::from(profile.notify_followed)),
        Value::Integer(i64::from(profile.notify_news)),
        Value::Integer(user_id),
    ];
    db::exec(conn, UPDATE_PROFILE, params).await
}

const OTHER_ADMINS: &str = "SELECT count(*) FROM users \
     WHERE role = 'admin' AND deleted_at IS NULL AND id <> ?";
const ROLE_OF: &str = "SELECT role FROM users WHERE id = ?";

/// Deleting the last administrator would lock the commune out of its site.
pub async fn is_last_admin(conn: &Connection, user_id: i64) -> DbResult<bool> {
    let role = db::query_one(conn, ROLE_OF, vec![Value::Integer(user_id)]).await?;
    if role.is_none_or(|r| db::text(&r, 0) != "admin") {
        return Ok(false);
    }
    let others = db::query_one(conn, OTHER_ADMINS, vec![Value::Integer(user_id)]).await?;
    Ok(others.is_some_and(|r| db::int(&r, 0) == 0))
}
