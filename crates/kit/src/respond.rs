//! Responses: the whole body is rendered first and `content-length` is always
//! set (chunked bodies written after their headers stall on Nagle/delayed ACK).

use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};
use palabre_domain::Locale;

use crate::{assets, i18n};

pub type Body = http_body_util::Full<Bytes>;
pub type Response = http::Response<Body>;

/// Cache policy of a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cache {
    /// Dynamic pages: revalidate every time.
    NoCache,
    /// Versioned static assets: a year, immutable.
    Immutable,
    /// An answer that shows a secret (recovery codes, a sign-in challenge, a
    /// two-step secret): no browser, cache or replay store keeps it (the
    /// gate keeps only the fact that its form was sent).
    NoStore,
}

/// `response`, marked as showing a secret ([`Cache::NoStore`]).
pub fn secret(response: Response) -> Response {
    cached(response, Cache::NoStore)
}

/// Whether a response was marked as showing a secret.
pub fn shows_a_secret(headers: &http::HeaderMap) -> bool {
    headers
        .get_all(header::CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|d| d.trim().eq_ignore_ascii_case("no-store"))
}

pub fn with_body(status: StatusCode, content_type: &'static str, body: Bytes) -> Response {
    let mut response = http::Response::new(Body::new(body.clone()));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    response
}

/// Whether an `If-None-Match` value names `etag` (RFC 9110 §13.1.2: a list,
/// `*`, weak tags compared weakly).
pub fn etag_matches(if_none_match: Option<&HeaderValue>, etag: &str) -> bool {
    let Some(wanted) = if_none_match.and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let etag = etag.trim_start_matches("W/");
    wanted
        .split(',')
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == etag)
}

pub fn html(status: StatusCode, body: String) -> Response {
    with_body(status, "text/html; charset=utf-8", Bytes::from(body))
}

pub fn json(status: StatusCode, body: &serde_json::Value) -> Response {
    with_body(
        status,
        "application/json",
        Bytes::from(body.to_string().into_bytes()),
    )
}

/// The methods the open-data API (`/api/v1`) answers.
pub const API_METHODS: &str = "GET, HEAD, OPTIONS";

/// What the read-only open-data API answers to any other method: 405, as
/// its OpenAPI document says, in JSON, open to any origin.
pub fn api_read_only() -> Response {
    let mut response = json(
        StatusCode::METHOD_NOT_ALLOWED,
        &serde_json::json!({ "error": {
            "status": 405,
            "code": "method_not_allowed",
            "message": "The open-data API is read-only: GET and HEAD only.",
        } }),
    );
    let headers = response.headers_mut();
    headers.insert(http::header::ALLOW, HeaderValue::from_static(API_METHODS));
    headers.insert(
        http::header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

/// A file to save (`Content-Disposition: attachment`): exports, "my data".
/// `filename` is ours (ASCII letters, digits, `-`, `.`), never the visitor's.
pub fn download(content_type: &'static str, filename: &str, body: Vec<u8>) -> Response {
    let mut response = with_body(StatusCode::OK, content_type, Bytes::from(body));
    let safe: String = filename
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        .collect();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{safe}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    cached(response, Cache::NoCache)
}

pub fn cached(mut response: Response, cache: Cache) -> Response {
    let value = match cache {
        Cache::NoCache => "no-cache",
        Cache::NoStore => "no-store",
        Cache::Immutable => "public, max-age=31536000, immutable",
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// 303 See Other to a local path (never to another site).
pub fn redirect(location: &str) -> Response {
    let safe =
        if location.starts_with('/') && !location.starts_with("//") && !location.contains('\\') {
            location
        } else {
            "/"
        };
    let mut response = with_body(
        StatusCode::SEE_OTHER,
        "text/plain; charset=utf-8",
        Bytes::new(),
    );
    if let Ok(value) = HeaderValue::from_str(safe) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// Asks the gate to start a session for `user_id` with this response.
pub fn start_session(mut response: Response, user_id: i64) -> Response {
    response.headers_mut().insert(
        crate::visitor::SET_SESSION_HEADER,
        HeaderValue::from(user_id),
    );
    response
}

/// Asks the gate to start or end the current session's desk session
/// (`kit::desk`) with this response.
pub fn desk(mut response: Response, ask: &crate::desk::Ask) -> Response {
    if let Ok(value) = HeaderValue::from_str(&ask.to_header()) {
        response
            .headers_mut()
            .insert(crate::visitor::DESK_HEADER, value);
    }
    response
}

/// Asks the gate to end the current session with this response.
pub fn end_session(mut response: Response) -> Response {
    response.headers_mut().insert(
        crate::visitor::END_SESSION_HEADER,
        HeaderValue::from_static("1"),
    );
    response
}

/// Escapes text for HTML element content and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// A small self-contained error page, for the gate (which has no template
/// registry) and as the last resort when rendering fails.
pub fn bare_error(locale: Locale, status: StatusCode, title_key: &str, body_key: &str) -> Response {
    bare_error_in(i18n::full(), locale, status, title_key, body_key)
}

/// [`bare_error`] with the messages of `catalogue` (the gate's own, which
/// holds the error pages' messages and "back-home").
pub fn bare_error_in(
    catalogue: &i18n::Catalogue,
    locale: Locale,
    status: StatusCode,
    title_key: &str,
    body_key: &str,
) -> Response {
    let title = escape(&catalogue.t(locale, title_key));
    let body = escape(&catalogue.t(locale, body_key));
    let back = escape(&catalogue.t(locale, "back-home"));
    let css = assets::url("palabre.css");
    let page = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<link rel=\"stylesheet\" href=\"{css}\">\n</head>\n<body>\n\
<main id=\"content\" class=\"wrap\">\n<section class=\"error-page\">\n<h1>{title}</h1>\n\
<p>{body}</p>\n<p><a class=\"button\" href=\"/\">{back}</a></p>\n</section>\n</main>\n</body>\n</html>\n",
        lang = locale.code(),
    );
    html(status, page)
}

#[cfg(test)]
mod tests {
    #[test]
    fn etags_match_lists_stars_and_weak_tags() {
        let v = |s: &'static str| HeaderValue::from_static(s);
        assert!(super::etag_matches(Some(&v("\"a\"")), "\"a\""));
        assert!(super::etag_matches(Some(&v("\"x\", W/\"a\"")), "\"a\""));
        assert!(super::etag_matches(Some(&v("*")), "\"a\""));
        assert!(!super::etag_matches(Some(&v("\"b\"")), "\"a\""));
        assert!(!super::etag_matches(Some(&v("\"ab\"")), "\"a\""));
        assert!(!super::etag_matches(None, "\"a\""));
    }

    use super::*;

    #[test]
    fn lengths_and_types_are_set() {
        let r = html(StatusCode::OK, "héllo".into());
        assert_eq!(r.headers()[header::CONTENT_LENGTH], "6");
        assert_eq!(
            r.headers()[header::CONTENT_TYPE],
            "text/html; charset=utf-8"
        );
    }

    #[test]
    fn redirects_stay_local() {
        for (target, expected) in [
            ("/pages/about", "/pages/about"),
            ("//evil.example", "/"),
            ("https://evil.example", "/"),
            ("/\\evil.example", "/"),
        ] {
            assert_eq!(redirect(target).headers()[header::LOCATION], expected);
        }
    }

    #[test]
    fn escapes_html() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;"
        );
    }

    #[test]
    fn bare_error_pages_are_translated() {
        let r = bare_error(
            Locale::De,
            StatusCode::FORBIDDEN,
            "error-403-title",
            "error-csrf-body",
        );
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let len: usize = r.headers()[header::CONTENT_LENGTH]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(len > 100);
    }
}
