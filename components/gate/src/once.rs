//! Idempotency keys (migration 0023). Every form carries a fresh key in
//! `_once` (`kit::render`'s `{{form_keys}}`). The gate claims the key before
//! the feature runs and keeps the feature's answer, so a replayed or
//! double-clicked submit has one effect and shows the same result:
//! - the first request with a key runs; a success (2xx, 3xx) is kept,
//!   anything else releases the key (nothing was written: writes are
//!   transactions, and bad input changes nothing), so the form can be sent again;
//! - a request whose key is taken waits for the first one's answer and gives
//!   it back; if the first is still running after [`WAIT`], it says so (409);
//! - a key left claimed by a request that died (a trap, a killed host) is taken
//!   over after [`ABANDONED`] seconds;
//! - the feature's transaction itself records that the form's effect is
//!   written (`committed_at`, set before its COMMIT through the `palabre-once`
//!   header, `kit::db`): such a key is never released nor taken over, so a
//!   replay after a lost answer (the gate could not keep it, the feature
//!   failed after its commit, a COMMIT's reply never came) writes nothing
//!   again and says the form was taken into account.
//!
//! Keys are scoped to the session or pre-session the form was rendered for
//! (stored as a SHA-256, never as the binding itself), and kept a day; a
//! signed-in person's keys name them, and go with their account. An answer
//! that shows a secret (`Cache-Control: no-store`, `kit::respond::secret`:
//! recovery codes, a sign-in challenge, a two-step secret) is never kept: its
//! key is released, and a replay runs again (a new challenge, new codes:
//! what the browser shows is the last answer, so the secret it shows is the
//! one that holds).

use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use palabre_kit::db::{self, Connection, DbResult, Value};
use palabre_kit::respond::{Body, Response};
use palabre_kit::tokens;

/// Largest answer kept for a replay; a larger one releases its key.
pub const MAX_KEPT: usize = 256 * 1024;
/// How long a second request waits for the first one's answer.
const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// A claim this old with no answer belongs to a request that died.
const ABANDONED: i64 = 60;
/// Keys are forgotten after a day.
const KEEP: i64 = 86_400;

/// A new claim; a key left from more than a day ago (a form left open, not
/// yet purged) is claimed afresh, as the lookup no longer sees it.
const CLAIM: &str = "INSERT INTO idempotency_keys (scope, key, path, claimed_at, user_id) \
     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (scope, key) DO UPDATE SET path = excluded.path, \
     claimed_at = excluded.claimed_at, user_id = excluded.user_id, status = NULL, \
     location = NULL, content_type = NULL, body = NULL, committed_at = NULL \
     WHERE idempotency_keys.claimed_at < ?6 RETURNING 1";
const TAKE_OVER: &str = "UPDATE idempotency_keys SET claimed_at = ?4 \
     WHERE scope = ?1 AND key = ?2 AND path = ?3 AND status IS NULL AND claimed_at <= ?5 \
     AND committed_at IS NULL RETURNING 1";
const LOOK: &str = "SELECT path, status, location, content_type, body, claimed_at, \
     committed_at IS NOT NULL FROM idempotency_keys WHERE scope = ? AND key = ? AND claimed_at >= ?";
const KEEP_ANSWER: &str = "UPDATE idempotency_keys \
     SET status = ?, location = ?, content_type = ?, body = ? \
     WHERE scope = ? AND key = ? AND status IS NULL";
const RELEASE: &str = "DELETE FROM idempotency_keys \
     WHERE scope = ? AND key = ? AND status IS NULL AND committed_at IS NULL";
const RELEASE_REFUSED: &str =
    "DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL";

/// A key this request holds: the feature runs, then [`keep`] or [`release`].
pub struct Held {
    scope: String,
    key: String,
}

impl Held {
    /// The `palabre-once` header's value, for the feature's transactions.
    pub fn header(&self) -> String {
        format!("{} {}", self.scope, self.key)
    }
}

/// What to do with a submit.
pub enum Claim {
    /// No key (an API call, a form from an older page): it runs as it is.
    Free,
    /// This request holds the key.
    Held(Held),
    /// The first request with this key answered this.
    Replay(Response),
    /// The first request with this key is still running, or the key was
    /// sent to another address.
    Pending,
    /// The first request with this key wrote its effect, and its answer was
    /// lost: nothing is written again.
    Done,
}

/// Claims `key` (the form's `_once`) for the visitor's `binding`, waiting for
/// an earlier request with the same key if one is running.
pub async fn claim(
    binding: Option<&str>,
    user_id: Option<i64>,
    key: Option<&str>,
    path: &str,
) -> DbResult<Claim> {
    let (Some(binding), Some(key)) = (binding, key.filter(|k| plausible(k))) else {
        return Ok(Claim::Free);
    };
    let scope = tokens::hash_token(binding);
    let conn = db::open().await?;
    let params = |now: i64| {
        vec![
            Value::Text(scope.clone()),
            Value::Text(key.to_string()),
            Value::Text(path.to_string()),
            Value::Integer(now),
        ]
    };
    let claim_params = |now: i64| {
        let mut p = params(now);
        p.push(user_id.map_or(Value::Null, Value::Integer));
        p.push(Value::Integer(now - KEEP));
        p
    };
    let held = || Held {
        scope: scope.clone(),
        key: key.to_string(),
    };
    // Old keys go with the other rows that have had their time
    // (`kit::retention`, after write requests).
    let now = palabre_kit::now();
    if db::query_one(&conn, CLAIM, claim_params(now))
        .await?
        .is_some()
    {
        return Ok(Claim::Held(held()));
    }
    let started = std::time::Instant::now();
    loop {
        // A key older than a day answers nothing, purged or not.
        let look = vec![
            Value::Text(scope.clone()),
            Value::Text(key.to_string()),
            Value::Integer(palabre_kit::now() - KEEP),
        ];
        let Some(row) = db::query_one(&conn, LOOK, look).await? else {
            // Released in the meantime (the first request failed): ours now.
            let now = palabre_kit::now();
            if db::query_one(&conn, CLAIM, claim_params(now))
                .await?
                .is_some()
            {
                return Ok(Claim::Held(held()));
            }
            continue;
        };
        if db::text(&row, 0) != path {
            return Ok(Claim::Pending);
        }
        if let Some(status) = db::opt_int(&row, 1) {
            return Ok(Claim::Replay(answer(
                status,
                db::opt_text(&row, 2),
                db::opt_text(&row, 3),
                db::blob(&row, 4),
            )));
        }
        let written = db::int(&row, 6) == 1;
        let now = palabre_kit::now();
        if written && (db::int(&row, 5) <= now - ABANDONED || started.elapsed() >= WAIT) {
            return Ok(Claim::Done);
        }
        if !written && db::int(&row, 5) <= now - ABANDONED {
            let mut take = params(now);
            take.push(Value::Integer(now - ABANDONED));
            if db::query_one(&conn, TAKE_OVER, take).await?.is_some() {
                return Ok(Claim::Held(held()));
            }
            continue;
        }
        if started.elapsed() >= WAIT {
            return Ok(Claim::Pending);
        }
        spin_sdk::time::sleep(POLL).await;
    }
}

/// A key as forms carry it (22 characters), or as an API client may choose
/// it: 16 to 64 URL-safe characters.
fn plausible(key: &str) -> bool {
    (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether an answer can be given again as it is: a success that neither
/// opens nor ends a session (the cookie goes with the first answer only) and
/// shows no secret (kept nowhere, this store and its backups included).
pub fn keepable(status: StatusCode, headers: &HeaderMap, session_change: bool) -> bool {
    (status.is_success() || status.is_redirection())
        && !session_change
        && !palabre_kit::respond::shows_a_secret(headers)
        && headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok())
            .is_some_and(|len| len <= MAX_KEPT)
}

/// Keeps the feature's answer for the key's replays.
pub async fn keep(held: &Held, status: StatusCode, headers: &HeaderMap, body: &[u8]) {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map_or(Value::Null, |v| Value::Text(v.to_string()))
    };
    let params = vec![
        Value::Integer(i64::from(status.as_u16())),
        text(header::LOCATION),
        text(header::CONTENT_TYPE),
        Value::Blob(body.to_vec()),
        Value::Text(held.scope.clone()),
        Value::Text(held.key.clone()),
    ];
    if let Err(e) = run(KEEP_ANSWER, params).await {
        // The write itself is done; a replay will find the claim abandoned
        // and run again, which the feature's own checks keep harmless.
        eprintln!("gate: cannot keep an answer for its replays: {e}");
    }
}

/// Gives the key back, unless the feature recorded that the form's effect is
/// written (then it stays, and a replay is told so).
pub async fn release(held: &Held) {
    release_by(RELEASE, held).await;
}

/// Gives the key back whatever the feature recorded: after a refusal (4xx),
/// which writes nothing (a transaction may have run to decide it), so that
/// the corrected form goes through; after an answer that shows a secret,
/// which is never given again, so that a replay runs anew.
pub async fn release_for_rerun(held: &Held) {
    release_by(RELEASE_REFUSED, held).await;
}

async fn release_by(sql: &str, held: &Held) {
    let params = vec![
        Value::Text(held.scope.clone()),
        Value::Text(held.key.clone()),
    ];
    if let Err(e) = run(sql, params).await {
        eprintln!("gate: cannot release an idempotency key: {e}");
    }
}

async fn run(sql: &str, params: Vec<Value>) -> DbResult<()> {
    let conn: Connection = db::open().await?;
    db::exec(&conn, sql, params).await
}

/// The kept answer, as the feature gave it.
fn answer(
    status: i64,
    location: Option<String>,
    content_type: Option<String>,
    body: Vec<u8>,
) -> Response {
    let body = Bytes::from(body);
    let mut response = http::Response::new(Body::new(body.clone()));
    *response.status_mut() = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    for (name, value) in [
        (header::LOCATION, location),
        (header::CONTENT_TYPE, content_type),
    ] {
        if let Some(value) = value.and_then(|v| HeaderValue::from_str(&v).ok()) {
            headers.insert(name, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bounded_successes_without_a_session_change_are_kept() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(0));
        assert!(keepable(StatusCode::SEE_OTHER, &headers, false));
        assert!(keepable(StatusCode::OK, &headers, false));
        assert!(!keepable(StatusCode::SEE_OTHER, &headers, true));
        assert!(!keepable(StatusCode::BAD_REQUEST, &headers, false));
        assert!(!keepable(StatusCode::SERVICE_UNAVAILABLE, &headers, false));
        let mut secret = headers.clone();
        secret.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        assert!(!keepable(StatusCode::OK, &secret, false));
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(MAX_KEPT + 1));
        assert!(!keepable(StatusCode::OK, &headers, false));
        assert!(!keepable(StatusCode::OK, &HeaderMap::new(), false));
    }

    #[test]
    fn keys_are_url_safe_and_bounded() {
        assert!(plausible(&palabre_kit::session::random_id().unwrap()));
        assert!(plausible("cinq-clics-0123456789ab"));
        assert!(!plausible("short"));
        assert!(!plausible(&"k".repeat(65)));
        assert!(!plausible("with space 0123456789"));
        assert!(!plausible("quote'0123456789abcdef"));
    }

    #[test]
    fn a_kept_answer_comes_back_as_it_was() {
        let r = answer(
            303,
            Some("/proposals/x".into()),
            Some("text/html; charset=utf-8".into()),
            b"<p>ok</p>".to_vec(),
        );
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[header::LOCATION], "/proposals/x");
        assert_eq!(r.headers()[header::CONTENT_LENGTH], "9");
        let odd = answer(99_999, None, None, Vec::new());
        assert_eq!(odd.status(), StatusCode::OK);
        assert!(!odd.headers().contains_key(header::LOCATION));
    }
}
