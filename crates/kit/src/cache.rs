//! Rendered public pages kept per instance for anonymous visitors, valid while
//! the content revision (`Site::revision`) and the day stay the same. Nothing
//! personal is ever kept: only pages rendered for nobody in particular.

use std::collections::HashMap;
use std::sync::Mutex;

use bytes::Bytes;
use http::{HeaderMap, StatusCode};

use crate::db::{self, Connection, Value};
use crate::respond::{Body, Response};

/// Pages kept at most per instance (the oldest revision goes first).
const CAPACITY: usize = 64;
/// Largest page kept.
const MAX_PAGE: usize = 512 * 1024;

struct Entry {
    revision: i64,
    day: i64,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

static PAGES: Mutex<Option<HashMap<String, Entry>>> = Mutex::new(None);

/// Where a page is kept: what it is, and what it depends on.
pub struct Key {
    pub path: String,
    pub locale: &'static str,
    pub revision: i64,
    /// The day (statuses and progress change with the date).
    pub day: i64,
}

impl Key {
    fn name(&self) -> String {
        format!("{}|{}", self.locale, self.path)
    }
}

/// The kept page, if still valid.
pub fn get(key: &Key) -> Option<Response> {
    let guard = PAGES.lock().ok()?;
    let entry = guard.as_ref()?.get(&key.name())?;
    if entry.revision != key.revision || entry.day != key.day {
        return None;
    }
    let mut response = http::Response::new(Body::new(entry.body.clone()));
    *response.status_mut() = entry.status;
    *response.headers_mut() = entry.headers.clone();
    Some(response)
}

/// Keeps a rendered page; returns it unchanged.
pub fn put(key: &Key, response: Response) -> Response {
    if response.status() != StatusCode::OK
        || response.headers().contains_key(http::header::SET_COOKIE)
    {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Some(bytes) = ready_bytes(body) else {
        return http::Response::from_parts(parts, Body::new(Bytes::new()));
    };
    if bytes.len() <= MAX_PAGE
        && let Ok(mut guard) = PAGES.lock()
    {
        let pages = guard.get_or_insert_with(HashMap::new);
        if pages.len() >= CAPACITY {
            // Drop what an older revision or day left behind; else start over.
            pages.retain(|_, e| e.revision == key.revision && e.day == key.day);
            if pages.len() >= CAPACITY {
                pages.clear();
            }
        }
        pages.insert(
            key.name(),
            Entry {
                revision: key.revision,
                day: key.day,
                status: parts.status,
                headers: parts.headers.clone(),
                body: bytes.clone(),
            },
        );
    }
    http::Response::from_parts(parts, Body::new(bytes))
}

/// The headers and bytes of a kept page (to share it through the database).
fn kept(key: &Key) -> Option<(HeaderMap, Bytes)> {
    let guard = PAGES.lock().ok()?;
    let entry = guard.as_ref()?.get(&key.name())?;
    (entry.revision == key.revision && entry.day == key.day)
        .then(|| (entry.headers.clone(), entry.body.clone()))
}

fn headers_text(headers: &HeaderMap) -> String {
    headers
        .iter()
        .filter_map(|(k, v)| Some(format!("{}: {}\n", k.as_str(), v.to_str().ok()?)))
        .collect()
}

fn headers_of(text: &str) -> HeaderMap {
    let mut map = HeaderMap::new();
    for line in text.lines() {
        if let Some((k, v)) = line.split_once(": ")
            && let (Ok(k), Ok(v)) = (
                http::HeaderName::from_bytes(k.as_bytes()),
                http::HeaderValue::from_str(v),
            )
        {
            map.append(k, v);
        }
    }
    map
}

/// The page another instance rendered for this key, kept here too.
pub async fn shared(conn: &Connection, key: &Key) -> Option<Response> {
    let row = db::query_one(
        conn,
        "SELECT headers, body FROM page_cache WHERE path = ? AND locale = ? AND revision = ? AND day = ?",
        vec![
            Value::text(key.path.as_str()),
            Value::text(key.locale),
            Value::Integer(key.revision),
            Value::Integer(key.day),
        ],
    )
    .await
    .ok()??;
    let mut response = http::Response::new(Body::new(Bytes::from(db::blob(&row, 1))));
    *response.headers_mut() = headers_of(&db::text(&row, 0));
    Some(put(key, response))
}

/// The shared copies kept at most, in rows and in bytes of pages: keys come
/// only from canonical paths and queries (`app::Variant`), and this bounds
/// what even those can take.
const SHARED_ROWS: i64 = 500;
const SHARED_BYTES: i64 = 32 * 1024 * 1024;
/// Rows of older revisions or days dropped per share. An older build's rows
/// (keys start with each component's fingerprint, `app::public_variant`) are
/// never read again and go with their day at the latest.
const PURGE_BATCH: i64 = 100;

const PURGE_STALE: &str = "DELETE FROM page_cache WHERE id IN (SELECT id FROM page_cache \
     WHERE revision <> ?1 OR day <> ?2 LIMIT ?3)";
const SIZE: &str = "SELECT count(*), coalesce(sum(length(body)), 0) FROM page_cache";
const SHARE: &str = "INSERT INTO page_cache (path, locale, revision, day, headers, body) \
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path, locale) DO UPDATE SET revision = excluded.revision, \
     day = excluded.day, headers = excluded.headers, body = excluded.body";

/// Shares the page just kept with the other instances (best effort: a
/// failure only costs them a render), in one transaction that first drops
/// a batch of what older revisions and days left, and shares nothing once
/// the table holds its bound.
pub async fn share(conn: &Connection, key: &Key) {
    let Some((headers, body)) = kept(key) else {
        return;
    };
    let result = db::immediate(conn, async |conn| {
        db::exec(
            conn,
            PURGE_STALE,
            vec![
                Value::Integer(key.revision),
                Value::Integer(key.day),
                Value::Integer(PURGE_BATCH),
            ],
        )
        .await?;
        let size = db::query_one(conn, SIZE, Vec::new()).await?;
        let (rows, bytes) = size.map_or((0, 0), |r| (db::int(&r, 0), db::int(&r, 1)));
        let len = i64::try_from(body.len()).unwrap_or(i64::MAX);
        if rows >= SHARED_ROWS || bytes.saturating_add(len) > SHARED_BYTES {
            return Ok(());
        }
        db::exec(
            conn,
            SHARE,
            vec![
                Value::text(key.path.as_str()),
                Value::text(key.locale),
                Value::Integer(key.revision),
                Value::Integer(key.day),
                Value::text(headers_text(&headers)),
                Value::Blob(body.to_vec()),
            ],
        )
        .await?;
        Ok(())
    })
    .await;
    if let Err(e) = result {
        eprintln!("page cache: {e}");
    }
}

/// The bytes of a fully rendered body (a `Full` is ready at once).
fn ready_bytes(body: Body) -> Option<Bytes> {
    use http_body_util::BodyExt;
    use std::task::{Context, Poll, Waker};
    let mut collect = std::pin::pin!(body.collect());
    match collect
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(Ok(collected)) => Some(collected.to_bytes()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::respond;

    fn key(path: &str, revision: i64) -> Key {
        Key {
            path: path.into(),
            locale: "fr",
            revision,
            day: 20_000,
        }
    }

    #[test]
    fn headers_survive_the_database() {
        let page = respond::cached(
            respond::html(StatusCode::OK, "<p>x</p>".into()),
            respond::Cache::NoCache,
        );
        let text = headers_text(page.headers());
        assert_eq!(&headers_of(&text), page.headers());
        assert!(text.contains("content-type: text/html; charset=utf-8\n"));
    }

    #[test]
    fn pages_are_kept_until_the_revision_moves() {
        let page = respond::html(StatusCode::OK, "<p>accueil</p>".into());
        let served = put(&key("/", 7), page);
        assert_eq!(served.status(), StatusCode::OK);
        let hit = get(&key("/", 7)).expect("kept");
        assert_eq!(
            ready_bytes(hit.into_body()).unwrap(),
            Bytes::from("<p>accueil</p>")
        );
        assert!(get(&key("/", 8)).is_none(), "a new revision misses");
        let other_day = Key {
            day: 20_001,
            ..key("/", 7)
        };
        assert!(get(&other_day).is_none(), "a new day misses");
        let other_language = Key {
            locale: "de",
            ..key("/", 7)
        };
        assert!(get(&other_language).is_none());
    }

    #[test]
    fn errors_and_cookies_are_never_kept() {
        let missing = respond::html(StatusCode::NOT_FOUND, "x".into());
        let _ = put(&key("/nope", 1), missing);
        assert!(get(&key("/nope", 1)).is_none());
        let mut with_cookie = respond::html(StatusCode::OK, "x".into());
        with_cookie.headers_mut().insert(
            http::header::SET_COOKIE,
            http::HeaderValue::from_static("a=b"),
        );
        let _ = put(&key("/cookie", 1), with_cookie);
        assert!(get(&key("/cookie", 1)).is_none());
    }
}
