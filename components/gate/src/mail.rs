//! Mail delivery through an HTTP API. Features only queue mail (`kit::mail`);
//! the gate, which alone may hold the API token, sends what is due after a
//! write request has been answered, so the visitor never waits for the API.
//!
//! On when the component is granted `mail_api_url` (an origin, the one listed
//! in its `allowed_outbound_hosts`) and a non-empty `mail_api_token`; the mail
//! is posted as JSON to `mail_api_url` + `mail_api_path` with the token as a
//! bearer credential.

use std::sync::OnceLock;

use bytes::Bytes;
use http::header;
use http_body_util::{BodyExt, Full, Limited};
use palabre_kit::db;
use palabre_kit::mail::{self, Outcome, Outgoing};
use spin_sdk::wasip3::http::types::RequestOptions;
use spin_sdk::wasip3::http_compat::RequestOptionsExtension;

/// Mails sent per write request at most (the rest wait for the next one).
const BATCH: i64 = 5;
/// Connect and first-byte timeouts of the API, in seconds.
const TIMEOUT_SECONDS: u64 = 10;
/// How much of an error answer is kept (in `last_error`).
const ERROR_EXCERPT: usize = 200;

struct MailApi {
    endpoint: String,
    token: String,
    from: String,
}

static API: OnceLock<Option<MailApi>> = OnceLock::new();

async fn variable(name: &str) -> String {
    spin_sdk::variables::get(name)
        .await
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

/// The configured API, read once per instance; `None` when delivery is off.
async fn api() -> Option<&'static MailApi> {
    if let Some(api) = API.get() {
        return api.as_ref();
    }
    let token = variable("mail_api_token").await;
    let url = variable("mail_api_url").await;
    let path = variable("mail_api_path").await;
    let from = variable("mail_from").await;
    API.get_or_init(|| configure(&url, &path, &token, from))
        .as_ref()
}

fn configure(url: &str, path: &str, token: &str, from: String) -> Option<MailApi> {
    if token.is_empty() {
        return None;
    }
    let Some(origin) = palabre_kit::mail::parse_origin(url) else {
        eprintln!(
            "gate: mail_api_url {url:?} is not an origin like https://api.mail.example; mail stays in the outbox"
        );
        return None;
    };
    let path = if path.is_empty() { "/" } else { path };
    if !path.starts_with('/') || path.bytes().any(|b| b.is_ascii_whitespace()) {
        eprintln!("gate: mail_api_path {path:?} must start with /; mail stays in the outbox");
        return None;
    }
    Some(MailApi {
        endpoint: format!("{origin}{path}"),
        token: token.to_string(),
        from,
    })
}

/// After a write request: sends the mail that is due, in the background.
pub async fn deliver_after_write() {
    if api().await.is_some() {
        spin_sdk::wasip3::spawn(async {
            if let Err(e) = deliver_due().await {
                eprintln!("gate: mail delivery: {e}");
            }
        });
    }
}

async fn deliver_due() -> palabre_kit::Result<()> {
    let Some(api) = api().await else {
        return Ok(());
    };
    let conn = db::open().await?;
    let due = mail::claim_due(&conn, palabre_kit::now(), BATCH).await?;
    // The claim stands alone; each outcome is recorded after its delivery.
    conn.step_done();
    for outgoing in due {
        let outcome = send(api, &outgoing).await;
        if let Outcome::Retry(e) | Outcome::Refused(e) = &outcome {
            eprintln!(
                "gate: mail {} (attempt {}) not delivered: {e}",
                outgoing.id, outgoing.attempts
            );
        }
        mail::record(&conn, &outgoing, &outcome, palabre_kit::now()).await?;
        conn.step_done();
    }
    Ok(())
}

async fn send(api: &MailApi, outgoing: &Outgoing) -> Outcome {
    let body = mail::payload(outgoing, &api.from);
    let request = http::Request::post(&api.endpoint)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, body.len())
        .header(header::AUTHORIZATION, format!("Bearer {}", api.token))
        .header("idempotency-key", format!("palabre-{}", outgoing.id))
        .extension(timeouts())
        .body(Full::new(Bytes::from(body)));
    let request = match request {
        Ok(request) => request,
        Err(e) => return Outcome::Refused(format!("request: {e}")),
    };
    let response = match spin_sdk::http::send(request).await {
        Ok(response) => response,
        Err(e) => return Outcome::Retry(format!("{e:?}")),
    };
    let status = response.status().as_u16();
    if response.status().is_success() {
        return Outcome::Sent;
    }
    let detail = match Limited::new(response.into_body(), 4096).collect().await {
        Ok(collected) => {
            let bytes = collected.to_bytes();
            let text = String::from_utf8_lossy(&bytes);
            text.chars().take(ERROR_EXCERPT).collect()
        }
        Err(_) => String::new(),
    };
    Outcome::of_status(status, &detail)
}

pub(crate) fn timeouts() -> RequestOptionsExtension {
    let options = RequestOptions::new();
    let nanos = TIMEOUT_SECONDS * 1_000_000_000;
    // A host may not support a timeout; the request is then bounded by its own.
    let _ = options.set_connect_timeout(Some(nanos));
    let _ = options.set_first_byte_timeout(Some(nanos));
    let _ = options.set_between_bytes_timeout(Some(nanos));
    RequestOptionsExtension(options)
}

#[cfg(test)]
mod tests {
    use super::configure;

    #[test]
    fn delivery_needs_a_token_and_an_origin() {
        assert!(configure("https://api.mail.example", "/send", "", String::new()).is_none());
        assert!(configure("", "/send", "t0ken", String::new()).is_none());
        assert!(configure("api.mail.example", "/send", "t0ken", String::new()).is_none());
        assert!(configure("https://api.mail.example/v1", "", "t0ken", String::new()).is_none());
        assert!(configure("https://api.mail.example", "send", "t0ken", String::new()).is_none());
        let api = configure(
            "https://API.mail.example/",
            "/v1/send",
            "t0ken",
            String::new(),
        );
        assert_eq!(
            api.map(|a| a.endpoint),
            Some("https://api.mail.example/v1/send".to_string())
        );
        let api = configure("http://127.0.0.1:8025", "", "t0ken", String::new());
        assert_eq!(
            api.map(|a| a.endpoint),
            Some("http://127.0.0.1:8025/".to_string())
        );
    }
}
