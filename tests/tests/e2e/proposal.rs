//! Proposals: drafts with similar proposals, publishing, supports (once,
//! withdrawn, limited, over the threshold), the commune's answers, exports.
//! A thousand people supporting at once: reliability.rs.

use palabre_e2e::demo::{camille, moderator};
use palabre_e2e::{Browser, TestApp};

const BUDGET: &str = "budget-participatif-2026";

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn id_of(app: &TestApp, title: &str) -> i64 {
    app.db()
        .query_row("SELECT id FROM proposals WHERE title = ?", [title], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn a_draft_shows_similar_proposals_before_it_is_published() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let list = app.get(&format!("/proposals?process={BUDGET}&lang=fr"));
    assert_eq!(list.status, 200);
    assert!(list.text().contains("Des jardins partagés au Bois-Joli"));
    let mut camille = camille(&app);
    let new = format!("/proposals/new?process={BUDGET}");
    assert_eq!(camille.get(&new).status, 200);
    let before = count(&app, "SELECT count(*) FROM proposals");
    for (fields, message) in [
        (
            vec![("title", " "), ("body", "x")],
            "Ce champ est obligatoire.",
        ),
        (
            vec![("title", &*"a".repeat(151)), ("body", "x")],
            "Ce texte est trop long.",
        ),
        (
            vec![
                ("title", "Un titre"),
                ("body", "x"),
                ("latitude", "91"),
                ("longitude", "0"),
            ],
            "Indiquez une latitude entre -90 et 90",
        ),
        (
            vec![("title", "Un titre"), ("body", "x"), ("category", "999")],
            "Choisissez une des options",
        ),
    ] {
        let r = camille.post(&new, &fields);
        assert_eq!(r.status, 422, "{fields:?}");
        assert!(r.text().contains(message), "{message}");
    }
    assert_eq!(count(&app, "SELECT count(*) FROM proposals"), before);
    let r = camille.post(
        &new,
        &[
            ("title", "Des jardins familiaux au Bois-Joli"),
            (
                "body",
                "Des parcelles de jardins pour les familles du quartier.",
            ),
            ("latitude", "47,392"),
            ("longitude", "0.688"),
            ("address", "Rue des Tilleuls"),
        ],
    );
    assert_eq!(r.status, 303);
    let location = r.header("location").unwrap().to_string();
    let id: i64 = location.trim_start_matches("/proposals/").parse().unwrap();
    // The draft: private, with the similar proposal to support instead.
    let draft = camille.get(&format!("{location}?lang=fr")).text();
    assert!(draft.contains("Propositions semblables"));
    assert!(draft.contains("Des jardins partagés au Bois-Joli"));
    assert_eq!(app.get(&location).status, 404);
    assert!(
        !app.get(&format!("/proposals?process={BUDGET}"))
            .text()
            .contains("Des jardins familiaux")
    );
    // Someone else cannot publish it.
    let mut moderator = moderator(&app);
    let _ = moderator.get(&location);
    assert_eq!(
        moderator.post(&format!("{location}/publish"), &[]).status,
        403
    );
    let _ = camille.get(&location);
    assert_eq!(
        camille.post(&format!("{location}/publish"), &[]).status,
        303
    );
    let public = app.get(&format!("{location}?lang=fr")).text();
    assert!(public.contains("Des parcelles de jardins"));
    // The place on a small map, and a link to a full one; no raw coordinates in the text.
    assert!(public.contains(r#"data-map-point="47.392000,0.688000""#));
    assert!(public.contains("mlat=47.39200&amp;mlon=0.68800"));
    assert!(!public.contains("47.39200, 0.68800"));
    assert!(
        app.get(&format!("/proposals?process={BUDGET}&lang=fr"))
            .text()
            .contains("Des jardins familiaux")
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT count(*) FROM proposal_search WHERE rowid = {id}")
        ),
        1
    );
    // Search finds it, accents ignored, and links to it.
    let found = app.get("/search?q=parcelles%20jardins&lang=fr").text();
    assert!(
        found.contains(&format!("href=\"/proposals/{id}\"")),
        "{found}"
    );
    assert!(found.contains("Des jardins familiaux"));
    // Published proposals cannot be edited as drafts any more.
    assert_eq!(camille.get(&format!("{location}/edit")).status, 403);
}

#[test]
fn supports_count_once_can_be_withdrawn_are_limited_and_reach_the_threshold() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let bike = id_of(app_ready(&app), "Un abri vélo sécurisé à la gare");
    let benches = id_of(&app, "Des bancs le long de la Loire");
    let gardens = id_of(&app, "Des jardins partagés au Bois-Joli");
    let supports = |id: i64| {
        count(
            &app,
            &format!("SELECT supports FROM proposals WHERE id = {id}"),
        )
    };
    let rows = |id: i64| {
        count(
            &app,
            &format!("SELECT count(*) FROM proposal_supports WHERE proposal_id = {id}"),
        )
    };
    let mut camille = camille(&app);
    let page = format!("/proposals/{bike}");
    let _ = camille.get(&page);
    let start = supports(bike);
    // Twice: counted once.
    assert_eq!(camille.post(&format!("{page}/support"), &[]).status, 303);
    assert_eq!(camille.post(&format!("{page}/support"), &[]).status, 303);
    assert_eq!((supports(bike), rows(bike)), (start + 1, start + 1));
    assert!(
        camille
            .get(&format!("{page}?lang=fr"))
            .text()
            .contains("Retirer mon soutien")
    );
    // Withdrawn.
    assert_eq!(camille.post(&format!("{page}/unsupport"), &[]).status, 303);
    assert_eq!((supports(bike), rows(bike)), (start, start));
    // Not one's own.
    let own = camille.post(&format!("/proposals/{gardens}/support"), &[]);
    assert_eq!(own.status, 422);
    assert!(own.text().contains("votre propre proposition"));
    // The per-person limit of the process.
    app.db()
        .execute(
            "UPDATE processes SET support_limit = 1 WHERE slug = 'budget-participatif-2026'",
            [],
        )
        .unwrap();
    assert_eq!(camille.post(&format!("{page}/support"), &[]).status, 303);
    let limited = camille.post(&format!("/proposals/{benches}/support"), &[]);
    assert_eq!(limited.status, 422);
    assert!(limited.text().contains("vos 1 soutiens"));
    assert_eq!(camille.post(&format!("{page}/unsupport"), &[]).status, 303);
    // The threshold: staff hear of it once.
    app.db()
        .execute(
            &format!("UPDATE processes SET support_threshold = {} WHERE slug = 'budget-participatif-2026'", supports(benches) + 1),
            [],
        )
        .unwrap();
    assert_eq!(
        camille
            .post(&format!("/proposals/{benches}/support"), &[])
            .status,
        303
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT threshold_reached_at IS NOT NULL FROM proposals WHERE id = {benches}")
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notifications n JOIN activity a ON a.id = n.activity_id JOIN users u ON u.id = n.user_id \
                     WHERE a.kind = 'proposal-threshold' AND u.role IN ('admin', 'moderator')"
        ),
        2
    );
    assert!(
        app.get(&format!("/proposals/{benches}?lang=fr"))
            .text()
            .contains("Seuil atteint")
    );
    // Supports after the phase closed: refused, nothing changes.
    app.db()
        .execute("UPDATE process_phases SET ends_on = date('now', '-1 day') WHERE ends_on >= date('now') AND starts_on <= date('now')", [])
        .unwrap();
    let before = supports(bike);
    let closed = camille.post(&format!("{page}/support"), &[]);
    assert_eq!(closed.status, 422);
    assert!(closed.text().contains("Les soutiens ne sont pas ouverts"));
    assert_eq!(supports(bike), before);
}

/// The database exists once the first request ran the migrations.
fn app_ready(app: &TestApp) -> &TestApp {
    let _ = app.get("/health");
    app
}

#[test]
fn staff_answer_with_a_status_and_supporters_hear_of_it() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let bike = id_of(app_ready(&app), "Un abri vélo sécurisé à la gare");
    let page = format!("/proposals/{bike}");
    let mut camille = camille(&app);
    let _ = camille.get(&page);
    assert_eq!(camille.post(&format!("{page}/support"), &[]).status, 303);
    // A citizen cannot answer officially.
    assert_eq!(
        camille
            .post(
                &format!("{page}/answer"),
                &[("status", "accepted"), ("body", "Oui !")]
            )
            .status,
        403
    );
    let mut moderator = moderator(&app);
    let _ = moderator.get(&page);
    let no_reason = moderator.post(
        &format!("{page}/answer"),
        &[("status", "rejected"), ("body", " ")],
    );
    assert_eq!(no_reason.status, 422);
    assert!(no_reason.text().contains("Indiquez la raison du refus."));
    let bad = moderator.post(
        &format!("{page}/answer"),
        &[("status", "open"), ("body", "x")],
    );
    assert_eq!(bad.status, 422);
    let answers_of_bike =
        format!("SELECT count(*) FROM proposal_answers WHERE proposal_id = {bike}");
    assert_eq!(count(&app, &answers_of_bike), 1, "the demo's answer");
    let ok = moderator.post(
        &format!("{page}/answer"),
        &[
            ("status", "accepted"),
            ("body", "Il sera installé au printemps."),
        ],
    );
    assert_eq!(ok.status, 303);
    assert_eq!(count(&app, &answers_of_bike), 2);
    let html = app.get(&format!("{page}?lang=fr")).text();
    assert!(html.contains("Il sera installé au printemps."));
    assert!(
        html.contains("À l&#x27;étude") && html.contains("Retenue"),
        "the history"
    );
    // Supporters (the demo's six and camille) and the author are notified.
    let supporters = count(
        &app,
        &format!("SELECT count(*) FROM proposal_supports WHERE proposal_id = {bike}"),
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notifications n JOIN activity a ON a.id = n.activity_id WHERE a.kind = 'proposal-answered'"
        ),
        supporters + 1
    );
    // Decided: supports are over.
    let late = camille.post(&format!("{page}/unsupport"), &[]);
    assert_eq!(late.status, 422);

    // Exports: staff only, one row per published proposal.
    assert_eq!(
        camille
            .get(&format!("/proposals/export.csv?process={BUDGET}"))
            .status,
        403
    );
    let csv = moderator
        .get(&format!("/proposals/export.csv?process={BUDGET}"))
        .text();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "id,title,author,category,district,address,latitude,longitude,status,supports,threshold_reached,published"
        )
    );
    assert_eq!(lines.count(), 4);
    assert!(csv.contains(",accepted,"));
    // The spreadsheet's flavour: a byte-order mark, `;`, French heads and values.
    let excel = moderator.get(&format!(
        "/proposals/export.csv?process={BUDGET}&excel=1&lang=fr"
    ));
    assert!(excel.body.starts_with("\u{feff}".as_bytes()), "a UTF-8 BOM");
    let excel = excel.text();
    let head = excel.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(
        head.starts_with("Numéro;Titre;Auteur;Thème;Quartier"),
        "{head}"
    );
    assert!(excel.contains(";Retenue;"), "the status in words");
    let json = moderator
        .get(&format!("/proposals/export.json?process={BUDGET}"))
        .text();
    assert!(json.contains("\"status\":\"accepted\""));
}

#[test]
fn amendments_are_accepted_or_rejected_by_the_author() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let gardens = id_of(app_ready(&app), "Des jardins partagés au Bois-Joli");
    let page = format!("/proposals/{gardens}");
    let mut moderator = moderator(&app);
    let _ = moderator.get(&page);
    let empty = moderator.post(&format!("{page}/amendments"), &[("body", " ")]);
    assert_eq!(empty.status, 422);
    let amended = "Des **jardins partagés** et un verger, avec un récupérateur d'eau.";
    assert_eq!(
        moderator
            .post(&format!("{page}/amendments"), &[("body", amended)])
            .status,
        303
    );
    assert_eq!(
        moderator
            .post(
                &format!("{page}/amendments"),
                &[("body", "Plutôt un parking.")]
            )
            .status,
        303
    );
    let mut camille = camille(&app);
    let html = camille.get(&format!("{page}?lang=fr")).text();
    assert!(html.contains("un verger"));
    assert!(html.contains("Accepter"));
    // The author does not amend their own proposal; others cannot decide.
    let own = camille.post(&format!("{page}/amendments"), &[("body", "Autre texte")]);
    assert_eq!(own.status, 422);
    let first = count(&app, "SELECT min(id) FROM proposal_amendments");
    let _ = moderator.get(&page);
    assert_eq!(
        moderator
            .post(&format!("{page}/amendments/{first}/accept"), &[])
            .status,
        403
    );
    let _ = camille.get(&page);
    assert_eq!(
        camille
            .post(&format!("{page}/amendments/{first}/accept"), &[])
            .status,
        303
    );
    assert_eq!(
        camille
            .post(&format!("{page}/amendments/{}/reject", first + 1), &[])
            .status,
        303
    );
    // Decided once: deciding again finds nothing pending.
    assert_eq!(
        camille
            .post(&format!("{page}/amendments/{first}/reject"), &[])
            .status,
        404
    );
    let body: String = app
        .db()
        .query_row(
            &format!("SELECT body FROM proposals WHERE id = {gardens}"),
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(body, amended);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notifications n JOIN activity a ON a.id = n.activity_id \
             WHERE a.kind IN ('amendment-accepted', 'amendment-rejected')"
        ),
        2
    );
    // Open data: the proposals, nobody's name.
    let open = app
        .get(&format!("/proposals/open-data.json?process={BUDGET}"))
        .text();
    assert!(open.contains("un verger"));
    assert!(!open.contains("Camille") && !open.contains("Habitant"));
}

#[test]
fn every_order_pages_through_every_proposal_once() {
    let app = TestApp::start();
    let _ = app_ready(&app);
    let db = app.db();
    for n in 0..45 {
        db.execute(
            "INSERT INTO proposals (process_id, user_id, title, body, state, status, supports, shuffle, published_at, created_at, updated_at) \
             SELECT id, 3, ?1, 'x', 'published', ?2, ?3, ?4, ?5, ?5, ?5 FROM processes WHERE slug = 'budget-participatif-2026'",
            rusqlite::params![
                format!("Proposition {n}"),
                if n % 5 == 0 { "review" } else { "open" },
                n % 7,
                // Spread over the whole shuffle range, as the hashes of real ones are.
                n * 47_721_858,
                1_700_000_000 + (n % 9) * 100
            ],
        )
        .unwrap();
    }
    let total = count(
        &app,
        "SELECT count(*) FROM proposals WHERE state = 'published' AND process_id = 2",
    );
    let review = count(
        &app,
        "SELECT count(*) FROM proposals WHERE state = 'published' AND process_id = 2 AND status = 'review'",
    );
    // The "best" score the database keeps is the domain's formula.
    let mut scores = db
        .prepare("SELECT supports, published_at, best FROM proposals WHERE state = 'published'")
        .unwrap();
    let rows: Vec<(i64, i64, i64)> = scores
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(rows.len() as i64 >= 45);
    for (supports, published_at, best) in rows {
        assert_eq!(
            best,
            palabre_domain::proposal::best(supports, published_at),
            "{supports} {published_at}"
        );
    }
    for (query, expected) in [
        ("sort=newest", total),
        ("sort=supported", total),
        ("sort=best", total),
        ("sort=best&status=review", review),
        ("sort=random", total),
        ("sort=random&status=review", review),
        ("sort=supported&status=review", review),
    ] {
        let mut seen = Vec::new();
        let mut next = Some(format!("/proposals?process={BUDGET}&{query}"));
        while let Some(url) = next {
            let html = app.get(&url.replace("&amp;", "&")).text();
            seen.extend(
                html.match_indices("<h2><a href=\"/proposals/")
                    .map(|(i, m)| html[i + m.len()..].split('"').next().unwrap().to_string()),
            );
            next = html.find("rel=\"next\"").and_then(|end| {
                html[..end]
                    .rfind("href=\"")
                    .map(|start| html[start + 6..end - 2].to_string())
            });
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "{query}: a proposal twice");
        assert_eq!(seen.len() as i64, expected, "{query}");
        if query == "sort=best" {
            let mut by_best: Vec<(i64, i64)> = seen
                .iter()
                .map(|id| {
                    let best = count(&app, &format!("SELECT best FROM proposals WHERE id = {id}"));
                    (best, id.parse().unwrap())
                })
                .collect();
            let shown = by_best.clone();
            by_best.sort_by(|a, b| b.cmp(a));
            assert_eq!(shown, by_best, "best first, then the newest id");
        }
    }
    // The random order: stable for a visitor, not the same for everyone.
    let first_page = |browser: &mut Browser| {
        let html = browser
            .get(&format!("/proposals?process={BUDGET}&sort=random"))
            .text();
        html.match_indices("<h2><a href=\"/proposals/")
            .map(|(i, m)| html[i + m.len()..].split('"').next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let mut orders = Vec::new();
    for _ in 0..5 {
        let mut visitor = Browser::new(&app);
        let once = first_page(&mut visitor);
        assert_eq!(first_page(&mut visitor), once, "stable for one visitor");
        orders.push(once);
    }
    orders.sort();
    orders.dedup();
    assert!(orders.len() > 1, "five visitors, one order");
}

#[test]
fn proposals_carry_the_comment_thread_of_discussions() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let bike = id_of(app_ready(&app), "Un abri vélo sécurisé à la gare");
    let page = format!("/proposals/{bike}");
    let comments = || {
        count(
            &app,
            &format!("SELECT comments_count FROM proposals WHERE id = {bike}"),
        )
    };
    let before = comments();
    assert_eq!(before, 0);
    // The list as anonymous visitors see it (kept between requests).
    let list = format!("/proposals?process={BUDGET}&lang=fr");
    assert!(!app.get(&list).text().contains(">1 contribution<"));
    // Signed out: the thread is read, the form is a sign-in link.
    let anonymous = app.get(&format!("{page}?lang=fr")).text();
    assert!(anonymous.contains("Contributions"), "{anonymous}");
    assert!(!anonymous.contains("name=\"body\" rows"));
    let mut camille = camille(&app);
    let _ = camille.get(&page);
    // An empty comment is refused where it was typed.
    let empty = camille.post(
        &format!("{page}/comments"),
        &[("stance", "for"), ("body", " ")],
    );
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains("Ce champ est obligatoire."));
    assert_eq!(comments(), before);
    let r = camille.post(
        &format!("{page}/comments"),
        &[
            ("stance", "for"),
            ("body", "Avec des arceaux couverts, <b>surtout</b>."),
        ],
    );
    assert_eq!(r.status, 303);
    let id = count(
        &app,
        &format!(
            "SELECT max(id) FROM comments WHERE resource = 'proposal' AND resource_id = {bike}"
        ),
    );
    assert_eq!(
        r.header("location"),
        Some(&*format!("{page}?comment={id}#c{id}"))
    );
    assert_eq!(comments(), before + 1);
    let shown = camille.get(&format!("{page}?lang=fr")).text();
    assert!(shown.contains("&lt;b&gt;surtout&lt;/b&gt;"), "escaped");
    // The kept list is not served once the comment is in.
    assert!(app.get(&list).text().contains(">1 contribution<"));
    assert!(shown.contains(&format!("id=\"c{id}\"")));
    // The commune badges it as its official answer; a citizen cannot.
    let badge = format!("{page}/comments/{id}/badge");
    assert_eq!(camille.post(&badge, &[("badge", "official")]).status, 403);
    let mut moderator = moderator(&app);
    let _ = moderator.get(&page);
    let reply = moderator.post(
        &format!("{page}/comments"),
        &[("parent", &id.to_string()), ("body", "Merci, c'est noté.")],
    );
    assert_eq!(reply.status, 303);
    assert_eq!(moderator.post(&badge, &[("badge", "official")]).status, 303);
    assert_eq!(
        count(
            &app,
            &format!("SELECT count(*) FROM comments WHERE id = {id} AND badge = 'official'")
        ),
        1
    );
    // Camille hears of the reply.
    assert!(
        count(
            &app,
            "SELECT count(*) FROM notifications n JOIN activity a ON a.id = n.activity_id \
             JOIN users u ON u.id = n.user_id WHERE a.kind = 'reply' \
             AND u.email = 'camille@valbrune.example.org'"
        ) >= 1
    );
    // A comment of a discussion is not reachable through a proposal.
    let elsewhere = count(
        &app,
        "SELECT min(id) FROM comments WHERE resource = 'discussion'",
    );
    assert_eq!(
        moderator
            .post(
                &format!("{page}/comments/{elsewhere}/hide"),
                &[("hidden", "yes")]
            )
            .status,
        404
    );
    // Drafts carry no thread.
    let benches = id_of(&app, "Des bancs le long de la Loire");
    app.db()
        .execute(
            &format!(
                "UPDATE proposals SET state = 'draft', published_at = NULL WHERE id = {benches}"
            ),
            [],
        )
        .unwrap();
    assert_eq!(
        moderator
            .post(&format!("/proposals/{benches}/comments"), &[("body", "x")])
            .status,
        404
    );
    // Once the phase closed: refused with the reason, nothing saved.
    app.db()
        .execute("UPDATE process_phases SET ends_on = date('now', '-1 day') WHERE ends_on >= date('now') AND starts_on <= date('now')", [])
        .unwrap();
    let closed = camille.post(
        &format!("{page}/comments"),
        &[("stance", "for"), ("body", "Trop tard ?")],
    );
    assert_eq!(closed.status, 422);
    assert!(closed.text().contains("Les commentaires sont fermés"));
    assert_eq!(comments(), before + 2);
}

#[test]
fn a_proposal_carries_an_image_checked_by_its_bytes_with_a_text_alternative() {
    const PIXEL: &[u8] = include_bytes!("../../fixtures/images/pixel.png");
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut camille = camille(&app);
    let new = format!("/proposals/new?process={BUDGET}");
    let form = camille.get(&new);
    assert!(form.text().contains("enctype=\"multipart/form-data\""));
    let fields = [
        ("title", "Une fontaine place du Marché"),
        ("body", "Une fontaine à boire, pour l'été."),
        ("image_alt", "La place du Marché en été"),
    ];
    let before = count(&app, "SELECT count(*) FROM images");
    let disguised = camille.post_multipart(
        &new,
        &fields,
        &[("image", "place.png", b"<svg onload='alert(1)'/>")],
    );
    assert_eq!(disguised.status, 422);
    assert!(
        disguised
            .text()
            .contains("Choisissez une image PNG, JPEG ou WebP.")
    );
    let no_alt = camille.post_multipart(&new, &fields[..2], &[("image", "place.png", PIXEL)]);
    assert_eq!(no_alt.status, 422);
    assert_eq!(count(&app, "SELECT count(*) FROM images"), before);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM proposals WHERE title = 'Une fontaine place du Marché'"
        ),
        0
    );
    let ok = camille.post_multipart(&new, &fields, &[("image", "place.png", PIXEL)]);
    assert_eq!(ok.status, 303, "{}", ok.text());
    let id = id_of(&app, "Une fontaine place du Marché");
    let page = camille.get(&format!("/proposals/{id}")).text();
    let at = page.find("src=\"/images/").expect("the image is shown");
    let src: String = page[at + 5..].split('"').next().unwrap().to_string();
    assert!(page.contains("alt=\"La place du Marché en été\""));
    assert_eq!(app.get(&src).body, PIXEL);
    // Editing the draft keeps it, or removes it.
    let edit = format!("/proposals/{id}/edit");
    let _ = camille.get(&edit);
    let kept = camille.post_multipart(&edit, &fields, &[]);
    assert_eq!(kept.status, 303);
    assert!(
        count(
            &app,
            &format!("SELECT image_id IS NOT NULL FROM proposals WHERE id = {id}")
        ) == 1
    );
    let _ = camille.get(&edit);
    let mut removing = fields.to_vec();
    removing.push(("image_remove", "yes"));
    assert_eq!(camille.post_multipart(&edit, &removing, &[]).status, 303);
    assert_eq!(
        count(
            &app,
            &format!("SELECT image_id IS NULL FROM proposals WHERE id = {id}")
        ),
        1
    );
}

#[test]
fn located_proposals_show_on_a_map_and_as_a_list() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let map = app.get(&format!("/proposals/map?process={BUDGET}&lang=fr"));
    assert_eq!(map.status, 200);
    let html = map.text();
    // Leaflet and map.js from our own assets; tiles allowed by the CSP only.
    assert!(html.contains("<script src=\"/static/leaflet.js?v="));
    assert!(html.contains("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\""));
    let csp = map.header("content-security-policy").unwrap();
    assert!(csp.contains("img-src 'self' data: https://tile.openstreetmap.org;"));
    assert!(csp.contains("script-src 'self';"));
    // The three located demo proposals, most supported first; not the benches.
    let gardens = html.find("Des jardins partagés au Bois-Joli").unwrap();
    let bike = html.find("Un abri vélo sécurisé à la gare").unwrap();
    let basket = html.find("Un terrain de basket à Saint-Martin").unwrap();
    assert!(gardens < bike && bike < basket);
    assert!(!html.contains("Des bancs le long de la Loire"));
    assert!(html.contains("data-lat=\"47.401210\" data-lon=\"0.973120\""));
    // The assets are served.
    for asset in ["leaflet.js", "leaflet.css", "map.js", "marker-icon.png"] {
        let r = app.get(&format!("/static/{asset}"));
        assert_eq!(r.status, 200, "{asset}");
    }
    // Filters apply; an unknown process is a 404.
    let review = app
        .get(&format!("/proposals/map?process={BUDGET}&status=review"))
        .text();
    assert!(review.contains("Un abri vélo sécurisé à la gare"));
    assert!(!review.contains("Des jardins partagés au Bois-Joli"));
    assert_eq!(app.get("/proposals/map?process=nope").status, 404);
    // The form loads the picker, centred on the process's proposals.
    let mut camille = camille(&app);
    let form = camille
        .get(&format!("/proposals/new?process={BUDGET}"))
        .text();
    assert!(form.contains("/static/map.js?v="));
    assert!(form.contains("data-centre=\"47.39"));
    assert!(form.contains("id=\"f-latitude\""));
    // Pages without a map load no script at all; the home page counts the
    // published proposals of published processes.
    let home = app.get("/?lang=fr").text();
    assert!(!home.contains("<script"));
    assert!(
        home.contains("<strong>7</strong> propositions citoyennes"),
        "{home}"
    );
}
