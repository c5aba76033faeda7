//! The back-office: only administrators reach it; what they write reaches the
//! public pages; bad input gives the form back and stores nothing.

use palabre_e2e::{Browser, TestApp};

fn signed_in<'a>(app: &'a TestApp, email: &str, password: &str) -> Browser<'a> {
    Browser::signed_in(app, email, password)
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
    assert!(impossible.text().contains("Choisissez une date qui existe"));
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
        &with(&[
            ("starts_on", "2030-03-01"),
            ("ends_on", "2030-06-30"),
            ("citizen_discussions", "yes"),
        ]),
    );
    assert_eq!(created.status, 303);
    assert_eq!(
        count(
            &app,
            "SELECT citizen_discussions FROM processes WHERE slug = 'parc-des-tilleuls'"
        ),
        1
    );
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
            ("zone", "Europe/Paris"),
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

const PIXEL: &[u8] = include_bytes!("../../fixtures/images/pixel.png");

#[test]
fn staff_attach_images_checked_by_their_bytes() {
    let app = TestApp::start();
    let mut admin = admin(&app);
    assert_eq!(admin.get("/admin/news/new?lang=fr").status, 200);
    let fields = [
        ("title", "Le nouveau parc"),
        ("summary", "Photos du chantier."),
        ("status", "published"),
        ("image_alt", "Le parc vu depuis l'entrée nord"),
    ];
    let disguised = admin.post_multipart(
        "/admin/news/new",
        &fields,
        &[(
            "image",
            "parc.png",
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        )],
    );
    assert_eq!(disguised.status, 422);
    assert!(
        disguised
            .text()
            .contains("Choisissez une image PNG, JPEG ou WebP.")
    );
    let mut huge = PIXEL.to_vec();
    huge.resize(2 * 1024 * 1024 + 1, 0);
    let too_big = admin.post_multipart("/admin/news/new", &fields, &[("image", "big.png", &huge)]);
    assert_eq!(too_big.status, 422);
    assert!(too_big.text().contains("dépasse 2 Mo"));
    let no_alt = admin.post_multipart(
        "/admin/news/new",
        &fields[..3],
        &[("image", "parc.png", PIXEL)],
    );
    assert_eq!(no_alt.status, 422);
    assert!(no_alt.text().contains("Ce champ est obligatoire."));
    assert_eq!(count(&app, "SELECT count(*) FROM images"), 0);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM news WHERE slug = 'le-nouveau-parc'"
        ),
        0
    );

    let ok = admin.post_multipart("/admin/news/new", &fields, &[("image", "parc.png", PIXEL)]);
    assert_eq!(ok.status, 303, "{}", ok.text());
    let html = app.get("/news/le-nouveau-parc").text();
    let at = html.find("src=\"/images/").expect("the image is shown");
    let src: String = html[at + 5..].split('"').next().unwrap().to_string();
    assert!(
        html.contains("alt=\"Le parc vu depuis l&#x27;entrée nord\"")
            || html.contains("alt=\"Le parc vu depuis l'entrée nord\"")
    );
    assert!(html.contains("width=\"1\" height=\"1\""));

    let image = app.get(&src);
    assert_eq!(image.status, 200);
    assert_eq!(image.header("content-type"), Some("image/png"));
    assert_eq!(image.body, PIXEL);
    assert!(image.header("cache-control").unwrap().contains("immutable"));
    let etag = image.header("etag").unwrap().to_string();
    let again = app.request("GET", &src, &[("If-None-Match", etag.as_str())], b"");
    assert_eq!(again.status, 304);
    let wrong_version = format!("{}0000000000000000", &src[..src.len() - 16]);
    assert_eq!(app.get(&wrong_version).status, 404);
    assert_eq!(app.get("/images/999-0123456789abcdef").status, 404);
    assert_eq!(app.get("/images/x").status, 404);

    // Edited without a new file: the image and its new text stay.
    let edit = ok
        .header("location")
        .unwrap()
        .trim_end_matches("?saved=1")
        .to_string();
    let _ = admin.get(&edit);
    let kept = admin.post_multipart(
        &edit,
        &[
            ("title", "Le nouveau parc"),
            ("status", "published"),
            ("image_alt", "Le parc au printemps"),
        ],
        &[("image", "", b"")],
    );
    assert_eq!(kept.status, 303);
    assert!(
        app.get("/news/le-nouveau-parc")
            .text()
            .contains("alt=\"Le parc au printemps\"")
    );
    let _ = admin.get(&edit);
    let removed = admin.post_multipart(
        &edit,
        &[
            ("title", "Le nouveau parc"),
            ("status", "published"),
            ("image_remove", "yes"),
        ],
        &[],
    );
    assert_eq!(removed.status, 303);
    assert!(!app.get("/news/le-nouveau-parc").text().contains("/images/"));

    // The commune's logo.
    let _ = admin.get("/admin/site");
    let logo = admin.post_multipart(
        "/admin/site",
        &[
            ("name", "Valbrune-sur-Loire"),
            ("primary", "#1d4e89"),
            ("secondary", "#8a3b12"),
            ("zone", "Europe/Paris"),
            ("block_hero", "1"),
        ],
        &[("logo", "logo.png", PIXEL)],
    );
    assert_eq!(logo.status, 303, "{}", logo.text());
    let home = app.get("/").text();
    assert!(home.contains("class=\"brand\"") && home.contains("<img src=\"/images/"));
}

#[test]
fn staff_translate_content_and_visitors_see_their_language() {
    let app = TestApp::start();
    let mut admin = admin(&app);
    let id: i64 = app
        .db()
        .query_row(
            "SELECT id FROM news WHERE slug = 'reunion-quai-loire'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let edit = admin.get(&format!("/admin/news/{id}?lang=fr")).text();
    assert!(edit.contains(&format!("href=\"/admin/translations/news/{id}/en\"")));
    assert!(edit.contains(&format!("href=\"/admin/translations/news/{id}/de\"")));
    assert!(
        !edit.contains(&format!("/admin/translations/news/{id}/fr")),
        "not the default"
    );
    assert_eq!(
        admin
            .get(&format!("/admin/translations/news/{id}/fr"))
            .status,
        404
    );
    assert_eq!(
        admin
            .get(&format!("/admin/translations/news/{id}/xx"))
            .status,
        404
    );
    assert_eq!(admin.get("/admin/translations/news/999999/en").status, 404);
    assert_eq!(
        admin
            .get(&format!("/admin/translations/bogus/{id}/en"))
            .status,
        404
    );

    let path = format!("/admin/translations/news/{id}/en");
    assert_eq!(admin.get(&path).status, 200);
    let long = "x".repeat(201);
    let bad = admin.post(&path, &[("title", &long), ("body", "Text")]);
    assert_eq!(bad.status, 422);
    let stored: i64 = app
        .db()
        .query_row("SELECT count(*) FROM translations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0);
    let ok = admin.post(
        &path,
        &[
            ("title", "Public meeting on the quays"),
            ("summary", "On 12 March at 6.30 pm in the village hall."),
            ("body", "The architects will show **three** scenarios."),
        ],
    );
    assert_eq!(ok.status, 303);

    let en = app.get("/news/reunion-quai-loire?lang=en").text();
    assert!(en.contains("<h1>Public meeting on the quays</h1>"));
    assert!(en.contains("<strong>three</strong>"));
    assert!(!en.contains("translation-note"));
    let de = app.get("/news/reunion-quai-loire?lang=de").text();
    assert!(de.contains("Réunion publique sur le réaménagement des quais"));
    assert!(de.contains("class=\"translation-note\""));
    assert!(de.contains("auf Französisch angezeigt"));
    assert!(de.contains("<article class=\"page\" lang=\"fr\">"));
    assert!(
        app.get("/news?lang=en")
            .text()
            .contains("Public meeting on the quays")
    );

    // A process and one of its phases.
    let process: i64 = app
        .db()
        .query_row(
            "SELECT id FROM processes WHERE slug = 'quais-de-loire'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let phase: i64 = app
        .db()
        .query_row(
            "SELECT id FROM process_phases WHERE name = 'Concertation'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let p = format!("/admin/translations/process/{process}/de");
    let _ = admin.get(&p);
    assert_eq!(
        admin
            .post(&p, &[("title", "Umgestaltung der Loire-Ufer")])
            .status,
        303
    );
    let ph = format!("/admin/translations/phase/{phase}/de");
    let _ = admin.get(&ph);
    assert_eq!(
        admin
            .post(&ph, &[("name", "Beteiligung"), ("description", "")])
            .status,
        303
    );
    let page = app.get("/processes/quais-de-loire?lang=de").text();
    assert!(page.contains("<h1>Umgestaltung der Loire-Ufer</h1>"));
    assert!(page.contains("<h3>Beteiligung "));
    let list = app.get("/processes?lang=de").text();
    assert!(list.contains("Umgestaltung der Loire-Ufer"));
    assert!(
        list.contains("<article class=\"process-card\" lang=\"fr\">"),
        "untranslated cards say their language"
    );
    // Emptying a field removes it.
    let _ = admin.get(&p);
    assert_eq!(admin.post(&p, &[("title", "")]).status, 303);
    assert!(
        app.get("/processes/quais-de-loire?lang=de")
            .text()
            .contains("<h1>Réaménagement des quais de Loire</h1>")
    );
}

#[test]
fn the_dashboard_counts_what_the_database_holds() {
    let app = TestApp::start();
    let mut admin = admin(&app);
    let page = admin.get("/admin?lang=fr");
    assert_eq!(page.status, 200);
    let html = page.text();
    for (sql, label) in [
        (
            "SELECT count(*) FROM users WHERE deleted_at IS NULL AND role = 'citizen'",
            "habitants inscrits",
        ),
        (
            "SELECT count(*) FROM comments WHERE deleted_at IS NULL",
            "contributions écrites",
        ),
        (
            "SELECT count(*) FROM proposals WHERE state = 'published'",
            "propositions publiées",
        ),
        ("SELECT count(*) FROM proposal_supports", "soutiens"),
        (
            "SELECT count(*) FROM responses WHERE status = 'submitted'",
            "réponses aux questionnaires",
        ),
        (
            "SELECT count(*) FROM opinion_votes",
            "votes sur les cartes des opinions",
        ),
    ] {
        let n = count(&app, sql);
        assert!(n > 0, "{label}: the demo has some");
        assert!(
            html.contains(&format!("<strong>{n}</strong> {label}")),
            "{label}: {n}"
        );
    }
    // The chart: one bar per day of the window, as an image with a title and a table.
    assert_eq!(html.matches("<rect ").count(), 31);
    assert!(html.contains("role=\"img\" aria-labelledby=\"chart-title\""));
    // What needs attention: the gardens passed their threshold without an answer.
    let gardens: i64 = count(
        &app,
        "SELECT id FROM proposals WHERE title = 'Des jardins partagés au Bois-Joli' \
         AND threshold_reached_at IS NOT NULL AND status = 'open'",
    );
    assert!(html.contains(&format!("href=\"/proposals/{gardens}#answers\"")));
    // A phase that starts within a fortnight is announced, its day written out.
    app.db()
        .execute(
            "UPDATE process_phases SET starts_on = date('now', '+3 days') \
             WHERE id = (SELECT max(id) FROM process_phases)",
            [],
        )
        .unwrap();
    let iso: String = app
        .db()
        .query_row("SELECT date('now', '+3 days')", [], |r| r.get(0))
        .unwrap();
    let html = admin.get("/admin?lang=fr").text();
    let shown = format!("<time datetime=\"{iso}\">");
    let at = html.find(&shown).expect("the phase that starts soon");
    let text = &html[at + shown.len()..];
    assert!(
        !text.starts_with(&iso),
        "the day is written out: {text:.40}"
    );
}
