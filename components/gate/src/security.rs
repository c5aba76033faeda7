//! Header rules of the gate, as pure functions with unit tests.

use http::{HeaderMap, HeaderValue, header};
use palabre_kit::mail::parse_origin;
use palabre_kit::session::{PRESESSION_COOKIE, SESSION_COOKIE};

/// Content Security Policy: no inline script or style, nothing from elsewhere
/// but the map's tiles (`kit::map::TILE_ORIGIN`) and the address lookup of
/// the location picker (`kit::map::GEOCODER_ORIGIN`).
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data: https://tile.openstreetmap.org; font-src 'self'; connect-src 'self' https://api-adresse.data.gouv.fr; object-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Lets the page's forms lead to `origins` as well (the redirect after a
/// POST is held to `form-action` too): the sign-in pages' buttons, which the
/// gate answers with a redirect to an OpenID provider.
pub fn allow_form_action(headers: &mut HeaderMap, origins: &[&str]) {
    if origins.is_empty() {
        return;
    }
    let csp = CSP.replace(
        "form-action 'self'",
        &format!("form-action 'self' {}", origins.join(" ")),
    );
    if let Ok(value) = http::HeaderValue::from_str(&csp) {
        headers.insert("content-security-policy", value);
    }
}

/// Removes every `palabre-*` header: only the gate may set them.
pub fn strip_internal_headers(headers: &mut HeaderMap) {
    let names: Vec<_> = headers
        .keys()
        .filter(|name| name.as_str().starts_with("palabre-"))
        .cloned()
        .collect();
    for name in names {
        headers.remove(name);
    }
}

/// Removes `Set-Cookie` headers by which a feature would set the gate's cookies.
pub fn drop_gate_cookies(headers: &mut HeaderMap) {
    let kept: Vec<HeaderValue> = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter(|v| {
            let name = v
                .to_str()
                .ok()
                .and_then(|s| s.split('=').next())
                .unwrap_or("")
                .trim();
            !name.starts_with("__Host-palabre")
        })
        .cloned()
        .collect();
    headers.remove(header::SET_COOKIE);
    for value in kept {
        headers.append(header::SET_COOKIE, value);
    }
}

/// Refuses cross-site unsafe requests: `Sec-Fetch-Site` must be `same-origin`
/// (or `none`, a user-typed navigation), and `Origin`, when sent, must name
/// the host the request was sent to: its `Host` header, or the request URI's
/// authority (WASI HTTP hands the host over that way, not as a header).
pub fn same_origin(headers: &HeaderMap, authority: Option<&str>) -> bool {
    if let Some(site) = headers.get("sec-fetch-site")
        && !matches!(site.to_str(), Ok("same-origin") | Ok("none"))
    {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let Some(host) = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or(authority)
    else {
        return false;
    };
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    origin_host.is_some_and(|o| o.eq_ignore_ascii_case(host))
}

/// The origin the request was sent to (when no `base_url` is configured).
pub fn request_origin(parts: &http::request::Parts) -> String {
    let scheme = parts.uri.scheme_str().unwrap_or("http");
    let host = parts
        .uri
        .authority()
        .map(|a| a.as_str().to_string())
        .or_else(|| {
            parts
                .headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .map(str::to_string)
        })
        .unwrap_or_else(|| "localhost".to_string());
    parse_origin(&format!("{scheme}://{host}")).unwrap_or_else(|| "http://localhost".to_string())
}

fn cookie(name: &str, value: &str, max_age: i64, same_site: &str) -> String {
    format!("{name}={value}; Path=/; Max-Age={max_age}; Secure; HttpOnly; SameSite={same_site}")
}

pub fn session_cookie(value: &str, max_age: i64) -> String {
    cookie(SESSION_COOKIE, value, max_age, "Lax")
}

/// The pre-session cookie lives as long as a browser session.
pub fn presession_cookie(value: &str) -> String {
    format!("{PRESESSION_COOKIE}={value}; Path=/; Secure; HttpOnly; SameSite=Lax")
}

pub fn clear_cookie(name: &str) -> String {
    cookie(name, "", 0, "Lax")
}

/// Security headers for every response; `private` pages are never stored.
pub fn add_headers(headers: &mut HeaderMap, private: bool) {
    let fixed = [
        ("content-security-policy", CSP),
        (
            "strict-transport-security",
            "max-age=63072000; includeSubDomains",
        ),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
        (
            "permissions-policy",
            "camera=(), microphone=(), geolocation=(self), interest-cohort=()",
        ),
        ("cross-origin-opener-policy", "same-origin"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if private {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn strips_every_internal_header() {
        let mut h = map(&[
            ("palabre-visitor", "v1 uid=1 role=admin locale=- csrf=-"),
            ("Palabre-Set-Session", "1"),
            ("accept", "text/html"),
        ]);
        strip_internal_headers(&mut h);
        assert_eq!(h.len(), 1);
        assert!(h.contains_key("accept"));
    }

    #[test]
    fn origin_rules() {
        let cases: [(&[(&'static str, &'static str)], bool); 9] = [
            (&[("host", "127.0.0.1:3000")], true),
            (
                &[
                    ("host", "127.0.0.1:3000"),
                    ("origin", "http://127.0.0.1:3000"),
                ],
                true,
            ),
            (
                &[
                    ("host", "ville.example"),
                    ("origin", "https://ville.example"),
                ],
                true,
            ),
            (
                &[
                    ("host", "ville.example"),
                    ("origin", "https://evil.example"),
                ],
                false,
            ),
            (&[("host", "ville.example"), ("origin", "null")], false),
            (&[("origin", "https://ville.example")], false),
            (
                &[("host", "ville.example"), ("sec-fetch-site", "cross-site")],
                false,
            ),
            (
                &[("host", "ville.example"), ("sec-fetch-site", "same-site")],
                false,
            ),
            (
                &[
                    ("host", "ville.example"),
                    ("sec-fetch-site", "same-origin"),
                    ("origin", "https://ville.example"),
                ],
                true,
            ),
        ];
        for (headers, expected) in cases {
            assert_eq!(same_origin(&map(headers), None), expected, "{headers:?}");
        }
        // The host from the request URI when no Host header came.
        let from_uri = map(&[("origin", "http://127.0.0.1:3000")]);
        assert!(same_origin(&from_uri, Some("127.0.0.1:3000")));
        assert!(!same_origin(&from_uri, Some("ville.example")));
    }

    #[test]
    fn features_cannot_set_gate_cookies() {
        let mut h = map(&[
            ("set-cookie", "__Host-palabre-session=forged; Path=/"),
            ("set-cookie", "palabre-lang=en; Path=/"),
            ("set-cookie", "__Host-palabre-pre=x"),
        ]);
        drop_gate_cookies(&mut h);
        let left: Vec<_> = h.get_all("set-cookie").iter().collect();
        assert_eq!(left, vec!["palabre-lang=en; Path=/"]);
    }

    #[test]
    fn origins() {
        let parts = http::Request::builder()
            .uri("http://127.0.0.1:3000/x?y")
            .body(())
            .unwrap()
            .into_parts()
            .0;
        assert_eq!(request_origin(&parts), "http://127.0.0.1:3000");
    }

    #[test]
    fn cookie_flags() {
        let c = session_cookie("v", 60);
        assert!(c.starts_with("__Host-palabre-session=v; Path=/;"));
        for flag in ["Secure", "HttpOnly", "SameSite=Lax", "Max-Age=60"] {
            assert!(c.contains(flag), "{flag}");
        }
        assert!(!c.contains("Domain"));
        assert!(clear_cookie(SESSION_COOKIE).contains("Max-Age=0"));
    }

    #[test]
    fn only_the_map_tiles_and_the_address_lookup_come_from_elsewhere() {
        let directive = |name: &str| CSP.split(';').find(|d| d.trim().starts_with(name)).unwrap();
        assert!(directive("img-src").contains(palabre_kit::map::TILE_ORIGIN));
        assert!(directive("connect-src").contains(palabre_kit::map::GEOCODER_ORIGIN));
        assert_eq!(CSP.matches("https://").count(), 2);
    }

    #[test]
    fn sign_in_pages_may_post_to_the_providers_only() {
        let mut h = HeaderMap::new();
        add_headers(&mut h, true);
        allow_form_action(&mut h, &[]);
        assert_eq!(h.get("content-security-policy").unwrap(), CSP);
        allow_form_action(&mut h, &["https://fc.example", "https://sso.example"]);
        let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
        assert!(csp.contains("form-action 'self' https://fc.example https://sso.example;"));
        assert_eq!(
            csp.replace(" https://fc.example https://sso.example", ""),
            CSP
        );
    }

    #[test]
    fn private_pages_are_not_stored() {
        let mut h = HeaderMap::new();
        add_headers(&mut h, true);
        assert_eq!(h["cache-control"], "no-store");
        assert!(
            h["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'")
        );
        let mut h = HeaderMap::new();
        add_headers(&mut h, false);
        assert!(h.get("cache-control").is_none());
    }
}
