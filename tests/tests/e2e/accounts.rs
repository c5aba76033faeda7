//! Accounts: first-run setup, signing in and out, login rate limits, audit log.

use palabre_e2e::{Browser, TestApp, fresh_state_dir};

fn audit_actions(app: &TestApp) -> Vec<String> {
    let db = app.db();
    let mut stmt = db
        .prepare("SELECT action FROM audit_log ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_fresh_instance_is_set_up_once() {
    let dir = fresh_state_dir();
    let app = TestApp::start_on(&dir, &[("SPIN_VARIABLE_DEMO_SEED", "false")]);
    let mut browser = Browser::new(&app);

    for path in ["/", "/pages/legal", "/account/login"] {
        let r = browser.get(path);
        assert_eq!(r.status, 303, "{path}");
        assert_eq!(r.header("location"), Some("/setup"));
    }
    assert_eq!(browser.get("/health").status, 200);

    let form = browser.get("/setup");
    assert_eq!(form.status, 200);
    let html = form.text();
    for field in ["commune", "locale", "name", "email", "password", "confirm"] {
        assert!(
            html.contains(&format!("<label for=\"f-{field}\">")),
            "label for {field}"
        );
    }

    // Bad input: the form comes back with messages, the values kept, nothing created.
    let bad = browser.post(
        "/setup",
        &[
            ("commune", "Bourg-les-Essais"),
            ("locale", "fr"),
            ("name", "Maire"),
            ("email", "not-an-email"),
            ("password", "password"),
            ("confirm", "password"),
        ],
    );
    assert_eq!(bad.status, 422);
    let html = bad.text();
    assert!(html.contains("value=\"Bourg-les-Essais\""));
    assert!(html.contains("Saisissez une adresse électronique valide"));
    assert!(html.contains("fait partie des plus courants"));
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("class=\"error-summary\""));
    let users: i64 = app
        .db()
        .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
        .unwrap();
    assert_eq!(users, 0);

    let done = browser.post(
        "/setup",
        &[
            ("commune", "Bourg-les-Essais"),
            ("locale", "de"),
            ("name", "Bürgermeisterin"),
            ("email", "Maire@Bourg.example.org"),
            ("password", "sous l'arbre à palabres"),
            ("confirm", "sous l'arbre à palabres"),
        ],
    );
    assert_eq!(done.status, 303, "{}", done.text());
    assert_eq!(done.header("location"), Some("/"));
    assert!(
        browser.cookie("__Host-palabre-session").is_some(),
        "signed in at once"
    );

    let home = browser.get("/");
    assert_eq!(home.status, 200);
    let html = home.text();
    assert!(html.contains("Bourg-les-Essais"));
    assert!(html.contains("<html lang=\"de\">"), "the admin's language");
    assert!(html.contains("Abmelden"), "a way to sign out");
    assert_eq!(home.header("cache-control"), Some("no-store"));

    let (role, email, hash): (String, String, String) = app
        .db()
        .query_row("SELECT role, email, password_hash FROM users", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(
        (role.as_str(), email.as_str()),
        ("admin", "maire@bourg.example.org")
    );
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    assert_eq!(audit_actions(&app), vec!["setup"]);

    // Gone for good, for everyone.
    assert_eq!(browser.get("/setup").status, 404);
    let mut stranger = Browser::new(&app);
    assert_eq!(stranger.get("/setup").status, 404);
    // A page with a form, for a valid CSRF token.
    assert_eq!(stranger.get("/account/login").status, 200);
    let again = stranger.post(
        "/setup",
        &[
            ("commune", "Hijack"),
            ("locale", "fr"),
            ("name", "X"),
            ("email", "x@evil.example"),
            ("password", "another long password"),
            ("confirm", "another long password"),
        ],
    );
    assert_eq!(again.status, 404);
    let admins: i64 = app
        .db()
        .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
        .unwrap();
    assert_eq!(admins, 1);
    app.stop();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn signing_in_and_out() {
    let app = TestApp::start();
    let mut browser = Browser::new(&app);
    let form = browser.get("/account/login");
    assert_eq!(form.status, 200);
    assert!(form.text().contains("autocomplete=\"current-password\""));

    // Unknown email and wrong password: the same page.
    let unknown = browser.post(
        "/account/login",
        &[
            ("email", "nobody@valbrune.example.org"),
            ("password", "whatever it is"),
        ],
    );
    let wrong = browser.post(
        "/account/login",
        &[
            ("email", "camille@valbrune.example.org"),
            ("password", "whatever it is"),
        ],
    );
    assert_eq!(unknown.status, 422);
    assert_eq!(wrong.status, 422);
    // The same page but for the address typed and the form keys.
    let normalize =
        |html: String, email: &str| palabre_e2e::without_form_keys(&html.replace(email, "EMAIL"));
    assert_eq!(
        normalize(unknown.text(), "nobody@valbrune.example.org"),
        normalize(wrong.text(), "camille@valbrune.example.org")
    );
    assert!(
        wrong
            .text()
            .contains("Adresse électronique ou mot de passe incorrect.")
    );
    assert!(
        !wrong.text().contains("whatever it is"),
        "passwords are never echoed"
    );
    assert!(browser.cookie("__Host-palabre-session").is_none());

    let ok = browser.post(
        "/account/login",
        &[
            ("email", " Camille@Valbrune.example.org "),
            ("password", "valbrune-citoyenne-2026"),
        ],
    );
    assert_eq!(ok.status, 303, "{}", ok.text());
    let session = browser
        .cookie("__Host-palabre-session")
        .expect("session cookie")
        .to_string();
    let home = browser.get("/");
    assert!(home.text().contains("Se déconnecter"));
    assert_eq!(home.header("cache-control"), Some("no-store"));
    // Signed in, the login page sends you home.
    assert_eq!(browser.get("/account/login").status, 303);

    let out = browser.post("/account/logout", &[]);
    assert_eq!(out.status, 303);
    assert!(
        browser.cookie("__Host-palabre-session").is_none(),
        "cleared"
    );
    assert!(browser.get("/").text().contains("Se connecter"));
    // A copy of the old cookie is dead too (ASVS 7.4.1), not only this browser's.
    let replay = app.request(
        "GET",
        "/",
        &[("Cookie", &format!("__Host-palabre-session={session}"))],
        b"",
    );
    assert!(replay.text().contains("Se connecter"));
    assert_eq!(replay.cookie("__Host-palabre-session").as_deref(), Some(""));

    let actions = audit_actions(&app);
    assert_eq!(
        actions,
        vec!["login-failed", "login-failed", "login", "logout"]
    );
    let failed_subject: String = app
        .db()
        .query_row(
            "SELECT subject FROM audit_log WHERE action = 'login-failed' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(failed_subject, "nobody@valbrune.example.org");
}

#[test]
fn logins_are_rate_limited_per_email() {
    let app = TestApp::start();
    let mut browser = Browser::new(&app);
    let _ = browser.get("/account/login");
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let r = browser.post(
            "/account/login",
            &[
                ("email", "camille@valbrune.example.org"),
                ("password", "not the password"),
            ],
        );
        statuses.push(r.status);
        if r.status == 429 {
            let retry: i64 = r
                .header("retry-after")
                .expect("Retry-After")
                .parse()
                .unwrap();
            assert!((1..=60).contains(&retry), "{retry}");
            assert!(r.text().contains("Trop de tentatives"));
        }
    }
    assert_eq!(statuses, vec![422, 422, 422, 422, 422, 429]);
    // Even the right password waits for the window to pass.
    let blocked = browser.post(
        "/account/login",
        &[
            ("email", "camille@valbrune.example.org"),
            ("password", "valbrune-citoyenne-2026"),
        ],
    );
    assert_eq!(blocked.status, 429);
    // Another account is not affected.
    let other = browser.post(
        "/account/login",
        &[
            ("email", "admin@valbrune.example.org"),
            ("password", "valbrune-admin-2026"),
        ],
    );
    assert_eq!(other.status, 303);
    // Staff sessions last 12 hours at most.
    let set = other.headers_named("set-cookie").join("\n");
    assert!(set.contains("Max-Age=43200"), "{set}");
}

#[test]
fn contributions_are_rate_limited_per_person() {
    let app = TestApp::start();
    let mut camille = signed_in_as(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    let mut neighbour = signed_in_as(
        &app,
        "moderation@valbrune.example.org",
        "valbrune-moderation-2026",
    );
    // Pages seen signed in carry the session's CSRF token.
    let _ = camille.get("/");
    let _ = neighbour.get("/");
    palabre_e2e::start_of_a_fresh_minute_window();
    // Any write outside the account pages and the back-office is a contribution.
    let statuses: Vec<u16> = (0..11)
        .map(|_| camille.post("/", &[("body", "Un avis")]).status)
        .collect();
    assert!(
        statuses[..10].iter().all(|s| ![403, 429].contains(s)),
        "ten a minute pass: {statuses:?}"
    );
    assert_eq!(statuses[10], 429, "the eleventh waits");
    let limited = camille.post("/", &[("body", "Un avis")]);
    assert!(limited.header("retry-after").is_some());
    assert!(limited.text().contains("Trop de tentatives"));
    // Someone else is not held back; nor is the person's own account.
    assert_ne!(neighbour.post("/", &[("body", "Un avis")]).status, 429);
    assert_eq!(camille.post("/account/logout", &[]).status, 303);
}

#[test]
fn signing_up_confirms_the_address_by_mail() {
    let app = TestApp::start();
    let mut browser = Browser::new(&app);
    let form = browser.get("/account/signup");
    assert_eq!(form.status, 200);
    assert!(form.text().contains("type=\"checkbox\""));

    let bad = browser.post(
        "/account/signup",
        &[
            ("name", ""),
            ("email", "lea@example.org"),
            ("password", "12345678"),
            ("confirm", "12345678"),
        ],
    );
    assert_eq!(bad.status, 422);
    let html = bad.text();
    assert!(html.contains("Ce champ est obligatoire."));
    assert!(html.contains("fait partie des plus courants"));
    assert!(html.contains("Vous devez accepter les conditions"));
    assert!(
        html.contains("value=\"lea@example.org\""),
        "values are kept"
    );

    let fields = [
        ("name", "Léa Dubois"),
        ("email", "Lea@Example.org"),
        ("password", "les quais de Loire"),
        ("confirm", "les quais de Loire"),
        ("terms", "yes"),
    ];
    let sent = browser.post("/account/signup", &fields);
    assert_eq!(sent.status, 200, "{}", sent.text());
    assert!(sent.text().contains("Vérifiez votre messagerie"));
    assert!(
        browser.cookie("__Host-palabre-session").is_none(),
        "not signed in before confirming"
    );

    let db = app.db();
    let (confirmed, role): (Option<i64>, String) = db
        .query_row(
            "SELECT email_confirmed_at, role FROM users WHERE email = 'lea@example.org'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((confirmed, role.as_str()), (None, "citizen"));
    let (kind, subject, text, html): (String, String, String, String) = db
        .query_row(
            "SELECT kind, subject, body_text, body_html FROM mail_outbox WHERE to_email = 'lea@example.org'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(kind, "confirm");
    assert!(subject.contains("Valbrune-sur-Loire"));
    assert!(html.contains("<html lang=\"fr\">"));
    let prefix = format!("http://{}/account/confirm?token=", app.addr);
    let link = text
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no link in {text}"))
        .to_string();
    let token = link.trim_start_matches(&prefix).to_string();
    let stored: i64 = db
        .query_row(
            "SELECT count(*) FROM email_tokens WHERE token_hash = ?1",
            [&token],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 0, "tokens are stored hashed");

    // Before confirming: the right password says so, a wrong one says nothing more.
    let early = browser.post(
        "/account/login",
        &[
            ("email", "lea@example.org"),
            ("password", "les quais de Loire"),
        ],
    );
    assert_eq!(early.status, 422);
    assert!(early.text().contains("pas encore confirmée"));
    let wrong = browser.post(
        "/account/login",
        &[("email", "lea@example.org"), ("password", "not it at all")],
    );
    assert!(
        wrong
            .text()
            .contains("Adresse électronique ou mot de passe incorrect.")
    );

    let path = link.trim_start_matches(&format!("http://{}", app.addr));
    let confirm = browser.get(path);
    assert_eq!(confirm.status, 303);
    assert!(
        browser.cookie("__Host-palabre-session").is_some(),
        "signed in by the link"
    );
    let confirmed: Option<i64> = db
        .query_row(
            "SELECT email_confirmed_at FROM users WHERE email = 'lea@example.org'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(confirmed.is_some());
    // Single use.
    let mut other = Browser::new(&app);
    let again = other.get(path);
    assert_eq!(again.status, 404);
    assert!(again.text().contains("Lien invalide ou expiré"));
    assert_eq!(other.get("/account/confirm?token=forged").status, 404);

    // Signing up again with the address: the same answer, a warning mail, no new account.
    let mut stranger = Browser::new(&app);
    let _ = stranger.get("/account/signup");
    let dup = stranger.post("/account/signup", &fields);
    assert_eq!(dup.status, 200);
    assert!(dup.text().contains("Vérifiez votre messagerie"));
    let users: i64 = db
        .query_row(
            "SELECT count(*) FROM users WHERE email = 'lea@example.org'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(users, 1);
    let warned: i64 = db
        .query_row(
            "SELECT count(*) FROM mail_outbox WHERE kind = 'signup-existing'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(warned, 1);

    // Three sign-ups an hour per address, and only those accepted count:
    // the refused form above (a typo) used none of them.
    let third = [
        ("name", "Jules Petit"),
        ("email", "jules@example.org"),
        ("password", "les bords de Loire"),
        ("confirm", "les bords de Loire"),
        ("terms", "yes"),
    ];
    assert_eq!(stranger.post("/account/signup", &third).status, 200);
    let fourth = [
        ("name", "Inès Roux"),
        ("email", "ines@example.org"),
        ("password", "la levée de la Loire"),
        ("confirm", "la levée de la Loire"),
        ("terms", "yes"),
    ];
    let limited = stranger.post("/account/signup", &fourth);
    assert_eq!(limited.status, 429);
    let wait: i64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=3600).contains(&wait));
    let html = limited.text();
    assert!(
        html.contains("site-header"),
        "the site's page, with its header"
    );
    let minutes = (wait + 59) / 60;
    let noun = if minutes < 2 { "minute" } else { "minutes" };
    assert!(
        html.contains(&format!("dans {minutes} {noun}")),
        "the real wait"
    );
    assert!(
        html.contains(r#"name="email" value="ines@example.org""#),
        "what was typed is kept"
    );
    assert!(!html.contains("la levée de la Loire"), "never a password");
    let users: i64 = db
        .query_row(
            "SELECT count(*) FROM users WHERE email = 'ines@example.org'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(users, 0, "nothing written");
}

fn last_link(app: &TestApp, to: &str, kind: &str) -> String {
    let text: String = app
        .db()
        .query_row(
            "SELECT body_text FROM mail_outbox WHERE to_email = ?1 AND kind = ?2 ORDER BY id DESC LIMIT 1",
            [to, kind],
            |r| r.get(0),
        )
        .unwrap();
    let origin = format!("http://{}", app.addr);
    let link = text
        .lines()
        .find(|l| l.starts_with(&origin))
        .expect("a link")
        .to_string();
    link.trim_start_matches(&origin).to_string()
}

#[test]
fn passwords_are_reset_by_mail_once_within_the_hour() {
    let app = TestApp::start();
    // An existing session on another device, to be ended by the reset.
    let mut laptop = Browser::new(&app);
    let _ = laptop.get("/account/login");
    let camille = [
        ("email", "camille@valbrune.example.org"),
        ("password", "valbrune-citoyenne-2026"),
    ];
    assert_eq!(laptop.post("/account/login", &camille).status, 303);

    let mut phone = Browser::new(&app);
    let _ = phone.get("/account/reset");
    let unknown = phone.post(
        "/account/reset",
        &[("email", "nobody@valbrune.example.org")],
    );
    let known = phone.post(
        "/account/reset",
        &[("email", "camille@valbrune.example.org")],
    );
    assert_eq!((unknown.status, known.status), (200, 200));
    assert_eq!(
        palabre_e2e::without_form_keys(&unknown.text()),
        palabre_e2e::without_form_keys(&known.text()),
        "the same answer whether or not the account exists"
    );
    let mails: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM mail_outbox WHERE kind = 'reset'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mails, 1);

    let link = last_link(&app, "camille@valbrune.example.org", "reset");
    let form = phone.get(&link);
    assert_eq!(form.status, 200);
    let token = link.split("token=").nth(1).unwrap().to_string();
    let weak = phone.post(
        "/account/reset/new",
        &[
            ("token", &token),
            ("password", "azertyuiop"),
            ("confirm", "azertyuiop"),
        ],
    );
    assert_eq!(
        weak.status, 422,
        "a common password is refused and the token kept"
    );
    let done = phone.post(
        "/account/reset/new",
        &[
            ("token", &token),
            ("password", "un nouveau mot de passe"),
            ("confirm", "un nouveau mot de passe"),
        ],
    );
    assert_eq!(done.status, 303);
    assert!(
        phone.cookie("__Host-palabre-session").is_some(),
        "signed in after the reset"
    );
    assert!(phone.get("/").text().contains("Se déconnecter"));
    assert_eq!(
        security_notices(&app, "camille@valbrune.example.org").len(),
        1,
        "the owner is told of the new password"
    );

    // Single use.
    let mut other = Browser::new(&app);
    assert_eq!(other.get(&link).status, 404);
    // The other device's session is over; the old password no longer works.
    assert!(laptop.get("/").text().contains("Se connecter"));
    let _ = laptop.get("/account/login");
    assert_eq!(laptop.post("/account/login", &camille).status, 422);
    let fresh = [
        ("email", "camille@valbrune.example.org"),
        ("password", "un nouveau mot de passe"),
    ];
    assert_eq!(laptop.post("/account/login", &fresh).status, 303);

    // An expired token does not work.
    let _ = other.get("/account/reset");
    let _ = other.post(
        "/account/reset",
        &[("email", "camille@valbrune.example.org")],
    );
    let link = last_link(&app, "camille@valbrune.example.org", "reset");
    app.db()
        .execute(
            "UPDATE email_tokens SET created_at = created_at - 7200, expires_at = created_at - 3600",
            [],
        )
        .unwrap();
    assert_eq!(other.get(&link).status, 404);

    // Three requests an hour per address.
    let reset = [("email", "camille@valbrune.example.org")];
    assert_eq!(
        other.post("/account/reset", &reset).status,
        200,
        "the third"
    );
    let limited = other.post("/account/reset", &reset);
    assert_eq!(limited.status, 429);
}

#[test]
fn changing_the_password_ends_the_other_sessions() {
    let app = TestApp::start();
    let admin = [
        ("email", "admin@valbrune.example.org"),
        ("password", "valbrune-admin-2026"),
    ];
    let mut office = Browser::new(&app);
    let _ = office.get("/account/login");
    assert_eq!(office.post("/account/login", &admin).status, 303);
    let mut home = Browser::new(&app);
    let _ = home.get("/account/login");
    assert_eq!(home.post("/account/login", &admin).status, 303);

    let mut visitor = Browser::new(&app);
    assert_eq!(
        visitor.get("/account/password").status,
        403,
        "signed-in only"
    );

    assert_eq!(office.get("/account/password").status, 200);
    let wrong = office.post(
        "/account/password",
        &[
            ("current", "not it"),
            ("password", "une longue phrase secrète"),
            ("confirm", "une longue phrase secrète"),
        ],
    );
    assert_eq!(wrong.status, 422);
    assert!(
        wrong
            .text()
            .contains("Le mot de passe actuel est incorrect.")
    );
    let ok = office.post(
        "/account/password",
        &[
            ("current", "valbrune-admin-2026"),
            ("password", "une longue phrase secrète"),
            ("confirm", "une longue phrase secrète"),
        ],
    );
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert!(ok.text().contains("Mot de passe changé"));
    assert!(
        office.get("/").text().contains("Se déconnecter"),
        "this browser stays signed in"
    );
    assert!(
        home.get("/").text().contains("Se connecter"),
        "the other session is over"
    );
    let actions: Vec<String> = audit_actions(&app)
        .into_iter()
        .filter(|a| a.starts_with("password"))
        .collect();
    assert_eq!(actions, vec!["password-change-failed", "password-changed"]);
    let notices = security_notices(&app, "admin@valbrune.example.org");
    assert_eq!(notices.len(), 1, "told once, by mail, of the change");
    assert!(notices[0].contains("vient d'être changé"));
    assert!(notices[0].contains("/account/reset"));
}

/// Texts of the security notices mailed to `to` (ASVS 6.3.7), oldest first.
fn security_notices(app: &TestApp, to: &str) -> Vec<String> {
    let db = app.db();
    let mut stmt = db
        .prepare(
            "SELECT body_text FROM mail_outbox WHERE to_email = ? AND kind = 'security-notice' \
             ORDER BY id",
        )
        .unwrap();
    stmt.query_map([to], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn signed_in_as<'a>(app: &'a TestApp, email: &str, password: &str) -> Browser<'a> {
    Browser::signed_in(app, email, password)
}

#[test]
fn people_edit_their_profile() {
    let app = TestApp::start();
    let mut camille = signed_in_as(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    let form = camille.get("/account/profile");
    assert_eq!(form.status, 200);
    assert!(form.text().contains("value=\"Camille Martin\""));
    assert!(form.text().contains("<textarea"));

    let long = "x".repeat(1001);
    let bad = camille.post(
        "/account/profile",
        &[("name", " "), ("bio", &long), ("locale", "xx")],
    );
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("Ce champ est obligatoire."));
    assert!(bad.text().contains("Ce texte est trop long."));

    let ok = camille.post(
        "/account/profile",
        &[
            ("name", "Camille M."),
            ("bio", "Habitante du quartier <Gare>"),
            ("locale", "de"),
            ("notify_news", "yes"),
        ],
    );
    assert_eq!(ok.status, 200);
    assert!(
        ok.text().contains("Habitante du quartier &lt;Gare&gt;"),
        "escaped"
    );
    let row: (String, String, String, i64, i64) = app
        .db()
        .query_row(
            "SELECT display_name, bio, locale, notify_followed, notify_news FROM users WHERE email = 'camille@valbrune.example.org'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(
        row,
        (
            "Camille M.".into(),
            "Habitante du quartier <Gare>".into(),
            "de".into(),
            0,
            1
        )
    );
    assert!(
        camille.get("/").text().contains("<html lang=\"de\">"),
        "the chosen language"
    );
    assert_eq!(Browser::new(&app).get("/account/profile").status, 403);
}

#[test]
fn my_data_is_exported_and_the_account_deleted() {
    let app = TestApp::start();
    assert_eq!(Browser::new(&app).get("/account/data").status, 403);
    assert_eq!(Browser::new(&app).get("/account/data.json").status, 403);
    let mut camille = signed_in_as(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    // The page, in words: each kind of data, dates in the commune's time.
    let page = camille.get("/account/data?lang=fr");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("cache-control"), Some("no-store"));
    let html = page.text();
    assert!(
        html.contains("Votre compte") && html.contains("Journal de sécurité"),
        "{html}"
    );
    assert!(html.contains("<th scope=\"col\">Adresse électronique</th>"));
    assert!(html.contains("camille@valbrune.example.org"));
    assert!(html.contains(r#"href="/account/data.json""#));
    assert!(
        !html.contains("\"created_at\"") && !html.contains(">created_at<"),
        "no column's code on the page"
    );
    let export = camille.get("/account/data.json");
    assert_eq!(export.status, 200, "{}", app.log());
    assert_eq!(export.header("content-type"), Some("application/json"));
    assert!(
        export
            .header("content-disposition")
            .unwrap_or("")
            .starts_with("attachment")
    );
    assert_eq!(export.header("cache-control"), Some("no-store"));
    let json = export.text();
    assert!(
        json.contains("\"email\":\"camille@valbrune.example.org\""),
        "{json}"
    );
    assert!(json.contains("\"action\":\"login\""), "{json}");
    for table in ["users", "audit_log", "mail_outbox", "email_tokens"] {
        assert!(
            json.contains(&format!("\"{table}\":[")),
            "{table} in {json}"
        );
    }
    assert!(!json.contains("argon2"), "no password hash in the export");

    let _ = camille.get("/account/delete");
    let wrong = camille.post("/account/delete", &[("password", "not mine")]);
    assert_eq!(wrong.status, 422);
    let old_cookie = camille
        .cookie("__Host-palabre-session")
        .unwrap()
        .to_string();
    let done = camille.post(
        "/account/delete",
        &[("password", "valbrune-citoyenne-2026")],
    );
    assert_eq!(done.status, 200);
    assert!(done.text().contains("Compte supprimé"));
    assert!(camille.cookie("__Host-palabre-session").is_none());

    let (email, name, hash, deleted): (Option<String>, String, Option<String>, Option<i64>) = app
        .db()
        .query_row(
            "SELECT email, display_name, password_hash, deleted_at FROM users WHERE display_name = '-'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!((email, name.as_str(), hash), (None, "-", None));
    assert!(deleted.is_some());
    // The residents' counter the home page reads (0024) follows the rows.
    let residents = || -> (i64, i64) {
        app.db()
            .query_row(
                "SELECT (SELECT n FROM resident_count), (SELECT count(*) FROM users \
                 WHERE deleted_at IS NULL AND role = 'citizen')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let (kept, counted) = residents();
    assert_eq!(kept, counted);
    // The old session is dead.
    let r = app.request(
        "GET",
        "/",
        &[("Cookie", &format!("__Host-palabre-session={old_cookie}"))],
        b"",
    );
    assert!(r.text().contains("Se connecter"));
    // The address can sign up again.
    let mut again = Browser::new(&app);
    let _ = again.get("/account/signup");
    let r = again.post(
        "/account/signup",
        &[
            ("name", "Camille"),
            ("email", "camille@valbrune.example.org"),
            ("password", "une toute nouvelle vie"),
            ("confirm", "une toute nouvelle vie"),
            ("terms", "yes"),
        ],
    );
    assert_eq!(r.status, 200);
    let fresh: i64 = app
        .db()
        .query_row("SELECT count(*) FROM users WHERE email = 'camille@valbrune.example.org' AND deleted_at IS NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fresh, 1);
    assert_eq!(residents(), (counted + 1, counted + 1));
}

#[test]
fn the_last_administrator_cannot_delete_their_account() {
    let app = TestApp::start();
    let mut admin = signed_in_as(&app, "admin@valbrune.example.org", "valbrune-admin-2026");
    let _ = admin.get("/account/delete");
    let r = admin.post("/account/delete", &[("password", "valbrune-admin-2026")]);
    assert_eq!(r.status, 403);
    let alive: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(alive, 1);
}

pub(crate) fn totp_code(secret: &str, offset: i64) -> String {
    let bytes = palabre_kit::totp::base32_decode(secret).unwrap();
    let step = palabre_kit::now() / palabre_kit::totp::PERIOD + offset;
    format!(
        "{:06}",
        palabre_kit::totp::code_at(&bytes, step, 6).unwrap()
    )
}

pub(crate) fn secret_of(app: &TestApp, email: &str, column: &str) -> String {
    app.db()
        .query_row(
            &format!("SELECT {column} FROM users WHERE email = ?1"),
            [email],
            |r| r.get(0),
        )
        .unwrap()
}

pub(crate) fn token_in(html: &str) -> String {
    let at = html.find("name=\"token\" value=\"").expect("a token field");
    html[at + 20..].split('"').next().unwrap().to_string()
}

#[test]
fn staff_use_two_step_verification_and_citizens_cannot_reach_staff_pages() {
    let app = TestApp::start();
    let mut camille = signed_in_as(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    assert_eq!(camille.get("/account/2fa").status, 403);
    assert_eq!(camille.get("/account/security").status, 403);
    assert_eq!(
        camille
            .post("/account/security", &[("require_staff_2fa", "yes")])
            .status,
        403
    );

    let moderation = "moderation@valbrune.example.org";
    let mut modo = signed_in_as(&app, moderation, "valbrune-moderation-2026");
    let page = modo.get("/account/2fa");
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("<svg") && page.text().contains("role=\"img\""),
        "an inline QR code"
    );
    let secret = secret_of(&app, moderation, "totp_pending");
    assert!(
        page.text().contains(&secret),
        "the key, for those who cannot scan"
    );
    assert_eq!(
        modo.post("/account/2fa/enable", &[("code", "000000")])
            .status,
        422
    );
    let on = modo.post("/account/2fa/enable", &[("code", &totp_code(&secret, 0))]);
    assert_eq!(on.status, 200);
    let codes: Vec<String> = on
        .text()
        .split("<code>")
        .skip(1)
        .map(|s| s.split("</code>").next().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 10);
    let _ = modo.post("/account/logout", &[]);

    // Password, then a recovery code.
    let mut phone = Browser::new(&app);
    let _ = phone.get("/account/login");
    let step = phone.post(
        "/account/login",
        &[
            ("email", moderation),
            ("password", "valbrune-moderation-2026"),
        ],
    );
    assert_eq!(step.status, 200);
    assert!(
        phone.cookie("__Host-palabre-session").is_none(),
        "no session before the code"
    );
    let token = token_in(&step.text());
    let wrong = phone.post(
        "/account/login/2fa",
        &[("token", &token), ("code", "123456")],
    );
    assert_eq!(wrong.status, 422);
    assert!(wrong.text().contains("Ce code n&#x27;est pas valable."));
    let ok = phone.post(
        "/account/login/2fa",
        &[("token", &token), ("code", &codes[0].to_lowercase())],
    );
    assert_eq!(ok.status, 303, "{}", ok.text());
    assert!(phone.cookie("__Host-palabre-session").is_some());
    // The challenge and the recovery code are both spent.
    let mut again = Browser::new(&app);
    let _ = again.get("/account/login");
    assert_eq!(
        again
            .post(
                "/account/login/2fa",
                &[("token", &token), ("code", &codes[1])]
            )
            .status,
        422
    );
    let step = again.post(
        "/account/login",
        &[
            ("email", moderation),
            ("password", "valbrune-moderation-2026"),
        ],
    );
    let token = token_in(&step.text());
    assert_eq!(
        again
            .post(
                "/account/login/2fa",
                &[("token", &token), ("code", &codes[0])]
            )
            .status,
        422
    );
    // The app's code works once, within its step.
    // The enrolment spent this step's code: act as if it had been a step earlier.
    app.db()
        .execute(
            "UPDATE users SET totp_last_step = totp_last_step - 1 WHERE email = ?1",
            [moderation],
        )
        .unwrap();
    let secret = secret_of(&app, moderation, "totp_secret");
    let ok = again.post(
        "/account/login/2fa",
        &[("token", &token), ("code", &totp_code(&secret, 0))],
    );
    assert_eq!(ok.status, 303, "{}", ok.text());

    // An administrator requires it for all staff: the next admin sign-in enrols first.
    let admin_email = "admin@valbrune.example.org";
    let mut admin = signed_in_as(&app, admin_email, "valbrune-admin-2026");
    let _ = admin.get("/account/security");
    assert_eq!(
        admin
            .post("/account/security", &[("require_staff_2fa", "yes")])
            .status,
        200
    );
    let _ = admin.post("/account/logout", &[]);
    let _ = admin.get("/account/login");
    let enrol = admin.post(
        "/account/login",
        &[("email", admin_email), ("password", "valbrune-admin-2026")],
    );
    assert_eq!(enrol.status, 200);
    assert!(enrol.text().contains("<svg"));
    assert!(admin.cookie("__Host-palabre-session").is_none());
    let token = token_in(&enrol.text());
    let pending = secret_of(&app, admin_email, "totp_pending");
    let done = admin.post(
        "/account/login/enrol",
        &[("token", &token), ("code", &totp_code(&pending, 0))],
    );
    assert_eq!(done.status, 200, "{}", done.text());
    assert!(done.text().contains("codes de secours"));
    assert!(
        admin.cookie("__Host-palabre-session").is_some(),
        "signed in once enrolled"
    );
    // While it is required, staff cannot turn it off.
    let _ = admin.get("/account/2fa");
    let secret = secret_of(&app, admin_email, "totp_secret");
    assert_eq!(
        admin
            .post("/account/2fa/disable", &[("code", &totp_code(&secret, 0))])
            .status,
        403
    );

    let notices = security_notices(&app, admin_email);
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("vérification en deux étapes vient d'être activée"));

    let actions = audit_actions(&app);
    assert!(actions.contains(&"2fa-enabled".to_string()));
    assert!(actions.contains(&"login-2fa-failed".to_string()));
    assert!(actions.contains(&"2fa-requirement".to_string()));
}

type FormCase<'a> = (&'a str, Vec<(&'a str, &'a str)>, bool);

/// A snapshot of what forms could change.
fn state(app: &TestApp) -> (i64, i64, i64, String) {
    let db = app.db();
    let count = |sql: &str| db.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    let users = count("SELECT count(*) FROM users");
    let mails = count("SELECT count(*) FROM mail_outbox");
    let tokens = count("SELECT count(*) FROM email_tokens");
    let profile: String = db
        .query_row(
            "SELECT display_name || '|' || coalesce(bio, '') || '|' || coalesce(locale, '') || '|' || password_hash \
             FROM users WHERE email = 'camille@valbrune.example.org'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (users, mails, tokens, profile)
}

#[test]
fn bad_input_gives_the_form_back_and_changes_nothing() {
    let app = TestApp::start();
    let huge = "x".repeat(100_000); // 100 KB
    let accents = "é".repeat(50_000); // 100 KB of UTF-8 (300 KB percent-encoded)
    let mut camille = signed_in_as(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    camille
        .headers
        .push(("Accept-Language".into(), "de".into()));
    // A page of the session, for its CSRF token.
    assert_eq!(camille.get("/account/profile").status, 200);
    let mut visitor = Browser::new(&app);
    visitor
        .headers
        .push(("Accept-Language".into(), "de".into()));
    let _ = visitor.get("/account/signup");
    let before = state(&app);

    // (path, fields, whether the form needs a session)
    let cases: Vec<FormCase> = vec![
        ("/account/signup", vec![], false),
        (
            "/account/signup",
            vec![
                ("name", &huge),
                ("email", &huge),
                ("password", &huge),
                ("confirm", &huge),
                ("terms", "yes"),
            ],
            false,
        ),
        (
            "/account/signup",
            vec![
                ("name", "Ok"),
                ("email", "a@b.example"),
                ("password", "long enough pass"),
                ("confirm", "long enough pass"),
                ("terms", "maybe"),
            ],
            false,
        ),
        ("/account/login", vec![], false),
        (
            "/account/login",
            vec![("email", &huge), ("password", &huge)],
            false,
        ),
        ("/account/reset", vec![("email", "")], false),
        ("/account/reset", vec![("email", &huge)], false),
        ("/account/profile", vec![], true),
        (
            "/account/profile",
            vec![("name", &huge), ("bio", &huge), ("locale", "12")],
            true,
        ),
        (
            "/account/profile",
            vec![("name", "Ok"), ("locale", "klingon")],
            true,
        ),
        (
            "/account/profile",
            vec![("name", "Ok"), ("bio", &accents)],
            true,
        ),
        ("/account/password", vec![], true),
        (
            "/account/password",
            vec![("current", &huge), ("password", &huge), ("confirm", &huge)],
            true,
        ),
        ("/account/delete", vec![("password", "")], true),
    ];
    for (path, fields, signed_in) in cases {
        let browser = if signed_in {
            &mut camille
        } else {
            &mut visitor
        };
        let r = browser.post(path, &fields);
        assert_eq!(
            r.status,
            422,
            "{path} {}: {}",
            fields.len(),
            r.text().chars().take(600).collect::<String>()
        );
        let html = r.text();
        assert!(
            html.contains("<html lang=\"de\">"),
            "{path}: in the visitor's language"
        );
        assert!(
            html.contains("class=\"error-summary\"") || html.contains("role=\"alert\""),
            "{path}: a clear message"
        );
        assert!(
            html.contains("<form method=\"post\""),
            "{path}: the form comes back"
        );
        assert_eq!(state(&app), before, "{path}: nothing changed");
    }

    // Invalid UTF-8 and raw bytes: replaced, refused, nothing changed.
    let token = palabre_e2e::csrf_in(&camille.get("/account/profile").text()).unwrap();
    let body = format!("_csrf={token}&name=%FF%FE%00&bio=%C3%28%80&locale=%80%81");
    let jar = format!(
        "__Host-palabre-session={}",
        camille.cookie("__Host-palabre-session").unwrap()
    );
    let r = app.request(
        "POST",
        "/account/profile",
        &[
            ("Cookie", &jar),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Accept-Language", "de"),
        ],
        body.as_bytes(),
    );
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Das Formular enthält Fehler"));
    assert_eq!(state(&app), before);
}

#[test]
fn a_password_reset_does_not_bypass_two_step_verification() {
    let app = TestApp::start();
    let moderation = "moderation@valbrune.example.org";
    let mut modo = signed_in_as(&app, moderation, "valbrune-moderation-2026");
    let _ = modo.get("/account/2fa");
    let secret = secret_of(&app, moderation, "totp_pending");
    assert_eq!(
        modo.post("/account/2fa/enable", &[("code", &totp_code(&secret, 0))])
            .status,
        200
    );

    let mut thief = Browser::new(&app);
    let _ = thief.get("/account/reset");
    let _ = thief.post("/account/reset", &[("email", moderation)]);
    let link = last_link(&app, moderation, "reset");
    let token = link.split("token=").nth(1).unwrap().to_string();
    let _ = thief.get(&link);
    let done = thief.post(
        "/account/reset/new",
        &[
            ("token", &token),
            ("password", "le voleur a la boite"),
            ("confirm", "le voleur a la boite"),
        ],
    );
    assert_eq!(done.status, 200);
    assert!(
        thief.cookie("__Host-palabre-session").is_none(),
        "no session without the second factor"
    );
    let _ = thief.get("/account/login");
    let step = thief.post(
        "/account/login",
        &[("email", moderation), ("password", "le voleur a la boite")],
    );
    assert_eq!(step.status, 200);
    assert!(
        step.text().contains("name=\"token\""),
        "the code step still stands"
    );
    assert!(thief.cookie("__Host-palabre-session").is_none());
}
