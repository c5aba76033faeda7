//! Closing the loop: the report (bilan) of a finished process, the follow-up
//! of accepted proposals, the open-data API and the transparency page. The
//! expected figures are worked out by hand from what db/seed/demo.sql says
//! of Mobilités 2025, not read back from the code under test.

use palabre_e2e::demo::{admin, camille, moderator};
use palabre_e2e::{Browser, TestApp};
use serde_json::Value;

const REPORT: &str = "/processes/mobilites-2025/bilan";

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The text between `from` and the next `to` after it.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} not found"));
    let rest = &html[start + from.len()..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

/// The number in `<strong data-figure="name">`.
fn figure(html: &str, name: &str) -> i64 {
    between(html, &format!("data-figure=\"{name}\">"), "<")
        .parse()
        .unwrap()
}

/// The count in the row of a table whose header cell is `label`.
fn row(html: &str, label: &str) -> i64 {
    let cell = between(html, &format!("{label}</th><td>"), "<");
    cell.trim()
        .parse()
        .unwrap_or_else(|_| panic!("{label}: {cell}"))
}

/// Every `href` in a piece of HTML, unescaped.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(|h| h.replace("&amp;", "&").replace("&#x3D;", "="))
        .collect()
}

fn json(app: &TestApp, path: &str) -> (u16, Value) {
    let r = app.get(path);
    let body =
        serde_json::from_slice(&r.body).unwrap_or_else(|e| panic!("{path}: {e}: {}", r.text()));
    (r.status, body)
}

#[test]
fn the_report_of_a_finished_process_matches_its_rows() {
    let app = TestApp::start();
    // Anyone, without an account.
    let page = app.get(&format!("{REPORT}?lang=fr"));
    assert_eq!(page.status, 200);
    let html = page.text();
    // 36 residents answered the questionnaire, residents 01 to 24 voted
    // too, residents 01 to 29 and 07 to 09 supported or proposed: all among
    // the 36; the commune's account wrote the statements and a comment.
    assert_eq!(figure(&html, "people"), 37);
    // Five visible comments (the hidden one is not counted), six accepted
    // statements (not the rejected one), 36 responses, three proposals.
    assert_eq!(row(&html, "Commentaires dans les débats"), 5);
    assert_eq!(
        row(
            &html,
            "Propositions d&#x27;avis retenues (carte des opinions)"
        ),
        6
    );
    assert_eq!(row(&html, "Réponses aux questionnaires"), 36);
    assert_eq!(row(&html, "Commentaires sur les propositions"), 0);
    assert_eq!(figure(&html, "contributions"), 5 + 6 + 36 + 3);
    // 24 voters × 6 statements; supports 14 + 9 + 5 (authors excluded).
    assert_eq!(row(&html, "Votes sur ces avis"), 144);
    assert_eq!(row(&html, "Soutiens aux propositions"), 28);
    assert_eq!(figure(&html, "votes"), 144 + 28);
    assert!(
        !html.contains("Message hors sujet"),
        "hidden comments stay out"
    );
    assert!(
        !html.contains("Supprimez la ligne 4"),
        "rejected statements stay out"
    );

    // Week by week: every contribution falls in the process's weeks.
    let weeks = between(&html, "Voir les chiffres semaine par semaine", "</table>");
    let total: i64 = weeks
        .split("</time></th><td>")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().parse::<i64>().unwrap())
        .sum();
    assert_eq!(total, 50);

    // By district: one proposal each, with their supports.
    let districts = between(&html, "Propositions par quartier", "</table>");
    for (name, supports) in [("Centre-ville", 14), ("Saint-Martin", 9), ("Bois-Joli", 5)] {
        let line = between(districts, &format!("{name}</th><td>1</td>"), "</tr>");
        assert!(
            line.ends_with(&format!(" {supports}</td>")),
            "{name}: {line}"
        );
    }

    // The most supported first, with the commune's latest answer.
    let proposals = between(&html, "Les propositions les plus soutenues", "</section>");
    let navette = proposals.find("Une navette gratuite le samedi").unwrap();
    let ligne = proposals.find("Un bus toutes les dix minutes").unwrap();
    let abribus = proposals.find("Des abribus avec un banc").unwrap();
    assert!(navette < ligne && ligne < abribus);
    assert!(proposals.contains("14 soutiens") && proposals.contains("9 soutiens"));
    assert!(proposals.contains("Le marché de la navette est attribué."));
    assert!(proposals.contains("Avancement : 60 %"));
    assert!(proposals.contains("En cours de réalisation") && proposals.contains("Non retenue"));

    // The follow-up, milestone by milestone.
    let follow_up = between(&html, "Le suivi des propositions retenues", "</section>");
    assert!(follow_up.contains("Appel d&#x27;offres lancé") && follow_up.contains("value=\"100\""));

    // The opinion map: statements 1 and 3 bring everyone together; the
    // groups split on 2, 4, 5 and 6.
    let opinion = between(&html, "Ce que disent les débats", "</section>");
    assert!(opinion.contains("24 personnes ont voté"));
    let consensus = between(opinion, "Ce qui rassemble tous les groupes", "</ul>");
    assert!(consensus.contains("Les bus doivent passer le dimanche."));
    assert!(consensus.contains("Les horaires doivent être affichés en temps réel aux arrêts."));
    assert!(!consensus.contains("navette"), "{consensus}");
    assert!(
        opinion.contains("Groupe A (12 personnes)") && opinion.contains("Groupe B (12 personnes)")
    );

    // The questionnaire: residents chose mode i % 4 (a four-way tie, 9 of
    // 36 each), marked 1 + i % 5 (mark 2 leads with 8; mean 107 / 36).
    let results = between(&html, "Les résultats des questionnaires", "</section>");
    assert!(results.contains("36 réponses"));
    assert!(
        results.contains(
            "à égalité : <strong>Voiture · Bus · Vélo · À pied</strong> (9 sur 36, 25 %)"
        )
    );
    assert!(
        results.contains("<strong>2</strong> (8 sur 36, 22 %) · moyenne 2,97"),
        "{results}"
    );
    assert!(results.contains("à égalité : <strong>Oui · Non</strong> (18 sur 36, 50 %)"));

    // The comment staff marked as having made a difference.
    let impact = between(&html, "Les contributions qui ont compté", "</section>");
    assert!(impact.contains("Un bus toutes les quinze minutes aux heures de pointe"));

    // Beside it, what the commune wrote.
    let commune = between(&html, "Ce que la commune en retient", "</aside>");
    assert!(commune.contains("Une navette électrique gratuite le samedi"));
    assert!(commune.contains("<strong>un bus le dimanche</strong>"));

    // The API says the same.
    let (status, api) = json(&app, "/api/v1/processes/mobilites-2025/report");
    assert_eq!(status, 200);
    assert_eq!(api["figures"]["people"], 37);
    assert_eq!(api["figures"]["contributions"], 50);
    assert_eq!(api["figures"]["votes"], 144);
    assert_eq!(api["figures"]["supports"], 28);
}

#[test]
fn every_link_on_the_report_leads_to_something_that_exists() {
    let app = TestApp::start();
    let html = app.get(&format!("{REPORT}?lang=fr")).text();
    let report = between(&html, "<article class=\"report\">", "</article>");
    let links = hrefs(report);
    assert!(links.len() > 20, "{links:?}");
    let mut fragments = 0;
    for link in &links {
        assert!(link.starts_with('/'), "only this site's pages: {link}");
        let (path, fragment) = link.split_once('#').unwrap_or((link.as_str(), ""));
        let target = app.get(path);
        assert_eq!(target.status, 200, "{link}");
        if !fragment.is_empty() {
            assert!(
                target.text().contains(&format!("id=\"{fragment}\"")),
                "{link}: no element with that id"
            );
            fragments += 1;
        }
    }
    // Statements, questions, comments and answers are linked one by one.
    for kind in [
        "/map#s",
        "/results#r",
        "?comment=",
        "#answers",
        "#follow-up",
    ] {
        assert!(links.iter().any(|l| l.contains(kind)), "{kind}");
    }
    assert!(fragments > 10);
}

#[test]
fn staff_write_and_publish_a_report_and_followers_hear_of_it() {
    let app = TestApp::start();
    let _ = app.get("/health");
    let quays: i64 = count(
        &app,
        "SELECT id FROM processes WHERE slug = 'quais-de-loire'",
    );
    let report = "/processes/quais-de-loire/bilan";
    // No report yet: not public, nor in the API.
    assert_eq!(app.get(report).status, 404);
    assert_eq!(json(&app, "/api/v1/processes/quais-de-loire/report").0, 404);
    // Camille follows the process; she cannot write the report.
    let mut camille = camille(&app);
    let _ = camille.get("/processes/quais-de-loire");
    assert_eq!(
        camille.post("/processes/quais-de-loire/follow", &[]).status,
        303
    );
    let edit = format!("/admin/processes/{quays}/report");
    assert_eq!(camille.get(&edit).status, 403);
    assert_eq!(camille.get(report).status, 404);

    let mut admin = admin(&app);
    let form = admin.get(&edit);
    assert_eq!(form.status, 200);
    // Staff see the computed draft before publishing.
    let preview = admin.get(&format!("{report}?lang=fr")).text();
    assert!(preview.contains("pas encore publié"));
    // Too long: refused, and what was typed is kept.
    let long = "x".repeat(20_001);
    let refused = admin.post(
        &edit,
        &[
            ("commitments", "- Des bancs à l'ombre"),
            ("commentary", &long),
            ("status", "published"),
        ],
    );
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("- Des bancs à l&#x27;ombre"));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM process_reports WHERE process_id = (SELECT id FROM processes WHERE slug = 'quais-de-loire')"
        ),
        0
    );
    let _ = admin.get(&edit);
    let saved = admin.post(
        &edit,
        &[
            ("commitments", "- Des bancs à l'ombre avant l'été"),
            ("commentary", "La promenade l'emporte."),
            ("status", "published"),
        ],
    );
    assert_eq!(saved.status, 303, "{}", saved.text());
    // Public now, for everyone, and announced to the process's followers.
    let public = app.get(&format!("{report}?lang=fr"));
    assert_eq!(public.status, 200);
    let text = public.text();
    assert!(
        text.contains("ombre avant l") && text.contains("La promenade l"),
        "{text}"
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notifications n JOIN activity a ON a.id = n.activity_id \
             JOIN users u ON u.id = n.user_id \
             WHERE a.kind = 'report-published' AND u.email = 'camille@valbrune.example.org'"
        ),
        1
    );
    assert!(
        app.get("/processes/quais-de-loire?lang=fr")
            .text()
            .contains("Lire le bilan")
    );
    assert_eq!(json(&app, "/api/v1/processes/quais-de-loire/report").0, 200);

    // Two people on the same form: the second save is refused, nothing lost.
    let mut other = Browser::signed_in(&app, "admin@valbrune.example.org", "valbrune-admin-2026");
    let first = admin.get(&edit).text();
    let second = other.get(&edit).text();
    assert!(first.contains("La promenade") && second.contains("La promenade"));
    let ok = admin.post(
        &edit,
        &[
            ("commitments", "- Des bancs"),
            ("commentary", "Version A"),
            ("status", "published"),
            (
                "_version",
                &palabre_e2e::hidden_in(&first, "_version").unwrap(),
            ),
        ],
    );
    assert_eq!(ok.status, 303);
    let stale = other.post(
        &edit,
        &[
            ("commitments", "- Des arbres"),
            ("commentary", "Version B"),
            ("status", "published"),
            (
                "_version",
                &palabre_e2e::hidden_in(&second, "_version").unwrap(),
            ),
        ],
    );
    assert_eq!(stale.status, 409);
    assert!(stale.text().contains("Version B"), "what was typed is kept");
    let stored: String = app
        .db()
        .query_row(
            "SELECT commentary FROM process_reports WHERE process_id = ?",
            [quays],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, "Version A");
    // Back to draft: private again.
    let _ = admin.get(&edit);
    assert_eq!(
        admin
            .post(
                &edit,
                &[
                    ("commitments", ""),
                    ("commentary", "Version A"),
                    ("status", "draft")
                ]
            )
            .status,
        303
    );
    assert_eq!(app.get(report).status, 404);
    // A draft process cannot have a public report.
    let draft: i64 = count(&app, "SELECT id FROM processes WHERE status = 'draft'");
    let draft_edit = format!("/admin/processes/{draft}/report");
    let _ = admin.get(&draft_edit);
    let refused = admin.post(
        &draft_edit,
        &[
            ("commitments", ""),
            ("commentary", ""),
            ("status", "published"),
        ],
    );
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text()
            .contains("Publiez d&#x27;abord la concertation.")
    );
}

#[test]
fn staff_follow_up_an_accepted_proposal_and_supporters_hear_of_it() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let _ = app.get("/health");
    let bike: i64 = count(
        &app,
        "SELECT id FROM proposals WHERE title = 'Un abri vélo sécurisé à la gare'",
    );
    let page = format!("/proposals/{bike}");
    let post = format!("{page}/milestones");
    let step = [
        ("date", "2026-05-04"),
        ("percent", "40"),
        ("body", "Abri commandé."),
    ];
    // A citizen cannot post the follow-up.
    let mut camille = camille(&app);
    let _ = camille.get(&page);
    assert_eq!(camille.post(&post, &step).status, 403);
    // Not yet accepted (under review): no follow-up.
    let mut moderator = moderator(&app);
    let _ = moderator.get(&page);
    let early = moderator.post(&post, &step);
    assert_eq!(early.status, 422);
    assert!(
        early
            .text()
            .contains("Seules les propositions retenues ont un suivi")
    );
    assert_eq!(
        moderator
            .post(
                &format!("{page}/answer"),
                &[("status", "accepted"), ("body", "Oui.")]
            )
            .status,
        303
    );
    // Bad input: refused field by field, what was typed kept.
    let _ = moderator.get(&page);
    let bad = moderator.post(
        &post,
        &[
            ("date", "2026-05-04"),
            ("percent", "150"),
            ("body", "Abri commandé."),
        ],
    );
    assert_eq!(bad.status, 422);
    let text = bad.text();
    assert!(text.contains("Indiquez un nombre entier de 0 à 100."));
    assert!(text.contains("Abri commandé.") && text.contains("value=\"150\""));
    assert_eq!(
        count(
            &app,
            &format!("SELECT count(*) FROM proposal_milestones WHERE proposal_id = {bike}")
        ),
        0
    );
    let _ = moderator.get(&page);
    assert_eq!(moderator.post(&post, &step).status, 303);
    let shown = app.get(&format!("{page}?lang=fr")).text();
    assert!(shown.contains("id=\"follow-up\"") && shown.contains("Avancement : 40 %"));
    assert!(shown.contains("Abri commandé."));
    // The author and every supporter are told.
    let supporters = count(
        &app,
        &format!("SELECT count(*) FROM proposal_supports WHERE proposal_id = {bike}"),
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(DISTINCT n.user_id) FROM notifications n JOIN activity a ON a.id = n.activity_id \
             WHERE a.kind = 'proposal-milestone'"
        ),
        supporters + 1
    );
    // And the API carries it.
    let (_, api) = json(&app, &format!("/api/v1/proposals/{bike}"));
    assert_eq!(api["milestones"][0]["percent"], 40);
    assert_eq!(api["milestones"][0]["date"], "2026-05-04");
}

/// Every key of every object in a JSON value, recursively.
fn keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                keys(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn the_open_data_api_pages_with_cursors_and_names_nobody() {
    let app = TestApp::start();
    // Follow `next` to the end: every published process once, in id order.
    let mut path = "/api/v1/processes?limit=2".to_string();
    let mut slugs = Vec::new();
    let mut pages = 0;
    loop {
        let r = app.get(&path);
        assert_eq!(r.status, 200);
        assert_eq!(r.header("access-control-allow-origin"), Some("*"));
        assert!(
            r.header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        for p in body["data"].as_array().unwrap() {
            slugs.push(p["slug"].as_str().unwrap().to_string());
        }
        pages += 1;
        match body["next"].as_str() {
            Some(next) => path = next.to_string(),
            None => {
                assert!(body["next_cursor"].is_null());
                break;
            }
        }
    }
    let published = count(
        &app,
        "SELECT count(*) FROM processes WHERE status = 'published'",
    );
    assert_eq!(slugs.len() as i64, published);
    assert_eq!(pages, (published + 1) / 2);
    assert!(
        !slugs.contains(&"ecole-des-tilleuls".to_string()),
        "drafts stay private"
    );

    // Bad parameters: a JSON error, never a page.
    for bad in ["limit=0", "limit=101", "limit=x", "cursor=12", "cursor=c-1"] {
        let (status, body) = json(&app, &format!("/api/v1/proposals?{bad}"));
        assert_eq!(status, 400, "{bad}");
        assert_eq!(body["error"]["code"], "bad_request");
    }
    let (status, body) = json(&app, "/api/v1/proposals?process=nulle-part");
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    assert_eq!(json(&app, "/api/v1/nothing-here").0, 404);
    assert_eq!(json(&app, "/api/v1/proposals/abc").0, 400);

    // A process's proposals, with the commune's answers.
    let (_, list) = json(&app, "/api/v1/proposals?process=mobilites-2025");
    let items = list["data"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|p| p["process"] == "mobilites-2025"));

    // Public comments only: the hidden one is not there.
    let (_, comments) = json(&app, "/api/v1/discussions/lignes-de-bus/comments?limit=100");
    let bodies: Vec<&str> = comments["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies.len(), 5);
    assert!(!bodies.iter().any(|b| b.contains("hors sujet")));

    // Questionnaire results: aggregates, public ones only.
    let (status, results) = json(&app, "/api/v1/questionnaires/deplacements-2025/results");
    assert_eq!(status, 200);
    let modes = &results["questions"][0]["lines"];
    assert_eq!(modes.as_array().unwrap().len(), 4);
    assert!(modes.as_array().unwrap().iter().all(|l| l["count"] == 9));
    app.db()
        .execute(
            "UPDATE questionnaires SET results_public = 0 WHERE slug = 'deplacements-2025'",
            [],
        )
        .unwrap();
    assert_eq!(
        json(&app, "/api/v1/questionnaires/deplacements-2025/results").0,
        404
    );

    // Nothing names a person, anywhere.
    let mut all = Vec::new();
    for path in [
        "/api/v1/processes?limit=100",
        "/api/v1/processes/mobilites-2025",
        "/api/v1/proposals?limit=100",
        "/api/v1/discussions?limit=100",
        "/api/v1/discussions/lignes-de-bus",
        "/api/v1/discussions/lignes-de-bus/comments?limit=100",
        "/api/v1/questionnaires?limit=100",
        "/api/v1/news?limit=100",
    ] {
        let (status, body) = json(&app, path);
        assert_eq!(status, 200, "{path}");
        keys(&body, &mut all);
        let text = body.to_string();
        assert!(!text.contains("@valbrune"), "{path} shows an email");
        assert!(!text.contains("Habitant·e"), "{path} shows a name");
    }
    for key in &all {
        assert!(
            !["user", "author", "email", "user_id", "display_name", "ip"].contains(&key.as_str()),
            "{key}"
        );
    }

    // The description is served, and is OpenAPI 3.1.
    let (status, doc) = json(&app, "/api/v1/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    // Read-only: a write is refused as the document says, before any form check.
    let post = app.request(
        "POST",
        "/api/v1/processes",
        &[("content-type", "application/x-www-form-urlencoded")],
        b"slug=x",
    );
    assert_eq!(post.status, 405);
    assert_eq!(post.header("allow"), Some("GET, HEAD, OPTIONS"));
    let refusal: Value = serde_json::from_slice(&post.body).unwrap();
    assert_eq!(refusal["error"]["code"], "method_not_allowed");
    let r = app.request("OPTIONS", "/api/v1/processes", &[], b"");
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
}

#[test]
fn the_transparency_page_counts_what_was_hidden_and_why() {
    let app = TestApp::start();
    let page = app.get("/transparency?lang=fr");
    assert_eq!(page.status, 200);
    let html = page.text();
    // The demo: one comment hidden after three reports, still open.
    assert_eq!(
        row(
            &html,
            "Masqués après des signalements, en attente d&#x27;examen"
        ),
        1
    );
    assert_eq!(row(&html, "Mis en attente pour un mot surveillé"), 0);
    assert_eq!(row(&html, "Signalements reçus"), 3);
    assert_eq!(row(&html, "Signalements en attente d&#x27;examen"), 3);
    assert_eq!(row(&html, "Avis refusés par la modération"), 1);
    assert!(html.contains("masqué dès 3 signalements"));
    assert!(html.contains(REPORT), "published reports are listed");
    for link in [
        "/transparency/ranking",
        "/api/v1/openapi.json",
        "/open-data.json",
    ] {
        assert!(html.contains(&format!("href=\"{link}\"")), "{link}");
        assert_eq!(app.get(link).status, 200, "{link}");
    }
    // A moderator hides a comment: counted as the moderator's decision.
    let comment: i64 = count(
        &app,
        "SELECT id FROM comments WHERE body LIKE 'Les bus roulent souvent%'",
    );
    app.db()
        .execute(
            "UPDATE comments SET hidden_at = 1, hidden_reason = 'moderator' WHERE id = ?",
            [comment],
        )
        .unwrap();
    let html = app.get("/transparency?lang=fr").text();
    assert_eq!(row(&html, "Masqués par décision d&#x27;un modérateur"), 1);
    // Every page links to it.
    assert!(
        app.get("/?lang=fr")
            .text()
            .contains("href=\"/transparency\"")
    );
}
