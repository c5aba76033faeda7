//! The moderation queue: reports hide a contribution at the commune's
//! threshold; a moderator restores it, hides it with a reason its author
//! hears of, or dismisses the reports, one at a time or several at once.

use palabre_e2e::demo::{admin, camille, moderator};
use palabre_e2e::{Browser, TestApp};

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_reported_comment_is_hidden_at_the_threshold_then_settled_by_a_moderator() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let _ = app.get("/health");
    // Someone else's comment in a discussion; two residents already reported it.
    let (id, author, slug): (i64, i64, String) = app
        .db()
        .query_row(
            "SELECT c.id, c.user_id, d.slug FROM comments c JOIN discussions d ON d.id = c.resource_id \
             JOIN users u ON u.id = c.user_id WHERE c.resource = 'discussion' AND c.hidden_at IS NULL \
             AND c.deleted_at IS NULL AND u.email NOT IN ('camille@valbrune.example.org', 'moderation@valbrune.example.org') \
             ORDER BY c.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    app.db()
        .execute(
            "INSERT INTO comment_reports (comment_id, user_id, reason, created_at) \
             SELECT ?1, id, 'Propos blessants', 0 FROM users WHERE email LIKE 'habitant-%' AND id != ?2 ORDER BY id LIMIT 2",
            rusqlite::params![id, author],
        )
        .unwrap();
    let hidden = || {
        count(
            &app,
            &format!("SELECT hidden_at IS NOT NULL FROM comments WHERE id = {id}"),
        )
    };
    assert_eq!(hidden(), 0);
    // The third report hides it (the demo keeps the default threshold of 3).
    let mut camille = camille(&app);
    let page = format!("/discussions/{slug}");
    let _ = camille.get(&page);
    let r = camille.post(
        &format!("{page}/comments/{id}/report"),
        &[("reason", "Attaque personnelle contre un voisin")],
    );
    assert_eq!(r.status, 303);
    assert_eq!(hidden(), 1);
    // Citizens and visitors do not reach the queue.
    assert_eq!(camille.get("/admin/moderation").status, 403);
    assert_eq!(
        camille
            .post("/admin/moderation", &[("act", &format!("restore-{id}"))])
            .status,
        403
    );
    assert_eq!(hidden(), 1);
    assert_eq!(app.get("/admin/moderation").status, 403);
    // The moderator sees it with its reasons, but not the administrators' pages.
    let mut moderator = moderator(&app);
    assert!(
        moderator
            .get("/?lang=fr")
            .text()
            .contains("href=\"/admin/moderation\"")
    );
    assert_eq!(moderator.get("/admin/site").status, 403);
    let queue = moderator.get("/admin/moderation?lang=fr");
    assert_eq!(queue.status, 200);
    let html = queue.text();
    assert!(html.contains("Attaque personnelle contre un voisin"));
    assert!(html.contains("3 signalements"));
    assert!(html.contains(&format!("value=\"restore-{id}\"")));
    // Restored: shown again, the reports settled, the action audited.
    let r = moderator.post("/admin/moderation", &[("act", &format!("restore-{id}"))]);
    assert_eq!(r.status, 303);
    assert_eq!(hidden(), 0);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) FROM comment_reports WHERE comment_id = {id} AND resolution = 'restored'"
            )
        ),
        3
    );
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) FROM audit_log WHERE action = 'moderation-restored' AND subject = 'comment:{id}'"
            )
        ),
        1
    );
    assert!(
        !moderator
            .get("/admin/moderation?lang=fr")
            .text()
            .contains(&format!("value=\"restore-{id}\""))
    );
    // Reported again and hidden by hand, with a reason its author hears of.
    app.db()
        .execute(
            "INSERT INTO comment_reports (comment_id, user_id, reason, created_at) VALUES (?1, (SELECT id FROM users WHERE email = 'admin@valbrune.example.org'), 'Hors sujet', 1)",
            [id],
        )
        .unwrap();
    let _ = moderator.get("/admin/moderation");
    // Bad input changes nothing.
    let none = moderator.post(
        "/admin/moderation",
        &[("act", "bulk"), ("bulk_decision", "hide")],
    );
    assert_eq!(none.status, 422);
    assert!(none.text().contains("Cochez au moins une contribution."));
    assert_eq!(
        moderator
            .post("/admin/moderation", &[("act", &format!("erase-{id}"))])
            .status,
        400
    );
    assert_eq!(hidden(), 0);
    let r = moderator.post(
        "/admin/moderation",
        &[
            ("act", "bulk"),
            ("bulk_decision", "hide"),
            ("ids", &id.to_string()),
            (
                "reason",
                "Règle 2 de la charte : pas d'attaque personnelle.",
            ),
        ],
    );
    assert_eq!(r.status, 303);
    assert_eq!(hidden(), 1);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) FROM notifications n JOIN activity a ON a.id = n.activity_id \
                 WHERE n.user_id = {author} AND a.kind = 'comment-hidden' \
                 AND a.title = 'Règle 2 de la charte : pas d''attaque personnelle.' AND a.public = 0"
            )
        ),
        1
    );
    // Settling twice (another moderator was faster) changes nothing.
    let again = moderator.post("/admin/moderation", &[("act", &format!("dismiss-{id}"))]);
    assert_eq!(again.status, 303);
    assert_eq!(again.header("location"), Some("/admin/moderation?done=0"));
    assert_eq!(hidden(), 1);
}

fn user_id(app: &TestApp, email: &str) -> i64 {
    app.db()
        .query_row("SELECT id FROM users WHERE email = ?", [email], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn an_administrator_changes_a_role_and_the_old_session_is_dead() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut camille = camille(&app);
    assert_eq!(camille.get("/account").status, 200);
    let id = user_id(&app, "camille@valbrune.example.org");
    // Only administrators.
    assert_eq!(camille.get("/admin/people").status, 403);
    let mut moderator = moderator(&app);
    assert_eq!(moderator.get(&format!("/admin/people/{id}")).status, 403);
    let mut admin = admin(&app);
    let list = admin.get("/admin/people?q=CAMILLE&lang=fr");
    assert_eq!(list.status, 200);
    assert!(
        list.text()
            .contains(&format!("href=\"/admin/people/{id}\""))
    );
    assert!(!list.text().contains("habitant-01@"));
    let _ = admin.get(&format!("/admin/people/{id}"));
    // An unknown role changes nothing.
    let bad = admin.post(
        &format!("/admin/people/{id}/role"),
        &[("role", "superadmin")],
    );
    assert_eq!(bad.status, 400);
    let r = admin.post(
        &format!("/admin/people/{id}/role"),
        &[("role", "moderator")],
    );
    assert_eq!(r.status, 303);
    assert_eq!(
        count(
            &app,
            &format!("SELECT role = 'moderator' FROM users WHERE id = {id}")
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) FROM audit_log WHERE action = 'role-changed' AND subject = 'user:{id}:moderator'"
            )
        ),
        1
    );
    // Camille's session from before is dead: she is a visitor again.
    let after = camille.get("/account");
    assert_ne!(after.status, 200);
    assert_eq!(camille.get("/admin/moderation").status, 403);
    // Signing in again gives the new role.
    let mut again = Browser::signed_in(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    assert_eq!(again.get("/admin/moderation").status, 200);
    // An administrator cannot demote themself.
    let me = user_id(&app, "admin@valbrune.example.org");
    let _ = admin.get(&format!("/admin/people/{me}"));
    let own = admin.post(&format!("/admin/people/{me}/role"), &[("role", "citizen")]);
    assert_eq!(own.status, 422);
    assert_eq!(
        count(
            &app,
            &format!("SELECT role = 'admin' FROM users WHERE id = {me}")
        ),
        1
    );
}

#[test]
fn a_blocked_person_reads_but_cannot_post_and_their_comments_wait_for_review() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let id = user_id(app_ready(&app), "camille@valbrune.example.org");
    let mut admin = admin(&app);
    let _ = admin.get(&format!("/admin/people/{id}"));
    // A reason and the confirmation are required.
    let no_reason = admin.post(
        &format!("/admin/people/{id}/block"),
        &[("reason", " "), ("confirm", "yes")],
    );
    assert_eq!(no_reason.status, 422);
    let unconfirmed = admin.post(
        &format!("/admin/people/{id}/block"),
        &[("reason", "Insultes répétées")],
    );
    assert_eq!(unconfirmed.status, 422);
    assert_eq!(
        count(
            &app,
            &format!("SELECT blocked_at IS NULL FROM users WHERE id = {id}")
        ),
        1
    );
    let r = admin.post(
        &format!("/admin/people/{id}/block"),
        &[("reason", "Insultes répétées"), ("confirm", "yes")],
    );
    assert_eq!(r.status, 303);
    // Their comments are hidden and wait in the queue.
    let comments = count(
        &app,
        &format!("SELECT count(*) FROM comments WHERE user_id = {id} AND deleted_at IS NULL"),
    );
    assert!(comments > 0);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) FROM comments WHERE user_id = {id} AND hidden_at IS NOT NULL"
            )
        ),
        comments
    );
    let mut moderator = moderator(&app);
    assert!(
        moderator
            .get("/admin/moderation")
            .text()
            .contains("Insultes répétées")
    );
    // Camille reads, sees her data, but posts nothing.
    let mut camille = camille(&app);
    assert_eq!(camille.get("/discussions/usages-des-quais").status, 200);
    assert_eq!(camille.get("/account/data").status, 200);
    let before = count(&app, "SELECT count(*) FROM comments");
    let refused = camille.post(
        "/discussions/usages-des-quais/comments",
        &[("stance", "for"), ("body", "Encore moi")],
    );
    assert_eq!(refused.status, 403);
    assert!(refused.text().contains("bloqué"));
    assert_eq!(count(&app, "SELECT count(*) FROM comments"), before);
    drop(camille);
    // Unblocked: she posts again.
    let _ = admin.get(&format!("/admin/people/{id}"));
    assert_eq!(
        admin
            .post(&format!("/admin/people/{id}/unblock"), &[])
            .status,
        303
    );
    let mut camille = Browser::signed_in(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    let _ = camille.get("/discussions/usages-des-quais");
    let ok = camille.post(
        "/discussions/usages-des-quais/comments",
        &[("stance", "for"), ("body", "Merci de m'avoir débloquée.")],
    );
    assert_eq!(ok.status, 303);
}

fn app_ready(app: &TestApp) -> &TestApp {
    let _ = app.get("/health");
    app
}

#[test]
fn administrators_read_the_audit_log_and_the_mail_outbox() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut admin = admin(&app);
    // Something to find: a role change, and a mail.
    let id = user_id(&app, "camille@valbrune.example.org");
    let _ = admin.get(&format!("/admin/people/{id}"));
    assert_eq!(
        admin
            .post(
                &format!("/admin/people/{id}/role"),
                &[("role", "moderator")]
            )
            .status,
        303
    );
    app.db()
        .execute(
            "INSERT INTO mail_outbox (created_at, to_email, locale, kind, subject, body_text, body_html, status, attempts, last_error) \
             VALUES (1, 'x@example.org', 'fr', 'reset', 'Réinitialisation', 't', 'h', 'failed', 5, 'HTTP 502 du fournisseur')",
            [],
        )
        .unwrap();
    let log = admin.get("/admin/audit?action=role-changed&lang=fr");
    assert_eq!(log.status, 200);
    let html = log.text();
    assert!(html.contains(&format!("user:{id}:moderator")));
    assert!(html.contains("<td>role-changed</td>"));
    assert_eq!(
        html.matches("<tr><td>").count(),
        1,
        "filtered on the action"
    );
    // By person and by dates; a bad date is refused with its message.
    assert!(
        admin
            .get("/admin/audit?who=admin%40valbrune&lang=fr")
            .text()
            .contains(&format!("user:{id}:moderator"))
    );
    assert!(
        !admin
            .get("/admin/audit?action=role-changed&to=2020-01-01&lang=fr")
            .text()
            .contains(&format!("user:{id}:moderator"))
    );
    let bad = admin.get("/admin/audit?from=hier&lang=fr");
    assert_eq!(bad.status, 422);
    let mail = admin.get("/admin/mail?status=failed&lang=fr");
    assert_eq!(mail.status, 200);
    let html = mail.text();
    assert!(html.contains("HTTP 502 du fournisseur"));
    assert!(html.contains("Échec"));
    // Administrators only.
    let mut moderator = moderator(&app);
    assert_eq!(moderator.get("/admin/audit").status, 403);
    assert_eq!(moderator.get("/admin/mail").status, 403);
}

/// Every route of the back-office's route table (`components/admin/src/routes.rs`),
/// read from its source: (method, path with sample values).
fn admin_routes() -> Vec<(&'static str, String)> {
    let source = include_str!("../../../components/admin/src/routes.rs");
    let mut routes = Vec::new();
    for (start, _) in source.match_indices('[') {
        let after = &source[start + 1..];
        if !after.trim_start().starts_with("\"admin\"") {
            continue;
        }
        let Some(end) = after.find(']') else { break };
        let inside = &after[..end];
        // The arm's handlers by method (`methods!(env; Get => …, Post => …)`),
        // up to the next arm.
        let tail = after[end + 1..].trim_start();
        if !tail.starts_with("=>") {
            continue;
        }
        let arm = &tail[..tail.find("\n        [").unwrap_or(tail.len())];
        let methods: Vec<&str> = [("Get =>", "GET"), ("Post =>", "POST")]
            .iter()
            .filter(|(verb, _)| arm.contains(verb))
            .map(|(_, method)| *method)
            .collect();
        let segments: Vec<String> = inside
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| match s.find('"') {
                // A literal, or the first of alternatives (`action @ ("a" | "b")`).
                Some(q) => s[q + 1..].split('"').next().unwrap_or("").to_string(),
                // A variable segment: any value (authorization comes first).
                None => "1".to_string(),
            })
            .collect();
        if segments.first().map(String::as_str) != Some("admin") {
            continue;
        }
        for method in methods {
            routes.push((method, format!("/{}", segments.join("/"))));
        }
    }
    routes
}

/// The back-office paths moderators may use too (`MODERATION` in the same source).
fn moderation_paths() -> Vec<String> {
    let source = include_str!("../../../components/admin/src/routes.rs");
    let start = source
        .find("const MODERATION")
        .expect("routes.rs declares MODERATION");
    let line = &source[start..start + source[start..].find(';').unwrap_or(0)];
    let list = &line[line.find('[').unwrap_or(0)..];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn every_admin_route_refuses_citizens_and_moderators() {
    let routes = admin_routes();
    let moderators = moderation_paths();
    assert!(
        moderators.contains(&"/admin/moderation".to_string())
            && moderators.contains(&"/admin/desk".to_string()),
        "{moderators:?}"
    );
    assert!(routes.len() >= 30, "{routes:?}");
    assert!(routes.contains(&("POST", "/admin/people/1/role".to_string())));
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut camille = camille(&app);
    let _ = camille.get("/");
    let mut moderator = moderator(&app);
    let _ = moderator.get("/");
    let news = count(&app, "SELECT count(*) FROM news");
    for (method, path) in &routes {
        let moderators_too = moderators.contains(path);
        for (who, browser) in [("citizen", &mut camille), ("moderator", &mut moderator)] {
            let status = match *method {
                "GET" => browser.get(path).status,
                _ => {
                    browser
                        .post(path, &[("title", "x"), ("role", "admin")])
                        .status
                }
            };
            if moderators_too && who == "moderator" {
                assert_ne!(status, 403, "{method} {path}");
            } else {
                assert_eq!(status, 403, "{who}: {method} {path}");
            }
        }
        let anonymous = match *method {
            "GET" => app.get(path).status,
            _ => app.request("POST", path, &[], b"").status,
        };
        assert_eq!(anonymous, 403, "anonymous: {method} {path}");
    }
    assert_eq!(count(&app, "SELECT count(*) FROM news"), news);
    assert_eq!(
        count(&app, "SELECT count(*) FROM users WHERE role = 'admin'"),
        1
    );
}

#[test]
fn every_export_is_in_one_place_and_the_open_data_names_nobody() {
    let app = TestApp::start();
    let mut admin = admin(&app);
    let page = admin.get("/admin/exports?lang=fr");
    assert_eq!(page.status, 200);
    let html = page.text();
    let links: Vec<String> = html
        .match_indices("href=\"/")
        .map(|(i, _)| {
            html[i + 6..]
                .split('"')
                .next()
                .unwrap()
                .replace("&amp;", "&")
        })
        .filter(|h| h.contains("export.") || h.contains("open-data"))
        .collect();
    assert!(
        links
            .iter()
            .any(|l| l == "/proposals/export.csv?process=budget-participatif-2026")
    );
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("/questionnaires/") && l.ends_with("/export.csv"))
    );
    // Every link works for the administrator.
    for link in &links {
        let r = admin.get(link);
        assert_eq!(r.status, 200, "{link}");
    }
    // The whole bundle, for anyone: numbers as the database holds them, no names.
    let bundle = app.get("/open-data.json");
    assert_eq!(bundle.status, 200);
    let text = bundle.text();
    let data: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(data["personal_data"], false);
    let processes = data["processes"].as_array().unwrap();
    assert_eq!(
        processes.len() as i64,
        count(
            &app,
            "SELECT count(*) FROM processes WHERE status = 'published'"
        )
    );
    let budget = processes
        .iter()
        .find(|p| p["slug"] == "budget-participatif-2026")
        .unwrap();
    let open = count(
        &app,
        "SELECT count(*) FROM proposals p JOIN processes r ON r.id = p.process_id \
         WHERE r.slug = 'budget-participatif-2026' AND p.state = 'published' AND p.status = 'open'",
    );
    assert_eq!(budget["proposals_by_status"]["open"], open);
    for name in ["Camille", "@valbrune", "habitant-"] {
        assert!(!text.contains(name), "{name}");
    }
}

#[test]
fn watched_words_hold_a_comment_unless_its_author_is_trusted() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut admin = admin(&app);
    let settings = "/admin/moderation/settings";
    let _ = admin.get(settings);
    let bad = admin.post(settings, &[("threshold", "0"), ("keywords", "arnaque")]);
    assert_eq!(bad.status, 422);
    let r = admin.post(
        settings,
        &[
            ("threshold", "2"),
            ("keywords", "  Arnaque\n\nmot de passe\n"),
        ],
    );
    assert_eq!(r.status, 303);
    assert!(
        admin
            .get(&format!("{settings}?lang=fr"))
            .text()
            .contains("arnaque\nmot de passe")
    );
    // Camille's comment with a watched word waits; she is told why.
    let mut camille = camille(&app);
    let page = "/discussions/usages-des-quais";
    let _ = camille.get(page);
    let r = camille.post(
        &format!("{page}/comments"),
        &[
            ("stance", "against"),
            ("body", "Ce projet est une ARNAQUE !"),
        ],
    );
    assert_eq!(r.status, 303);
    let location = r.header("location").unwrap().to_string();
    assert!(location.contains("?held=1"), "{location}");
    let id = count(&app, "SELECT max(id) FROM comments");
    assert_eq!(
        count(
            &app,
            &format!("SELECT hidden_at IS NOT NULL FROM comments WHERE id = {id}")
        ),
        1
    );
    assert!(
        camille
            .get(&format!("{page}?held=1&lang=fr"))
            .text()
            .contains("relecture")
    );
    let mut moderator = moderator(&app);
    let queue = moderator.get("/admin/moderation?lang=fr").text();
    assert!(queue.contains("« arnaque »"));
    assert!(queue.contains("masquée en attendant votre décision") && queue.contains("2 fois"));
    // Trusted, she is not held any more.
    let camille_id = user_id(&app, "camille@valbrune.example.org");
    let _ = admin.get(&format!("/admin/people/{camille_id}"));
    assert_eq!(
        admin
            .post(
                &format!("/admin/people/{camille_id}/trust"),
                &[("trusted", "yes")]
            )
            .status,
        303
    );
    let _ = camille.get(page);
    let r = camille.post(
        &format!("{page}/comments"),
        &[
            ("stance", "against"),
            ("body", "Toujours une arnaque, selon moi."),
        ],
    );
    assert_eq!(r.status, 303);
    assert!(!r.header("location").unwrap().contains("held"));
    let id = count(&app, "SELECT max(id) FROM comments");
    assert_eq!(
        count(
            &app,
            &format!("SELECT hidden_at IS NULL FROM comments WHERE id = {id}")
        ),
        1
    );
}

#[test]
fn an_administrator_invites_a_moderator_who_chooses_a_password() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut admin = admin(&app);
    let invite = "/admin/people/invite";
    assert_eq!(admin.get(invite).status, 200);
    let bad = admin.post(
        invite,
        &[
            ("email", "pas-une-adresse"),
            ("name", "Nadia"),
            ("role", "moderator"),
        ],
    );
    assert_eq!(bad.status, 422);
    let taken = admin.post(
        invite,
        &[
            ("email", "Camille@valbrune.example.org"),
            ("name", "Camille"),
            ("role", "admin"),
        ],
    );
    assert_eq!(taken.status, 422);
    assert_eq!(
        count(&app, "SELECT count(*) FROM users WHERE role = 'admin'"),
        1,
        "an existing account's role does not change this way"
    );
    let r = admin.post(
        invite,
        &[
            ("email", "nadia@valbrune.example.org"),
            ("name", "Nadia Benali"),
            ("role", "moderator"),
        ],
    );
    assert_eq!(r.status, 303);
    let nadia = user_id(&app, "nadia@valbrune.example.org");
    assert_eq!(
        count(
            &app,
            &format!("SELECT role = 'moderator' FROM users WHERE id = {nadia}")
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) FROM audit_log WHERE action = 'staff-invited' AND subject = 'user:{nadia}:moderator'"
            )
        ),
        1
    );
    // The mail's link lets her choose a password.
    let text: String = app
        .db()
        .query_row(
            "SELECT body_text FROM mail_outbox WHERE to_email = 'nadia@valbrune.example.org' AND kind = 'invite'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let origin = format!("http://{}", app.addr);
    let link = text
        .lines()
        .find(|l| l.starts_with(&origin))
        .expect("a link")
        .trim_start_matches(&origin)
        .to_string();
    let token = link.split("token=").nth(1).unwrap().to_string();
    let mut nadia_browser = Browser::new(&app);
    assert_eq!(nadia_browser.get(&link).status, 200);
    let done = nadia_browser.post(
        "/account/reset/new",
        &[
            ("token", &token),
            ("password", "la moderation de valbrune"),
            ("confirm", "la moderation de valbrune"),
        ],
    );
    assert!(matches!(done.status, 200 | 303), "{}", done.status);
    assert_eq!(
        count(
            &app,
            &format!("SELECT password_hash IS NOT NULL FROM users WHERE id = {nadia}")
        ),
        1
    );
}
