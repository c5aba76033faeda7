//! Mail delivery through an HTTP API: a mock API on 127.0.0.1 receives what the
//! gate sends after a write request, and the outbox keeps the outcome.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use palabre_e2e::{Browser, TestApp, fresh_state_dir};

/// One request the mock API received.
#[derive(Debug, Clone)]
struct Received {
    request_line: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

/// A tiny HTTP/1.1 server answering each request with the next status of its list.
struct MockApi {
    port: u16,
    received: Arc<Mutex<Vec<Received>>>,
}

impl MockApi {
    fn start(statuses: Vec<u16>) -> MockApi {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = received.clone();
        std::thread::spawn(move || {
            let mut statuses = statuses.into_iter();
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    continue;
                }
                let mut headers = Vec::new();
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some((k, v)) = line.trim_end().split_once(':') {
                        if k.eq_ignore_ascii_case("content-length") {
                            length = v.trim().parse().unwrap_or(0);
                        }
                        headers.push((k.to_string(), v.trim().to_string()));
                    }
                }
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                log.lock().unwrap().push(Received {
                    request_line: request_line.trim_end().to_string(),
                    headers,
                    body: String::from_utf8_lossy(&body).into_owned(),
                });
                let status = statuses.next().unwrap_or(202);
                let answer = if status < 300 {
                    "{\"id\":\"m-1\"}"
                } else {
                    "mailbox unavailable"
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
                    answer.len()
                );
            }
        });
        MockApi { port, received }
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

fn start_with_api(api: &MockApi, token: &str) -> TestApp {
    let url = format!("http://127.0.0.1:{}", api.port);
    TestApp::start_on(
        &fresh_state_dir(),
        &[
            ("SPIN_VARIABLE_MAIL_API_URL", url.as_str()),
            ("SPIN_VARIABLE_MAIL_API_PATH", "/v1/send"),
            ("SPIN_VARIABLE_MAIL_API_TOKEN", token),
            (
                "SPIN_VARIABLE_MAIL_FROM",
                "Mairie de Valbrune <ne-pas-repondre@valbrune.example.org>",
            ),
        ],
    )
}

fn ask_reset(app: &TestApp, email: &str) {
    let mut browser = Browser::new(app);
    let _ = browser.get("/account/reset");
    assert_eq!(
        browser.post("/account/reset", &[("email", email)]).status,
        200
    );
}

/// (status, attempts, last_error, sent_at) of the newest mail to `to`.
type Row = (String, i64, Option<String>, Option<i64>);

fn outbox_row(app: &TestApp, to: &str) -> Row {
    app.db()
        .query_row(
            "SELECT status, attempts, last_error, sent_at FROM mail_outbox \
             WHERE to_email = ? ORDER BY id DESC LIMIT 1",
            [to],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
}

/// Waits (bounded) until the mail to `to` has been tried and its outcome
/// recorded: sent, or an error kept. Delivery happens after the response.
fn wait_for_outcome(app: &TestApp, to: &str) -> Row {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let row = outbox_row(app, to);
        if row.0 != "queued" || row.2.is_some() {
            return row;
        }
        assert!(
            Instant::now() < deadline,
            "no delivery outcome for {to}: {row:?}\n{}",
            app.log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn queued_mail_is_delivered_through_the_api() {
    let api = MockApi::start(vec![202]);
    let token = "mail-api-test-token-7f3a";
    let app = start_with_api(&api, token);
    let camille = "camille@valbrune.example.org";
    ask_reset(&app, camille);
    let (status, attempts, error, sent_at) = wait_for_outcome(&app, camille);
    assert_eq!((status.as_str(), attempts, error), ("sent", 1, None));
    assert!(sent_at.is_some());

    let received = api.received();
    assert_eq!(received.len(), 1, "one mail, sent once");
    let request = &received[0];
    assert_eq!(request.request_line, "POST /v1/send HTTP/1.1");
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {token}").as_str())
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    let id: i64 = app
        .db()
        .query_row(
            "SELECT id FROM mail_outbox WHERE to_email = ?",
            [camille],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        request.header("idempotency-key"),
        Some(format!("palabre-{id}").as_str())
    );
    let json = request.json();
    assert_eq!(json["to"], camille);
    assert_eq!(
        json["from"],
        "Mairie de Valbrune <ne-pas-repondre@valbrune.example.org>"
    );
    assert_eq!(json["language"], "fr");
    let (subject, text, html): (String, String, String) = app
        .db()
        .query_row(
            "SELECT subject, body_text, body_html FROM mail_outbox WHERE id = ?",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(json["subject"], subject.as_str());
    assert_eq!(json["text"], text.as_str());
    assert_eq!(json["html"], html.as_str());
    assert!(text.contains("/account/reset/new?token="));

    let log = app.stop_and_log();
    assert!(!log.contains(token), "the API token never reaches the log");
}

#[test]
fn failed_deliveries_are_recorded_and_retried_later() {
    // The first mail meets a server error (worth retrying), the second a refusal.
    let api = MockApi::start(vec![503, 422]);
    let app = start_with_api(&api, "mail-api-test-token-7f3a");
    let camille = "camille@valbrune.example.org";
    ask_reset(&app, camille);
    let (status, attempts, error, sent_at) = wait_for_outcome(&app, camille);
    assert_eq!((status.as_str(), attempts, sent_at), ("queued", 1, None));
    assert_eq!(error.as_deref(), Some("HTTP 503 mailbox unavailable"));
    let next: i64 = app
        .db()
        .query_row(
            "SELECT next_attempt_at - strftime('%s', 'now') FROM mail_outbox WHERE to_email = ?",
            [camille],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        (30..=61).contains(&next),
        "tried again in about a minute, not at once ({next} s)"
    );

    let admin = "admin@valbrune.example.org";
    ask_reset(&app, admin);
    let (status, attempts, error, _) = wait_for_outcome(&app, admin);
    assert_eq!(
        (status.as_str(), attempts),
        ("failed", 1),
        "a refused mail is not tried again"
    );
    assert_eq!(error.as_deref(), Some("HTTP 422 mailbox unavailable"));
    assert_eq!(
        api.received().len(),
        2,
        "the mail waiting for its retry was not sent again early"
    );
    assert_eq!(outbox_row(&app, camille).0, "queued");
}

#[test]
fn without_a_token_mail_stays_in_the_outbox() {
    let api = MockApi::start(vec![]);
    let app = start_with_api(&api, "");
    let camille = "camille@valbrune.example.org";
    ask_reset(&app, camille);
    // A later write request would deliver it if delivery were on.
    ask_reset(&app, "admin@valbrune.example.org");
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(outbox_row(&app, camille).0, "queued");
    assert_eq!(outbox_row(&app, camille).1, 0);
    assert!(api.received().is_empty());
}
