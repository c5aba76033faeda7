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
    // Text assets go gzipped to every client that takes gzip (all browsers).
    let gzipped = !asset.gzip.is_empty() && takes_gzip(&parts.headers);
    let etag = if gzipped {
        format!("\"{:x}-gz\"", asset.version)
    } else {
        format!("\"{:x}\"", asset.version)
    };
    let not_modified = respond::etag_matches(parts.headers.get(header::IF_NONE_MATCH), &etag);
    let mut response = if not_modified {
        respond::with_body(StatusCode::NOT_MODIFIED, asset.content_type, Bytes::new())
    } else if gzipped {
        let mut r = respond::with_body(
            StatusCode::OK,
            asset.content_type,
            Bytes::from_static(asset.gzip),
        );
        r.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        r
    } else {
        let bytes = match asset.bytes()? {
            std::borrow::Cow::Borrowed(b) => Bytes::from_static(b),
            std::borrow::Cow::Owned(v) => Bytes::from(v),
        };
        respond::with_body(StatusCode::OK, asset.content_type, bytes)
    };
    if let Ok(value) = HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    if !asset.gzip.is_empty() {
        response
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    Some(respond::cached(response, Cache::Immutable))
}

/// Whether `Accept-Encoding` takes gzip (or anything) with a weight above 0.
fn takes_gzip(headers: &http::HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
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

#[cfg(test)]
mod tests {
    use super::takes_gzip;

    fn with(value: &str) -> http::HeaderMap {
        let mut h = http::HeaderMap::new();
        h.insert(http::header::ACCEPT_ENCODING, value.parse().unwrap());
        h
    }

    #[test]
    fn gzip_goes_to_clients_that_take_it() {
        assert!(takes_gzip(&with("gzip, deflate, br, zstd")));
        assert!(takes_gzip(&with("br;q=1.0, GZIP;q=0.5")));
        assert!(takes_gzip(&with("*")));
        assert!(!takes_gzip(&with("gzip;q=0, br")));
        assert!(!takes_gzip(&with("identity")));
        assert!(!takes_gzip(&http::HeaderMap::new()));
    }
}
