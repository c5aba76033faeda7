//! Embedded static assets and the brand stylesheet.

use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Response, assets};

use crate::Env;

/// Serves `/static/<name>`; `None` for any other path.
pub fn serve(parts: &http::request::Parts) -> Option<Response> {
    let name = parts.uri.path().strip_prefix("/static/")?;
    let asset = assets::find(name)?;
    if !matches!(parts.method, http::Method::GET | http::Method::HEAD) {
        return None;
    }
    let etag = format!("\"{:x}\"", asset.version);
    let not_modified = parts
        .headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut response = if not_modified {
        respond::with_body(StatusCode::NOT_MODIFIED, asset.content_type, Bytes::new())
    } else {
        respond::with_body(
            StatusCode::OK,
            asset.content_type,
            Bytes::from_static(asset.bytes),
        )
    };
    if let Ok(value) = HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    Some(respond::cached(response, Cache::Immutable))
}

/// `/brand.css?v=…`: the commune's colours; immutable when the version matches.
pub fn brand_css(env: &Env) -> Response {
    let current = env.site.brand_version();
    let cache = if env.ctx.query("v") == Some(current.as_str()) {
        Cache::Immutable
    } else {
        Cache::NoCache
    };
    respond::cached(
        respond::with_body(
            StatusCode::OK,
            "text/css; charset=utf-8",
            Bytes::from(env.site.brand_css()),
        ),
        cache,
    )
}
