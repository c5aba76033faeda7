//! Which requests are rate-limited, and by what (DESIGN §4: login, signup,
//! posting). Counters live in the database, so they hold across instances.

use http::Method;
use palabre_kit::form;
use palabre_kit::ratelimit::Limit;

const PER_MINUTE: i64 = 60;

/// The buckets a request counts against, with their limits.
pub fn buckets(
    method: &Method,
    path: &str,
    client_ip: Option<&str>,
    body: &[u8],
) -> Vec<(String, Limit)> {
    let ip = client_ip.unwrap_or("unknown");
    match (method, path) {
        (&Method::POST, "/account/login") => {
            let mut buckets = vec![(
                format!("login-ip:{ip}"),
                Limit {
                    max: 20,
                    window_seconds: PER_MINUTE,
                },
            )];
            let pairs = form::parse_urlencoded(body);
            if let Some(email) = form::field(&pairs, "email") {
                let email = email.trim().to_lowercase();
                if !email.is_empty() {
                    let email: String = email.chars().take(254).collect();
                    buckets.push((
                        format!("login-email:{email}"),
                        Limit {
                            max: 5,
                            window_seconds: PER_MINUTE,
                        },
                    ));
                }
            }
            buckets
        }
        (&Method::POST, "/account/login/2fa" | "/account/login/enrol") => {
            vec![(
                format!("login-ip:{ip}"),
                Limit {
                    max: 20,
                    window_seconds: PER_MINUTE,
                },
            )]
        }
        (&Method::POST, "/account/reset") => {
            let pairs = form::parse_urlencoded(body);
            let email = form::field(&pairs, "email")
                .unwrap_or("")
                .trim()
                .to_lowercase();
            let email: String = email.chars().take(254).collect();
            vec![
                (
                    format!("reset-email:{email}"),
                    Limit {
                        max: 3,
                        window_seconds: 3600,
                    },
                ),
                (
                    format!("reset-ip:{ip}"),
                    Limit {
                        max: 20,
                        window_seconds: 3600,
                    },
                ),
            ]
        }
        (&Method::POST, "/account/signup") => {
            vec![(
                format!("signup-ip:{ip}"),
                Limit {
                    max: 3,
                    window_seconds: 3600,
                },
            )]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_is_limited_per_ip_and_per_email() {
        let b = buckets(
            &Method::POST,
            "/account/login",
            Some("10.0.0.1"),
            b"email=%20Anne%40Example.org&password=x",
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].0, "login-ip:10.0.0.1");
        assert_eq!(b[0].1.max, 20);
        assert_eq!(b[1].0, "login-email:anne@example.org");
        assert_eq!(b[1].1.max, 5);
        assert_eq!(
            buckets(&Method::POST, "/account/login", None, b"")[0].0,
            "login-ip:unknown"
        );
        assert!(buckets(&Method::GET, "/account/login", None, b"").is_empty());
        let signup = buckets(&Method::POST, "/account/signup", Some("::1"), b"");
        assert_eq!(
            signup,
            vec![(
                "signup-ip:::1".to_string(),
                Limit {
                    max: 3,
                    window_seconds: 3600
                }
            )]
        );
        assert!(buckets(&Method::POST, "/pages/x", None, b"email=a").is_empty());
    }
}
