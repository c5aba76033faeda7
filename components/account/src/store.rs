//! SQL of the account component, next to its row mapping.

use palabre_kit::db::{self, Connection, DbResult, Value};

const HAS_ADMIN: &str = "SELECT 1 FROM users WHERE role = 'admin' AND deleted_at IS NULL LIMIT 1";
// The installer typed the address in person: it counts as confirmed.
const INSERT_ADMIN: &str = "INSERT INTO users \
     (email, display_name, role, locale, password_hash, created_at, email_confirmed_at) \
     VALUES (?, ?, 'admin', ?, ?, ?, ?) RETURNING id";
const INSERT_CITIZEN: &str = "INSERT INTO users \
     (email, display_name, role, locale, password_hash, created_at) \
     VALUES (?, ?, 'citizen', ?, ?, ?) RETURNING id";
const ACCOUNT_BY_EMAIL: &str = "SELECT id, password_hash, email_confirmed_at, locale, role, \
     totp_enabled_at FROM users WHERE email = ? AND deleted_at IS NULL";
const INSERT_TOKEN: &str = "INSERT INTO email_tokens \
     (user_id, purpose, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)";
/// The account's other live tokens of a purpose, ended with one use.
const END_OTHER_TOKENS: &str = "UPDATE email_tokens SET used_at = ? \
     WHERE user_id = ? AND purpose = ? AND used_at IS NULL";
const CONSUME_TOKEN: &str = "UPDATE email_tokens SET used_at = ? \
     WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id";
const CONFIRM_EMAIL: &str = "UPDATE users SET email_confirmed_at = ? \
     WHERE id = ? AND email_confirmed_at IS NULL AND deleted_at IS NULL";

const TOKEN_VALID: &str = "SELECT user_id FROM email_tokens \
     WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?";
const SET_PASSWORD: &str = "UPDATE users SET password_hash = ?, sessions_valid_after = ?, \
     email_confirmed_at = coalesce(email_confirmed_at, ?) WHERE id = ? AND deleted_at IS NULL";
const CONTACT: &str = "SELECT email, locale FROM users WHERE id = ? AND deleted_at IS NULL";
const PASSWORD_OF: &str = "SELECT password_hash FROM users WHERE id = ? AND deleted_at IS NULL";

/// Where to write to a person: their address and preferred language.
pub async fn contact(
    conn: &Connection,
    user_id: i64,
) -> DbResult<Option<(String, Option<String>)>> {
    let row = db::query_one(conn, CONTACT, vec![Value::Integer(user_id)]).await?;
    Ok(row.map(|r| (db::text(&r, 0), db::opt_text(&r, 1))))
}

pub async fn has_admin(conn: &Connection) -> DbResult<bool> {
    Ok(db::query_one(conn, HAS_ADMIN, Vec::new()).await?.is_some())
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
    pub staff: bool,
    pub two_factor: bool,
}

/// The account of an email, if there is one.
pub async fn account(conn: &Connection, email: &str) -> DbResult<Option<Account>> {
    let row = db::query_one(conn, ACCOUNT_BY_EMAIL, vec![Value::text(email)]).await?;
    Ok(row.map(|r| Account {
        id: db::int(&r, 0),
        password_hash: db::opt_text(&r, 1),
        confirmed: db::opt_int(&r, 2).is_some(),
        locale: db::opt_text(&r, 3),
        staff: matches!(db::text(&r, 4).as_str(), "moderator" | "admin"),
        two_factor: db::opt_int(&r, 5).is_some(),
    }))
}

/// A secret handed out once (mailed token, login challenge): its hash, its
/// purpose, and how long it lives.
pub struct Secret<'a> {
    pub user_id: i64,
    pub purpose: &'a str,
    pub hash: &'a str,
    pub now: i64,
    pub lifetime: i64,
}

async fn insert_secret(conn: &Connection, sql: &str, secret: &Secret<'_>) -> DbResult<()> {
    let params = vec![
        Value::Integer(secret.user_id),
        Value::text(secret.purpose),
        Value::text(secret.hash),
        Value::Integer(secret.now),
        Value::Integer(secret.now + secret.lifetime),
    ];
    db::exec(conn, sql, params).await
}

/// Stores the hash of a new mailed token.
pub async fn insert_token(conn: &Connection, token: &Secret<'_>) -> DbResult<()> {
    insert_secret(conn, INSERT_TOKEN, token).await
}

/// Uses a token once: the user it was for, if it is valid, unused and
/// unexpired. Every other live token of that purpose for the account ends
/// with it (a reset link used leaves no other alive). Inside the caller's
/// transaction.
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
    let Some(row) = db::query_one(conn, CONSUME_TOKEN, params).await? else {
        return Ok(None);
    };
    let user_id = db::int(&row, 0);
    end_tokens(conn, user_id, purpose, now).await?;
    Ok(Some(user_id))
}

async fn end_tokens(conn: &Connection, user_id: i64, purpose: &str, now: i64) -> DbResult<()> {
    let params = vec![
        Value::Integer(now),
        Value::Integer(user_id),
        Value::text(purpose),
    ];
    db::exec(conn, END_OTHER_TOKENS, params).await
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
    db::exec(conn, SET_PASSWORD, params).await?;
    // A new password ends every reset link still out (and invitations,
    // which are reset links).
    end_tokens(conn, user_id, "reset", now).await
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

const SETTING: &str = "SELECT value FROM settings WHERE key = ?";
const INSERT_CHALLENGE: &str = "INSERT INTO login_challenges \
     (user_id, purpose, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)";
const CHALLENGE: &str = "SELECT id, user_id FROM login_challenges WHERE token_hash = ? AND purpose = ? \
     AND used_at IS NULL AND expires_at > ? AND attempts < 5";
const CHALLENGE_FAILED: &str = "UPDATE login_challenges SET attempts = attempts + 1 WHERE id = ?";
const CHALLENGE_USED: &str =
    "UPDATE login_challenges SET used_at = ? WHERE id = ? AND used_at IS NULL";
const TOTP_OF: &str = "SELECT totp_secret, totp_pending, totp_last_step, email FROM users \
     WHERE id = ? AND deleted_at IS NULL";
const SET_PENDING: &str = "UPDATE users SET totp_pending = ? WHERE id = ?";
const ENABLE_TOTP: &str = "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, \
     totp_enabled_at = ?, totp_last_step = ? WHERE id = ? AND totp_pending IS NOT NULL";
const DISABLE_TOTP: &str = "UPDATE users SET totp_secret = NULL, totp_pending = NULL, \
     totp_enabled_at = NULL WHERE id = ?";
const TOTP_STEP: &str = "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?";
const DELETE_RECOVERY: &str = "DELETE FROM recovery_codes WHERE user_id = ?";
const INSERT_RECOVERY: &str = "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)";
const USE_RECOVERY: &str = "UPDATE recovery_codes SET used_at = ? \
     WHERE user_id = ? AND code_hash = ? AND used_at IS NULL RETURNING id";

pub async fn setting(conn: &Connection, key: &str) -> DbResult<Option<String>> {
    let row = db::query_one(conn, SETTING, vec![Value::text(key)]).await?;
    Ok(row.map(|r| db::text(&r, 0)))
}

/// Stores a login challenge (the token's hash).
pub async fn insert_challenge(conn: &Connection, challenge: &Secret<'_>) -> DbResult<()> {
    insert_secret(conn, INSERT_CHALLENGE, challenge).await
}

/// (challenge id, user id) of a live challenge.
pub async fn challenge(
    conn: &Connection,
    token_hash: &str,
    purpose: &str,
    now: i64,
) -> DbResult<Option<(i64, i64)>> {
    let params = vec![
        Value::text(token_hash),
        Value::text(purpose),
        Value::Integer(now),
    ];
    let row = db::query_one(conn, CHALLENGE, params).await?;
    Ok(row.map(|r| (db::int(&r, 0), db::int(&r, 1))))
}

pub async fn challenge_failed(conn: &Connection, id: i64) -> DbResult<()> {
    db::exec(conn, CHALLENGE_FAILED, vec![Value::Integer(id)]).await
}

/// Marks a challenge used; false when it already was (a double submit).
pub async fn challenge_used(conn: &Connection, id: i64, now: i64) -> DbResult<bool> {
    db::exec(
        conn,
        CHALLENGE_USED,
        vec![Value::Integer(now), Value::Integer(id)],
    )
    .await?;
    Ok(conn.changes().await == 1)
}

pub struct Totp {
    pub secret: Option<String>,
    pub pending: Option<String>,
    pub last_step: i64,
    pub email: String,
}

pub async fn totp_of(conn: &Connection, user_id: i64) -> DbResult<Option<Totp>> {
    let row = db::query_one(conn, TOTP_OF, vec![Value::Integer(user_id)]).await?;
    Ok(row.map(|r| Totp {
        secret: db::opt_text(&r, 0),
        pending: db::opt_text(&r, 1),
        last_step: db::int(&r, 2),
        email: db::text(&r, 3),
    }))
}

pub async fn set_pending(conn: &Connection, user_id: i64, secret: &str) -> DbResult<()> {
    db::exec(
        conn,
        SET_PENDING,
        vec![Value::text(secret), Value::Integer(user_id)],
    )
    .await
}

pub async fn enable_totp(conn: &Connection, user_id: i64, step: i64, now: i64) -> DbResult<()> {
    let params = vec![
        Value::Integer(now),
        Value::Integer(step),
        Value::Integer(user_id),
    ];
    db::exec(conn, ENABLE_TOTP, params).await
}

pub async fn disable_totp(conn: &Connection, user_id: i64) -> DbResult<()> {
    db::exec(conn, DISABLE_TOTP, vec![Value::Integer(user_id)]).await?;
    db::exec(conn, DELETE_RECOVERY, vec![Value::Integer(user_id)]).await
}

/// Records the step of an accepted code; false if a later one was already used.
pub async fn totp_step(conn: &Connection, user_id: i64, step: i64) -> DbResult<bool> {
    let params = vec![
        Value::Integer(step),
        Value::Integer(user_id),
        Value::Integer(step),
    ];
    db::exec(conn, TOTP_STEP, params).await?;
    Ok(conn.changes().await == 1)
}

/// Replaces the recovery codes with new ones (their hashes).
pub async fn replace_recovery(conn: &Connection, user_id: i64, hashes: &[String]) -> DbResult<()> {
    db::exec(conn, DELETE_RECOVERY, vec![Value::Integer(user_id)]).await?;
    for hash in hashes {
        db::exec(
            conn,
            INSERT_RECOVERY,
            vec![Value::Integer(user_id), Value::text(hash.as_str())],
        )
        .await?;
    }
    Ok(())
}

/// Uses a recovery code once.
pub async fn use_recovery(
    conn: &Connection,
    user_id: i64,
    code_hash: &str,
    now: i64,
) -> DbResult<bool> {
    let params = vec![
        Value::Integer(now),
        Value::Integer(user_id),
        Value::text(code_hash),
    ];
    Ok(db::query_one(conn, USE_RECOVERY, params).await?.is_some())
}

const FACTORS: &str = "SELECT role IN ('moderator', 'admin'), totp_enabled_at IS NOT NULL \
     FROM users WHERE id = ?";

/// (is staff, has two-factor on) for a user.
pub async fn factors(conn: &Connection, user_id: i64) -> DbResult<(bool, bool)> {
    let row = db::query_one(conn, FACTORS, vec![Value::Integer(user_id)]).await?;
    Ok(row.map_or((false, false), |r| {
        (db::int(&r, 0) == 1, db::int(&r, 1) == 1)
    }))
}

// Identities of OpenID providers (`handlers::oidc`).
const IDENTITY_OWNER: &str = "SELECT i.user_id FROM user_identities i \
     JOIN users u ON u.id = i.user_id AND u.deleted_at IS NULL \
     WHERE i.provider = ? AND i.subject = ?";
const TOUCH_IDENTITY: &str = "UPDATE user_identities SET last_used_at = ?, acr = ? \
     WHERE provider = ? AND subject = ?";
const INSERT_IDENTITY: &str = "INSERT INTO user_identities \
     (user_id, provider, subject, acr, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?) \
     ON CONFLICT (provider, subject) DO NOTHING";
const IDENTITIES_OF: &str = "SELECT provider, created_at, last_used_at FROM user_identities \
     WHERE user_id = ? ORDER BY created_at, id";
const ACCOUNT_BY_ID: &str = "SELECT id, password_hash, email_confirmed_at, locale, role, \
     totp_enabled_at FROM users WHERE id = ? AND deleted_at IS NULL";
// The provider vouched for the email: it counts as confirmed.
const INSERT_OIDC_CITIZEN: &str = "INSERT INTO users \
     (email, display_name, role, locale, created_at, email_confirmed_at) \
     VALUES (?, ?, 'citizen', ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id";
const INSERT_LINK: &str = "INSERT INTO oidc_links \
     (token_hash, user_id, provider, subject, acr, created_at, expires_at) \
     VALUES (?, ?, ?, ?, ?, ?, ?)";
const PURGE_LINKS: &str = "DELETE FROM oidc_links WHERE expires_at < ?";
const PENDING_LINK: &str = "SELECT l.user_id, l.provider, l.subject, l.acr FROM oidc_links l \
     JOIN users u ON u.id = l.user_id AND u.deleted_at IS NULL \
     WHERE l.token_hash = ? AND l.expires_at > ?";
const END_LINK: &str = "DELETE FROM oidc_links WHERE token_hash = ?";

fn account_of(r: &db::Row) -> Account {
    Account {
        id: db::int(r, 0),
        password_hash: db::opt_text(r, 1),
        confirmed: db::opt_int(r, 2).is_some(),
        locale: db::opt_text(r, 3),
        staff: matches!(db::text(r, 4).as_str(), "moderator" | "admin"),
        two_factor: db::opt_int(r, 5).is_some(),
    }
}

pub async fn account_by_id(conn: &Connection, user_id: i64) -> DbResult<Option<Account>> {
    let row = db::query_one(conn, ACCOUNT_BY_ID, vec![Value::Integer(user_id)]).await?;
    Ok(row.as_ref().map(account_of))
}

/// The account an identity signs in, if it is linked.
pub async fn identity_owner(
    conn: &Connection,
    provider: &str,
    subject: &str,
) -> DbResult<Option<i64>> {
    let params = vec![Value::text(provider), Value::text(subject)];
    let row = db::query_one(conn, IDENTITY_OWNER, params).await?;
    Ok(row.map(|r| db::int(&r, 0)))
}

pub async fn touch_identity(
    conn: &Connection,
    signed_in: &palabre_kit::oidc::SignedIn,
    now: i64,
) -> DbResult<()> {
    let params = vec![
        Value::Integer(now),
        signed_in.acr.as_deref().map_or(Value::Null, Value::text),
        Value::text(signed_in.provider.id()),
        Value::text(signed_in.subject.as_str()),
    ];
    db::exec(conn, TOUCH_IDENTITY, params).await
}

pub async fn insert_identity(
    conn: &Connection,
    user_id: i64,
    signed_in: &palabre_kit::oidc::SignedIn,
    now: i64,
) -> DbResult<()> {
    let params = vec![
        Value::Integer(user_id),
        Value::text(signed_in.provider.id()),
        Value::text(signed_in.subject.as_str()),
        signed_in.acr.as_deref().map_or(Value::Null, Value::text),
        Value::Integer(now),
        Value::Integer(now),
    ];
    db::exec(conn, INSERT_IDENTITY, params).await
}

/// (provider, linked at, last used at) of each identity of an account.
pub async fn identities_of(conn: &Connection, user_id: i64) -> DbResult<Vec<(String, i64, i64)>> {
    let rows = db::query(conn, IDENTITIES_OF, vec![Value::Integer(user_id)]).await?;
    Ok(rows
        .iter()
        .map(|r| (db::text(r, 0), db::int(r, 1), db::int(r, 2)))
        .collect())
}

/// A new citizen of a provider (no password); `None` if the email has an
/// account after all.
pub async fn insert_oidc_citizen(
    conn: &Connection,
    email: &str,
    display_name: &str,
    locale: &str,
    now: i64,
) -> DbResult<Option<i64>> {
    let params = vec![
        Value::text(email),
        Value::text(display_name),
        Value::text(locale),
        Value::Integer(now),
        Value::Integer(now),
    ];
    let row = db::query_one(conn, INSERT_OIDC_CITIZEN, params).await?;
    Ok(row.map(|r| db::int(&r, 0)))
}

pub async fn insert_link(
    conn: &Connection,
    token_hash: &str,
    user_id: i64,
    signed_in: &palabre_kit::oidc::SignedIn,
    now: i64,
    expires_at: i64,
) -> DbResult<()> {
    db::exec(conn, PURGE_LINKS, vec![Value::Integer(now)]).await?;
    let params = vec![
        Value::text(token_hash),
        Value::Integer(user_id),
        Value::text(signed_in.provider.id()),
        Value::text(signed_in.subject.as_str()),
        signed_in.acr.as_deref().map_or(Value::Null, Value::text),
        Value::Integer(now),
        Value::Integer(expires_at),
    ];
    db::exec(conn, INSERT_LINK, params).await
}

/// The account and identity a pending link joins, while it lives.
pub async fn pending_link(
    conn: &Connection,
    token_hash: &str,
    now: i64,
) -> DbResult<Option<(i64, palabre_kit::oidc::SignedIn)>> {
    let params = vec![Value::text(token_hash), Value::Integer(now)];
    let Some(row) = db::query_one(conn, PENDING_LINK, params).await? else {
        return Ok(None);
    };
    let Some(provider) = palabre_kit::oidc::Provider::parse(&db::text(&row, 1)) else {
        return Ok(None);
    };
    Ok(Some((
        db::int(&row, 0),
        palabre_kit::oidc::SignedIn {
            provider,
            subject: db::text(&row, 2),
            acr: db::opt_text(&row, 3),
            email: None,
            email_verified: false,
            given_name: None,
            family_name: None,
        },
    )))
}

pub async fn end_link(conn: &Connection, token_hash: &str) -> DbResult<()> {
    db::exec(conn, END_LINK, vec![Value::text(token_hash)]).await
}

/// What a resident gives when they claim their desk account.
pub struct ClaimedAccount<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub locale: &'a str,
}

/// Gives a desk account (no email yet) its email, name, password and
/// language; false when it is not such an account any more.
pub async fn claim_desk_account(
    conn: &Connection,
    user_id: i64,
    account: &ClaimedAccount<'_>,
) -> DbResult<bool> {
    let row = db::query_one(
        conn,
        "UPDATE users SET email = ?, display_name = ?, password_hash = ?, locale = ? \
         WHERE id = ? AND email IS NULL AND deleted_at IS NULL RETURNING id",
        vec![
            Value::text(account.email),
            Value::text(account.display_name),
            Value::text(account.password_hash),
            Value::text(account.locale),
            Value::Integer(user_id),
        ],
    )
    .await?;
    Ok(row.is_some())
}
