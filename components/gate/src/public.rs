//! Public pages answered by the gate itself for a short while (the variable
//! `public_cache_ms`, default one second), for anonymous visitors only: the
//! feature marks a page rendered for nobody in particular (`palabre-public`),
//! the gate keeps its bytes, and the same anonymous request within the delay
//! costs neither the feature nor the database. Changes show within that delay.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode, header};

/// Pages kept at most per instance.
const CAPACITY: usize = 64;
const MAX_PAGE: usize = 512 * 1024;

struct Entry {
    at_ms: u128,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

static PAGES: Mutex<Option<HashMap<String, Entry>>> = Mutex::new(None);
static TTL_MS: OnceLock<u128> = OnceLock::new();

fn now_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

/// How long a page is kept (0: never).
pub async fn ttl_ms() -> u128 {
    if let Some(ttl) = TTL_MS.get() {
        return *ttl;
    }
    let raw = spin_sdk::variables::get("public_cache_ms")
        .await
        .unwrap_or_default();
    *TTL_MS.get_or_init(|| raw.trim().parse::<u128>().unwrap_or(1000).min(60_000))
}

/// What a kept page depends on: the path and what picks the language.
pub fn key(parts: &http::request::Parts) -> Option<String> {
    if !matches!(parts.method, http::Method::GET | http::Method::HEAD)
        || parts.uri.query().is_some()
    {
        return None;
    }
    let header = |name: header::HeaderName| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let lang_cookie = palabre_kit::ctx::cookie(&parts.headers, palabre_kit::ctx::LANG_COOKIE)
        .unwrap_or("")
        .to_string();
    Some(format!(
        "{}|{}|{}",
        parts.uri.path(),
        header(header::ACCEPT_LANGUAGE),
        lang_cookie
    ))
}

/// The kept page, while fresh.
pub fn get(key: &str, ttl_ms: u128) -> Option<(StatusCode, HeaderMap, Bytes)> {
    let guard = PAGES.lock().ok()?;
    let entry = guard.as_ref()?.get(key)?;
    (now_ms().saturating_sub(entry.at_ms) < ttl_ms)
        .then(|| (entry.status, entry.headers.clone(), entry.body.clone()))
}

/// Gives a public page its ETag (a hash of its bytes), so that a browser
/// holding the same page is answered 304 without a body.
pub fn tag(headers: &mut HeaderMap, body: &[u8]) {
    let etag = format!("\"{:016x}\"", palabre_kit::assets::fnv1a(body));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
}

/// Whether the request's `If-None-Match` names the page's ETag.
pub fn not_modified(if_none_match: Option<&HeaderValue>, headers: &HeaderMap) -> bool {
    headers
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|etag| palabre_kit::respond::etag_matches(if_none_match, etag))
}

/// The 304 answer for a page the browser already holds: its headers, no body.
pub fn drop_body(headers: &mut HeaderMap) -> StatusCode {
    headers.remove(header::CONTENT_LENGTH);
    headers.remove(header::CONTENT_TYPE);
    StatusCode::NOT_MODIFIED
}

pub fn put(key: String, status: StatusCode, headers: &HeaderMap, body: &Bytes) {
    if status != StatusCode::OK || body.len() > MAX_PAGE || headers.contains_key(header::SET_COOKIE)
    {
        return;
    }
    if let Ok(mut guard) = PAGES.lock() {
        let pages = guard.get_or_insert_with(HashMap::new);
        if pages.len() >= CAPACITY {
            pages.clear();
        }
        pages.insert(
            key,
            Entry {
                at_ms: now_ms(),
                status,
                headers: headers.clone(),
                body: body.clone(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(uri: &str, lang: &str) -> http::request::Parts {
        http::Request::get(uri)
            .header(header::ACCEPT_LANGUAGE, lang)
            .body(())
            .unwrap()
            .into_parts()
            .0
    }

    #[test]
    fn a_browser_holding_the_page_gets_a_304() {
        let mut headers = HeaderMap::new();
        tag(&mut headers, b"<html>a</html>");
        let etag = headers[header::ETAG].clone();
        assert!(not_modified(Some(&etag), &headers));
        let listed =
            HeaderValue::from_str(&format!("\"x\", W/{}", etag.to_str().unwrap())).unwrap();
        assert!(not_modified(Some(&listed), &headers));
        assert!(not_modified(Some(&HeaderValue::from_static("*")), &headers));
        assert!(!not_modified(
            Some(&HeaderValue::from_static("\"other\"")),
            &headers
        ));
        assert!(!not_modified(None, &headers));
        let mut changed = HeaderMap::new();
        tag(&mut changed, b"<html>b</html>");
        assert!(!not_modified(Some(&etag), &changed));
    }

    #[test]
    fn keys_follow_what_picks_the_page() {
        assert_eq!(key(&parts("/", "de")).as_deref(), Some("/|de|"));
        assert_ne!(key(&parts("/", "de")), key(&parts("/", "fr")));
        assert_eq!(key(&parts("/search?q=x", "fr")), None);
        let post = http::Request::post("/").body(()).unwrap().into_parts().0;
        assert_eq!(key(&post), None);
    }

    #[test]
    fn pages_are_kept_for_the_delay_only() {
        let body = Bytes::from_static(b"<p>hi</p>");
        put("/k".into(), StatusCode::OK, &HeaderMap::new(), &body);
        assert!(get("/k", 60_000).is_some());
        assert!(get("/k", 0).is_none(), "no delay, no page");
        put(
            "/404".into(),
            StatusCode::NOT_FOUND,
            &HeaderMap::new(),
            &body,
        );
        assert!(get("/404", 60_000).is_none());
    }
}
