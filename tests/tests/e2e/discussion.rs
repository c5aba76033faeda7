//! Discussions: comments, replies, stances, reactions, reports, badges and
//! moderation, through the shared comment mechanism.

use palabre_e2e::demo::{camille, moderator};
use palabre_e2e::{Browser, TestApp};

const PAGE: &str = "/discussions/usages-des-quais";

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The id of the newest comment whose text contains `needle`.
fn comment_id(app: &TestApp, needle: &str) -> i64 {
    app.db()
        .query_row(
            "SELECT id FROM comments WHERE body LIKE '%' || ? || '%' ORDER BY id DESC LIMIT 1",
            [needle],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn citizens_comment_reply_to_depth_three_and_bad_input_changes_nothing() {
    let app = TestApp::start();
    let list = app.get("/discussions?lang=fr");
    assert_eq!(list.status, 200);
    assert!(
        list.text()
            .contains("Quels usages voulez-vous privilégier sur les quais ?")
    );
    let page = app.get(&format!("{PAGE}?lang=fr")).text();
    // The official answer comes first, whatever the order.
    let official = page.find("Réponse officielle").unwrap();
    let camille_first = page.find("Une vraie promenade piétonne").unwrap();
    assert!(official < camille_first);
    assert!(page.contains("1 pour") && page.contains("0 contre") && page.contains("1 neutre<"));
    assert!(page.contains("Connectez-vous pour participer"));

    let mut camille = camille(&app);
    palabre_e2e::start_of_a_fresh_minute_window();
    let _ = camille.get(PAGE);
    let before = count(&app, "SELECT count(*) FROM comments");
    let huge = "a".repeat(50 * 1024);
    for (fields, message) in [
        (
            vec![("body", "   "), ("stance", "for")],
            "Ce champ est obligatoire.",
        ),
        (
            vec![("body", huge.as_str()), ("stance", "for")],
            "Ce texte est trop long.",
        ),
        (
            vec![("body", "Avis"), ("stance", "peut-être")],
            "Choisissez une des options",
        ),
    ] {
        let r = camille.post(&format!("{PAGE}/comments"), &fields);
        assert_eq!(r.status, 422, "{fields:?}");
        assert!(r.text().contains(message), "{message}");
    }
    assert_eq!(
        count(&app, "SELECT count(*) FROM comments"),
        before,
        "nothing stored"
    );

    let contributions = count(
        &app,
        "SELECT contributions FROM processes WHERE slug = 'quais-de-loire'",
    );
    let participants = count(
        &app,
        "SELECT participants FROM processes WHERE slug = 'quais-de-loire'",
    );
    let already = count(
        &app,
        "SELECT count(*) FROM process_participants pp JOIN users u ON u.id = pp.user_id \
         JOIN processes p ON p.id = pp.process_id \
         WHERE u.email = 'camille@valbrune.example.org' AND p.slug = 'quais-de-loire'",
    );
    let posted = camille.post(
        &format!("{PAGE}/comments"),
        &[
            (
                "body",
                "Gardons des **terrasses** en été, mais pas de voitures.",
            ),
            ("stance", "against"),
        ],
    );
    assert_eq!(posted.status, 303);
    let html = camille.get(&format!("{PAGE}?lang=fr")).text();
    assert!(html.contains("Gardons des <strong>terrasses</strong>"));
    assert!(html.contains("1 contre"));
    assert_eq!(
        count(
            &app,
            "SELECT contributions FROM processes WHERE slug = 'quais-de-loire'"
        ),
        contributions + 1
    );
    assert_eq!(
        count(
            &app,
            "SELECT participants FROM processes WHERE slug = 'quais-de-loire'"
        ),
        participants + 1 - already,
        "counted once as a participant"
    );
    // The process page lists the discussion (through kit::participation).
    let process = app.get("/processes/quais-de-loire?lang=fr").text();
    assert!(process.contains("href=\"/discussions/usages-des-quais\""));

    // Replies go to depth 3 and no deeper.
    let depth2 = comment_id(&app, "mobilité réduite");
    let _ = camille.get(PAGE);
    let reply = camille.post(
        &format!("{PAGE}/comments"),
        &[
            ("body", "Bien sûr, et des arceaux à vélos."),
            ("parent", &depth2.to_string()),
        ],
    );
    assert_eq!(reply.status, 303);
    let depth3 = comment_id(&app, "arceaux à vélos");
    let depth: i64 = count(
        &app,
        &format!("SELECT depth FROM comments WHERE id = {depth3}"),
    );
    assert_eq!(depth, 3);
    let _ = camille.get(PAGE);
    let too_deep = camille.post(
        &format!("{PAGE}/comments"),
        &[
            ("body", "Encore plus loin"),
            ("parent", &depth3.to_string()),
        ],
    );
    assert_eq!(too_deep.status, 422);
    assert!(
        too_deep
            .text()
            .contains("On ne peut pas répondre plus loin")
    );
    assert!(
        too_deep.text().contains("Encore plus loin"),
        "nothing typed is lost"
    );

    // Editing: within 15 minutes only, and only one's own.
    let mine = comment_id(&app, "terrasses");
    let edit = format!("{PAGE}/comments/{mine}/edit");
    assert_eq!(camille.get(&edit).status, 200);
    let edited = camille.post(&edit, &[("body", "Gardons des terrasses en été.")]);
    assert_eq!(edited.status, 303);
    assert!(
        camille
            .get(&format!("{PAGE}?lang=fr"))
            .text()
            .contains("modifiée")
    );
    app.db()
        .execute(
            &format!("UPDATE comments SET created_at = created_at - 3600 WHERE id = {mine}"),
            [],
        )
        .unwrap();
    let _ = camille.get(&edit);
    let late = camille.post(&edit, &[("body", "Trop tard")]);
    assert_eq!(late.status, 422);
    assert!(late.text().contains("délai de 15 minutes"));
    let official = comment_id(&app, "180 places");
    assert_eq!(
        camille
            .get(&format!("{PAGE}/comments/{official}/edit"))
            .status,
        404
    );

    // A closed discussion takes no more contributions.
    app.db()
        .execute(
            "UPDATE discussions SET opens_on = date('now', '-30 days'), closes_on = date('now', '-1 day')",
            [],
        )
        .unwrap();
    let _ = camille.get(PAGE);
    let closed = camille.post(
        &format!("{PAGE}/comments"),
        &[("body", "Trop tard ?"), ("stance", "for")],
    );
    assert_eq!(closed.status, 422);
    assert!(
        closed.text().contains("n'est pas ouvert")
            || closed.text().contains("n&#x27;est pas ouvert")
    );
}

#[test]
fn reactions_reports_badges_and_moderation() {
    let app = TestApp::start();
    let mut moderator = moderator(&app);
    let mut camille = camille(&app);
    palabre_e2e::start_of_a_fresh_minute_window();
    let camilles = comment_id(&app, "promenade piétonne");
    let official = comment_id(&app, "180 places");

    // Twice "for" is one reaction; then "against" replaces it.
    let _ = moderator.get(PAGE);
    for _ in 0..2 {
        let r = moderator.post(
            &format!("{PAGE}/comments/{camilles}/react"),
            &[("reaction", "up")],
        );
        assert_eq!(r.status, 303);
    }
    let (up, down): (i64, i64) = app
        .db()
        .query_row(
            &format!("SELECT up, down FROM comments WHERE id = {camilles}"),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((up, down), (1, 0));
    assert_eq!(count(&app, "SELECT count(*) FROM comment_reactions"), 1);
    let _ = moderator.get(PAGE);
    assert_eq!(
        moderator
            .post(
                &format!("{PAGE}/comments/{camilles}/react"),
                &[("reaction", "down")]
            )
            .status,
        303
    );
    let (up, down): (i64, i64) = app
        .db()
        .query_row(
            &format!("SELECT up, down FROM comments WHERE id = {camilles}"),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((up, down), (0, 1));
    // Not on one's own.
    let _ = camille.get(PAGE);
    let own = camille.post(
        &format!("{PAGE}/comments/{camilles}/react"),
        &[("reaction", "up")],
    );
    assert_eq!(own.status, 422);
    assert!(own.text().contains("propre contribution"));
    // Camille is told of the moderator's reply to her comment (seeded) only
    // when a new one comes: the moderator replies now.
    let _ = moderator.get(PAGE);
    let reply = moderator.post(
        &format!("{PAGE}/comments"),
        &[
            ("body", "Et des fontaines ?"),
            ("parent", &camilles.to_string()),
        ],
    );
    assert_eq!(reply.status, 303);
    let notes = camille.get("/notifications?lang=fr").text();
    assert!(notes.contains("Réponse :"), "reply notification");

    // Reports: once per person, with a reason.
    let _ = camille.get(PAGE);
    let empty = camille.post(
        &format!("{PAGE}/comments/{official}/report"),
        &[("reason", "")],
    );
    assert_eq!(empty.status, 422);
    for _ in 0..2 {
        let r = camille.post(
            &format!("{PAGE}/comments/{official}/report"),
            &[("reason", "Hors sujet")],
        );
        assert_eq!(r.status, 303);
        assert!(r.header("location").unwrap().contains("reported=1"));
    }
    assert_eq!(
        count(
            &app,
            &format!("SELECT count(*) FROM comment_reports WHERE comment_id = {official}")
        ),
        1
    );

    // Badges are for staff; "impact" counts in the best order, "official" pins
    // and tells the process's followers.
    let _ = camille.get("/processes/quais-de-loire");
    assert_eq!(
        camille.post("/processes/quais-de-loire/follow", &[]).status,
        303
    );
    let _ = camille.get(PAGE);
    assert_eq!(
        camille
            .post(
                &format!("{PAGE}/comments/{camilles}/badge"),
                &[("badge", "impact")]
            )
            .status,
        403
    );
    let _ = moderator.get(PAGE);
    assert_eq!(
        moderator
            .post(
                &format!("{PAGE}/comments/{camilles}/badge"),
                &[("badge", "official")]
            )
            .status,
        303
    );
    let _ = moderator.get(PAGE);
    assert_eq!(
        moderator
            .post(
                &format!("{PAGE}/comments/{official}/badge"),
                &[("badge", "none")]
            )
            .status,
        303
    );
    assert!(
        camille
            .get("/notifications?lang=fr")
            .text()
            .contains("Réponse officielle de la commune :")
    );
    let page = app.get(&format!("{PAGE}?lang=fr&sort=oldest")).text();
    // Badges are counted on the page (the demo's official answer lost its badge).
    assert!(page.contains("1 réponse officielle, aucune contribution qui a changé le projet"));
    let first = page.find("Une vraie promenade piétonne").unwrap();
    let second = page.find("180 places").unwrap();
    assert!(first < second, "the official answer first");

    // Hidden: gone for citizens and visitors, still there for moderators.
    let _ = moderator.get(PAGE);
    assert_eq!(
        moderator
            .post(
                &format!("{PAGE}/comments/{official}/hide"),
                &[("hidden", "yes")]
            )
            .status,
        303
    );
    assert!(!app.get(PAGE).text().contains("180 places"));
    assert!(!camille.get(PAGE).text().contains("180 places"));
    let seen = moderator.get(&format!("{PAGE}?lang=fr")).text();
    assert!(seen.contains("180 places") && seen.contains("Masquée"));

    // Withdrawn with replies: the place stays, the text goes.
    let _ = camille.get(PAGE);
    assert_eq!(
        camille
            .post(&format!("{PAGE}/comments/{camilles}/withdraw"), &[])
            .status,
        303
    );
    let page = app.get(&format!("{PAGE}?lang=fr")).text();
    assert!(!page.contains("Une vraie promenade piétonne"));
    assert!(page.contains("Contribution retirée par son auteur."));
    assert!(page.contains("mobilité réduite"), "the replies stay");
}

#[test]
fn staff_open_discussions_within_their_process() {
    let app = TestApp::start();
    let mut admin = Browser::signed_in(&app, "admin@valbrune.example.org", "valbrune-admin-2026");
    assert_eq!(admin.get("/admin/discussions/new?lang=fr").status, 200);
    let process: i64 = count(
        &app,
        "SELECT id FROM processes WHERE slug = 'budget-participatif-2026'",
    );
    let process = process.to_string();
    let (inside_start, inside_end, outside): (String, String, String) = app
        .db()
        .query_row(
            "SELECT date('now'), date('now', '+20 days'), date('now', '+200 days')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let before = count(&app, "SELECT count(*) FROM discussions");
    let out = admin.post(
        "/admin/discussions/new",
        &[
            ("question", "Quel projet pour le parc ?"),
            ("process", &process),
            ("opens_on", &inside_start),
            ("closes_on", &outside),
            ("status", "published"),
        ],
    );
    assert_eq!(out.status, 422);
    assert!(out.text().contains("dans celles de la concertation"));
    let empty = admin.post(
        "/admin/discussions/new",
        &[
            ("question", ""),
            ("opens_on", "x"),
            ("closes_on", "y"),
            ("status", "draft"),
        ],
    );
    assert_eq!(empty.status, 422);
    assert_eq!(count(&app, "SELECT count(*) FROM discussions"), before);

    let ok = admin.post(
        "/admin/discussions/new",
        &[
            ("question", "Quel projet pour le parc ?"),
            ("context", "Le parc des *Tilleuls* attend vos idées."),
            ("process", &process),
            ("opens_on", &inside_start),
            ("closes_on", &inside_end),
            ("status", "published"),
            ("opinion_map", "yes"),
        ],
    );
    assert_eq!(ok.status, 303, "{}", ok.text());
    let page = app.get("/discussions/quel-projet-pour-le-parc?lang=fr");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<em>Tilleuls</em>"));
    // With its opinion map, empty so far.
    let map = app.get("/discussions/quel-projet-pour-le-parc/map?lang=fr");
    assert_eq!(map.status, 200);
    assert!(map.text().contains("Aucun vote pour l&#x27;instant"));
    assert!(
        app.get("/processes/budget-participatif-2026?lang=fr")
            .text()
            .contains("href=\"/discussions/quel-projet-pour-le-parc\"")
    );
    assert!(
        app.get("/search?q=tilleuls&lang=fr")
            .text()
            .contains("/discussions/quel-projet-pour-le-parc")
    );
    // Citizens cannot open discussions from the back-office.
    let mut camille = camille(&app);
    assert_eq!(camille.get("/admin/discussions/new").status, 403);
}

#[test]
fn a_long_thread_is_read_page_by_page_and_a_comment_link_opens_its_page() {
    let app = TestApp::start();
    assert_eq!(app.get(PAGE).status, 200);
    // 120 more top-level comments (one with a reply), written as the seed would.
    let db = app.db();
    let (discussion, user): (i64, i64) = db
        .query_row(
            "SELECT d.id, (SELECT id FROM users WHERE email = 'camille@valbrune.example.org') \
             FROM discussions d WHERE d.slug = 'usages-des-quais'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    for n in 0..120 {
        db.execute(
            "INSERT INTO comments (resource, resource_id, depth, user_id, body, stance, created_at) \
             VALUES ('discussion', ?, 1, ?, ?, 'neutral', 1700000000 + ?)",
            rusqlite::params![discussion, user, format!("Avis numéro {n} du fil."), n],
        )
        .unwrap();
    }
    let oldest = comment_id(&app, "Avis numéro 0 du fil.");
    db.execute(
        "INSERT INTO comments (resource, resource_id, parent_id, depth, user_id, body, created_at) \
         VALUES ('discussion', ?, ?, 2, ?, 'Réponse au tout premier avis.', 1800000000)",
        rusqlite::params![discussion, oldest, user],
    )
    .unwrap();
    db.execute(
        "UPDATE comments SET replies = 1 WHERE id = ?",
        rusqlite::params![oldest],
    )
    .unwrap();
    let total: usize = usize::try_from(count(
        &app,
        "SELECT count(*) FROM comments WHERE resource = 'discussion' AND depth = 1 \
         AND resource_id = (SELECT id FROM discussions WHERE slug = 'usages-des-quais') \
         AND hidden_at IS NULL AND deleted_at IS NULL",
    ))
    .unwrap();
    // kit::comments::PAGE_SIZE threads a page.
    let pages = total.div_ceil(20);
    assert!(pages >= 3);
    let shown = |html: &str| html.matches("<li class=\"comment").count();

    // Newest first: page 1 has 20 threads and a link to the next page.
    let first = app.get(&format!("{PAGE}?sort=newest"));
    assert_eq!(first.status, 200);
    let html = first.text();
    assert!(html.contains(&format!("Page 1 sur {pages}")), "{html}");
    assert!(html.contains("Avis numéro 119 du fil."));
    assert!(!html.contains("Avis numéro 0 du fil."));
    assert!(html.contains(&format!("{PAGE}?sort=newest&amp;page=2#comments-title")));
    // The last page, and a page beyond it read as the last one.
    let last = app.get(&format!("{PAGE}?sort=newest&page={pages}")).text();
    assert!(last.contains(&format!("Page {pages} sur {pages}")));
    let beyond = app.get(&format!("{PAGE}?sort=newest&page=999")).text();
    assert!(beyond.contains(&format!("Page {pages} sur {pages}")));
    assert_eq!(shown(&beyond), shown(&last));
    // Nonsense is page 1.
    assert!(
        app.get(&format!("{PAGE}?sort=newest&page=abc"))
            .text()
            .contains(&format!("Page 1 sur {pages}"))
    );
    // A link to a reply opens the page of its thread, in the default order.
    let reply = comment_id(&app, "Réponse au tout premier avis.");
    let linked = app.get(&format!("{PAGE}?comment={reply}")).text();
    assert!(linked.contains("Réponse au tout premier avis."));
    assert!(linked.contains(&format!("id=\"c{reply}\"")));
}
