//! The public pages: home blocks, processes and their phases, news.

use palabre_e2e::{Browser, TestApp};

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn the_home_page_shows_the_blocks_staff_chose_in_their_order() {
    let app = TestApp::start();
    let home = app.get("/?lang=fr").text();
    for heading in [
        "Concertations en cours",
        "La participation en chiffres",
        "Prochaines étapes",
        "Dernières actualités",
    ] {
        assert!(home.contains(heading), "{heading}");
    }
    // Under way only: not the upcoming one, the closed one or the draft.
    let under_way = home
        .split("Concertations en cours")
        .nth(1)
        .unwrap()
        .split("La participation en chiffres")
        .next()
        .unwrap();
    assert!(under_way.contains("Réaménagement des quais de Loire"));
    assert!(under_way.contains("Budget participatif 2026"));
    assert!(!under_way.contains("Plan vélo"));
    assert!(!under_way.contains("Mobilités 2025"));
    assert!(!home.contains("Tilleuls"), "drafts stay private");
    assert!(home.contains("<progress max=\"100\" value=\""));
    // The next phase to start is announced, with its process.
    assert!(home.contains("Diagnostic partagé"));

    app.db()
        .execute(
            "INSERT INTO settings (key, value) VALUES ('home.blocks', 'news,hero')",
            [],
        )
        .unwrap();
    let home = app.get("/?lang=fr").text();
    let news_at = home.find("Dernières actualités").unwrap();
    let hero_at = home.find("class=\"hero\"").unwrap();
    assert!(news_at < hero_at, "news first, then the hero");
    assert!(!home.contains("Concertations en cours"));
    assert!(!home.contains("La participation en chiffres"));
    assert_eq!(count(&home, "<h1"), 1, "one page title");

    app.db()
        .execute(
            "UPDATE settings SET value = 'phases' WHERE key = 'home.blocks'",
            [],
        )
        .unwrap();
    let home = app.get("/?lang=en").text();
    assert!(home.contains("Next steps"));
    assert!(
        home.contains("<h1 class=\"visually-hidden\">Valbrune-sur-Loire</h1>"),
        "without the hero the page still has a title"
    );
}

#[test]
fn processes_show_their_status_progress_and_phases() {
    let app = TestApp::start();
    let list = app.get("/processes?lang=fr");
    assert_eq!(list.status, 200);
    let list = list.text();
    let open = list.find("Réaménagement des quais de Loire").unwrap();
    let upcoming = list.find("Plan vélo du quartier Saint-Martin").unwrap();
    let closed = list.find("Mobilités 2025").unwrap();
    assert!(
        open < upcoming && upcoming < closed,
        "under way, coming up, closed"
    );
    assert!(list.contains("status-open\">En cours"));
    assert!(list.contains("status-upcoming\">À venir"));
    assert!(list.contains("status-closed\">Terminée"));
    assert!(list.contains("Toute la commune"));
    // The figures are counted from the rows, the demo's included.
    let (people, contributions): (i64, i64) = app
        .db()
        .query_row(
            "SELECT (SELECT count(*) FROM process_participants WHERE process_id = p.id), \
                    (SELECT count(*) FROM comments c JOIN discussions d ON c.resource = 'discussion' \
                       AND c.resource_id = d.id WHERE d.process_id = p.id) \
             FROM processes p WHERE slug = 'quais-de-loire'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(people > 0 && contributions > 0);
    let (stored_people, stored_contributions): (i64, i64) = app
        .db()
        .query_row(
            "SELECT participants, contributions FROM processes WHERE slug = 'quais-de-loire'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored_people, people);
    assert!(stored_contributions >= contributions);
    let noun = if people < 2 {
        "participant"
    } else {
        "participants"
    };
    assert!(
        list.contains(&format!("{people} {noun}")),
        "{people} {noun}"
    );
    assert!(!list.contains("Tilleuls"));

    let page = app.get("/processes/quais-de-loire?lang=fr");
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.contains("<strong>associer les habitants</strong>"),
        "Markdown body"
    );
    assert_eq!(
        count(&html, "aria-current=\"step\""),
        1,
        "one current phase"
    );
    let current = html.split("aria-current=\"step\"").nth(1).unwrap();
    let current_title = current.split("</h3>").next().unwrap();
    assert!(
        current_title.contains("<h3>Concertation "),
        "{current_title}"
    );
    assert!(html.contains("Débattre"), "the tools open now");
    assert!(html.contains("href=\"/processes/quais-de-loire/phases.ics\""));

    let de = app.get("/processes/quais-de-loire?lang=de").text();
    assert!(de.contains("Laufend") && de.contains("Phasen"));

    let ics = app.get("/processes/quais-de-loire/phases.ics");
    assert_eq!(ics.status, 200);
    assert_eq!(
        ics.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    let ics = ics.text();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(count(&ics, "BEGIN:VEVENT"), 3);
    assert_eq!(count(&ics, "DTSTART;VALUE=DATE:"), 3);
    assert!(ics.contains("SUMMARY:Synthèse et réponse de la commune\r\n"));
    assert!(ics.lines().all(|l| l.len() <= 75));

    // Drafts: a preview for staff, nothing for anyone else.
    assert_eq!(app.get("/processes/ecole-des-tilleuls").status, 404);
    assert_eq!(
        app.get("/processes/ecole-des-tilleuls/phases.ics").status,
        404
    );
    assert_eq!(app.get("/processes/nope").status, 404);
    assert_eq!(app.get("/processes/Bad..Slug").status, 404);
    let mut staff = Browser::new(&app);
    let _ = staff.get("/account/login");
    let signed = staff.post(
        "/account/login",
        &[
            ("email", "admin@valbrune.example.org"),
            ("password", "valbrune-admin-2026"),
        ],
    );
    assert_eq!(signed.status, 303);
    let preview = staff.get("/processes/ecole-des-tilleuls?lang=fr");
    assert_eq!(preview.status, 200);
    assert!(preview.text().contains("Brouillon"));
    assert_eq!(
        app.request("POST", "/processes/quais-de-loire", &[], b"")
            .status,
        403,
        "writes need a CSRF token first"
    );
}

#[test]
fn news_are_paginated_rendered_from_markdown_and_syndicated() {
    let app = TestApp::start();
    // The first request applies the migrations and loads the demo.
    assert_eq!(app.get("/news").status, 200);
    {
        let db = app.db();
        for i in 0..12 {
            db.execute(
                "INSERT INTO news (slug, title, summary, body, status, published_at, created_at, updated_at) \
                 VALUES (?1, ?2, 'Résumé', 'Texte', 'published', 1780000000 + ?3, 1780000000, 1780000000)",
                rusqlite::params![format!("info-{i}"), format!("Information n° {i}"), i],
            )
            .unwrap();
        }
        db.execute(
            "INSERT INTO news (slug, title, summary, body, status, published_at, created_at, updated_at) \
             VALUES ('piege', 'Un <piège> & co', 'Résumé', ?1, \
             'published', 1790000000, 1790000000, 1790000000)",
            ["# Sous-titre\n\n<script>alert(1)</script>\n\nDu **gras** et un [lien](javascript:alert(1))."],
        )
        .unwrap();
    }
    // 3 demo news + 13 = 16 published: two pages of 10.
    let first = app.get("/news?lang=fr");
    assert_eq!(first.status, 200);
    let first = first.text();
    assert_eq!(count(&first, "<article>"), 10);
    assert!(first.contains("Page 1 sur 2"));
    assert!(first.contains("href=\"/news?page=2\" rel=\"next\""));
    assert!(!first.contains("rel=\"prev\""));
    let second = app.get("/news?page=2&lang=fr").text();
    assert_eq!(count(&second, "<article>"), 6);
    assert!(second.contains("rel=\"prev\""));
    assert!(!second.contains("Brouillon"), "drafts are not listed");
    for bad in [
        "/news?page=3",
        "/news?page=0",
        "/news?page=abc",
        "/news?page=-1",
    ] {
        assert_eq!(app.get(bad).status, 404, "{bad}");
    }

    let post = app.get("/news/piege").text();
    assert!(post.contains("<h1>Un &lt;piège&gt; &amp; co</h1>"));
    assert!(post.contains("<h2>Sous-titre</h2>"));
    assert!(post.contains("<strong>gras</strong>"));
    assert!(!post.contains("<script>alert"));
    assert!(!post.contains("javascript:"));

    let feed = app.get("/news/feed.xml");
    assert_eq!(feed.status, 200);
    assert_eq!(
        feed.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    let xml = feed.text();
    assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert_eq!(count(&xml, "<entry>"), 16);
    assert!(xml.contains("<title>Un &lt;piège&gt; &amp; co</title>"));
    assert!(
        xml.contains("&lt;strong&gt;gras&lt;/strong&gt;"),
        "HTML content, escaped"
    );
    assert!(!xml.contains("<script"));
    assert!(!xml.contains("brouillon-interne"));
    let newest = xml.find("/news/piege").unwrap();
    let older = xml.find("/news/info-11").unwrap();
    assert!(newest < older, "newest first");
}

#[test]
fn search_finds_published_content_without_accents() {
    let app = TestApp::start();
    let velo = app.get("/search?q=velo&lang=fr");
    assert_eq!(velo.status, 200);
    let html = velo.text();
    assert!(html.contains("href=\"/processes/plan-velo-saint-martin\""));
    assert!(
        html.contains("<mark>vélo</mark>") || html.contains("<mark>Vélo</mark>"),
        "{html}"
    );
    assert!(
        html.contains("3 résultats pour « velo »."),
        "the plan, the quays (vélo in its text) and the bike shelter proposal"
    );
    assert!(html.contains("Proposition") && html.contains("href=\"/proposals/"));

    let both = app.get("/search?q=REAMENAGEMENT%20quais&lang=fr").text();
    assert!(both.contains("href=\"/processes/quais-de-loire\""));
    assert!(both.contains("href=\"/news/reunion-quai-loire\""));
    assert!(both.contains("Concertation") && both.contains("Actualité"));

    let draft = app.get("/search?q=tilleuls&lang=fr").text();
    assert!(
        draft.contains("Aucun résultat"),
        "drafts are not searchable"
    );
    let legal = app.get("/search?q=mentions&lang=fr").text();
    assert!(legal.contains("href=\"/pages/legal\""));

    for nasty in [
        "/search?q=%22*%5E(%20OR%20NEAR",
        "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/search?q=",
        "/search",
    ] {
        let r = app.get(nasty);
        assert_eq!(r.status, 200, "{nasty}");
        assert!(!r.text().contains("<script>alert"), "{nasty}");
    }
    let long = format!("/search?q={}", "a".repeat(5000));
    assert_eq!(app.get(&long).status, 200);

    // The index follows publication.
    app.db()
        .execute(
            "UPDATE news SET status = 'published', published_at = 1790000000 WHERE slug = 'brouillon-interne'",
            [],
        )
        .unwrap();
    assert!(
        app.get("/search?q=bilan%20mobilites")
            .text()
            .contains("/news/brouillon-interne")
    );
    app.db()
        .execute(
            "UPDATE news SET status = 'draft', published_at = NULL WHERE slug = 'brouillon-interne'",
            [],
        )
        .unwrap();
    assert!(
        !app.get("/search?q=bilan%20mobilites")
            .text()
            .contains("/news/brouillon-interne")
    );
}

#[test]
fn the_gate_answers_anonymous_visitors_with_a_fresh_copy_of_public_pages() {
    let dir = palabre_e2e::fresh_state_dir();
    let app = TestApp::start_on(&dir, &[("SPIN_VARIABLE_PUBLIC_CACHE_MS", "60000")]);
    let first = app.request("GET", "/", &[("Accept-Language", "fr")], b"");
    assert_eq!(first.status, 200);
    assert!(
        first
            .text()
            .contains("Budget participatif 2026 : 250 000 € pour vos projets")
    );
    app.db()
        .execute(
            "UPDATE news SET title = 'Titre changé' WHERE slug = 'budget-participatif-2026'",
            [],
        )
        .unwrap();
    let copy = app.request("GET", "/", &[("Accept-Language", "fr")], b"");
    assert_eq!(copy.status, 200);
    assert!(
        copy.text().contains("250 000 € pour vos projets"),
        "the kept copy"
    );
    assert!(
        copy.header("content-security-policy").is_some(),
        "security headers on copies too"
    );
    assert!(
        copy.headers_named("set-cookie")
            .iter()
            .any(|c| c.starts_with("__Host-palabre-pre=")),
        "a new visitor still gets their pre-session cookie"
    );
    // Another language, a query, or a signed-in visitor: rendered afresh.
    let en = app.request("GET", "/", &[("Accept-Language", "en")], b"");
    assert!(en.text().contains("Titre changé"));
    assert!(app.get("/?lang=fr").text().contains("Titre changé"));
    let mut camille = Browser::new(&app);
    let _ = camille.get("/account/login");
    let signed = camille.post(
        "/account/login",
        &[
            ("email", "camille@valbrune.example.org"),
            ("password", "valbrune-citoyenne-2026"),
        ],
    );
    assert_eq!(signed.status, 303);
    assert!(camille.get("/").text().contains("Titre changé"));
    // Pages for someone are never kept for others.
    let again = app.request("GET", "/", &[("Accept-Language", "fr")], b"");
    assert!(!again.text().contains("Camille Martin"));
    assert!(!again.text().contains("Se déconnecter"));
}

#[test]
fn the_ranking_formula_is_public_with_its_real_weights() {
    let app = TestApp::start();
    let fr = app.get("/transparency/ranking?lang=fr");
    assert_eq!(fr.status, 200);
    let fr = fr.text();
    assert!(fr.contains("chaque réponse : + 0,5 point, pour 10 réponses au plus"));
    assert!(fr.contains("divisés par deux au bout de 14 jours"));
    assert!(fr.contains("totalise 12 points ; avec son âge, son score est de 8."));
    assert!(fr.contains("ni son nom, ni son rôle"));
    let en = app.get("/transparency/ranking?lang=en").text();
    assert!(en.contains("each reply: + 0.5 point, for 10 replies at most"));
    let de = app.get("/transparency/ranking?lang=de").text();
    assert!(de.contains("jede Antwort: + 0,5 Punkt"));
    // Every page leads to the transparency section, which leads to it.
    assert!(
        app.get("/?lang=fr")
            .text()
            .contains("href=\"/transparency\"")
    );
    assert!(
        app.get("/transparency?lang=fr")
            .text()
            .contains("href=\"/transparency/ranking\"")
    );
}
