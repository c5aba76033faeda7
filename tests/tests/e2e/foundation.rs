//! The foundation: the composed components served by
//! Spin (or palabre-host) on a temporary database. Run `scripts/build` first (scripts/test does).

use palabre_e2e::{Response, TestApp, fresh_state_dir};
use palabre_kit::session::{self, Key, SessionClaims};

const SECURITY_HEADERS: [&str; 6] = [
    "content-security-policy",
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "permissions-policy",
];

fn assert_security_headers(r: &Response, what: &str) {
    for name in SECURITY_HEADERS {
        assert!(r.header(name).is_some(), "{what}: missing {name}");
    }
    assert!(
        r.header("content-security-policy")
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
}

fn key() -> Key {
    Key::new(palabre_e2e::TEST_KEY).unwrap()
}

/// A user row and a valid session cookie for it.
fn sign_in(app: &TestApp, role: &str, locale: Option<&str>) -> (i64, String) {
    // The first request runs the migrations.
    assert_eq!(app.get("/health").status, 200);
    let db = app.db();
    db.execute(
        "INSERT INTO users (email, display_name, role, locale, created_at) VALUES (?1, 'Test', ?2, ?3, 0)",
        rusqlite::params![format!("{role}-{}@example.org", rand_suffix()), role, locale],
    )
    .unwrap();
    let id = db.last_insert_rowid();
    let now = palabre_kit::now();
    let claims = SessionClaims {
        user_id: id,
        session_id: session::random_id().unwrap(),
        issued_at: now,
        expires_at: now + 3600,
        seen_at: now,
    };
    (id, session::sign(&key(), &claims))
}

fn rand_suffix() -> String {
    session::random_id().unwrap()
}

#[test]
fn home_page_shows_the_commune_from_the_database() {
    let app = TestApp::start();
    let r = app.get("/");
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert!(html.contains("Valbrune-sur-Loire"));
    assert!(html.contains("La plateforme de participation est ouverte"));
    assert!(!html.contains("Brouillon"), "drafts must not show");
    assert_eq!(
        r.header("content-length"),
        Some(r.body.len().to_string().as_str())
    );
    assert_security_headers(&r, "home");

    // Change the name in the database: the page follows.
    app.db()
        .execute(
            "UPDATE settings SET value = 'Testville <b>' WHERE key = 'commune.name'",
            [],
        )
        .unwrap();
    let html = app.get("/").text();
    assert!(
        html.contains("<span class=\"brand-name\">Testville &lt;b&gt;</span>"),
        "name from the DB, escaped"
    );
    assert!(html.contains("<title>Accueil · Testville &lt;b&gt;</title>"));
}

#[test]
fn languages_follow_the_switch_and_accept_language() {
    let app = TestApp::start();
    let de = app.request("GET", "/", &[("Accept-Language", "de-DE,de;q=0.9")], b"");
    assert!(de.text().contains("<html lang=\"de\">"));
    assert!(de.text().contains("Zum Inhalt springen"));
    let en = app.get("/?lang=en");
    assert!(en.text().contains("<html lang=\"en\">"));
    assert_eq!(en.cookie("palabre-lang").as_deref(), Some("en"));
    let remembered = app.request("GET", "/pages/legal", &[("Cookie", "palabre-lang=en")], b"");
    assert!(remembered.text().contains("<html lang=\"en\">"));
    assert!(remembered.text().contains("Legal notice"));
}

#[test]
fn a_spoofed_visitor_header_is_ignored() {
    let app = TestApp::start();
    let r = app.request(
        "GET",
        "/",
        &[
            ("palabre-visitor", "v1 uid=1 role=admin locale=de csrf=x"),
            ("palabre-set-session", "1"),
        ],
        b"",
    );
    assert_eq!(r.status, 200);
    // Honoured, the header would have switched the page to German and marked it private.
    assert!(r.text().contains("<html lang=\"fr\">"));
    assert_ne!(r.header("cache-control"), Some("no-store"));
    assert!(r.cookie("__Host-palabre-session").is_none());
}

#[test]
fn unsafe_methods_need_a_csrf_token_from_the_same_origin() {
    let app = TestApp::start();
    let first = app.get("/");
    let pre = first
        .cookie("__Host-palabre-pre")
        .expect("pre-session cookie");
    let cookie = format!("__Host-palabre-pre={pre}");
    let form = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];

    let none = app.request("POST", "/", &form, b"title=x");
    assert_eq!(none.status, 403);
    assert!(none.text().contains("Accès refusé"));
    assert_security_headers(&none, "403");

    let wrong = app.request("POST", "/", &form, b"_csrf=AAAA&title=x");
    assert_eq!(wrong.status, 403);

    let token = session::csrf_token(&key(), &pre);
    let body = format!("title=x&_csrf={token}");
    let good = app.request("POST", "/", &form, body.as_bytes());
    // Past the gate, the pages component answers: it has no form on `/`.
    assert_eq!(good.status, 405, "{}", good.text());

    // What a browser sends: its own origin, same-origin fetch metadata.
    let origin = format!("http://{}", app.addr);
    let mut browser = form.to_vec();
    browser.push(("Origin", origin.as_str()));
    browser.push(("Sec-Fetch-Site", "same-origin"));
    assert_eq!(
        app.request("POST", "/", &browser, body.as_bytes()).status,
        405
    );
    let mut cross = form.to_vec();
    cross.push(("Origin", "https://evil.example"));
    assert_eq!(
        app.request("POST", "/", &cross, body.as_bytes()).status,
        403
    );
    let mut cross_site = form.to_vec();
    cross_site.push(("Sec-Fetch-Site", "cross-site"));
    assert_eq!(
        app.request("POST", "/", &cross_site, body.as_bytes())
            .status,
        403
    );

    // The token of another pre-session does not work.
    let other = session::csrf_token(&key(), "AAAAAAAAAAAAAAAAAAAAAA");
    let body = format!("title=x&_csrf={other}");
    assert_eq!(app.request("POST", "/", &form, body.as_bytes()).status, 403);

    // Header form of the token, for scripts.
    let mut with_header = form.to_vec();
    with_header.push(("X-CSRF-Token", token.as_str()));
    assert_eq!(app.request("DELETE", "/", &with_header, b"").status, 405);
}

#[test]
fn oversized_bodies_are_refused() {
    let app = TestApp::start();
    let big = vec![b'a'; 4 * 1024 * 1024];
    let r = app.request(
        "POST",
        "/",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        &big,
    );
    assert_eq!(r.status, 413);
}

#[test]
fn unknown_paths_get_the_404_page() {
    let app = TestApp::start();
    for path in [
        "/no/such/page",
        "/pages/nope",
        "/pages/..%2Fetc",
        "/news/brouillon-interne",
    ] {
        let r = app.get(path);
        assert_eq!(r.status, 404, "{path}");
        let html = r.text();
        assert!(html.contains("Page introuvable"), "{path}");
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(
            html.contains("href=\"/pages/accessibility\""),
            "the layout's footer"
        );
        assert_security_headers(&r, path);
    }
}

#[test]
fn static_assets_are_cached_for_a_year() {
    let app = TestApp::start();
    let home = app.get("/").text();
    let css_url = home
        .split("href=\"")
        .find(|s| s.starts_with("/static/palabre.css"))
        .and_then(|s| s.split('"').next())
        .expect("stylesheet link")
        .to_string();
    let r = app.get(&css_url);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let etag = r.header("etag").expect("etag").to_string();
    assert!(r.text().contains("--brand-primary"));
    let again = app.request("GET", &css_url, &[("If-None-Match", etag.as_str())], b"");
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(app.get("/static/missing.css").status, 404);
}

/// The schema version once every file of `db/migrations/` is applied.
fn migration_count() -> i64 {
    let dir = palabre_e2e::repo_root().join("db/migrations");
    let files = std::fs::read_dir(dir).unwrap();
    files
        .filter(|f| {
            f.as_ref()
                .is_ok_and(|f| f.path().extension().is_some_and(|e| e == "sql"))
        })
        .count() as i64
}

#[test]
fn health_reports_the_schema_version() {
    let app = TestApp::start();
    let r = app.get("/health");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(
        r.text(),
        format!(
            "{{\"schema_version\":{},\"status\":\"ok\"}}",
            migration_count()
        )
    );
}

#[test]
fn a_second_instance_finds_migrations_done() {
    let dir = fresh_state_dir();
    let first = TestApp::start_on(&dir, &[]);
    assert_eq!(first.get("/").status, 200);
    assert!(first.log_contains("applying migration 0001_foundation"));
    let second = TestApp::start_on(&dir, &[]);
    assert_eq!(second.get("/").status, 200);
    let news: i64 = second
        .db()
        .query_row("SELECT count(*) FROM news", [], |r| r.get(0))
        .unwrap();
    assert_eq!(news, 4, "the demo is loaded once");
    let version: i64 = second
        .db()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, migration_count());
    first.stop();
    let log = second.stop_and_log();
    assert!(
        log.contains("\"method\":\"GET\""),
        "the whole log was read: {log}"
    );
    assert!(!log.contains("applying migration"), "{log}");
    assert!(!log.contains("loading the demo commune"), "{log}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sessions_are_verified_revocable_and_private() {
    let app = TestApp::start();
    let (id, cookie) = sign_in(&app, "citizen", Some("de"));
    let header = format!("__Host-palabre-session={cookie}");
    let r = app.request("GET", "/", &[("Cookie", header.as_str())], b"");
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("cache-control"),
        Some("no-store"),
        "signed-in pages are never stored"
    );
    assert!(
        r.text().contains("<html lang=\"de\">"),
        "the account's language"
    );

    // Tampered: anonymous, and the cookie is cleared.
    let tampered = format!("__Host-palabre-session={}x", cookie);
    let r = app.request("GET", "/", &[("Cookie", tampered.as_str())], b"");
    assert!(r.text().contains("<html lang=\"fr\">"));
    assert_eq!(r.cookie("__Host-palabre-session").as_deref(), Some(""));

    // Expired.
    let now = palabre_kit::now();
    let expired = session::sign(
        &key(),
        &SessionClaims {
            user_id: id,
            session_id: session::random_id().unwrap(),
            issued_at: now - 100,
            expires_at: now - 1,
            seen_at: now - 100,
        },
    );
    let r = app.request(
        "GET",
        "/",
        &[(
            "Cookie",
            format!("__Host-palabre-session={expired}").as_str(),
        )],
        b"",
    );
    assert!(r.text().contains("<html lang=\"fr\">"));
    assert_eq!(r.cookie("__Host-palabre-session").as_deref(), Some(""));

    // Revoked ("log out everywhere"): sessions issued before the mark are dead.
    app.db()
        .execute(
            "UPDATE users SET sessions_valid_after = ?1 WHERE id = ?2",
            rusqlite::params![now + 10, id],
        )
        .unwrap();
    let r = app.request("GET", "/", &[("Cookie", header.as_str())], b"");
    assert!(r.text().contains("<html lang=\"fr\">"));
    assert_ne!(r.header("cache-control"), Some("no-store"));

    // Signed with another key: anonymous.
    let other = Key::new("another-key-that-is-long-enough-0123456789").unwrap();
    let forged = session::sign(
        &other,
        &SessionClaims {
            user_id: id,
            session_id: "x".into(),
            issued_at: now,
            expires_at: now + 60,
            seen_at: now,
        },
    );
    let r = app.request(
        "GET",
        "/",
        &[(
            "Cookie",
            format!("__Host-palabre-session={forged}").as_str(),
        )],
        b"",
    );
    assert!(r.text().contains("<html lang=\"fr\">"));
}

#[test]
fn a_short_session_key_disables_sessions_and_forms() {
    let dir = fresh_state_dir();
    let app = TestApp::start_on(&dir, &[("SPIN_VARIABLE_SESSION_KEY", "short")]);
    assert_eq!(app.get("/").status, 200, "public pages still work");
    let r = app.request(
        "POST",
        "/",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"a=b",
    );
    assert_eq!(r.status, 503);
    assert!(
        app.log_contains("session_key variable is too short"),
        "{}",
        app.log()
    );
    app.stop();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_trapping_component_gets_a_500_and_the_host_keeps_serving() {
    let dir = fresh_state_dir();
    let manifest = palabre_e2e::repo_root().join("tests/fixtures/trap.spin.toml");
    let app = palabre_e2e::TestApp::start_with(&manifest, &dir, &[]);
    assert_eq!(app.get("/fixture/ok").text(), "ok");
    let r = app.get("/fixture/trap");
    assert_eq!(r.status, 500);
    // Each runner says it its own way: palabre-host with a page, Spin in its log.
    let said = match app.runner {
        palabre_e2e::Runner::Host => {
            assert!(r.text().contains("500 Internal Server Error"));
            "[trap] /fixture/trap: the component failed"
        }
        palabre_e2e::Runner::Spin(_) => "worker trapped or panicked",
    };
    assert!(app.log_contains(said), "{}", app.log());
    for _ in 0..3 {
        assert_eq!(app.get("/fixture/ok").text(), "ok");
        assert_eq!(app.get("/").status, 200);
    }
    app.stop();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn components_get_spin_headers_and_an_absolute_uri() {
    let dir = fresh_state_dir();
    let manifest = palabre_e2e::repo_root().join("tests/fixtures/trap.spin.toml");
    let app = palabre_e2e::TestApp::start_with(&manifest, &dir, &[]);
    let text = app.get("/fixture/headers/deeper?x=1").text();
    let expect = [
        format!(
            "spin-full-url: http://{}/fixture/headers/deeper?x=1",
            app.addr
        ),
        "spin-path-info: /headers/deeper".to_string(),
        "spin-matched-route: /fixture/...".to_string(),
        "spin-raw-component-route: /fixture/...".to_string(),
        "spin-component-route: /fixture".to_string(),
        "spin-base-path: /".to_string(),
        format!("uri: http://{}/fixture/headers/deeper?x=1", app.addr),
    ];
    for line in expect {
        assert!(text.lines().any(|l| l == line), "{line} not in:\n{text}");
    }
    assert!(text.contains("spin-client-addr: 127.0.0.1:"), "{text}");
    app.stop();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn idle_sessions_end_by_role_and_active_ones_are_refreshed() {
    let app = TestApp::start();
    let now = palabre_kit::now();
    let cookie_for = |user_id: i64, idle: i64| {
        let claims = SessionClaims {
            user_id,
            session_id: session::random_id().unwrap(),
            issued_at: now - idle - 60,
            expires_at: now + 3600,
            seen_at: now - idle,
        };
        format!("__Host-palabre-session={}", session::sign(&key(), &claims))
    };
    let (admin, _) = sign_in(&app, "admin", Some("en"));
    let (citizen, _) = sign_in(&app, "citizen", Some("en"));

    // Staff: 30 minutes of inactivity end the session.
    let r = app.request(
        "GET",
        "/",
        &[("Cookie", cookie_for(admin, 31 * 60).as_str())],
        b"",
    );
    assert!(r.text().contains("<html lang=\"fr\">"), "anonymous again");
    assert_eq!(r.cookie("__Host-palabre-session").as_deref(), Some(""));
    // Staff active 10 minutes ago: still in, and the cookie is refreshed.
    let r = app.request(
        "GET",
        "/",
        &[("Cookie", cookie_for(admin, 10 * 60).as_str())],
        b"",
    );
    assert!(r.text().contains("<html lang=\"en\">"));
    let refreshed = r
        .cookie("__Host-palabre-session")
        .expect("refreshed cookie");
    let claims = session::verify(&key(), &refreshed, now + 5).unwrap();
    assert!(
        claims.seen_at >= now && claims.expires_at == now + 3600,
        "same end, new last-seen"
    );

    // Citizens: two hours idle is fine (14 days allowed), refreshed hourly.
    let r = app.request(
        "GET",
        "/",
        &[("Cookie", cookie_for(citizen, 2 * 3600).as_str())],
        b"",
    );
    assert!(r.text().contains("<html lang=\"en\">"));
    assert!(
        r.cookie("__Host-palabre-session")
            .is_some_and(|c| !c.is_empty())
    );
    // Seen a minute ago: no need to re-sign.
    let r = app.request(
        "GET",
        "/",
        &[("Cookie", cookie_for(citizen, 60).as_str())],
        b"",
    );
    assert!(r.text().contains("<html lang=\"en\">"));
    assert!(r.cookie("__Host-palabre-session").is_none());
    // Fifteen days idle: out.
    let r = app.request(
        "GET",
        "/",
        &[("Cookie", cookie_for(citizen, 15 * 86_400).as_str())],
        b"",
    );
    assert!(r.text().contains("<html lang=\"fr\">"));
}
