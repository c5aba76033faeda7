//! Signing in with OpenID Connect against a real provider (oidc-provider,
//! FranceConnect-like: `tests/oidc/provider.mjs`): a first sign-in makes an
//! account, the next signs it in, a key rotation is followed; a wrong state,
//! another browser, a replayed callback or code, a wrong nonce, an expired
//! token, another audience or issuer, a forged signature, a mix-up and a
//! provider that is down each end on a clear page with nothing created; an
//! email that has an account links to it only with its password; a signed-in
//! person adds an identity to their account. docs/SECURITY.md, "OpenID
//! Connect", maps each threat to its check here.

use palabre_e2e::oidc::OidcProvider;
use palabre_e2e::{Browser, TestApp, fresh_state_dir};

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn start_app(provider: &OidcProvider) -> TestApp {
    let env = provider.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = TestApp::start_on(&fresh_state_dir(), &env);
    provider.register(&app.addr);
    // The first request migrates and seeds the database.
    assert_eq!(app.get("/").status, 200);
    app
}

/// The sign-in page's FranceConnect button, pressed: the redirect to the
/// provider, checked (PKCE S256, state, nonce, the level of assurance).
fn begin(browser: &mut Browser<'_>, provider: &OidcProvider) -> String {
    // Signed out, the sign-in page offers it; signed in, "my ways of signing in".
    let mut page = browser.get("/account/login");
    if page.status == 303 {
        page = browser.get("/account/identities");
    }
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("/account/oidc/franceconnect/start"),
        "the sign-in page offers FranceConnect: {}",
        page.text()
    );
    let started = browser.post("/account/oidc/franceconnect/start", &[]);
    assert_eq!(started.status, 303, "{}", started.text());
    let location = started.header("location").expect("location").to_string();
    assert!(
        location.starts_with(&format!("{}/auth?", provider.issuer())),
        "{location}"
    );
    for part in [
        "response_type=code",
        "code_challenge_method=S256",
        "code_challenge=",
        "state=",
        "nonce=",
        "acr_values=eidas1",
        "scope=openid%20email%20given_name%20family_name",
    ] {
        assert!(location.contains(part), "{part} in {location}");
    }
    location
}

/// A whole round: the button, the provider, the way back.
fn round(
    browser: &mut Browser<'_>,
    provider: &OidcProvider,
    who: (&str, &str),
) -> palabre_e2e::Response {
    let location = begin(browser, provider);
    provider.next_user(who.0, who.1, "Hélène", "Dupré");
    let back = provider.authorize(&location);
    assert!(
        back.starts_with("/account/oidc/franceconnect/callback?"),
        "{back}"
    );
    browser.get(&back)
}

/// The status of a GET at the provider (an absolute URL of it).
fn try_get(provider: &OidcProvider, url: &str) -> u16 {
    let path = url.strip_prefix(&provider.issuer()).unwrap_or(url);
    palabre_e2e::request(&provider.addr, "GET", path, &[], b"").status
}

fn with_param(url: &str, name: &str, value: &str) -> String {
    let (path, query) = url.split_once('?').unwrap();
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if k == name => format!("{k}={value}"),
            _ => pair.to_string(),
        })
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// Signs out a session opened with FranceConnect: the sign-out goes on to
/// its end-session endpoint with the ID token as a hint; where to, in full.
fn signs_out_at_the_provider(browser: &mut Browser<'_>, provider: &OidcProvider) -> String {
    browser.get("/account");
    let out = browser.post("/account/logout", &[]);
    assert_eq!(out.status, 303);
    let to = out.header("location").unwrap_or_default().to_string();
    assert!(
        to.starts_with(&format!(
            "{}/session/end?id_token_hint=ey",
            provider.issuer()
        )),
        "{to}"
    );
    to
}

fn refused(response: &palabre_e2e::Response, status: u16, says: &str) {
    assert_eq!(response.status, status, "{}", response.text());
    let text = response.text();
    assert!(text.contains("La connexion n’a pas abouti"), "{text}");
    assert!(text.contains(says), "{says} in {text}");
    assert!(response.cookie("__Host-palabre-session").is_none());
}

const NOTHING_CHANGED: &str = "Aucun compte n’a été créé ni modifié";

#[test]
fn a_resident_signs_in_with_franceconnect_and_a_broken_answer_creates_nothing() {
    let provider = OidcProvider::start();
    let app = start_app(&provider);
    let users = |app: &TestApp| count(app, "SELECT count(*) FROM users");
    let before = users(&app);

    // A first sign-in makes a confirmed account, named by the given name and
    // the family name's initial; only the subject is kept of the identity.
    let mut helene = Browser::new(&app);
    let signed_in = round(&mut helene, &provider, ("sub-helene", "helene@example.fr"));
    assert_eq!(signed_in.status, 303, "{}", signed_in.text());
    assert_eq!(signed_in.header("location"), Some("/"));
    assert!(helene.cookie("__Host-palabre-session").is_some());
    let me = helene.get("/account");
    assert_eq!(me.status, 200);
    let (name, confirmed): (String, Option<i64>) = app
        .db()
        .query_row(
            "SELECT display_name, email_confirmed_at FROM users WHERE email = 'helene@example.fr'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(name, "Hélène D.");
    assert!(confirmed.is_some());
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM user_identities WHERE provider = 'franceconnect' \
             AND subject = 'sub-helene' AND acr = 'eidas1'"
        ),
        1
    );
    assert_eq!(users(&app), before + 1);
    let identities = helene.get("/account/identities");
    assert_eq!(identities.status, 200);
    assert!(identities.text().contains("FranceConnect"));
    // Her data says so, and the flow left nothing behind.
    let data = helene.get("/account/data.json").text();
    assert!(
        data.contains("user_identities") && data.contains("franceconnect"),
        "{data}"
    );
    assert_eq!(count(&app, "SELECT count(*) FROM oidc_flows"), 0);
    // Signing out closes the FranceConnect session too (its logout, with the
    // ID token as a hint, back to the home page); the token is then forgotten.
    assert_eq!(count(&app, "SELECT count(*) FROM oidc_sessions"), 1);
    let to = signs_out_at_the_provider(&mut helene, &provider);
    assert!(to.contains(&format!(
        "post_logout_redirect_uri=http%3A%2F%2F{}%2F",
        app.addr.replace(':', "%3A")
    )));
    assert!(helene.cookie("__Host-palabre-session").is_none());
    assert_eq!(count(&app, "SELECT count(*) FROM oidc_sessions"), 0);
    let at_provider = try_get(&provider, &to);
    assert_eq!(at_provider, 200, "the provider takes the logout");

    // The same callback again (a replay, a URL read off a log): nothing.
    let mut replayer = Browser::new(&app);
    let location = begin(&mut replayer, &provider);
    provider.next_user("sub-replay", "replay@example.fr", "R", "P");
    let back = provider.authorize(&location);
    assert_eq!(replayer.get(&back).status, 303);
    refused(&replayer.get(&back), 400, "a expiré ou a déjà servi");

    // A wrong state, and a callback opened in another browser (a forged
    // sign-in, CSRF on the callback): nothing, and the real one is spent.
    let mut mallory = Browser::new(&app);
    let location = begin(&mut mallory, &provider);
    provider.next_user("sub-mallory", "mallory@example.fr", "M", "A");
    let back = provider.authorize(&location);
    refused(
        &mallory.get(&with_param(
            &back,
            "state",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        )),
        400,
        NOTHING_CHANGED,
    );
    let mut victim = Browser::new(&app);
    victim.get("/");
    refused(&victim.get(&back), 400, "un autre navigateur");
    refused(&mallory.get(&back), 400, NOTHING_CHANGED);

    // A mix-up: the answer names another issuer.
    let mut mixed = Browser::new(&app);
    let location = begin(&mut mixed, &provider);
    provider.next_user("sub-mixed", "mixed@example.fr", "M", "X");
    let back = provider.authorize(&location);
    refused(
        &mixed.get(&with_param(&back, "iss", "https%3A%2F%2Fevil.example")),
        400,
        "n’a pas pu être vérifiée",
    );

    // A code used once, sent again with a new sign-in's state: the provider
    // refuses it.
    let mut twice = Browser::new(&app);
    let location = begin(&mut twice, &provider);
    provider.next_user("sub-twice", "twice@example.fr", "T", "W");
    let first = provider.authorize(&location);
    assert_eq!(twice.get(&first).status, 303);
    twice.get("/account");
    assert_eq!(twice.post("/account/logout", &[]).status, 303);
    let location = begin(&mut twice, &provider);
    provider.next_user("sub-twice", "twice@example.fr", "T", "W");
    let second = provider.authorize(&location);
    let code = first
        .split(['?', '&'])
        .find_map(|p| p.strip_prefix("code="))
        .unwrap();
    refused(
        &twice.get(&with_param(&second, "code", code)),
        400,
        "n’a pas pu être vérifiée",
    );

    // ID tokens the provider signed wrong, or with claims that do not hold.
    for mode in [
        "wrong-nonce",
        "expired",
        "wrong-audience",
        "wrong-issuer",
        "foreign-key",
    ] {
        provider.tamper(mode);
        let refusals = app.log().matches("was refused").count();
        let mut someone = Browser::new(&app);
        let response = round(
            &mut someone,
            &provider,
            ("sub-tampered", "tampered@example.fr"),
        );
        refused(&response, 400, "n’a pas pu être vérifiée");
        assert_eq!(
            app.log().matches("was refused").count(),
            refusals + 1,
            "{mode}: the gate refused the token"
        );
    }
    provider.tamper("");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM users WHERE email = 'tampered@example.fr'"
        ),
        0
    );

    // A new signing key: the next sign-in still goes through (the keys are
    // fetched again), to the same account.
    provider.rotate();
    let mut again = Browser::new(&app);
    let signed_in = round(&mut again, &provider, ("sub-helene", "helene@example.fr"));
    assert_eq!(signed_in.status, 303, "{}", signed_in.text());
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM users WHERE email = 'helene@example.fr'"
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'signup-oidc'"
        ),
        3
    );

    // The provider down between its sign-in page and the way back: a clear
    // page, nothing created.
    let mut late = Browser::new(&app);
    let location = begin(&mut late, &provider);
    provider.next_user("sub-late", "late@example.fr", "L", "A");
    let back = provider.authorize(&location);
    provider.stop();
    refused(&late.get(&back), 502, "ne répond pas");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM users WHERE email = 'late@example.fr'"
        ),
        0
    );
}

#[test]
fn an_email_with_an_account_links_only_with_its_password_and_a_provider_down_is_said() {
    let provider = OidcProvider::start();
    let app = start_app(&provider);
    let camille = "camille@valbrune.example.org";
    let camille_id: i64 = app
        .db()
        .query_row("SELECT id FROM users WHERE email = ?1", [camille], |r| {
            r.get(0)
        })
        .unwrap();

    // Camille's email comes back from the provider: her password is asked.
    let mut browser = Browser::new(&app);
    let asked = round(&mut browser, &provider, ("sub-camille", camille));
    assert_eq!(asked.status, 200, "{}", asked.text());
    assert!(asked.text().contains("Lier cette identité à votre compte"));
    assert!(browser.cookie("__Host-palabre-session").is_none());
    let token = palabre_e2e::hidden_in(&asked.text(), "token").expect("token");
    let wrong = browser.post(
        "/account/oidc/link",
        &[("token", token.as_str()), ("password", "not-her-password")],
    );
    assert_eq!(wrong.status, 422);
    assert!(browser.cookie("__Host-palabre-session").is_none());
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities"), 0);
    let right = browser.post(
        "/account/oidc/link",
        &[
            ("token", token.as_str()),
            ("password", "valbrune-citoyenne-2026"),
        ],
    );
    assert_eq!(right.status, 303, "{}", right.text());
    assert!(browser.cookie("__Host-palabre-session").is_some());
    assert_eq!(
        count(
            &app,
            &format!("SELECT count(*) FROM user_identities WHERE user_id = {camille_id}")
        ),
        1
    );
    // The link is spent.
    browser.get("/account");
    let again = browser.post(
        "/account/oidc/link",
        &[
            ("token", token.as_str()),
            ("password", "valbrune-citoyenne-2026"),
        ],
    );
    assert_eq!(again.status, 400);
    // The session the password opened was opened with FranceConnect: its
    // ID token waited for that step, and the sign-out goes through its logout.
    assert_eq!(count(&app, "SELECT count(*) FROM oidc_sessions"), 1);
    signs_out_at_the_provider(&mut browser, &provider);
    assert_eq!(count(&app, "SELECT count(*) FROM oidc_sessions"), 0);
    // A password sign-in later in the same browser is not FranceConnect's.
    browser.get("/account/login");
    let back_in = browser.post(
        "/account/login",
        &[("email", camille), ("password", "valbrune-citoyenne-2026")],
    );
    assert_eq!(back_in.status, 303, "{}", back_in.text());
    browser.get("/account");
    let out = browser.post("/account/logout", &[]);
    assert_eq!(out.header("location"), Some("/"));

    // Next time the identity alone signs her in.
    let mut later = Browser::new(&app);
    let signed_in = round(&mut later, &provider, ("sub-camille", camille));
    assert_eq!(signed_in.status, 303);
    assert!(later.cookie("__Host-palabre-session").is_some());

    // The admin, signed in, adds an identity to their account; it cannot
    // then be someone else's.
    let mut admin = palabre_e2e::demo::admin(&app);
    let added = round(&mut admin, &provider, ("sub-admin", "other@example.fr"));
    assert_eq!(added.status, 303, "{}", added.text());
    assert_eq!(added.header("location"), Some("/account/identities"));
    let mut other = palabre_e2e::demo::moderator(&app);
    let taken = round(&mut other, &provider, ("sub-admin", "other@example.fr"));
    assert_eq!(taken.status, 409);
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities"), 2);

    // Erasure takes the identities with the account.
    let mut camille_browser = palabre_e2e::demo::camille(&app);
    camille_browser.get("/account/delete");
    let deleted = camille_browser.post(
        "/account/delete",
        &[("password", "valbrune-citoyenne-2026"), ("confirm", "on")],
    );
    assert!(deleted.status < 400, "{}", deleted.text());
    assert_eq!(
        count(
            &app,
            &format!("SELECT count(*) FROM user_identities WHERE user_id = {camille_id}")
        ),
        0
    );

    // A commune whose provider is down: the button leads to a clear page.
    provider.stop();
    let dead = OidcProvider::start();
    let env = dead.env();
    dead.stop();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let down = TestApp::start_on(&fresh_state_dir(), &env);
    assert_eq!(down.get("/").status, 200);
    let mut browser = Browser::new(&down);
    browser.get("/account/login");
    let users = count(&down, "SELECT count(*) FROM users");
    let response = browser.post("/account/oidc/franceconnect/start", &[]);
    refused(&response, 502, "ne répond pas");
    assert_eq!(count(&down, "SELECT count(*) FROM users"), users);
    assert_eq!(count(&down, "SELECT count(*) FROM oidc_flows"), 0);
}

#[test]
fn a_resident_with_franceconnect_declares_an_address_in_the_commune_and_is_verified() {
    let provider = OidcProvider::start();
    let app = start_app(&provider);

    // Staff list the commune's postal codes (a bad list is refused, nothing saved).
    let mut admin = palabre_e2e::demo::admin(&app);
    let page = admin.get("/admin/site");
    let mut values = palabre_e2e::form_values(&page.text(), "/admin/site");
    let set = |values: &mut Vec<(String, String)>, codes: &str| {
        values.retain(|(k, _)| k != "postal_codes" && k != "_csrf" && k != "_once");
        values.push(("postal_codes".into(), codes.into()));
    };
    set(&mut values, "41000, Blois");
    let fields: Vec<(&str, &str)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let refused_list = admin.post_multipart("/admin/site", &fields, &[]);
    assert_eq!(refused_list.status, 422, "{}", refused_list.text());
    assert!(
        refused_list
            .text()
            .contains("Saisissez un code postal de 5 chiffres")
    );
    set(&mut values, "41000, 41350");
    let fields: Vec<(&str, &str)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = admin.post_multipart("/admin/site", &fields, &[]);
    assert_eq!(saved.status, 303, "{}", saved.text());

    // Camille has no FranceConnect identity yet: the page offers it, and the desk.
    let mut camille = palabre_e2e::demo::camille(&app);
    let page = camille.get("/account/verification");
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("Identifiez-vous d’abord avec FranceConnect"),
        "{text}"
    );
    assert!(text.contains("Au guichet de la mairie"));
    assert!(!text.contains("name=\"postal_code\""));
    // Declaring without the identity is refused.
    let early = camille.post(
        "/account/verification",
        &[
            ("address", "3 rue du Port"),
            ("postal_code", "41000"),
            ("district", ""),
        ],
    );
    assert_eq!(early.status, 403);

    // She adds FranceConnect to her account, then declares her address.
    camille.get("/account/verification");
    let added = round(
        &mut camille,
        &provider,
        ("sub-camille-fc", "camille@valbrune.example.org"),
    );
    assert_eq!(added.status, 303, "{}", added.text());
    let page = camille.get("/account/verification");
    assert!(
        page.text().contains("name=\"postal_code\""),
        "{}",
        page.text()
    );
    let district: i64 = app
        .db()
        .query_row("SELECT id FROM districts ORDER BY name LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let district = district.to_string();
    // Another commune's postal code, and an empty address: said, nothing verified.
    let outside = camille.post(
        "/account/verification",
        &[
            ("address", ""),
            ("postal_code", "75001"),
            ("district", district.as_str()),
        ],
    );
    assert_eq!(outside.status, 422);
    let text = outside.text();
    assert!(
        text.contains("n’est pas l’un de ceux de la commune"),
        "{text}"
    );
    assert_eq!(
        count(&app, "SELECT count(*) FROM resident_verifications"),
        0
    );
    let verified = camille.post(
        "/account/verification",
        &[
            ("address", "3 rue du Port"),
            ("postal_code", "41350"),
            ("district", district.as_str()),
        ],
    );
    assert_eq!(verified.status, 303, "{}", verified.text());
    let (method, at_district, by): (String, Option<i64>, Option<i64>) = app
        .db()
        .query_row(
            "SELECT method, district_id, verified_by FROM resident_verifications \
             WHERE revoked_at IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(method, "franceconnect");
    assert_eq!(at_district.map(|d| d.to_string()), Some(district));
    assert_eq!(by, None);
    // The address itself is kept nowhere.
    let dump: String = app
        .db()
        .query_row(
            "SELECT group_concat(subject, '|') FROM audit_log WHERE action = 'resident-verified'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dump, "franceconnect");
    let page = camille.get("/account/verification");
    assert!(
        page.text().contains("Vous êtes habitant·e vérifié·e"),
        "{}",
        page.text()
    );
}
