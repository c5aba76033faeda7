//! The outside review's findings (issue 25), each with the test that failed
//! before its fix (docs/SECURITY.md and docs/RELIABILITY.md list them).

use palabre_e2e::{Browser, TestApp, demo, fresh_state_dir};

const CAMILLE: &str = "camille@valbrune.example.org";

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A browser whose every request names `host` in its Host header.
fn under_host<'a>(app: &'a TestApp, host: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser.headers.push(("Host".into(), host.into()));
    browser
}

/// Without `base_url`, a reset, a sign-up or an invitation asked for under a
/// forged Host queues no mail (a link to that host would hand it the token)
/// and says why; on loopback, the development default, mail still goes; with
/// `base_url`, every link is under it whatever the Host.
#[test]
fn links_in_mails_never_follow_the_host_header() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut attacker = under_host(&app, "attacker.example");
    let _ = attacker.get("/account/reset");
    let refused = attacker.post("/account/reset", &[("email", CAMILLE)]);
    assert_eq!(refused.status, 503, "{}", refused.text());
    assert!(refused.text().contains("base_url"), "{}", refused.text());
    let _ = attacker.get("/account/signup");
    let signup = attacker.post(
        "/account/signup",
        &[
            ("name", "Mallory"),
            ("email", "mallory@example.org"),
            ("password", "les quais de Loire"),
            ("confirm", "les quais de Loire"),
            ("terms", "yes"),
        ],
    );
    assert_eq!(signup.status, 503, "{}", signup.text());
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM users WHERE email = 'mallory@example.org'"
        ),
        0,
        "nothing half-done: no account without its mail"
    );
    let mut admin = demo::admin(&app);
    admin
        .headers
        .push(("Host".into(), "attacker.example".into()));
    let _ = admin.get("/admin");
    let invite = admin.post(
        "/admin/people/invite",
        &[
            ("email", "nadia@example.org"),
            ("name", "Nadia"),
            ("role", "moderator"),
        ],
    );
    assert_eq!(invite.status, 503, "{}", invite.text());
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM mail_outbox WHERE body_text LIKE '%attacker.example%' OR kind IN ('reset', 'confirm', 'invite')"
        ),
        0,
        "no mail queued with a link from the request"
    );
    // The administration says what is missing.
    let mut admin = demo::admin(&app);
    assert!(admin.get("/admin").text().contains("base_url"));
    // On loopback (this test's own Host), the development default, mail goes.
    let mut local = Browser::new(&app);
    let _ = local.get("/account/reset");
    assert_eq!(
        local.post("/account/reset", &[("email", CAMILLE)]).status,
        200
    );
    let origin = format!("http://{}/account/reset/new?token=", app.addr);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) FROM mail_outbox WHERE kind = 'reset' AND body_text LIKE '%{origin}%'"
            )
        ),
        1
    );
    app.stop();

    let dir = fresh_state_dir();
    let app = TestApp::start_on(
        &dir,
        &[(
            "SPIN_VARIABLE_BASE_URL",
            "https://participer.valbrune.example",
        )],
    );
    let mut attacker = under_host(&app, "attacker.example");
    let _ = attacker.get("/account/reset");
    assert_eq!(
        attacker
            .post("/account/reset", &[("email", CAMILLE)])
            .status,
        200
    );
    let text: String = app
        .db()
        .query_row(
            "SELECT body_text FROM mail_outbox WHERE kind = 'reset'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        text.contains("https://participer.valbrune.example/account/reset/new?token="),
        "{text}"
    );
    assert!(!text.contains("attacker.example"), "{text}");
    let mut admin = demo::admin(&app);
    assert!(!admin.get("/admin").text().contains("base_url"));
    app.stop();
}
