//! The gate: Palabre's security kernel, composed in front of every feature.
//!
//! It alone holds the session key. For each request it strips incoming
//! `palabre-*` headers, runs migrations once per instance, verifies the session
//! cookie, checks CSRF on unsafe methods, passes the verified visitor to the
//! feature in `palabre-visitor`, turns the feature's session requests into
//! signed cookies, adds security headers to every response, and delivers
//! queued mail when an API is configured.

mod access_log;
mod identity;
mod limits;
mod mail;
mod migrations;
mod notices;
mod oidc;
mod once;
mod public;
mod refusal;
mod security;
mod serve;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use bytes::Bytes;
use http::{HeaderValue, Method, header};
use http_body_util::{BodyExt, Limited};
use palabre_domain::Locale;
use palabre_kit::db::{self, Value};
use palabre_kit::ratelimit::Limit;
use palabre_kit::session::{self, Key, KeyError, SESSION_COOKIE, SessionClaims};
use palabre_kit::visitor::{
    CLIENT_HEADER, CSRF_FIELD, CSRF_HEADER, END_SESSION_HEADER, SET_SESSION_HEADER,
};
use palabre_kit::{client, form, i18n, ratelimit, respond, retention};

/// The error pages' messages and the gate's own mail (`gate-…`), cut from
/// the shared catalogues by build.rs.
static MESSAGES: i18n::Catalogue = i18n::Catalogue::new([
    i18n::Source::Text(include_str!(concat!(env!("OUT_DIR"), "/fr.ftl"))),
    i18n::Source::Text(include_str!(concat!(env!("OUT_DIR"), "/en.ftl"))),
    i18n::Source::Text(include_str!(concat!(env!("OUT_DIR"), "/de.ftl"))),
]);
use spin_sdk::http::{IntoResponse, Request};
use spin_sdk::wasip3::http::types::{ErrorCode, Fields, Response as WasiResponse};

pub use migrations::{MIGRATIONS, latest};

use identity::{Identity, identify, lookup_user};
use refusal::Refusal;

/// Largest request body the gate buffers (forms, with an image of up to 2 MB).
pub const MAX_BODY: usize = palabre_kit::forms::MAX_FORM;

/// What a blocked account may still post: leave, and its rights over its data.
const BLOCKED_MAY_POST: &[&str] = &["/account/logout", "/account/delete"];
const END_SESSION: &str = "INSERT OR IGNORE INTO ended_sessions \
     (session_id, user_id, ended_at, expires_at) VALUES (?, ?, ?, ?)";
const PURGE_ENDED: &str = "DELETE FROM ended_sessions WHERE expires_at < ?";

/// Per-instance state: the key (checked once) and whether the schema is ready.
static KEY: OnceLock<Result<Key, KeyError>> = OnceLock::new();
static READY: AtomicBool = AtomicBool::new(false);
/// The database's schema is newer than this build's (a rollback, a rolling
/// deploy): writes are refused, since this code would write rows the newer
/// schema does not expect.
static NEWER_SCHEMA: AtomicBool = AtomicBool::new(false);
/// The configured public origin (`base_url` variable), checked once.
static BASE_URL: OnceLock<Option<String>> = OnceLock::new();

async fn base_url() -> Option<&'static str> {
    if let Some(url) = BASE_URL.get() {
        return url.as_deref();
    }
    let raw = spin_sdk::variables::get("base_url")
        .await
        .unwrap_or_default();
    BASE_URL
        .get_or_init(|| {
            let url = palabre_kit::mail::parse_origin(&raw);
            if url.is_none() {
                if raw.trim().is_empty() {
                    eprintln!("gate: base_url is not set: mails with a link (sign-up, reset, invitations) are refused except on loopback (docs/DEPLOY.md)");
                } else {
                    eprintln!("gate: base_url {raw:?} is not an origin like https://ville.example: mails with a link are refused except on loopback (docs/DEPLOY.md)");
                }
            }
            url
        })
        .as_deref()
}

/// The site's origin (for pages) and the origin links in mails are made
/// under: `base_url`, never the Host header (whoever sends the request
/// chooses it); without `base_url`, mails link only to a loopback origin, for
/// development.
async fn origins(parts: &http::request::Parts) -> (String, Option<String>) {
    match base_url().await {
        Some(url) => (url.to_string(), Some(url.to_string())),
        None => {
            let origin = security::request_origin(parts);
            let local = palabre_kit::mail::is_loopback_origin(&origin).then(|| origin.clone());
            (origin, local)
        }
    }
}

/// The commune's trusted proxies (`trusted_proxies`, `forwarded_header`),
/// read once; a setting that cannot be read trusts none (each visitor is
/// then the runtime's peer) and says why.
static PROXIES: OnceLock<client::Proxies> = OnceLock::new();

async fn proxies() -> &'static client::Proxies {
    if let Some(proxies) = PROXIES.get() {
        return proxies;
    }
    let trusted = spin_sdk::variables::get("trusted_proxies")
        .await
        .unwrap_or_default();
    let header = spin_sdk::variables::get("forwarded_header")
        .await
        .unwrap_or_default();
    PROXIES.get_or_init(|| {
        client::Proxies::parse(&trusted, &header).unwrap_or_else(|e| {
            eprintln!("gate: {e}; no proxy is trusted (docs/DEPLOY.md, \"The client's address\")");
            client::Proxies::default()
        })
    })
}

/// When the retention rules were last applied, as this instance knows it.
static LAST_PURGE: AtomicI64 = AtomicI64::new(0);

/// After a write request, in the background, once an hour across all
/// instances: the rows that have had their time go (`kit::retention`, a few
/// bounded batches, each its own transaction). An instance asks the database
/// when the last purge was (a read) at most once an hour after it, so a crowd
/// of fresh instances reads one row each and one of them purges.
fn retention_after_write() {
    let now = palabre_kit::now();
    let last = LAST_PURGE.load(Ordering::Relaxed);
    if now - last < retention::EVERY
        || LAST_PURGE
            .compare_exchange(last, now, Ordering::AcqRel, Ordering::Relaxed)
            .is_err()
    {
        return;
    }
    spin_sdk::wasip3::spawn(async move {
        let purged = async {
            let conn = db::open().await?;
            match retention::claim(&conn, now).await? {
                Ok(()) => retention::purge(&conn, now).await,
                Err(last) => {
                    LAST_PURGE.store(last, Ordering::Relaxed);
                    Ok(0)
                }
            }
        };
        match purged.await {
            Ok(0) => {}
            Ok(n) => eprintln!("gate: retention: {n} rows past their term deleted"),
            Err(e) => eprintln!("gate: retention: {e}"),
        }
    });
}

/// Set once an administrator exists (the first-run setup is then over for good).
static SET_UP: AtomicBool = AtomicBool::new(false);

const HAS_ADMIN: &str = "SELECT 1 FROM users WHERE role = 'admin' AND deleted_at IS NULL LIMIT 1";

/// Paths reachable before the first-run setup is done.
fn reachable_before_setup(path: &str) -> bool {
    path == "/setup" || path == "/health" || path == "/brand.css" || path.starts_with("/static/")
}

/// True while the instance has no administrator (every page then leads to `/setup`).
async fn needs_setup() -> palabre_kit::Result<bool> {
    if SET_UP.load(Ordering::Acquire) {
        return Ok(false);
    }
    let conn = db::open().await?;
    if db::query_one(&conn, HAS_ADMIN, Vec::new()).await?.is_some() {
        SET_UP.store(true, Ordering::Release);
        return Ok(false);
    }
    Ok(true)
}

async fn key() -> Result<&'static Key, &'static KeyError> {
    if let Some(key) = KEY.get() {
        return key.as_ref();
    }
    let secret = spin_sdk::variables::get("session_key")
        .await
        .unwrap_or_default();
    KEY.get_or_init(|| {
        let key = Key::new(secret.trim());
        if let Err(e) = &key {
            eprintln!(
                "gate: sessions disabled: {e}; set the session_key variable (32+ random characters)"
            );
        }
        key
    })
    .as_ref()
}

/// Runs migrations (and the demo seed) on the first request an instance serves.
async fn prepare_database() -> palabre_kit::Result<()> {
    if READY.load(Ordering::Acquire) {
        return Ok(());
    }
    let conn = &db::open().await?;
    db::prefer_wal(conn).await;
    let version = migrations::migrate(conn).await?;
    if version > migrations::latest() {
        eprintln!(
            "gate: the database's schema is version {version}, newer than this build's ({}): \
             writes are refused with a 503 until the newer build serves again \
             (docs/DEPLOY.md, \"Rolling back\")",
            migrations::latest()
        );
        NEWER_SCHEMA.store(true, Ordering::Release);
        READY.store(true, Ordering::Release);
        return Ok(());
    }
    let demo = spin_sdk::variables::get("demo_seed")
        .await
        .unwrap_or_default();
    if demo.trim() == "true" {
        migrations::seed_demo(conn).await?;
    }
    READY.store(true, Ordering::Release);
    Ok(())
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Reads the CSRF token from the header or the (buffered) form body.
fn submitted_token(headers: &http::HeaderMap, body: &[u8]) -> Option<String> {
    if let Some(token) = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        return Some(token.to_string());
    }
    form_field(headers, body, CSRF_FIELD)
}

/// How many fields a (buffered) form body holds, counted without decoding:
/// `&`-separated pairs, or multipart delimiters.
fn form_fields(headers: &http::HeaderMap, body: &[u8]) -> usize {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Some(boundary) = form::multipart_boundary(content_type) {
        let delimiter = format!("--{boundary}");
        let delimiter = delimiter.as_bytes();
        return body
            .windows(delimiter.len().max(1))
            .filter(|w| *w == delimiter)
            .count()
            .saturating_sub(1);
    }
    body.split(|&b| b == b'&').filter(|p| !p.is_empty()).count()
}

/// One field of the (buffered) form body, urlencoded or multipart.
fn form_field(headers: &http::HeaderMap, body: &[u8], name: &str) -> Option<String> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type
        .to_ascii_lowercase()
        .starts_with("application/x-www-form-urlencoded")
    {
        let pairs = form::parse_urlencoded(body);
        return form::field(&pairs, name).map(str::to_string);
    }
    let boundary = form::multipart_boundary(content_type)?;
    form::multipart_field(body, &boundary, name)
}

fn locale_of(parts: &http::request::Parts) -> Locale {
    palabre_kit::Ctx::new(parts, Locale::Fr).locale
}

/// An unsafe method passes only from the same origin, with a valid CSRF token
/// and a bounded body; returns the buffered body to forward.
async fn check_unsafe(
    headers: &http::HeaderMap,
    authority: Option<&str>,
    body: spin_sdk::wasip3::http_compat::IncomingRequestBody,
    identity: &Identity,
    key: Option<&Key>,
) -> Result<Bytes, Refusal> {
    if !security::same_origin(headers, authority) {
        return Err(Refusal::Csrf);
    }
    let key = key.ok_or(Refusal::Misconfigured)?;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > MAX_BODY as u64) {
        return Err(Refusal::TooLarge);
    }
    let bytes = match Limited::new(body, MAX_BODY).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e)
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some() =>
        {
            return Err(Refusal::TooLarge);
        }
        Err(_) => return Err(Refusal::BadBody),
    };
    if form_fields(headers, &bytes) > palabre_kit::forms::MAX_FIELDS {
        return Err(Refusal::TooManyFields);
    }
    match (
        identity.binding.as_deref(),
        submitted_token(headers, &bytes),
    ) {
        (Some(binding), Some(token)) if session::csrf_ok(key, binding, &token) => Ok(bytes),
        _ => Err(Refusal::Csrf),
    }
}

/// Counts the request against its rate limits (after the CSRF check, so that
/// forged requests cannot lock anyone out). Whom a bucket counts (an email,
/// an address, a person) is kept only as a keyed hash (`session::pseudonym`).
/// When sign-ins to an account are refused, its owner is told by mail, once
/// an hour at most. Returns the buckets to count once the feature accepted
/// the request (`limits::counts_accepted_only`).
async fn check_limits(
    parts: &http::request::Parts,
    user_id: Option<i64>,
    body: &[u8],
    key: Option<&Key>,
    locale: Locale,
) -> Result<Vec<(String, Limit)>, Refusal> {
    let ip = parts
        .headers
        .get(CLIENT_HEADER)
        .and_then(|v| v.to_str().ok());
    let path = parts.uri.path();
    let buckets = limits::buckets(&parts.method, path, ip, user_id, body);
    if buckets.is_empty() {
        return Ok(Vec::new());
    }
    let key = key.ok_or(Refusal::Misconfigured)?;
    let unavailable = |e: db::DbError| {
        eprintln!("gate: rate limits: {e}");
        Refusal::Unavailable
    };
    let conn = db::open().await.map_err(unavailable)?;
    let now = palabre_kit::now();
    // Every bucket counts the request, or none does (one statement alone is
    // its own transaction: the crowds' single bucket needs no BEGIN).
    let count = async |conn: &db::Connection| {
        let mut wait: Option<i64> = None;
        let mut tell = false;
        let mut later = Vec::new();
        for (bucket, limit) in &buckets {
            let stored = limits::stored_name(bucket, |subject| {
                session::pseudonym(key, "rate-limit", subject)
            });
            let over = if limits::counts_accepted_only(bucket) {
                let over = ratelimit::peek(conn, &stored, *limit, now).await?;
                later.push((stored, *limit));
                over
            } else {
                ratelimit::hit(conn, &stored, *limit, now).await?
            };
            if let Some(seconds) = over {
                wait = Some(wait.map_or(seconds, |w| w.max(seconds)));
                tell |= limits::tells_the_owner(bucket);
            }
        }
        Ok::<_, palabre_kit::Error>((wait, tell, later))
    };
    let counted = if buckets.len() == 1 {
        count(&conn).await
    } else {
        db::immediate(&conn, count).await
    };
    let (wait, tell, later) = counted.map_err(|e| {
        eprintln!("gate: rate limits: {e}");
        Refusal::Unavailable
    })?;
    // Now and then (one request in 97, at random: a crowd arriving in the
    // same second does not all purge at once), forget old windows (a write
    // of its own).
    if palabre_kit::one_in(97) {
        let purge = db::open().await.map_err(unavailable)?;
        ratelimit::purge(&purge, now).await.map_err(unavailable)?;
    }
    if tell && let Some(email) = limits::sign_in_email(body) {
        let (_, mail_origin) = origins(parts).await;
        let told = db::immediate(&conn, async |conn| {
            let origin = mail_origin.as_deref();
            Ok(notices::sign_ins_refused(conn, key, &email, origin, locale, now).await?)
        })
        .await;
        if let Err(e) = told {
            eprintln!("gate: cannot tell an account's owner of refused sign-ins: {e}");
        }
    }
    match wait {
        Some(seconds) => Err(Refusal::TooMany(seconds)),
        None => Ok(later),
    }
}

/// Counts, once the feature accepted the request, what only accepted
/// requests count (the buckets `check_limits` returned).
async fn count_accepted(later: &[(String, Limit)]) {
    if later.is_empty() {
        return;
    }
    let now = palabre_kit::now();
    let counted = async {
        let conn = db::open().await?;
        for (stored, limit) in later {
            ratelimit::hit(&conn, stored, *limit, now).await?;
        }
        Ok::<_, db::DbError>(())
    };
    if let Err(e) = counted.await {
        eprintln!("gate: cannot count an accepted request: {e}");
    }
}

async fn end_session(claims: &SessionClaims) -> Result<(), Refusal> {
    let failed = |e: db::DbError| {
        eprintln!("gate: cannot end a session: {e}");
        Refusal::Unavailable
    };
    let conn = db::open().await.map_err(failed)?;
    let now = palabre_kit::now();
    let params = vec![
        Value::text(claims.session_id.as_str()),
        Value::Integer(claims.user_id),
        Value::Integer(now),
        Value::Integer(claims.expires_at),
    ];
    let ended = db::immediate(&conn, async |conn| {
        db::exec(conn, END_SESSION, params).await?;
        db::exec(conn, PURGE_ENDED, vec![Value::Integer(now)]).await?;
        Ok(())
    })
    .await;
    ended.map_err(|e| {
        eprintln!("gate: cannot end a session: {e}");
        Refusal::Unavailable
    })
}

/// An answer the gate kept and gives again without asking the feature (a
/// public page's copy, a replayed submit), finished for this visitor: their
/// own cookies (a new pre-session, a dead one cleared) and the security
/// headers.
async fn kept_answer(
    mut response: respond::Response,
    identity: &Identity,
    key: Option<&Key>,
    locale: Locale,
) -> respond::Response {
    let (cookies, signed_in, _) =
        match session_cookies(&http::HeaderMap::new(), identity, key).await {
            Ok(found) => found,
            Err(refusal) => return refusal.page(locale),
        };
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    security::add_headers(response.headers_mut(), signed_in);
    response
}

/// The cookies to set for what the feature asked (`palabre-set-session`,
/// `palabre-end-session`) and what the gate found (a dead cookie, a new
/// pre-session, a session to refresh). The bool says whether the response is
/// for a signed-in visitor; the claims are those of a session it started.
async fn session_cookies(
    headers: &http::HeaderMap,
    identity: &Identity,
    key: Option<&Key>,
) -> Result<(Vec<String>, bool, Option<SessionClaims>), Refusal> {
    let mut started = None;
    let mut cookies = Vec::new();
    let mut signed_in = identity.session.is_some();
    let start = headers
        .get(SET_SESSION_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok());
    if let Some(user_id) = start {
        let key = key.ok_or(Refusal::Misconfigured)?;
        let session_id = session::random_id().map_err(|e| {
            eprintln!("gate: no randomness for a session id: {e}");
            Refusal::Internal
        })?;
        // The session's absolute lifetime depends on the role.
        let user = lookup_user(user_id, None).await.ok_or_else(|| {
            eprintln!("gate: a session was asked for unknown user {user_id}");
            Refusal::Internal
        })?;
        // A password change revokes every session up to the next second
        // (`sessions_valid_after = now + 1`); the new session starts there.
        let now = palabre_kit::now().max(user.sessions_valid_after);
        let lifetime = user.role.session_absolute_seconds();
        let claims = SessionClaims {
            user_id,
            session_id,
            issued_at: now,
            expires_at: now + lifetime,
            seen_at: now,
        };
        cookies.push(security::session_cookie(
            &session::sign(key, &claims),
            lifetime,
        ));
        signed_in = true;
        started = Some(claims);
    } else if headers.contains_key(END_SESSION_HEADER) || identity.clear_session {
        cookies.push(security::clear_cookie(SESSION_COOKIE));
    } else if let (Some(claims), Some(key)) = (&identity.refreshed, key) {
        let remaining = claims.expires_at - claims.seen_at;
        cookies.push(security::session_cookie(
            &session::sign(key, claims),
            remaining,
        ));
    }
    if let Some(pre) = &identity.new_presession {
        cookies.push(security::presession_cookie(pre));
    }
    // Logging out, or signing in again, ends the current session for good
    // (its cookie could have been copied), not only in this browser.
    if let Some(current) = &identity.session
        && (start.is_some() || headers.contains_key(END_SESSION_HEADER))
    {
        end_session(current).await?;
    }
    Ok((cookies, signed_in, started))
}

/// Every request, answered by [`serve`], then logged (`access_log`).
#[spin_sdk::http_service]
async fn handle(request: Request) -> anyhow::Result<WasiResponse> {
    let started = std::time::Instant::now();
    let method = request.method().clone();
    let route = access_log::route(request.uri().path());
    let response = serve::serve(request).await;
    let status = response.as_ref().map_or(500, |r| r.get_status_code());
    eprintln!(
        "{}",
        access_log::line(&method, &route, status, started.elapsed())
    );
    response
}

/// Converts one of our own (fully rendered) responses for the WASI export.
fn wasi(response: respond::Response) -> anyhow::Result<WasiResponse> {
    response
        .into_response()
        .map_err(|e| anyhow::anyhow!("response: {e:?}"))
}

/// Re-heads the feature's response without copying its body: the body stream
/// is handed over as is, and its delivery outcome is reported back to the feature.
fn passthrough(
    parts: http::response::Parts,
    mut body: spin_sdk::wasip3::http_compat::IncomingResponseBody,
) -> anyhow::Result<WasiResponse> {
    let Some(inner) = body.take_unstarted() else {
        // Not expected: the body was already read. Fall back to copying it.
        let response = http::Response::from_parts(
            parts,
            body.map_err(|e| anyhow::anyhow!("{e:?}")).boxed_unsync(),
        );
        return response
            .into_response()
            .map_err(|e| anyhow::anyhow!("response: {e:?}"));
    };
    let entries: Vec<(String, Vec<u8>)> = parts
        .headers
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.as_bytes().to_vec()))
        .collect();
    let fields = Fields::from_list(&entries).map_err(|e| anyhow::anyhow!("headers: {e:?}"))?;
    let (delivered_tx, delivered_rx) =
        spin_sdk::wasip3::wit_future::new::<Result<(), ErrorCode>>(|| Ok(()));
    let (contents, trailers) = WasiResponse::consume_body(inner, delivered_rx);
    let (outer, transmitted) = WasiResponse::new(fields, Some(contents), trailers);
    outer
        .set_status_code(parts.status.as_u16())
        .map_err(|()| anyhow::anyhow!("bad status {}", parts.status))?;
    spin_sdk::wasip3::spawn(async move {
        let outcome = transmitted.await;
        let _ = delivered_tx.write(outcome).await;
    });
    Ok(outer)
}

#[cfg(test)]
mod tests;
