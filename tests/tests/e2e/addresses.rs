//! The client's address (docs/SECURITY.md, docs/DEPLOY.md "The client's
//! address"): only the runtime's value counts, so a visitor who sends
//! `spin-client-addr` chooses nothing; behind the commune's trusted proxies,
//! the nearest hop they did not add themselves.

use palabre_e2e::{Browser, TestApp};

/// The address the audit log kept for the last `action`.
fn audited_ip(app: &TestApp, action: &str) -> Option<String> {
    app.db()
        .query_row(
            "SELECT ip FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1",
            [action],
            |r| r.get(0),
        )
        .unwrap()
}

/// A failed sign-in for `email`, sent with `headers`.
fn failed_login(browser: &mut Browser<'_>, email: &str, headers: &[(&str, &str)]) -> u16 {
    browser.headers = headers
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let status = browser
        .post(
            "/account/login",
            &[("email", email), ("password", "not the password")],
        )
        .status;
    browser.headers.clear();
    status
}

#[test]
fn a_visitor_who_names_an_address_changes_nothing() {
    let app = TestApp::start();
    let mut browser = Browser::new(&app);
    let _ = browser.get("/account/login");
    palabre_e2e::start_of_a_fresh_minute_window();
    // Twenty sign-ins a minute from one address; each attempt names another
    // address of its own, and a different account, so that only the
    // per-address limit can stop the twenty-first.
    let mut statuses = Vec::new();
    for i in 0..21 {
        let forged = format!("203.0.113.{}:4000", i + 1);
        let email = format!("nobody-{i}@example.org");
        statuses.push(failed_login(
            &mut browser,
            &email,
            &[
                ("spin-client-addr", forged.as_str()),
                ("palabre-client-addr", forged.as_str()),
            ],
        ));
    }
    assert_eq!(statuses[..20], [422; 20], "{statuses:?}");
    assert_eq!(statuses[20], 429, "{statuses:?}");
    // The audit log has the connection's own address, not the one named.
    assert_eq!(
        audited_ip(&app, "login-failed").as_deref(),
        Some("127.0.0.1")
    );
}

#[test]
fn behind_the_communes_proxy_the_nearest_hop_it_did_not_add_is_the_client() {
    let dir = palabre_e2e::fresh_state_dir();
    let app = TestApp::start_on(&dir, &[("SPIN_VARIABLE_TRUSTED_PROXIES", "127.0.0.0/8")]);
    let mut browser = Browser::new(&app);
    let _ = browser.get("/account/login");
    palabre_e2e::start_of_a_fresh_minute_window();
    // The visitor wrote the first hop; the proxy appended the one it saw.
    let chain = [("X-Forwarded-For", "6.6.6.6, 198.51.100.9")];
    assert_eq!(failed_login(&mut browser, "a@example.org", &chain), 422);
    assert_eq!(
        audited_ip(&app, "login-failed").as_deref(),
        Some("198.51.100.9")
    );
    // Limits follow that address: twenty from it, then a refusal; another
    // address behind the same proxy is not affected.
    for i in 1..20 {
        let email = format!("b{i}@example.org");
        assert_eq!(failed_login(&mut browser, &email, &chain), 422, "{i}");
    }
    assert_eq!(failed_login(&mut browser, "c@example.org", &chain), 429);
    let neighbour = [("X-Forwarded-For", "198.51.100.10")];
    assert_eq!(failed_login(&mut browser, "d@example.org", &neighbour), 422);
    assert_eq!(
        audited_ip(&app, "login-failed").as_deref(),
        Some("198.51.100.10")
    );
    drop(app);

    // RFC 7239 `Forwarded`, when the commune's proxy writes that instead;
    // its X-Forwarded-For is then the visitor's own words.
    let app = TestApp::start_on(
        &dir,
        &[
            ("SPIN_VARIABLE_TRUSTED_PROXIES", "127.0.0.1"),
            ("SPIN_VARIABLE_FORWARDED_HEADER", "forwarded"),
        ],
    );
    let mut browser = Browser::new(&app);
    let _ = browser.get("/account/login");
    let headers = [
        ("X-Forwarded-For", "6.6.6.6"),
        ("Forwarded", "for=\"[2001:db8::7]:443\";proto=https"),
    ];
    assert_eq!(failed_login(&mut browser, "e@example.org", &headers), 422);
    assert_eq!(
        audited_ip(&app, "login-failed").as_deref(),
        Some("2001:db8::7")
    );
    drop(app);

    // A setting that cannot be read trusts nobody, and says why.
    let app = TestApp::start_on(&dir, &[("SPIN_VARIABLE_TRUSTED_PROXIES", "ingress.local")]);
    let mut browser = Browser::new(&app);
    let _ = browser.get("/account/login");
    assert_eq!(failed_login(&mut browser, "f@example.org", &chain), 422);
    assert_eq!(
        audited_ip(&app, "login-failed").as_deref(),
        Some("127.0.0.1")
    );
    assert!(app.log_contains("\"ingress.local\" is not an address"));
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}
