//! The citizen network: following processes and people, notifications of what
//! happens there, public profiles and activity.

use palabre_e2e::{Browser, TestApp};

fn sign_in<'a>(app: &'a TestApp, email: &str, password: &str) -> Browser<'a> {
    Browser::signed_in(app, email, password)
}

fn camille(app: &TestApp) -> Browser<'_> {
    sign_in(
        app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    )
}

fn user_id(app: &TestApp, email: &str) -> i64 {
    app.db()
        .query_row("SELECT id FROM users WHERE email = ?", [email], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn followers_are_notified_of_new_and_opening_phases() {
    let app = TestApp::start();
    assert_eq!(app.get("/health").status, 200);
    let mut camille = camille(&app);

    // A visitor is invited to sign in; a signed-in person can follow.
    let anonymous = app.get("/processes/quais-de-loire?lang=fr").text();
    assert!(anonymous.contains("Connectez-vous pour suivre"));
    let page = camille.get("/processes/quais-de-loire?lang=fr").text();
    assert!(page.contains("action=\"/processes/quais-de-loire/follow\""));
    assert!(page.contains("Personne ne suit encore"));
    let followed = camille.post("/processes/quais-de-loire/follow", &[]);
    assert_eq!(followed.status, 303);
    // Twice is the same as once.
    let _ = camille.get("/processes/quais-de-loire?lang=fr");
    assert_eq!(
        camille.post("/processes/quais-de-loire/follow", &[]).status,
        303
    );
    let page = camille.get("/processes/quais-de-loire?lang=fr").text();
    assert!(page.contains("Ne plus suivre"));
    assert!(page.contains("1 personne suit"));
    assert!(page.contains(">Notifications</a>"), "nothing unread yet");

    // Staff announce a new phase: Camille hears of it.
    let mut admin = sign_in(&app, "admin@valbrune.example.org", "valbrune-admin-2026");
    let process_id: i64 = app
        .db()
        .query_row(
            "SELECT id FROM processes WHERE slug = 'quais-de-loire'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let (starts, ends): (String, String) = app
        .db()
        .query_row(
            "SELECT date('now', '+30 days'), date('now', '+35 days')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let _ = admin.get(&format!("/admin/processes/{process_id}/phases/new"));
    let added = admin.post(
        &format!("/admin/processes/{process_id}/phases/new"),
        &[
            ("name", "Restitution publique"),
            ("starts_on", &starts),
            ("ends_on", &ends),
        ],
    );
    assert_eq!(added.status, 303, "{}", added.text());
    let page = camille.get("/notifications?lang=fr").text();
    assert!(
        page.contains("Notifications (1 non lue)"),
        "the header counts it"
    );
    assert!(page.contains("Nouvelle étape annoncée :"));
    assert!(page.contains("Réaménagement des quais de Loire — Restitution publique"));
    assert!(page.contains("class=\"unread\""));
    assert_eq!(camille.post("/notifications/read", &[]).status, 303);
    let page = camille.get("/notifications?lang=fr").text();
    assert!(page.contains(">Notifications</a>"));
    assert!(!page.contains("class=\"unread\""));

    // A phase that opens today is announced once, on the first page seen.
    app.db()
        .execute(
            "UPDATE process_phases SET starts_on = date('now'), opened_announced = 0 \
             WHERE name = 'Synthèse et réponse de la commune'",
            [],
        )
        .unwrap();
    // The admin's account follows nothing: not notified.
    let admin_id = user_id(&app, "admin@valbrune.example.org");
    let page = camille.get("/notifications?lang=fr").text();
    assert!(page.contains("Étape ouverte :"), "{page}");
    assert!(page.contains("Notifications (1 non lue)"));
    let again = camille.get("/notifications?lang=fr").text();
    assert_eq!(
        again.matches("Étape ouverte :").count(),
        1,
        "announced once"
    );
    let admin_notes: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM notifications WHERE user_id = ?",
            [admin_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(admin_notes, 0);
    // The process page and the home page show the activity.
    assert!(
        app.get("/processes/quais-de-loire?lang=fr")
            .text()
            .contains("Étape ouverte :")
    );
    assert!(app.get("/?lang=fr").text().contains("Dernières activités"));

    // Unfollowed: the next phase passes her by.
    let _ = camille.get("/processes/quais-de-loire?lang=fr");
    assert_eq!(
        camille
            .post("/processes/quais-de-loire/unfollow", &[])
            .status,
        303
    );
    let _ = admin.get(&format!("/admin/processes/{process_id}/phases/new"));
    let added = admin.post(
        &format!("/admin/processes/{process_id}/phases/new"),
        &[
            ("name", "Bilan"),
            ("starts_on", &starts),
            ("ends_on", &ends),
        ],
    );
    assert_eq!(added.status, 303);
    let unread: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL",
            [user_id(&app, "camille@valbrune.example.org")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unread, 1, "only the opening phase, still unread");
}

#[test]
fn people_have_public_profiles_and_can_be_followed() {
    let app = TestApp::start();
    assert_eq!(app.get("/health").status, 200);
    let camille_id = user_id(&app, "camille@valbrune.example.org");
    let profile = app.get(&format!("/people/{camille_id}?lang=fr"));
    assert_eq!(profile.status, 200);
    let html = profile.text();
    assert!(html.contains("<h1>Camille Martin</h1>"));
    assert!(html.contains("Connectez-vous pour suivre"));
    assert!(
        !html.contains("camille@valbrune.example.org"),
        "no email on a public page"
    );
    for bad in ["/people/999999", "/people/abc", "/people/-1"] {
        assert_eq!(app.get(bad).status, 404, "{bad}");
    }

    let mut moderator = sign_in(
        &app,
        "moderation@valbrune.example.org",
        "valbrune-moderation-2026",
    );
    let _ = moderator.get(&format!("/people/{camille_id}"));
    let follow = moderator.post(&format!("/people/{camille_id}/follow"), &[]);
    assert_eq!(follow.status, 303);
    assert!(
        app.get(&format!("/people/{camille_id}?lang=fr"))
            .text()
            .contains("1 personne suit")
    );
    // Nobody follows themself; a visitor cannot follow.
    let mut camille = camille(&app);
    let _ = camille.get(&format!("/people/{camille_id}"));
    assert_eq!(
        camille
            .post(&format!("/people/{camille_id}/follow"), &[])
            .status,
        400
    );
    let mut visitor = Browser::new(&app);
    let _ = visitor.get(&format!("/people/{camille_id}"));
    assert_eq!(
        visitor
            .post(&format!("/people/{camille_id}/follow"), &[])
            .status,
        403
    );
    assert_eq!(visitor.get("/notifications").status, 303, "sign in first");

    // News readers hear of news.
    app.db()
        .execute(
            "UPDATE users SET notify_news = 1 WHERE id = ?",
            [camille_id],
        )
        .unwrap();
    let mut admin = sign_in(&app, "admin@valbrune.example.org", "valbrune-admin-2026");
    let _ = admin.get("/admin/news/new");
    let published = admin.post(
        "/admin/news/new",
        &[("title", "Marché de Noël"), ("status", "published")],
    );
    assert_eq!(published.status, 303);
    let page = camille.get("/notifications?lang=fr").text();
    assert!(page.contains("Actualité :"));
    assert!(page.contains("href=\"/news/marche-de-noel\""));

    // After deletion, the profile is gone.
    app.db()
        .execute("UPDATE users SET deleted_at = 1 WHERE id = ?", [camille_id])
        .unwrap();
    assert_eq!(app.get(&format!("/people/{camille_id}")).status, 404);
}
