//! Mail: every mail goes to the `mail_outbox` table (a shared table), as plain
//! text and HTML, in the recipient's language. Delivery through an HTTP API,
//! when configured, reads from there: [`claim_due`] takes the rows to send,
//! [`payload`] is what the API receives, [`record`] keeps the outcome. The
//! gate (which alone may hold the API token) does the sending.

use palabre_domain::Locale;

use crate::db::{self, Connection, DbResult, Value};
use crate::respond::escape;

const INSERT: &str = "INSERT INTO mail_outbox \
     (created_at, to_email, user_id, locale, kind, subject, body_text, body_html) \
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

/// A mail to queue: a subject, paragraphs, and an optional call to action.
pub struct Mail<'a> {
    pub to_email: &'a str,
    pub user_id: Option<i64>,
    pub locale: Locale,
    /// What it is (`confirm`, `reset`, `signup-existing`…), for the outbox viewer.
    pub kind: &'a str,
    pub subject: String,
    pub paragraphs: Vec<String>,
    /// (label, link): a link only [`Links::to`] makes.
    pub action: Option<(String, Link)>,
    /// Who sends it (the commune's name).
    pub signature: String,
}

/// An absolute link in a mail, under the site's configured public origin:
/// made only by [`Links::to`] (from `Ctx::mail_links`), so that no mail
/// carries a link built from the request's Host header, which whoever sends
/// the request chooses (a reset link to their host hands them the token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link(String);

impl Link {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where links in mails point: the site's public origin.
#[derive(Debug, Clone)]
pub struct Links(String);

impl Links {
    /// No origin, no links: `Error::NoMailOrigin`, before anything is written.
    pub fn under(origin: Option<&str>) -> crate::error::Result<Links> {
        origin
            .map(|o| Links(o.to_string()))
            .ok_or(crate::error::Error::NoMailOrigin)
    }

    /// The link to `path`, a path of this site (from `/`, never `//`).
    pub fn to(&self, path: &str) -> Link {
        debug_assert!(path.starts_with('/') && !path.starts_with("//"), "{path}");
        let path = path.trim_start_matches('/');
        Link(format!("{}/{path}", self.0))
    }
}

/// An origin (`https://host[:port]`) from configuration, lower case, without
/// a trailing slash; `None` for anything else (a path, a query, a space).
pub fn parse_origin(raw: &str) -> Option<String> {
    let url = raw.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let valid = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    valid.then(|| url.to_ascii_lowercase())
}

/// Whether an origin names this machine (`localhost`, `127.0.0.0/8`, `[::1]`):
/// the only request origin links in mails may use, for development, while no
/// `base_url` is configured.
pub fn is_loopback_origin(origin: &str) -> bool {
    let Some(authority) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Mail<'_> {
    pub fn text(&self) -> String {
        let mut out = self.paragraphs.join("\n\n");
        if let Some((label, url)) = &self.action {
            out.push_str(&format!("\n\n{label}:\n{}", url.as_str()));
        }
        out.push_str(&format!("\n\n-- \n{}\n", self.signature));
        out
    }

    pub fn html(&self) -> String {
        let mut out = format!(
            "<!doctype html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><title>{}</title></head>\n<body>\n",
            self.locale.code(),
            escape(&self.subject)
        );
        for p in &self.paragraphs {
            out.push_str(&format!("<p>{}</p>\n", escape(p)));
        }
        if let Some((label, url)) = &self.action {
            out.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>\n",
                escape(url.as_str()),
                escape(label)
            ));
        }
        out.push_str(&format!(
            "<p>— {}</p>\n</body>\n</html>\n",
            escape(&self.signature)
        ));
        out
    }
}

/// Queues a mail; returns its outbox id.
pub async fn queue(conn: &Connection, mail: &Mail<'_>) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        INSERT,
        vec![
            Value::Integer(crate::now()),
            Value::text(mail.to_email),
            mail.user_id.map_or(Value::Null, Value::Integer),
            Value::text(mail.locale.code()),
            Value::text(mail.kind),
            Value::text(mail.subject.clone()),
            Value::text(mail.text()),
            Value::text(mail.html()),
        ],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

/// Attempts before a mail is given up (`failed`).
pub const MAX_ATTEMPTS: i64 = 5;
/// How long a claimed row stays reserved for the sender that claimed it: if
/// that sender dies, the row is due again after this.
pub const CLAIM_SECONDS: i64 = 120;
/// Longest error text kept in `last_error`.
const MAX_ERROR: usize = 300;

/// Wait before the next attempt after `attempts` failed ones: 1, 4, 16, 64 minutes.
pub fn backoff_seconds(attempts: i64) -> i64 {
    let exponent = u32::try_from(attempts.clamp(1, 6) - 1).unwrap_or(0);
    60 * 4_i64.pow(exponent)
}

/// A queued mail taken for delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub id: i64,
    pub to_email: String,
    pub locale: String,
    pub kind: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

const CLAIM: &str = "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ? \
     WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= ? \
                  ORDER BY id LIMIT ?) \
     RETURNING id, to_email, locale, kind, subject, body_text, body_html, attempts";

/// Takes up to `limit` mails that are due, reserving them for [`CLAIM_SECONDS`]
/// in the same statement, so two senders never take the same row.
pub async fn claim_due(conn: &Connection, now: i64, limit: i64) -> DbResult<Vec<Outgoing>> {
    let params = vec![
        Value::Integer(now + CLAIM_SECONDS),
        Value::Integer(now),
        Value::Integer(limit),
    ];
    let rows = db::query(conn, CLAIM, params).await?;
    Ok(rows
        .iter()
        .map(|r| Outgoing {
            id: db::int(r, 0),
            to_email: db::text(r, 1),
            locale: db::text(r, 2),
            kind: db::text(r, 3),
            subject: db::text(r, 4),
            text: db::text(r, 5),
            html: db::text(r, 6),
            attempts: db::int(r, 7),
        })
        .collect())
}

/// The JSON body posted to the mail API. `from` is left to the API's own
/// default when empty; the outbox id doubles as an idempotency reference.
pub fn payload(mail: &Outgoing, from: &str) -> String {
    let mut body = serde_json::json!({
        "to": mail.to_email,
        "subject": mail.subject,
        "text": mail.text,
        "html": mail.html,
        "language": mail.locale,
        "tag": mail.kind,
        "reference": format!("palabre-{}", mail.id),
        "headers": { "Auto-Submitted": "auto-generated" },
    });
    if !from.is_empty() {
        body["from"] = serde_json::Value::from(from);
    }
    body.to_string()
}

/// What came of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Worth trying again later (network trouble, 5xx, 429…).
    Retry(String),
    /// The API refused the mail itself: trying again would not help.
    Refused(String),
}

impl Outcome {
    /// Classifies the API's HTTP status (`detail`: a short excerpt of its answer).
    pub fn of_status(status: u16, detail: &str) -> Outcome {
        let message = format!("HTTP {status} {}", detail.trim());
        match status {
            200..=299 => Outcome::Sent,
            408 | 425 | 429 | 500..=599 => Outcome::Retry(message),
            _ => Outcome::Refused(message),
        }
    }
}

/// Keeps the outcome of an attempt on the outbox row.
pub async fn record(
    conn: &Connection,
    mail: &Outgoing,
    outcome: &Outcome,
    now: i64,
) -> DbResult<()> {
    let (sql, params) = match outcome {
        Outcome::Sent => (
            "UPDATE mail_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?",
            vec![Value::Integer(now), Value::Integer(mail.id)],
        ),
        Outcome::Retry(error) if mail.attempts < MAX_ATTEMPTS => (
            "UPDATE mail_outbox SET status = 'queued', next_attempt_at = ?, last_error = ? WHERE id = ?",
            vec![
                Value::Integer(now + backoff_seconds(mail.attempts)),
                Value::text(clip(error)),
                Value::Integer(mail.id),
            ],
        ),
        Outcome::Retry(error) | Outcome::Refused(error) => (
            "UPDATE mail_outbox SET status = 'failed', last_error = ? WHERE id = ?",
            vec![Value::text(clip(error)), Value::Integer(mail.id)],
        ),
    };
    db::exec(conn, sql, params).await
}

fn clip(error: &str) -> String {
    let one_line: String = error
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match one_line.char_indices().nth(MAX_ERROR) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        assert_eq!(
            parse_origin("https://Ville.example/").as_deref(),
            Some("https://ville.example")
        );
        assert_eq!(
            parse_origin("http://127.0.0.1:3000").as_deref(),
            Some("http://127.0.0.1:3000")
        );
        for bad in [
            "",
            "ville.example",
            "https://",
            "https://a/b",
            "javascript:alert(1)",
            "https://a b",
        ] {
            assert_eq!(parse_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_this_machine_is_loopback() {
        for local in [
            "http://127.0.0.1:3000",
            "http://localhost",
            "http://LOCALHOST:8080",
            "http://127.8.9.10",
            "http://[::1]:3000",
        ] {
            assert!(is_loopback_origin(local), "{local}");
        }
        for remote in [
            "http://attacker.example",
            "http://127.0.0.1.attacker.example",
            "http://localhost.attacker.example",
            "http://[::2]",
            "http://10.0.0.1",
            "127.0.0.1",
        ] {
            assert!(!is_loopback_origin(remote), "{remote}");
        }
    }

    #[test]
    fn links_only_under_an_origin() {
        let links = Links::under(Some("https://ville.example")).unwrap();
        assert_eq!(
            links.to("/account/reset").as_str(),
            "https://ville.example/account/reset"
        );
        assert!(matches!(
            Links::under(None),
            Err(crate::error::Error::NoMailOrigin)
        ));
    }

    #[test]
    fn backoff_grows_and_stays_bounded() {
        assert_eq!(backoff_seconds(1), 60);
        assert_eq!(backoff_seconds(2), 240);
        assert_eq!(backoff_seconds(4), 3840);
        assert_eq!(backoff_seconds(0), 60);
        assert_eq!(backoff_seconds(i64::MAX), backoff_seconds(6));
    }

    #[test]
    fn api_answers_are_classified() {
        assert_eq!(Outcome::of_status(202, ""), Outcome::Sent);
        assert_eq!(
            Outcome::of_status(503, " busy\n"),
            Outcome::Retry("HTTP 503 busy".into())
        );
        assert!(matches!(Outcome::of_status(429, ""), Outcome::Retry(_)));
        assert!(matches!(
            Outcome::of_status(422, "bad address"),
            Outcome::Refused(m) if m == "HTTP 422 bad address"
        ));
        assert!(matches!(Outcome::of_status(401, ""), Outcome::Refused(_)));
    }

    #[test]
    fn errors_are_kept_short_and_on_one_line() {
        assert_eq!(clip("a\nb"), "a b");
        let long = "é".repeat(1000);
        let kept = clip(&long);
        assert_eq!(kept.chars().count(), MAX_ERROR + 1);
        assert!(kept.ends_with('…'));
    }

    #[test]
    fn payload_carries_both_bodies_and_the_reference() {
        let mail = Outgoing {
            id: 42,
            to_email: "camille@ville.example".into(),
            locale: "de".into(),
            kind: "reset".into(),
            subject: "Passwort \"neu\"".into(),
            text: "Hallo".into(),
            html: "<p>Hallo</p>".into(),
            attempts: 1,
        };
        let json: serde_json::Value = serde_json::from_str(&payload(&mail, "")).unwrap();
        assert_eq!(json["to"], "camille@ville.example");
        assert_eq!(json["subject"], "Passwort \"neu\"");
        assert_eq!(json["text"], "Hallo");
        assert_eq!(json["html"], "<p>Hallo</p>");
        assert_eq!(json["language"], "de");
        assert_eq!(json["reference"], "palabre-42");
        assert!(json.get("from").is_none());
        let json: serde_json::Value =
            serde_json::from_str(&payload(&mail, "Mairie <mairie@ville.example>")).unwrap();
        assert_eq!(json["from"], "Mairie <mairie@ville.example>");
    }

    #[test]
    fn text_and_html_bodies() {
        let mail = Mail {
            to_email: "a@b.fr",
            user_id: None,
            locale: Locale::Fr,
            kind: "confirm",
            subject: "Confirmez <votre> adresse".into(),
            paragraphs: vec!["Bonjour & bienvenue".into()],
            action: Some((
                "Confirmer".into(),
                Links::under(Some("https://ville.example"))
                    .unwrap()
                    .to("/account/confirm?token=x&y"),
            )),
            signature: "Valbrune".into(),
        };
        let text = mail.text();
        assert!(text.starts_with(
            "Bonjour & bienvenue\n\nConfirmer:\nhttps://ville.example/account/confirm?token=x&y"
        ));
        let html = mail.html();
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("Confirmez &lt;votre&gt; adresse"));
        assert!(html.contains("href=\"https://ville.example/account/confirm?token=x&amp;y\""));
        assert!(html.contains("Bonjour &amp; bienvenue"));
    }
}
