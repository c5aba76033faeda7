//! Which requests are rate-limited, and by what (DESIGN §4: login, signup,
//! posting). Counters live in the database, so they hold across instances.

use http::Method;
use palabre_kit::form;
use palabre_kit::ratelimit::Limit;

const PER_MINUTE: i64 = 60;

/// Sign-in attempts to one account in an hour, from every address together.
pub const EMAIL_CEILING_PER_HOUR: i64 = 100;

/// The email a sign-in form names, as accounts keep it (trimmed, lower case).
pub fn sign_in_email(body: &[u8]) -> Option<String> {
    let pairs = form::parse_urlencoded(body);
    let email = form::field(&pairs, "email")?.trim().to_lowercase();
    (!email.is_empty()).then(|| email.chars().take(254).collect())
}

/// The name a bucket is stored under: its kind in clear, whom it counts (an
/// email, an address, a person) through `pseudonym`, so that the table
/// keeps no email or address (`kind:subject` becomes `kind:hash`).
pub fn stored_name(bucket: &str, pseudonym: impl Fn(&str) -> String) -> String {
    match bucket.split_once(':') {
        Some((kind, subject)) => format!("{kind}:{}", pseudonym(subject)),
        None => bucket.to_string(),
    }
}

/// Whether a bucket counts only the requests the feature accepted (a
/// sign-up: one mistyped form must not use up the hour's three sign-ups that
/// everyone behind the town hall's Wi-Fi shares). It is checked before, and
/// counted after an answer below 400.
pub fn counts_accepted_only(bucket: &str) -> bool {
    bucket.starts_with("signup-ip:")
}

/// Whether a refusal on this bucket is told to the account's owner: sign-ins
/// to their account held up, from one address or from many.
pub fn tells_the_owner(bucket: &str) -> bool {
    bucket.starts_with("login-pair") || bucket.starts_with("login-email:")
}

/// Paths whose writes are not contributions: the visitor's own account, the
/// first-run setup, and the staff back-office (under `/admin`, and the
/// questionnaire builder, which the questionnaire component serves).
fn is_contribution(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let builder = matches!(
        segments.as_slice(),
        ["questionnaires", "new"]
            | [
                "questionnaires",
                _,
                "settings" | "sections" | "questions" | "new-version",
                ..
            ]
    );
    !(path == "/setup"
        || path == "/account"
        || path.starts_with("/account/")
        || path == "/admin"
        || path.starts_with("/admin/")
        || builder)
}

/// Votes on opinion-map statements (`/discussions/<slug>/statements/<id>/vote`):
/// one click each, shown one after another, so they get a bucket of their own.
fn is_quick_vote(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(
        segments.as_slice(),
        ["discussions", _, "statements", _, "vote"]
    )
}

/// The buckets a request counts against, with their limits. `user_id` is the
/// signed-in visitor (contributions are limited per person).
pub fn buckets(
    method: &Method,
    path: &str,
    client_ip: Option<&str>,
    user_id: Option<i64>,
    body: &[u8],
) -> Vec<(String, Limit)> {
    let ip = client_ip.unwrap_or("unknown");
    if let Some(user_id) = user_id
        && method != Method::GET
        && method != Method::HEAD
        && is_contribution(path)
    {
        if is_quick_vote(path) {
            return vec![(
                format!("vote-user:{user_id}"),
                Limit {
                    max: 60,
                    window_seconds: PER_MINUTE,
                },
            )];
        }
        // Posting content (comments, proposals, answers, reactions…): 10 a minute.
        return vec![(
            format!("post-user:{user_id}"),
            Limit {
                max: 10,
                window_seconds: PER_MINUTE,
            },
        )];
    }
    match (method, path) {
        (&Method::POST, "/account/login") => {
            let mut buckets = vec![(
                format!("login-ip:{ip}"),
                Limit {
                    max: 20,
                    window_seconds: PER_MINUTE,
                },
            )];
            if let Some(email) = sign_in_email(body) {
                // One address trying one account waits longer each time:
                // a minute after 5 tries, the rest of the hour after 15, the
                // rest of the day after 30. Another address, the owner's,
                // is not held up by it.
                let pair = format!("{email} {ip}");
                for (kind, max, window_seconds) in [
                    ("login-pair", 5, PER_MINUTE),
                    ("login-pair-hour", 15, 3600),
                    ("login-pair-day", 30, 86_400),
                ] {
                    buckets.push((
                        format!("{kind}:{pair}"),
                        Limit {
                            max,
                            window_seconds,
                        },
                    ));
                }
                // The account's own ceiling, over every address: beyond what
                // one address may try in an hour (15), so that only many
                // addresses at once reach it.
                buckets.push((
                    format!("login-email:{email}"),
                    Limit {
                        max: EMAIL_CEILING_PER_HOUR,
                        window_seconds: 3600,
                    },
                ));
            }
            buckets
        }
        // A sign-in with a provider, and the password that links its
        // identity to an existing account (each pending link is tried five
        // times at most in a quarter of an hour).
        (&Method::POST, "/account/oidc/link") => {
            let pairs = form::parse_urlencoded(body);
            let token = form::field(&pairs, "token").unwrap_or("").trim();
            let token: String = token.chars().take(64).collect();
            vec![
                (
                    format!("login-ip:{ip}"),
                    Limit {
                        max: 20,
                        window_seconds: PER_MINUTE,
                    },
                ),
                (
                    format!("oidc-link:{token}"),
                    Limit {
                        max: 5,
                        window_seconds: 900,
                    },
                ),
            ]
        }
        (&Method::POST, p) if palabre_kit::oidc::route(p).is_some_and(|(_, s)| s == "start") => {
            vec![(
                format!("login-ip:{ip}"),
                Limit {
                    max: 20,
                    window_seconds: PER_MINUTE,
                },
            )]
        }
        // A resident's details against the census list: five tries an hour,
        // so that nobody walks the list.
        (&Method::POST, "/account/verification/census") => {
            vec![(
                format!("census-user:{}", user_id.unwrap_or(0)),
                Limit {
                    max: 5,
                    window_seconds: 3600,
                },
            )]
        }
        // A desk account's claim code typed back: five tries an hour from
        // one address (the person is not signed in).
        (&Method::POST, "/account/claim") => {
            vec![(
                format!("claim-ip:{ip}"),
                Limit {
                    max: 5,
                    window_seconds: 3600,
                },
            )]
        }
        // A letter's code typed back: five tries an hour, like the list.
        (&Method::POST, "/account/verification/letter/code") => {
            vec![(
                format!("letter-user:{}", user_id.unwrap_or(0)),
                Limit {
                    max: 5,
                    window_seconds: 3600,
                },
            )]
        }
        // Asking for a letter (each one is printed and posted): five a day.
        (&Method::POST, "/account/verification/letter") => {
            vec![(
                format!("letter-ask-user:{}", user_id.unwrap_or(0)),
                Limit {
                    max: 5,
                    window_seconds: 86_400,
                },
            )]
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
        // Anonymous questionnaires: answers without an account, per address.
        (&Method::POST, p) if user_id.is_none() && p.starts_with("/questionnaires/") => {
            vec![(
                format!("answer-ip:{ip}"),
                Limit {
                    max: 60,
                    window_seconds: PER_MINUTE,
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
            None,
            b"email=%20Anne%40Example.org&password=x",
        );
        let names: Vec<_> = b.iter().map(|(n, l)| (n.as_str(), l.max)).collect();
        assert_eq!(
            names,
            vec![
                ("login-ip:10.0.0.1", 20),
                ("login-pair:anne@example.org 10.0.0.1", 5),
                ("login-pair-hour:anne@example.org 10.0.0.1", 15),
                ("login-pair-day:anne@example.org 10.0.0.1", 30),
                ("login-email:anne@example.org", EMAIL_CEILING_PER_HOUR),
            ]
        );
        // One address alone cannot reach the account's ceiling in an hour.
        assert!(b[2].1.max < EMAIL_CEILING_PER_HOUR);
        assert!(b.iter().skip(1).all(|(n, _)| tells_the_owner(n)));
        assert!(!tells_the_owner(&b[0].0));
        assert_eq!(
            stored_name("login-email:anne@example.org", |s| format!(
                "h({})",
                s.len()
            )),
            "login-email:h(16)"
        );
        assert_eq!(
            buckets(&Method::POST, "/account/login", None, None, b"")[0].0,
            "login-ip:unknown"
        );
        assert!(buckets(&Method::GET, "/account/login", None, None, b"").is_empty());
        let signup = buckets(&Method::POST, "/account/signup", Some("::1"), None, b"");
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
        assert!(buckets(&Method::POST, "/pages/x", None, None, b"email=a").is_empty());
    }

    #[test]
    fn contributions_are_limited_per_person() {
        let post = |path: &str| buckets(&Method::POST, path, Some("::1"), Some(7), b"");
        let limited = post("/discussions/3/comments");
        assert_eq!(limited.len(), 1);
        assert_eq!(limited[0].0, "post-user:7");
        assert_eq!(limited[0].1.max, 10);
        assert_eq!(post("/proposals/9/support")[0].0, "post-user:7");
        // Opinion-map votes: a bucket of their own, a vote a second on average.
        let votes = post("/discussions/quais/statements/4/vote");
        assert_eq!(votes[0].0, "vote-user:7");
        assert_eq!(votes[0].1.max, 60);
        assert_eq!(post("/discussions/quais/statements")[0].0, "post-user:7");
        // Not contributions: the visitor's account, setup, the back-office.
        assert!(post("/account/profile").is_empty());
        assert!(post("/account/logout").is_empty());
        assert!(post("/admin/news/4").is_empty());
        assert!(post("/setup").is_empty());
        assert!(post("/questionnaires/new").is_empty());
        assert!(post("/questionnaires/parc/questions/4/move").is_empty());
        assert_eq!(post("/questionnaires/parc/answer")[0].0, "post-user:7");
        // Anonymous writes are not counted per person; reads never.
        assert!(buckets(&Method::POST, "/discussions/3/comments", None, None, b"").is_empty());
        // Anonymous answers to questionnaires are counted per address.
        let anonymous = buckets(
            &Method::POST,
            "/questionnaires/mobilite/answer",
            Some("::1"),
            None,
            b"",
        );
        assert_eq!(anonymous[0].0, "answer-ip:::1");
        assert_eq!(anonymous[0].1.max, 60);
        assert!(buckets(&Method::GET, "/discussions/3", None, Some(7), b"").is_empty());
    }
}
