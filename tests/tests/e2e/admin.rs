//! The back-office: only administrators reach it; what they write reaches the
//! public pages; bad input gives the form back and stores nothing.

use palabre_e2e::{Browser, TestApp};

fn signed_in<'a>(app: &'a TestApp, email: &str, password: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    let _ = browser.get("/account/login");
    let r = browser.post(
        "/account/login",
        &[("email", email), ("password", password)],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    // A page seen signed in carries the session's CSRF token.
    let _ = browser.get("/?lang=fr");
    browser
}

fn admin(app: &TestApp) -> Browser<'_> {
    signed_in(app, "admin@valbrune.example.org", "valbrune-admin-2026")
}

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn only_administrators_reach_the_back_office() {
    let app = TestApp::start();
    assert_eq!(app.get("/admin").status, 403);
    assert_eq!(app.get("/admin/news").status, 403);
    for (email, password) in [
        ("camille@valbrune.example.org", "valbrune-citoyenne-2026"),
        (
            "moderation@valbrune.example.org",
            "valbrune-moderation-2026",
        ),
    ] {
        let mut someone = signed_in(&app, email, password);
        assert!(!someone.get("/").text().contains("href=\"/admin\""));
        assert_eq!(someone.get("/admin").status, 403);
        let before = count(&app, "SELECT count(*) FROM news");
        let r = someone.post(
            "/admin/news/new",
            &[("title", "Piratage"), ("status", "published")],
        );
        assert_eq!(r.status, 403, "{email}");
        assert_eq!(count(&app, "SELECT count(*) FROM news"), before);
    }
    let mut admin = admin(&app);
    let index = admin.get("/admin?lang=fr");
    assert_eq!(index.status, 200);
    assert!(index.text().contains("href=\"/admin/processes\""));
    assert!(admin.get("/").text().contains("href=\"/admin\""));
    assert_eq!(admin.get("/admin/news/999").status, 404);
    assert_eq!(admin.get("/admin/news/abc").status, 404);
    assert_eq!(admin.get("/admin/nowhere").status, 404);
}

#[test]
fn staff_publish_news_and_edit_pages() {
    let app = TestApp::start();
    let mut admin = admin(&app);
    assert_eq!(admin.get("/admin/news/new?lang=fr").status, 200);
    let before = count(&app, "SELECT count(*) FROM news");

    let huge = "a".repeat(100_001);
    let bad_cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("title", ""), ("status", "published")],
            "Ce champ est obligatoire.",
        ),
        (
            vec![("title", "Titre"), ("body", &huge), ("status", "draft")],
            "Ce texte est trop long.",
        ),
        (
            vec![("title", "Titre"), ("slug", "Pas Bon"), ("status", "draft")],
            "adresse ne peut contenir",
        ),
        (
            vec![("title", "Titre"), ("status", "online")],
            "Choisissez une des options",
        ),
        (
            vec![
                ("title", "Réunion publique sur les quais"),
                ("slug", "reunion-quai-loire"),
                ("status", "draft"),
            ],
            "Cette adresse est déjà utilisée.",
        ),
    ];
    for (fields, message) in bad_cases {
        let r = admin.post("/admin/news/new", &fields);
        assert_eq!(r.status, 422, "{fields:?}");
        let html = r.text();
        assert!(html.contains(message), "{message}");
        assert!(html.contains("class=\"error-summary\""));
    }
    assert_eq!(
        count(&app, "SELECT count(*) FROM news"),
        before,
        "nothing stored"
    );

    // A draft first: not public.
    let draft = admin.post(
        "/admin/news/new",
        &[
            ("title", "Fête des quais : le programme"),
            ("summary", "Concerts et marché le 21 juin."),
            (
                "body",
                "# Programme\n\n- **18 h** : marché\n- <script>alert(1)</script>",
            ),
            ("status", "draft"),
        ],
    );
    assert_eq!(draft.status, 303);
    let location = draft.header("location").unwrap().to_string();
    assert!(location.starts_with("/admin/news/") && location.ends_with("?saved=1"));
    assert!(
        admin
            .get(&location)
            .text()
            .contains("Les modifications ont été enregistrées.")
    );
    assert_eq!(app.get("/news/fete-des-quais-le-programme").status, 404);

    // Then published: on the list, the home page and the feed.
    let edit = location.trim_end_matches("?saved=1").to_string();
    let published = admin.post(
        &edit,
        &[
            ("title", "Fête des quais : le programme"),
            ("slug", "fete-des-quais-le-programme"),
            ("summary", "Concerts et marché le 21 juin."),
            (
                "body",
                "# Programme\n\n- **18 h** : marché\n- <script>alert(1)</script>",
            ),
            ("status", "published"),
        ],
    );
    assert_eq!(published.status, 303);
    let public = app.get("/news/fete-des-quais-le-programme");
    assert_eq!(public.status, 200);
    let html = public.text();
    assert!(html.contains("<strong>18 h</strong>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>alert"));
    assert!(
        app.get("/?lang=fr")
            .text()
            .contains("Fête des quais : le programme")
    );
    assert!(
        app.get("/news/feed.xml")
            .text()
            .contains("fete-des-quais-le-programme")
    );

    // A static page.
    let about_id: i64 = app
        .db()
        .query_row("SELECT id FROM pages WHERE slug = 'about'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let page_path = format!("/admin/pages/{about_id}");
    assert_eq!(admin.get(&page_path).status, 200);
    let empty = admin.post(&page_path, &[("title", " "), ("body", "x")]);
    assert_eq!(empty.status, 422);
    let saved = admin.post(
        &page_path,
        &[("title", "À propos"), ("body", "Une plateforme *libre*.")],
    );
    assert_eq!(saved.status, 303);
    assert!(
        app.get("/pages/about")
            .text()
            .contains("Une plateforme <em>libre</em>.")
    );

    let actions: Vec<String> = {
        let db = app.db();
        let mut stmt = db
            .prepare("SELECT action FROM audit_log WHERE action LIKE '%-saved' ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(actions, vec!["news-saved", "news-saved", "page-saved"]);
}

#[test]
fn staff_create_processes_with_phases_and_dates_in_order() {
    let app = TestApp::start();
    let mut admin = admin(&app);
    let before = count(&app, "SELECT count(*) FROM processes");
    let base = [
        ("title", "Parc des Tilleuls"),
        ("summary", "Que faire du parc ?"),
        ("body", "Un **parc** à réinventer."),
        ("district", ""),
        ("status", "published"),
    ];
    let with = |extra: &[(&'static str, &'static str)]| -> Vec<(&'static str, &'static str)> {
        let mut fields = base.to_vec();
        fields.extend_from_slice(extra);
        fields
    };
    let reversed = admin.post(
        "/admin/processes/new",
        &with(&[("starts_on", "2030-06-30"), ("ends_on", "2030-03-01")]),
    );
    assert_eq!(reversed.status, 422);
    assert!(
        reversed
            .text()
            .contains("La date de fin doit être après la date de début.")
    );
    let impossible = admin.post(
        "/admin/processes/new",
        &with(&[("starts_on", "2030-02-30"), ("ends_on", "2030-03-01")]),
    );
    assert_eq!(impossible.status, 422);
    assert!(
        impossible
            .text()
            .contains("Saisissez une date au format AAAA-MM-JJ")
    );
    let unknown_district = admin.post(
        "/admin/processes/new",
        &[
            ("title", "X"),
            ("district", "9999"),
            ("starts_on", "2030-03-01"),
            ("ends_on", "2030-06-30"),
            ("status", "draft"),
        ],
    );
    assert_eq!(unknown_district.status, 422);
    assert_eq!(count(&app, "SELECT count(*) FROM processes"), before);

    let created = admin.post(
        "/admin/processes/new",
        &with(&[("starts_on", "2030-03-01"), ("ends_on", "2030-06-30")]),
    );
    assert_eq!(created.status, 303);
    let edit = created
        .header("location")
        .unwrap()
        .trim_end_matches("?saved=1")
        .to_string();
    let public = app.get("/processes/parc-des-tilleuls?lang=fr");
    assert_eq!(public.status, 200);
    assert!(public.text().contains("À venir"));

    // Phases must lie within the process.
    let outside = admin.post(
        &format!("{edit}/phases/new"),
        &[
            ("name", "Ateliers"),
            ("starts_on", "2030-02-01"),
            ("ends_on", "2030-03-15"),
        ],
    );
    assert_eq!(outside.status, 422);
    assert!(
        outside
            .text()
            .contains("doivent se situer dans celles de la concertation")
    );
    let phase = admin.post(
        &format!("{edit}/phases/new"),
        &[
            ("name", "Ateliers"),
            ("description", "Trois ateliers *sur place*."),
            ("starts_on", "2030-03-01"),
            ("ends_on", "2030-04-15"),
            ("tool_discussion", "yes"),
            ("tool_proposal", "yes"),
        ],
    );
    assert_eq!(phase.status, 303);
    let tools: String = app
        .db()
        .query_row(
            "SELECT tools FROM process_phases WHERE name = 'Ateliers'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tools, "discussion,proposal");
    let html = app.get("/processes/parc-des-tilleuls?lang=fr").text();
    assert!(html.contains("Ateliers"));
    assert!(html.contains("<em>sur place</em>"));
    let ics = app.get("/processes/parc-des-tilleuls/phases.ics").text();
    assert!(ics.contains("DTSTART;VALUE=DATE:20300301"));
    assert!(ics.contains("DTEND;VALUE=DATE:20300416"));

    // Shrinking the process would leave the phase outside: refused.
    let shrink = admin.post(
        &edit,
        &with(&[("starts_on", "2030-04-01"), ("ends_on", "2030-06-30")]),
    );
    assert_eq!(shrink.status, 422);
    assert!(shrink.text().contains("Des étapes sortent de ces dates"));

    // The edit page lists the phase; deleting it empties the timeline.
    let edit_page = admin.get(&edit).text();
    assert!(edit_page.contains("Ateliers"));
    let phase_path = phase
        .header("location")
        .unwrap()
        .trim_end_matches("?saved=1")
        .to_string();
    assert_eq!(admin.post(&format!("{phase_path}/delete"), &[]).status, 303);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM process_phases WHERE name = 'Ateliers'"
        ),
        0
    );
}

#[test]
fn staff_brand_the_site_and_arrange_the_home_page() {
    let app = TestApp::start();
    let mut admin = admin(&app);
    let form = admin.get("/admin/site?lang=fr");
    assert_eq!(form.status, 200);
    let css_before = app.get("/brand.css").text();
    let fields = |primary: &'static str| {
        vec![
            ("name", "Valbrune-sur-Loire"),
            ("tagline", "La ville qui écoute"),
            ("intro", "Bienvenue."),
            ("primary", primary),
            ("secondary", "#8a3b12"),
            ("block_hero", "2"),
            ("block_processes", ""),
            ("block_figures", ""),
            ("block_phases", ""),
            ("block_news", "1"),
        ]
    };
    let pale = admin.post("/admin/site", &fields("#ffd700"));
    assert_eq!(pale.status, 422);
    assert!(
        pale.text()
            .contains("Le contraste avec le blanc est trop faible")
    );
    let garbage = admin.post("/admin/site", &fields("bleu"));
    assert_eq!(garbage.status, 422);
    assert!(garbage.text().contains("#RRVVBB"));
    assert_eq!(app.get("/brand.css").text(), css_before, "nothing changed");

    let ok = admin.post("/admin/site", &fields("#0b5d3b"));
    assert_eq!(ok.status, 303);
    assert!(
        app.get("/brand.css")
            .text()
            .contains("--brand-primary: #0b5d3b")
    );
    let home = app.get("/?lang=fr").text();
    assert!(home.contains("La ville qui écoute"));
    let news_at = home.find("Dernières actualités").unwrap();
    let hero_at = home.find("class=\"hero\"").unwrap();
    assert!(news_at < hero_at);
    assert!(!home.contains("Concertations en cours"));
}
