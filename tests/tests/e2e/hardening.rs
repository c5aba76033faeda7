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

/// A browser whose requests come, through the commune's trusted proxy, from
/// `address`.
fn from_address<'a>(app: &'a TestApp, address: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser
        .headers
        .push(("X-Forwarded-For".into(), address.into()));
    browser
}

/// Wrong passwords for someone else's email, from one address, hold up that
/// address only (growing waits), never the owner signing in from theirs; the
/// owner is told by mail, once; only a great many addresses together reach
/// the account's own ceiling. `rate_limits` keeps no email or address in
/// clear.
#[test]
fn a_stranger_cannot_lock_the_owner_out() {
    let dir = fresh_state_dir();
    let app = TestApp::start_on(&dir, &[("SPIN_VARIABLE_TRUSTED_PROXIES", "127.0.0.1")]);
    // The account's ceiling counts an hour: this test needs a few minutes of it.
    palabre_e2e::room_in_the_window(3600, 240);
    palabre_e2e::start_of_a_fresh_minute_window();
    let wrong = [("email", CAMILLE), ("password", "not the password")];
    let right = [("email", CAMILLE), ("password", "valbrune-citoyenne-2026")];
    let mut stranger = from_address(&app, "203.0.113.7");
    let _ = stranger.get("/account/login");
    let statuses: Vec<u16> = (0..6)
        .map(|_| stranger.post("/account/login", &wrong).status)
        .collect();
    assert_eq!(statuses, [422, 422, 422, 422, 422, 429]);
    assert_eq!(stranger.post("/account/login", &right).status, 429);
    // Before the fix, the owner got 429 here too, from any address.
    let mut owner = from_address(&app, "198.51.100.20");
    let _ = owner.get("/account/login");
    assert_eq!(owner.post("/account/login", &right).status, 303);
    let told = "SELECT count(*) FROM mail_outbox WHERE kind = 'sign-ins-refused' \
         AND to_email = 'camille@valbrune.example.org'";
    assert_eq!(count(&app, told), 1);
    let notice: String = app
        .db()
        .query_row(
            "SELECT body_text FROM mail_outbox WHERE kind = 'sign-ins-refused'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(notice.contains("mot de passe"), "{notice}");
    assert!(
        notice.contains(&format!("http://{}/account/reset", app.addr)),
        "{notice}"
    );
    // Nobody is told of an address that does not exist.
    let mut prober = from_address(&app, "203.0.113.8");
    let _ = prober.get("/account/login");
    let nobody = [("email", "personne@example.org"), ("password", "x")];
    for _ in 0..6 {
        prober.post("/account/login", &nobody);
    }
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM mail_outbox WHERE to_email = 'personne@example.org'"
        ),
        0
    );
    let buckets: Vec<String> = {
        let db = app.db();
        let mut stmt = db.prepare("SELECT bucket FROM rate_limits").unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(!buckets.is_empty());
    for bucket in &buckets {
        for clear in [
            "camille",
            "personne",
            "203.0.113",
            "198.51.100",
            "127.0.0.1",
        ] {
            assert!(!bucket.contains(clear), "{bucket} keeps {clear}");
        }
    }
    // Many addresses at once reach the account's ceiling (100 tries in the
    // hour, 8 so far): the 101st try waits, the owner's included, and the
    // owner is not told again within the hour.
    let mut crowd = from_address(&app, "192.0.2.1");
    let _ = crowd.get("/account/login");
    for i in 0..92 {
        crowd.headers = vec![(
            "X-Forwarded-For".into(),
            format!("192.0.{}.{}", 2 + i / 200, 1 + i % 200),
        )];
        let status = crowd.post("/account/login", &wrong).status;
        assert_eq!(status, 422, "try {} of the crowd", i + 1);
    }
    let mut owner = from_address(&app, "198.51.100.20");
    let _ = owner.get("/account/login");
    assert_eq!(owner.post("/account/login", &right).status, 429);
    assert_eq!(count(&app, told), 1);
    app.stop();
}

/// The reset links mailed to `to`, oldest first (paths with their token).
fn reset_links(app: &TestApp, to: &str) -> Vec<String> {
    let db = app.db();
    let mut stmt = db
        .prepare(
            "SELECT body_text FROM mail_outbox WHERE to_email = ?1 AND kind = 'reset' ORDER BY id",
        )
        .unwrap();
    let origin = format!("http://{}", app.addr);
    stmt.query_map([to], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .filter_map(|text| {
            text.lines()
                .find(|l| l.starts_with(&origin))
                .map(|l| l.trim_start_matches(&origin).to_string())
        })
        .collect()
}

/// One reset link used ends the others still out; a password changed in the
/// account ends them too.
#[test]
fn a_used_reset_link_leaves_no_other_alive() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut visitor = Browser::new(&app);
    for _ in 0..2 {
        let _ = visitor.get("/account/reset");
        assert_eq!(
            visitor.post("/account/reset", &[("email", CAMILLE)]).status,
            200
        );
    }
    let links = reset_links(&app, CAMILLE);
    assert_eq!(links.len(), 2);
    let new_password = |browser: &mut Browser, link: &str, password: &str| {
        assert_eq!(browser.get(link).status, 200, "{link} is live");
        let token = link.split("token=").nth(1).unwrap().to_string();
        browser
            .post(
                "/account/reset/new",
                &[
                    ("token", &token),
                    ("password", password),
                    ("confirm", password),
                ],
            )
            .status
    };
    assert_eq!(
        new_password(&mut visitor, &links[1], "un nouveau mot de passe"),
        303
    );
    // Before the fix, the first link still set a password.
    let mut other = Browser::new(&app);
    assert_eq!(other.get(&links[0]).status, 404);

    // A link asked for, then the password changed in the account: the link ends.
    let _ = other.get("/account/reset");
    assert_eq!(
        other.post("/account/reset", &[("email", CAMILLE)]).status,
        200
    );
    let pending = reset_links(&app, CAMILLE).pop().unwrap();
    let mut camille = Browser::signed_in(&app, CAMILLE, "un nouveau mot de passe");
    let _ = camille.get("/account/password");
    let changed = camille.post(
        "/account/password",
        &[
            ("current", "un nouveau mot de passe"),
            ("password", "encore un autre mot de passe"),
            ("confirm", "encore un autre mot de passe"),
        ],
    );
    assert_eq!(changed.status, 200, "{}", changed.text());
    assert_eq!(Browser::new(&app).get(&pending).status, 404);
    app.stop();
}

/// Whether any answer kept for replays holds `secret`.
fn kept_anywhere(app: &TestApp, secret: &str) -> bool {
    count(
        app,
        &format!(
            "SELECT count(*) FROM idempotency_keys WHERE instr(CAST(body AS TEXT), '{secret}') > 0"
        ),
    ) > 0
}

/// Recovery codes and a sign-in challenge are shown once and kept nowhere:
/// not in the replay store (nor, so, in its backups); a person's keys go
/// with their account.
#[test]
fn the_replay_store_keeps_no_secret() {
    use crate::accounts::{secret_of, token_in, totp_code};
    let app = TestApp::start();
    let moderation = "moderation@valbrune.example.org";
    let mut modo = Browser::signed_in(&app, moderation, "valbrune-moderation-2026");
    let _ = modo.get("/account/2fa");
    let secret = secret_of(&app, moderation, "totp_pending");
    let once = modo.once().expect("the form's key");
    let on = modo.post(
        "/account/2fa/enable",
        &[("code", &totp_code(&secret, 0)), ("_once", &once)],
    );
    assert_eq!(on.status, 200, "{}", on.text());
    let code = on
        .text()
        .split("<code>")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .unwrap()
        .to_string();
    // Before the fix, the page with the ten codes stayed here a day.
    assert!(
        !kept_anywhere(&app, &code),
        "recovery codes kept for replays"
    );
    let _ = modo.post("/account/logout", &[]);

    let mut phone = Browser::new(&app);
    let _ = phone.get("/account/login");
    let once = phone.once().expect("the form's key");
    let step = phone.post(
        "/account/login",
        &[
            ("email", moderation),
            ("password", "valbrune-moderation-2026"),
            ("_once", &once),
        ],
    );
    assert_eq!(step.status, 200);
    let token = token_in(&step.text());
    assert!(!kept_anywhere(&app, &token), "a sign-in challenge kept");
    // A second send of the same form runs again: a fresh challenge.
    let again = phone.post(
        "/account/login",
        &[
            ("email", moderation),
            ("password", "valbrune-moderation-2026"),
            ("_once", &once),
        ],
    );
    assert_eq!(again.status, 200);
    assert_ne!(token_in(&again.text()), token);

    // Keys name the person they were claimed for, and go with the account.
    let mut camille = demo::camille(&app);
    let id: i64 = count(
        &app,
        "SELECT id FROM users WHERE email = 'camille@valbrune.example.org'",
    );
    let _ = camille.get("/account/profile");
    let once = camille.once().expect("the form's key");
    let saved = camille.post(
        "/account/profile",
        &[
            ("name", "Camille M."),
            ("bio", ""),
            ("locale", "fr"),
            ("_once", &once),
        ],
    );
    assert!(saved.status < 400, "{}", saved.status);
    let keys = format!("SELECT count(*) FROM idempotency_keys WHERE user_id = {id}");
    assert_eq!(count(&app, &keys), 1);
    let _ = camille.get("/account/delete");
    let once = camille.once().expect("the form's key");
    let done = camille.post(
        "/account/delete",
        &[("password", "valbrune-citoyenne-2026"), ("_once", &once)],
    );
    assert_eq!(done.status, 200);
    assert_eq!(count(&app, &keys), 0);
    app.stop();
}

/// An anonymous respondent's token is one the server issued, under a
/// `__Host-` cookie: a token planted in their browser (by a sibling domain,
/// a plain-http page) is ignored, so whoever chose it reads nothing of
/// their answers.
#[test]
fn anonymous_answers_cannot_be_taken_over() {
    let app = TestApp::start();
    let market = "/questionnaires/marche-des-quais";
    assert_eq!(app.get(market).status, 200);
    let go: i64 = count(
        &app,
        "SELECT id FROM questions WHERE label = 'Allez-vous au marché du samedi ?'",
    );
    let qid: i64 = count(
        &app,
        "SELECT id FROM questionnaires WHERE slug = 'marche-des-quais'",
    );
    let planted = "plantedplantedplantedplantedplantedplanted";
    assert_eq!(planted.len(), 42);
    let planted = format!("{planted}x");
    for name in [
        format!("__Host-answer-{qid}"),
        format!("palabre-answer-{qid}"),
    ] {
        let mut victim = Browser::new(&app);
        victim
            .headers
            .push(("Cookie".into(), format!("{name}={planted}")));
        let _ = victim.get(&format!("{market}/answer"));
        let r = victim.post(
            &format!("{market}/answer?section=0"),
            &[(&format!("q{go}"), "yes")],
        );
        assert_eq!(r.status, 303, "{}", r.text());
        // Before the fix, the answer was kept under the planted token.
        let hash = palabre_kit::tokens::hash_token(&planted);
        assert_eq!(
            count(
                &app,
                &format!("SELECT count(*) FROM responses WHERE token_hash = '{hash}'")
            ),
            0,
            "{name}"
        );
        let set = r.headers_named("set-cookie").join("\n");
        assert!(
            set.contains(&format!("__Host-answer-{qid}=")) && set.contains("Path=/;"),
            "{set}"
        );
        assert!(set.contains("Secure") && set.contains("HttpOnly"), "{set}");
        let issued = victim.cookie(&format!("__Host-answer-{qid}")).unwrap();
        assert_ne!(issued, planted);
    }
    app.stop();
}

/// The shared page cache keys only on canonical paths and queries: odd
/// spellings, unknown parameters and values are rendered and kept nowhere;
/// a notice for one visitor (`?held=1`) never reaches the next; the table
/// drops what older builds left and stops at its bound.
#[test]
fn the_public_page_cache_cannot_be_filled_or_poisoned() {
    let app = TestApp::start();
    let rows = |app: &TestApp| count(app, "SELECT count(*) FROM page_cache");
    assert_eq!(app.get("/").status, 200);
    let slug: String = app
        .db()
        .query_row(
            "SELECT slug FROM discussions WHERE status = 'published' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let discussion = format!("/discussions/{slug}");
    // The poisoned notice first: before the fix it was kept under the
    // clean page's key and shown to every visitor after.
    let held = app.get(&format!("{discussion}?held=1"));
    assert_eq!(held.status, 200);
    assert!(held.text().contains("fait relire"));
    let clean = app.get(&discussion);
    assert_eq!(clean.status, 200);
    assert!(!clean.text().contains("fait relire"), "the notice was kept");
    let before = rows(&app);
    let shared: Vec<String> = {
        let db = app.db();
        let mut stmt = db.prepare("SELECT path FROM page_cache").unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(
        shared
            .iter()
            .any(|p| p.ends_with(&format!(" {discussion}"))),
        "the clean page is shared: {shared:?}"
    );
    for odd in [
        "/people/0001",
        "/people/00001",
        "/proposals?category=zz-random-1",
        "/proposals?sort=random-2",
        "/proposals?category=7&utm_source=mail",
        "/processes/Quais",
        &format!("{discussion}?sort=odd"),
        &format!("{discussion}?page=01"),
    ] {
        let _ = app.get(odd);
    }
    assert_eq!(rows(&app), before, "an odd spelling wrote a row");

    // What older revisions and days left goes, a batch at a time; the
    // bound holds.
    let (path, revision, day): (String, i64, i64) = app
        .db()
        .query_row(
            "SELECT path, revision, day FROM page_cache WHERE path LIKE '% ' || ?1",
            [&discussion],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let build = path.split(' ').next().unwrap().to_string();
    {
        let db = app.db();
        for i in 0..150 {
            db.execute(
                "INSERT INTO page_cache (path, locale, revision, day, headers, body) VALUES (?1, 'fr', ?2, ?3, '', x'00')",
                (format!("{build} /old/{i}"), revision - 1, day),
            )
            .unwrap();
        }
    }
    // Rows of the current revision and day stay; a batch of a hundred
    // stale ones goes with the next share.
    let current =
        format!("SELECT count(*) FROM page_cache WHERE revision = {revision} AND day = {day}");
    let current_before = count(&app, &current);
    let stale_before = rows(&app) - current_before;
    assert!(stale_before >= 150);
    assert_eq!(app.get("/news").status, 200);
    let current_after = count(&app, &current);
    assert_eq!(current_after, current_before + 1, "/news shared");
    assert_eq!(rows(&app) - current_after, stale_before - 100);
    {
        let db = app.db();
        db.execute(
            "DELETE FROM page_cache WHERE revision <> ?1 OR day <> ?2",
            (revision, day),
        )
        .unwrap();
        let now = count(&app, "SELECT count(*) FROM page_cache");
        for i in now..500 {
            db.execute(
                "INSERT INTO page_cache (path, locale, revision, day, headers, body) VALUES (?1, 'fr', ?2, ?3, '', x'00')",
                (format!("{build} /filler/{i}"), revision, day),
            )
            .unwrap();
        }
    }
    assert_eq!(app.get("/processes").status, 200);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM page_cache WHERE path LIKE '% /processes'"
        ),
        0,
        "shared beyond the bound"
    );
    assert!(rows(&app) <= 500);
    app.stop();
}

/// A form's effect is recorded by the feature's own transaction: when its
/// answer is lost after the commit (here the gate cannot keep it), sending
/// the form again, even once the claim looks abandoned, writes nothing again
/// and says the form was taken into account.
#[test]
fn a_submit_takes_effect_once_whatever_happens_after_its_commit() {
    let app = TestApp::start();
    let discussion = "/discussions/usages-des-quais";
    let comments = "SELECT count(*) FROM comments";
    let mut camille = demo::camille(&app);
    let _ = camille.get(discussion);
    let key = camille.once().expect("every form carries a key");
    // The gate's keeping of the answer fails, after the feature's commit.
    app.db()
        .execute_batch(
            "CREATE TRIGGER test_keep_fails BEFORE UPDATE OF status ON idempotency_keys \
             BEGIN SELECT RAISE(ABORT, 'test: the answer cannot be kept'); END;",
        )
        .unwrap();
    let before = count(&app, comments);
    let fields = [
        ("body", "Envoyé une fois, réponse perdue."),
        ("stance", "for"),
        (palabre_e2e::ONCE_FIELD, key.as_str()),
    ];
    let first = camille.post(&format!("{discussion}/comments"), &fields);
    assert_eq!(first.status, 303, "{}", first.text());
    assert_eq!(count(&app, comments), before + 1);
    // A minute later the claim looks abandoned; before the fix, the replay
    // took it over and wrote the comment a second time.
    app.db()
        .execute(
            "UPDATE idempotency_keys SET claimed_at = claimed_at - 120 WHERE key = ?1",
            [&key],
        )
        .unwrap();
    let again = camille.post(&format!("{discussion}/comments"), &fields);
    assert_eq!(again.status, 409, "{}", again.text());
    assert!(
        again.text().contains("Déjà pris en compte"),
        "{}",
        again.text()
    );
    assert_eq!(count(&app, comments), before + 1);
    app.stop();
}

/// A form's key answers its replays for a day (`kit::retention` then purges
/// it): a key sent again after that, still in the table, is claimed afresh
/// at once, neither replayed nor left waiting, and its row then holds the new
/// submission alone.
#[test]
fn a_form_key_older_than_a_day_is_claimed_afresh() {
    let app = TestApp::start();
    let discussion = "/discussions/usages-des-quais";
    let said = "Un avis envoyé une seconde fois, le surlendemain.";
    let kept = || {
        count(
            &app,
            &format!("SELECT count(*) FROM comments WHERE body = '{said}'"),
        )
    };
    let mut camille = demo::camille(&app);
    let _ = camille.get(discussion);
    let key = camille.once().expect("every form carries a key");
    let fields = [
        ("body", said),
        ("stance", "for"),
        (palabre_e2e::ONCE_FIELD, key.as_str()),
    ];
    let first = camille.post(&format!("{discussion}/comments"), &fields);
    assert_eq!(first.status, 303, "{}", first.text());
    // Replayed within the day: the same answer, nothing written again.
    let replay = camille.post(&format!("{discussion}/comments"), &fields);
    assert_eq!(replay.status, 303);
    assert_eq!(kept(), 1);
    // Two days later, not purged yet.
    app.db()
        .execute(
            "UPDATE idempotency_keys SET claimed_at = claimed_at - 172800, \
             committed_at = committed_at - 172800 WHERE key = ?1",
            [&key],
        )
        .unwrap();
    let started = std::time::Instant::now();
    let late = camille.post(&format!("{discussion}/comments"), &fields);
    assert_eq!(late.status, 303, "{}", late.text());
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(
        kept(),
        2,
        "a new submission, not a replay of a forgotten one"
    );
    let fresh = count(
        &app,
        &format!(
            "SELECT count(*) FROM idempotency_keys WHERE key = '{key}' \
             AND claimed_at > unixepoch() - 60 AND committed_at > unixepoch() - 60 AND status = 303"
        ),
    );
    assert_eq!(fresh, 1);
    app.stop();
}

/// A photo is published without what it says of where, when and by whom it
/// was taken (its orientation kept): the bytes served are not the upload's.
#[test]
fn photos_do_not_publish_where_they_were_taken() {
    const PIXEL: &[u8] = include_bytes!("../../fixtures/images/pixel.png");
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        // The CRC is not checked on upload; a browser would, but these
        // bytes are only looked at.
        c.extend_from_slice(&[0; 4]);
        c
    };
    // The pixel, with a text chunk naming where it was taken.
    let mut photo = PIXEL[..33].to_vec();
    photo.extend(chunk(
        b"tEXt",
        b"Location\0GPS 47.2184N 1.5536W, chez Camille",
    ));
    photo.extend_from_slice(&PIXEL[33..]);
    let app = TestApp::start();
    let mut admin = demo::admin(&app);
    assert_eq!(admin.get("/admin/news/new").status, 200);
    let fields = [
        ("title", "Le chantier du parc"),
        ("summary", "Photos du chantier."),
        ("status", "published"),
        ("image_alt", "Le chantier vu depuis l'entrée nord"),
    ];
    let ok = admin.post_multipart("/admin/news/new", &fields, &[("image", "parc.png", &photo)]);
    assert_eq!(ok.status, 303, "{}", ok.text());
    let html = app.get("/news/le-chantier-du-parc").text();
    let at = html.find("src=\"/images/").expect("the image is shown");
    let src: String = html[at + 5..].split('"').next().unwrap().to_string();
    let image = app.get(&src);
    assert_eq!(image.status, 200);
    // Before the fix, the upload was served as it was sent.
    assert!(
        !image.body.windows(3).any(|w| w == b"GPS"),
        "the place is still in the served photo"
    );
    assert_eq!(image.body, PIXEL, "the picture itself is untouched");
    app.stop();
}

/// What anonymous answers can and cannot guarantee is said where staff
/// choose it and beside the results; "signed-in residents only" is the
/// other choice, offered in the same place.
#[test]
fn anonymous_questionnaires_say_what_they_cannot_guarantee() {
    let app = TestApp::start();
    let market = "/questionnaires/marche-des-quais";
    let mut admin = demo::admin(&app);
    let settings = admin.get("/questionnaires/new");
    assert_eq!(settings.status, 200);
    let settings = settings.text();
    assert!(
        settings.contains("une réponse par personne")
            && settings.contains("seuls les habitants connectés"),
        "the builder says what anonymous answers do not guarantee: {settings}"
    );
    let results = admin.get(&format!("{market}/results"));
    assert_eq!(results.status, 200);
    assert!(results.text().contains("ne valent pas un vote"));
    app.stop();
}

/// Old code on a database a newer build upgraded (a rollback, a rolling
/// deploy) serves its pages but refuses every write with a 503 that says
/// why, and says so in the log; nothing is written.
#[test]
fn old_code_on_a_newer_schema_refuses_writes() {
    let dir = fresh_state_dir();
    let app = TestApp::start_on(&dir, &[]);
    assert_eq!(app.get("/").status, 200);
    let version: i64 = count(&app, "PRAGMA user_version");
    app.db()
        .execute_batch(&format!("PRAGMA user_version = {}", version + 1))
        .unwrap();
    app.stop();
    let app = TestApp::start_on(&dir, &[]);
    assert_eq!(app.get("/").status, 200, "pages are still served");
    let comments = "SELECT count(*) FROM comments";
    let before = count(&app, comments);
    let mut visitor = Browser::new(&app);
    let _ = visitor.get("/discussions/usages-des-quais");
    let refused = visitor.post(
        "/discussions/usages-des-quais/comments",
        &[("body", "Écrit par l'ancienne version."), ("stance", "for")],
    );
    assert_eq!(refused.status, 503, "{}", refused.text());
    assert!(refused.text().contains("mise à jour"));
    assert_eq!(count(&app, comments), before);
    let log = app.stop_and_log();
    assert!(log.contains("newer than this build's"), "{log}");
}

/// What only grew now has a term: after a write, old audit lines (past the
/// commune's own term), sent mail, read notifications, private activity and
/// day-old form keys go, in bounded batches, and what is still current stays.
#[test]
fn tables_that_only_grew_are_purged_by_their_rules() {
    let app = TestApp::start();
    assert_eq!(app.get("/").status, 200);
    let now = count(&app, "SELECT unixepoch()");
    let day = 86_400;
    {
        let db = app.db();
        // The commune keeps its audit log 90 days.
        db.execute(
            "INSERT INTO settings (key, value) VALUES ('retention.audit_days', '90') \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [],
        )
        .unwrap();
        // 1,200 old audit lines: more than one batch.
        for _ in 0..1200 {
            db.execute(
                "INSERT INTO audit_log (at, action, subject) VALUES (?1, 'old-line', 'x')",
                [now - 100 * day],
            )
            .unwrap();
        }
        db.execute(
            "INSERT INTO audit_log (at, action, subject) VALUES (?1, 'recent-line', 'x')",
            [now - 80 * day],
        )
        .unwrap();
        for (status, age) in [
            ("sent", 100),
            ("failed", 100),
            ("queued", 100),
            ("sent", 10),
        ] {
            db.execute(
                "INSERT INTO mail_outbox (created_at, to_email, locale, kind, subject, body_text, body_html, status) \
                 VALUES (?1, 'a@example.org', 'fr', 'test-retention', 's', 't', 'h', ?2)",
                (now - age * day, status),
            )
            .unwrap();
        }
        db.execute(
            "INSERT INTO idempotency_keys (scope, key, path, claimed_at) VALUES ('s', 'old-key-0123456789', '/x', ?1)",
            [now - 2 * day],
        )
        .unwrap();
    }
    let old_lines = "SELECT count(*) FROM audit_log WHERE action = 'old-line'";
    assert_eq!(count(&app, old_lines), 1200);
    // A write request (a failed sign-in is one) sets the purge off.
    let mut visitor = Browser::new(&app);
    let _ = visitor.get("/account/login");
    let _ = visitor.post(
        "/account/login",
        &[("email", "x@example.org"), ("password", "x")],
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while count(&app, old_lines) > 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // Before the fix, nothing was ever deleted.
    assert_eq!(count(&app, old_lines), 0);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'recent-line'"
        ),
        1
    );
    let mail = |status: &str| {
        count(
            &app,
            &format!(
                "SELECT count(*) FROM mail_outbox WHERE kind = 'test-retention' AND status = '{status}'"
            ),
        )
    };
    assert_eq!((mail("sent"), mail("failed"), mail("queued")), (1, 0, 1));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM idempotency_keys WHERE key = 'old-key-0123456789'"
        ),
        0
    );
    let log = app.stop_and_log();
    assert!(log.contains("gate: retention:"), "{log}");
}

/// `manifest` on a stand-in libSQL server over HTTP (its database file,
/// the server, the app, and the directory to remove).
fn on_libsql(
    manifest: &str,
) -> (
    std::path::PathBuf,
    palabre_e2e::hrana::HranaServer,
    TestApp,
    std::path::PathBuf,
) {
    let dir = fresh_state_dir();
    let remote = dir.join("remote.db");
    let server = palabre_e2e::hrana::HranaServer::start(&remote, "t0ken-e2e");
    let config = server.runtime_config(&dir, "t0ken-e2e");
    let app = TestApp::start_configured(
        &palabre_e2e::repo_root().join(manifest),
        &dir.join("state"),
        &[],
        &["--runtime-config-file".as_ref(), config.as_os_str()],
    );
    (remote, server, app, dir)
}

/// The commune decides how long its audit log is kept (30 days to ten years,
/// a year by default): administrators set it on a page of its own, linked
/// from the log, which says the term; a term out of range is refused with the
/// limits and nothing is stored; the purge then uses it (above).
#[test]
fn the_commune_sets_how_long_its_audit_log_is_kept() {
    let app = TestApp::start();
    let settings = "/admin/audit/settings";
    let stored = || {
        count(
            &app,
            "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM settings \
             WHERE key = 'retention.audit_days'), 0)",
        )
    };
    let mut moderator = demo::moderator(&app);
    assert_eq!(moderator.get(settings).status, 403);
    let mut admin = demo::admin(&app);
    let log = admin.get("/admin/audit?lang=fr").text();
    assert!(
        log.contains("conservée 365 jours") && log.contains(&format!("href=\"{settings}\"")),
        "{log}"
    );
    let page = admin.get(&format!("{settings}?lang=fr"));
    assert_eq!(page.status, 200);
    let opened = palabre_e2e::hidden_in(&page.text(), "_version").expect("a versioned form");
    assert!(page.text().contains("value=\"365\""), "{}", page.text());
    for typed in ["10", "4000", "un an", ""] {
        let r = admin.post(settings, &[("days", typed), ("_version", &opened)]);
        assert_eq!(r.status, 422, "{typed}: {}", r.text());
        assert!(r.text().contains("nombre entier"), "{}", r.text());
        assert_eq!(stored(), 0, "{typed}");
    }
    let _ = admin.get(settings);
    let r = admin.post(settings, &[("days", "180"), ("_version", &opened)]);
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(stored(), 180);
    assert!(
        admin
            .get("/admin/audit?lang=fr")
            .text()
            .contains("conservée 180 jours")
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'audit-retention-saved' AND subject = '180'"
        ),
        1
    );
    // A form opened before that change does not erase it.
    let _ = admin.get(settings);
    let r = admin.post(settings, &[("days", "90"), ("_version", &opened)]);
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!(stored(), 180);
    app.stop();
}

/// libSQL's server rolls back a transaction that outlived its limit and fails
/// only its next statement; the ones after would run in autocommit. The
/// stand-in server expires a comment's transaction at each of its
/// statements in turn (the COMMIT included): every time the visitor gets the
/// 503 page, no row of the feature's tables moved, and the same form sent
/// again writes the comment once.
#[test]
fn a_transaction_libsql_expires_halfway_writes_nothing() {
    let (remote, server, app, dir) = on_libsql("spin.toml");
    assert_eq!(app.get("/health").status, 200, "{}", app.log());
    let mut db = rusqlite::Connection::open(&remote).unwrap();
    // A person for each comment (10 a minute each).
    let people = palabre_e2e::crowd_in(&mut db, "coupe", 40);
    // What the gate writes around a feature (its limits, the form's claim)
    // is its own transaction's; every other table is the feature's.
    let feature_rows = || -> Vec<(String, Vec<String>)> {
        palabre_e2e::tables(&db)
            .into_iter()
            .filter(|(t, _)| {
                !["rate_limits", "idempotency_keys", "page_cache"].contains(&t.as_str())
            })
            .map(|(t, columns)| {
                let rows = palabre_e2e::rows(&db, &t, &columns);
                (t, rows)
            })
            .collect()
    };
    let written = |body: &str| -> i64 {
        db.query_row(
            "SELECT count(*) FROM comments WHERE body = ?",
            [body],
            |r| r.get(0),
        )
        .unwrap()
    };
    let discussion = "/discussions/usages-des-quais";
    let mut person = people.iter().map(|p| Browser::as_person(&app, p));
    let mut camille = person.next().unwrap();
    let comment = |camille: &mut Browser, body: &str, key: &str| {
        camille.post(
            &format!("{discussion}/comments"),
            &[
                ("body", body),
                ("stance", "for"),
                (palabre_e2e::ONCE_FIELD, key),
            ],
        )
    };

    // The shape of a comment's transaction, from BEGIN to COMMIT.
    let _ = camille.get(discussion);
    let key = camille.once().expect("every form carries a key");
    let seen = server.transactions().len();
    let r = comment(&mut camille, "Un premier avis, écrit d'un trait.", &key);
    assert_eq!(r.status, 303, "{}", r.text());
    let shape = server.transactions()[seen..]
        .iter()
        .find(|t| t.iter().any(|s| s.contains("INSERT INTO comments")))
        .cloned()
        .expect("the comment was written in a transaction");
    assert!(shape.len() > 3, "{shape:?}");
    eprintln!("a comment's transaction: {} statements", shape.len());
    assert!(
        shape.last().is_some_and(|s| s.contains("COMMIT")),
        "{shape:?}"
    );

    for at in 1..shape.len() {
        let body = format!("Un avis coupé au pas {at} de sa transaction.");
        let mut camille = person.next().expect("enough people");
        let _ = camille.get(discussion);
        let key = camille.once().expect("every form carries a key");
        let before = feature_rows();
        let expired = server.expired();
        server.expire_after(&shape[..at]);
        let r = comment(&mut camille, &body, &key);
        server.never_expire();
        assert_eq!(
            server.expired(),
            expired + 1,
            "the transaction at {:?} was not met: {shape:#?} {:#?}",
            shape[at],
            server
                .transactions()
                .iter()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
        );
        assert_eq!(r.status, 503, "expired at {:?}: {}", shape[at], r.text());
        assert!(r.text().contains("pas été enregistré"), "{}", r.text());
        assert_eq!(written(&body), 0, "expired at {:?}", shape[at]);
        assert!(
            feature_rows() == before,
            "expired at {:?}, rows moved in {:?}",
            shape[at],
            feature_rows()
                .iter()
                .zip(&before)
                .filter(|(a, b)| a != b)
                .map(|(a, _)| &a.0)
                .collect::<Vec<_>>()
        );
        // The same form, sent again: written once.
        let again = comment(&mut camille, &body, &key);
        assert_eq!(again.status, 303, "{}", again.text());
        assert_eq!(written(&body), 1);
    }
    assert!(
        !app.log().contains("rollback failed"),
        "every expired transaction was already ended: {}",
        app.log()
    );
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A feature's body that lets a failed statement pass (as careless code
/// would) still writes nothing when libSQL's server has ended its
/// transaction there: the statements after it are refused instead of running
/// in autocommit, and the request fails (the trap fixture's
/// `/fixture/careless`: three inserts, the second's and third's failures
/// ignored).
#[test]
fn a_body_that_lets_an_error_pass_writes_nothing_on_libsql() {
    let (remote, server, app, dir) = on_libsql("tests/fixtures/trap.spin.toml");
    let db = rusqlite::Connection::open(&remote).unwrap();
    let rows = || -> Vec<String> {
        let mut stmt = db
            .prepare("SELECT step FROM fixture_writes ORDER BY rowid")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let seen = server.transactions().len();
    let r = app.get("/fixture/careless");
    assert_eq!(r.text(), "written", "{}", app.log());
    assert_eq!(rows(), ["first", "second", "third"]);
    let shape = server.transactions()[seen..]
        .iter()
        .find(|t| t.iter().any(|s| s.contains("fixture_writes")))
        .cloned()
        .expect("the inserts were one transaction");
    assert_eq!(shape.len(), 5, "BEGIN, three inserts, COMMIT: {shape:?}");
    for at in 1..shape.len() {
        db.execute("DELETE FROM fixture_writes", []).unwrap();
        let expired = server.expired();
        server.expire_after(&shape[..at]);
        let r = app.get("/fixture/careless");
        server.never_expire();
        assert_eq!(server.expired(), expired + 1, "{:?} was not met", shape[at]);
        assert_eq!(rows(), Vec::<String>::new(), "expired at {:?}", shape[at]);
        assert!(
            r.text().starts_with("not written") && r.text().contains("Transaction timed-out"),
            "expired at {:?}: {}",
            shape[at],
            r.text()
        );
    }
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}
