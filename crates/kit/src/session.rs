//! Signed session cookies and CSRF tokens: pure functions over a key, so the
//! gate's security rests on code that is unit-tested (and fuzzable) natively.
//!
//! Cookie value: `base64url(payload) "." base64url(HMAC-SHA256(key, "session\0" payload))`
//! with `payload = "2|<user id>|<session id>|<issued at>|<expires at>|<last seen>"`
//! (unix seconds). `expires at` is the absolute end; `last seen` drives the idle
//! timeout, and the gate re-issues the cookie as the visitor keeps using the site.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Name of the session cookie: `__Host-` binds it to this origin, path `/`, Secure.
pub const SESSION_COOKIE: &str = "__Host-palabre-session";
/// Name of the pre-session cookie that anonymous forms' CSRF tokens are bound to.
pub const PRESESSION_COOKIE: &str = "__Host-palabre-pre";
/// Shortest accepted `session_key` (characters of the Spin variable).
pub const MIN_KEY_LEN: usize = 32;
/// Longest cookie value we even try to parse.
const MAX_COOKIE_LEN: usize = 512;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionClaims {
    pub user_id: i64,
    /// Random per login: a new session id on every sign-in.
    pub session_id: String,
    pub issued_at: i64,
    /// Absolute end of the session, whatever the activity.
    pub expires_at: i64,
    /// Last time the gate refreshed the cookie (idle timeout).
    pub seen_at: i64,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CookieError {
    #[error("malformed session cookie")]
    Malformed,
    #[error("session cookie signature does not match")]
    BadSignature,
    #[error("session cookie expired")]
    Expired,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    #[error("the session_key variable is not set")]
    Missing,
    #[error(
        "the session_key variable is too short ({0} characters, at least {MIN_KEY_LEN} needed)"
    )]
    TooShort(usize),
}

/// The application's secret, checked once.
#[derive(Clone)]
pub struct Key(Vec<u8>);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

impl Key {
    pub fn new(secret: &str) -> Result<Key, KeyError> {
        let len = secret.chars().count();
        if len == 0 {
            Err(KeyError::Missing)
        } else if len < MIN_KEY_LEN {
            Err(KeyError::TooShort(len))
        } else {
            Ok(Key(secret.as_bytes().to_vec()))
        }
    }

    fn mac(&self, purpose: &str, message: &[u8]) -> Vec<u8> {
        // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
        let mut mac = match HmacSha256::new_from_slice(&self.0) {
            Ok(mac) => mac,
            Err(_) => return Vec::new(),
        };
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(message);
        mac.finalize().into_bytes().to_vec()
    }

    fn verify_mac(&self, purpose: &str, message: &[u8], tag: &[u8]) -> bool {
        let Ok(mut mac) = HmacSha256::new_from_slice(&self.0) else {
            return false;
        };
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(message);
        mac.verify_slice(tag).is_ok()
    }
}

/// Signs claims into a cookie value.
pub fn sign(key: &Key, claims: &SessionClaims) -> String {
    let payload = format!(
        "2|{}|{}|{}|{}|{}",
        claims.user_id, claims.session_id, claims.issued_at, claims.expires_at, claims.seen_at
    );
    let tag = key.mac("session", payload.as_bytes());
    format!("{}.{}", B64.encode(payload), B64.encode(tag))
}

/// Verifies a cookie value: signature first (constant time), then shape, then expiry.
pub fn verify(key: &Key, value: &str, now: i64) -> Result<SessionClaims, CookieError> {
    if value.len() > MAX_COOKIE_LEN {
        return Err(CookieError::Malformed);
    }
    let (payload_b64, tag_b64) = value.split_once('.').ok_or(CookieError::Malformed)?;
    if payload_b64.is_empty() || tag_b64.is_empty() {
        return Err(CookieError::Malformed);
    }
    let payload = B64
        .decode(payload_b64)
        .map_err(|_| CookieError::Malformed)?;
    let tag = B64.decode(tag_b64).map_err(|_| CookieError::Malformed)?;
    if !key.verify_mac("session", &payload, &tag) {
        return Err(CookieError::BadSignature);
    }
    let payload = std::str::from_utf8(&payload).map_err(|_| CookieError::Malformed)?;
    let fields: Vec<&str> = payload.split('|').collect();
    let [version, user_id, session_id, issued_at, expires_at, seen_at] = fields[..] else {
        return Err(CookieError::Malformed);
    };
    if version != "2" || session_id.is_empty() {
        return Err(CookieError::Malformed);
    }
    let number = |s: &str| s.parse::<i64>().map_err(|_| CookieError::Malformed);
    let claims = SessionClaims {
        user_id: number(user_id)?,
        session_id: session_id.to_string(),
        issued_at: number(issued_at)?,
        expires_at: number(expires_at)?,
        seen_at: number(seen_at)?,
    };
    if claims.user_id <= 0
        || claims.issued_at > claims.expires_at
        || claims.seen_at < claims.issued_at
        || claims.seen_at > claims.expires_at
    {
        return Err(CookieError::Malformed);
    }
    if now >= claims.expires_at {
        return Err(CookieError::Expired);
    }
    Ok(claims)
}

/// The CSRF token for a binding (a session id, or a pre-session cookie value).
pub fn csrf_token(key: &Key, binding: &str) -> String {
    B64.encode(key.mac("csrf", binding.as_bytes()))
}

/// A stable keyed stand-in for `text` (an email, an address) where it must be
/// recognised again but not read: 128 bits of HMAC-SHA256 under the app's key
/// and `purpose`, base64url. Without the key, a table of them is no list of
/// who tried.
pub fn pseudonym(key: &Key, purpose: &str, text: &str) -> String {
    let mac = key.mac(purpose, text.as_bytes());
    B64.encode(&mac[..mac.len().min(16)])
}

/// Checks a submitted CSRF token against its binding, in constant time.
pub fn csrf_ok(key: &Key, binding: &str, submitted: &str) -> bool {
    if binding.is_empty() || submitted.len() > 128 {
        return false;
    }
    match B64.decode(submitted) {
        Ok(tag) => key.verify_mac("csrf", binding.as_bytes(), &tag),
        Err(_) => false,
    }
}

/// A fresh random identifier (128 bits, base64url), for session ids and
/// pre-session cookies.
pub fn random_id() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(B64.encode(bytes))
}

/// Is this a value we could have issued as a pre-session cookie?
pub fn plausible_id(value: &str) -> bool {
    value.len() == 22
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Key {
        Key::new("0123456789abcdef0123456789abcdef").unwrap()
    }

    fn claims() -> SessionClaims {
        SessionClaims {
            user_id: 42,
            session_id: "c2Vzc2lvbi1pZC0xMjM0NQ".into(),
            issued_at: 1_000,
            expires_at: 2_000,
            seen_at: 1_200,
        }
    }

    #[test]
    fn round_trip() {
        let cookie = sign(&key(), &claims());
        assert_eq!(verify(&key(), &cookie, 1_500), Ok(claims()));
    }

    #[test]
    fn expired() {
        let cookie = sign(&key(), &claims());
        assert_eq!(verify(&key(), &cookie, 2_000), Err(CookieError::Expired));
        assert_eq!(verify(&key(), &cookie, 9_999), Err(CookieError::Expired));
    }

    #[test]
    fn wrong_key() {
        let cookie = sign(&key(), &claims());
        let other = Key::new("another key that is long enough!!").unwrap();
        assert_eq!(
            verify(&other, &cookie, 1_500),
            Err(CookieError::BadSignature)
        );
    }

    #[test]
    fn tampered() {
        let cookie = sign(&key(), &claims());
        let (payload, tag) = cookie.split_once('.').unwrap();
        // Another user id with the old signature.
        let forged = B64.encode("2|1|c2Vzc2lvbi1pZC0xMjM0NQ|1000|2000|1200");
        assert_eq!(
            verify(&key(), &format!("{forged}.{tag}"), 1_500),
            Err(CookieError::BadSignature)
        );
        // A flipped bit in the tag.
        let mut raw = B64.decode(tag).unwrap();
        raw[0] ^= 1;
        let flipped = format!("{payload}.{}", B64.encode(raw));
        assert_eq!(
            verify(&key(), &flipped, 1_500),
            Err(CookieError::BadSignature)
        );
        // A later expiry with the old signature.
        let extended = B64.encode("2|42|c2Vzc2lvbi1pZC0xMjM0NQ|1000|9000000|1200");
        assert_eq!(
            verify(&key(), &format!("{extended}.{tag}"), 1_500),
            Err(CookieError::BadSignature)
        );
    }

    #[test]
    fn malformed() {
        let k = key();
        let signed = |payload: &str| {
            let tag = k.mac("session", payload.as_bytes());
            format!("{}.{}", B64.encode(payload), B64.encode(tag))
        };
        let cases = [
            String::new(),
            "no-dot".into(),
            ".".into(),
            "!!!.???".into(),
            "a".repeat(600),
            signed("2|42|sid|1000|2000"),
            signed("1|42|sid|1000|2000"),
            signed("2|42|sid|1000|2000"),
            signed("2|x|sid|1000|2000|1000"),
            signed("2|0|sid|1000|2000|1000"),
            signed("2|42||1000|2000|1000"),
            signed("2|42|sid|3000|2000|3000"),
            signed("2|42|sid|1000|2000|999"),
            signed("2|42|sid|1000|2000|2001"),
            signed("2|42|sid|1000|2000|1000|extra"),
        ];
        for case in cases {
            assert_eq!(
                verify(&k, &case, 1_500),
                Err(CookieError::Malformed),
                "{case}"
            );
        }
    }

    #[test]
    fn short_or_missing_key_refused() {
        assert_eq!(Key::new("").unwrap_err(), KeyError::Missing);
        assert_eq!(Key::new("short").unwrap_err(), KeyError::TooShort(5));
        assert!(Key::new(&"k".repeat(MIN_KEY_LEN)).is_ok());
    }

    #[test]
    fn pseudonyms_are_stable_keyed_and_opaque() {
        let key = Key::new("a-test-key-of-sufficient-length-0123456789").unwrap();
        let other = Key::new("another-test-key-of-sufficient-length-98765").unwrap();
        let p = pseudonym(&key, "rate-limit", "anne@example.org");
        assert_eq!(p, pseudonym(&key, "rate-limit", "anne@example.org"));
        assert_eq!(p.len(), 22);
        assert!(!p.contains("anne"));
        assert_ne!(p, pseudonym(&other, "rate-limit", "anne@example.org"));
        assert_ne!(p, pseudonym(&key, "other", "anne@example.org"));
        assert_ne!(p, pseudonym(&key, "rate-limit", "anne@example.com"));
    }

    #[test]
    fn csrf_tokens_bind_to_their_session() {
        let k = key();
        let token = csrf_token(&k, "session-a");
        assert!(csrf_ok(&k, "session-a", &token));
        assert!(!csrf_ok(&k, "session-b", &token));
        assert!(!csrf_ok(&k, "", &csrf_token(&k, "")));
        assert!(!csrf_ok(&k, "session-a", ""));
        assert!(!csrf_ok(&k, "session-a", "not base64 !"));
        let other = Key::new("another key that is long enough!!").unwrap();
        assert!(!csrf_ok(&other, "session-a", &token));
    }

    #[test]
    fn random_ids_are_plausible_and_distinct() {
        let a = random_id().unwrap();
        let b = random_id().unwrap();
        assert!(plausible_id(&a) && plausible_id(&b));
        assert_ne!(a, b);
        assert!(!plausible_id("short"));
        assert!(!plausible_id("aaaaaaaaaaaaaaaaaaaaa="));
    }
}
