//! One structured line per request on stderr (Spin and Kubernetes collect
//! it): method, route, status and duration, as JSON. No personal data: the
//! query string is left out (searches, tokens), and path segments that name
//! a record or carry a secret become placeholders (`:n`, `:token`), so the
//! route says what was asked, not by whom or about whom.

use std::time::Duration;

/// Longest route written (a hostile path cannot flood the log).
const MAX_ROUTE: usize = 160;

/// The route of a path: numbers as `:n`, secrets as `:token`, no query.
pub fn route(path: &str) -> String {
    let mut out = String::with_capacity(path.len().min(MAX_ROUTE));
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        out.push('/');
        let shown = if segment.bytes().all(|b| b.is_ascii_digit()) {
            ":n"
        } else if looks_secret(segment) {
            ":token"
        } else if segment.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && segment.contains('-')
        {
            // `/images/<id>-<version>`
            ":n-version"
        } else {
            segment
        };
        out.push_str(shown);
        if out.len() > MAX_ROUTE {
            out.truncate(MAX_ROUTE);
            out.push('…');
            break;
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// A random token (sessions, links sent by mail): long, with capitals and
/// digits, where slugs are lower-case words.
fn looks_secret(segment: &str) -> bool {
    segment.len() >= 20
        && segment.bytes().any(|b| b.is_ascii_uppercase())
        && segment.bytes().any(|b| b.is_ascii_digit())
}

/// The line for one request.
pub fn line(method: &http::Method, route: &str, status: u16, took: Duration) -> String {
    serde_json::json!({
        "log": "request",
        "method": method.as_str(),
        "route": route,
        "status": status,
        "ms": (took.as_secs_f64() * 10_000.0).round() / 10.0,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_name_what_was_asked_not_who() {
        assert_eq!(route("/"), "/");
        assert_eq!(route("/proposals/42/support"), "/proposals/:n/support");
        assert_eq!(route("/people/7"), "/people/:n");
        assert_eq!(
            route("/processes/budget-participatif-2026"),
            "/processes/budget-participatif-2026"
        );
        assert_eq!(route("/images/12-1a2b3c"), "/images/:n-version");
        assert_eq!(
            route("/account/invite/Zk3vQ9xLp2RtY8mW4nB6cD1eF"),
            "/account/invite/:token"
        );
        assert!(route(&"/a".repeat(500)).chars().count() <= MAX_ROUTE + 1);
    }

    #[test]
    fn a_line_is_one_json_object_without_the_query() {
        let l = line(
            &http::Method::POST,
            &route("/proposals/3/support"),
            303,
            Duration::from_micros(1234),
        );
        let v: serde_json::Value = serde_json::from_str(&l).unwrap();
        assert_eq!(v["route"], "/proposals/:n/support");
        assert_eq!(v["status"], 303);
        assert_eq!(v["ms"], 1.2);
        assert!(!l.contains('\n'));
    }
}
