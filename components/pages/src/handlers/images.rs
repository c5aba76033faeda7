//! `/images/<id>-<version>`: uploaded images, from the database. The address
//! changes with the bytes, so they are cached for good; the ETag is their hash.

use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};
use palabre_kit::db::{self, Value};
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Error, Response, Result, images};

use crate::Env;

const IMAGE: &str = "SELECT hash, content_type, bytes FROM images WHERE id = ?";

pub async fn show(env: &Env, name: &str) -> Result<Response> {
    let (id, version) = name.split_once('-').ok_or(Error::NotFound)?;
    let id: i64 = id.parse().map_err(|_| Error::NotFound)?;
    if version.len() != 16 || !version.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::NotFound);
    }
    let row = db::query_one(&env.conn, IMAGE, vec![Value::Integer(id)])
        .await?
        .ok_or(Error::NotFound)?;
    let hash = db::text(&row, 0);
    if !hash.starts_with(version) {
        return Err(Error::NotFound);
    }
    let content_type = images::Kind::from_content_type(&db::text(&row, 1))
        .ok_or(Error::NotFound)?
        .content_type();
    let etag = format!("\"{hash}\"");
    let not_modified = env
        .ctx
        .if_none_match
        .as_deref()
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut response = if not_modified {
        respond::with_body(StatusCode::NOT_MODIFIED, content_type, Bytes::new())
    } else {
        respond::with_body(StatusCode::OK, content_type, Bytes::from(db::blob(&row, 2)))
    };
    if let Ok(value) = HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    Ok(respond::cached(response, Cache::Immutable))
}
