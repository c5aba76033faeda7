//! Outgoing HTTP, limited to a component's `allowed_outbound_hosts`.

use std::sync::Arc;

use wasmtime_wasi_http::{Error, RequestOptions, WasiBody, WasiHttpHooks};

pub struct Outbound {
    allowed: Arc<Vec<String>>,
}

impl Outbound {
    pub fn new(allowed: Arc<Vec<String>>) -> Outbound {
        Outbound { allowed }
    }
}

/// Splits an `allowed_outbound_hosts` entry as Spin reads it:
/// `scheme://host[:port]`, `*` wildcards allowed, at most a trailing `/`.
fn split(pattern: &str) -> Result<(&str, &str, Option<&str>), String> {
    let pattern = pattern.trim();
    let Some((scheme, rest)) = pattern.split_once("://") else {
        return Err(format!(
            "{pattern:?} is not scheme://host[:port] (use *://*:* to allow everything)"
        ));
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.contains('/') {
        return Err(format!(
            "{pattern:?} has a path; an allowed host is scheme://host[:port] only"
        ));
    }
    if scheme.is_empty() || !(scheme == "*" || scheme.chars().all(|c| c.is_ascii_alphabetic())) {
        return Err(format!("{pattern:?} has an invalid scheme"));
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.is_empty() && !h.ends_with(':') => (h, Some(p)),
        _ => (rest, None),
    };
    if host.is_empty() {
        return Err(format!("{pattern:?} has no host"));
    }
    if let Some(port) = port
        && port != "*"
        && port.parse::<u16>().is_err()
    {
        return Err(format!("{pattern:?} has an invalid port"));
    }
    if port.is_none() && !matches!(scheme, "http" | "https") {
        return Err(format!(
            "{pattern:?} needs a port: {scheme} has no default one"
        ));
    }
    Ok((scheme, host, port))
}

/// Checks an entry when the manifest is loaded, as Spin does.
pub fn validate(pattern: &str) -> Result<(), String> {
    split(pattern).map(|_| ())
}

/// Does `pattern` (Spin's `scheme://host[:port]`, with `*` wildcards) allow this URI?
pub fn allows(pattern: &str, scheme: &str, host: &str, port: u16) -> bool {
    let Ok((p_scheme, p_host, p_port)) = split(pattern) else {
        return false;
    };
    let scheme_ok = p_scheme == "*" || p_scheme.eq_ignore_ascii_case(scheme);
    let host_ok = p_host == "*"
        || p_host.eq_ignore_ascii_case(host)
        || p_host.strip_prefix("*.").is_some_and(|suffix| {
            host.len() > suffix.len()
                && host
                    .to_ascii_lowercase()
                    .ends_with(&format!(".{}", suffix.to_ascii_lowercase()))
        });
    let default_port = match p_scheme {
        "https" => Some(443),
        "http" => Some(80),
        _ => None,
    };
    let port_ok = match p_port {
        Some("*") => true,
        Some(p) => p.parse::<u16>().ok() == Some(port),
        None => default_port.is_none_or(|d| d == port),
    };
    scheme_ok && host_ok && port_ok
}

impl WasiHttpHooks for Outbound {
    fn send_request(
        &mut self,
        request: http::Request<WasiBody>,
        options: Option<RequestOptions>,
        fut: Box<dyn Future<Output = Result<(), Error>> + Send>,
    ) -> Box<
        dyn Future<
                Output = Result<
                    (
                        http::Response<WasiBody>,
                        Box<dyn Future<Output = Result<(), Error>> + Send>,
                    ),
                    Error,
                >,
            > + Send,
    > {
        _ = fut;
        let uri = request.uri();
        let scheme = uri.scheme_str().unwrap_or("https").to_string();
        let host = uri.host().unwrap_or("").to_string();
        let port = uri
            .port_u16()
            .unwrap_or(if scheme == "http" { 80 } else { 443 });
        let allowed = self.allowed.iter().any(|p| allows(p, &scheme, &host, port));
        if !allowed {
            eprintln!(
                "palabre-host: outbound request to {scheme}://{host}:{port} denied (not in allowed_outbound_hosts)"
            );
            return Box::new(async { Err(Error::HttpRequestDenied) });
        }
        Box::new(async move {
            use http_body_util::BodyExt;
            let (response, io) = wasmtime_wasi_http::default_send_request(request, options).await?;
            Ok((
                response.map(BodyExt::boxed_unsync),
                Box::new(io) as Box<dyn Future<Output = Result<(), Error>> + Send>,
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{allows, validate};

    #[test]
    fn entries_are_checked_as_spin_does() {
        for ok in [
            "https://api.mail.example",
            "https://api.mail.example/",
            "http://127.0.0.1:8025",
            "*://*:*",
            "https://*.mail.example",
            "mysql://db.example:3306",
        ] {
            assert_eq!(validate(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "*",
            "api.mail.example",
            "https://api.mail.example/v1/send",
            "https://",
            "https://host:port",
            "mysql://db.example",
            "ht-tp://host",
        ] {
            assert!(validate(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn allowed_hosts() {
        let cases = [
            (
                "https://api.mail.example",
                "https",
                "api.mail.example",
                443,
                true,
            ),
            (
                "https://api.mail.example",
                "http",
                "api.mail.example",
                80,
                false,
            ),
            (
                "https://api.mail.example",
                "https",
                "api.mail.example",
                8443,
                false,
            ),
            (
                "https://api.mail.example:8443",
                "https",
                "api.mail.example",
                8443,
                true,
            ),
            (
                "https://*.mail.example",
                "https",
                "eu.mail.example",
                443,
                true,
            ),
            (
                "https://*.mail.example",
                "https",
                "mail.example",
                443,
                false,
            ),
            (
                "https://*.mail.example",
                "https",
                "evilmail.example",
                443,
                false,
            ),
            ("*://*:*", "http", "anything", 1234, true),
            ("not a pattern", "https", "x", 443, false),
            (
                "https://api.mail.example/v1/send",
                "https",
                "api.mail.example",
                443,
                false,
            ),
            ("http://127.0.0.1:8025/", "http", "127.0.0.1", 8025, true),
            ("http://127.0.0.1:8025", "http", "127.0.0.1", 8026, false),
        ];
        for (pattern, scheme, host, port, expected) in cases {
            assert_eq!(
                allows(pattern, scheme, host, port),
                expected,
                "{pattern} {scheme}://{host}:{port}"
            );
        }
    }
}
