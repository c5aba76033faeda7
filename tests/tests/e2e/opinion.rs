//! The opinion map of a discussion: statements, votes one at a time,
//! moderation, the cached map; following a discussion; citizens opening one.

use palabre_e2e::demo::{camille, moderator};
use palabre_e2e::{Browser, TestApp};

const MAP: &str = "/discussions/usages-des-quais/map";

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The statement offered for a vote on the page: (form action, text).
fn offered(html: &str) -> Option<(String, String)> {
    let form = html.find("class=\"opinion-card\"")?;
    let before = &html[..form];
    let action_at = before.rfind("action=\"")? + 8;
    let action = before[action_at..].split('"').next()?.to_string();
    let q = html[form..].find("<q>")? + form + 3;
    let text = html[q..].split("</q>").next()?.to_string();
    Some((action, text))
}

fn statement_id(app: &TestApp, body: &str) -> i64 {
    app.db()
        .query_row(
            "SELECT id FROM opinion_statements WHERE body = ?",
            [body],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn the_demo_map_shows_groups_consensus_and_an_accessible_table() {
    let app = TestApp::start();
    let discussion = app.get("/discussions/usages-des-quais?lang=fr").text();
    assert!(discussion.contains(&format!("href=\"{MAP}\"")));
    let page = app.get(&format!("{MAP}?lang=fr"));
    assert_eq!(page.status, 200);
    let html = page.text();
    // 36 demo residents voted along three lines: they are all placed, in groups.
    assert!(
        html.contains("36 personnes sur la carte, en 3 groupes"),
        "{html}"
    );
    assert_eq!(html.matches("<circle ").count(), 36);
    assert!(html.contains("role=\"img\""));
    for group in ["Groupe A", "Groupe B", "Groupe C"] {
        assert!(html.contains(group), "{group}");
    }
    // What every line of opinion agrees on is shown as consensus.
    let consensus = &html[html.find("Points de consensus").unwrap()..];
    let consensus = &consensus[..consensus.find("</ul>").unwrap()];
    for shared in [
        "Il faut plus d&#x27;arbres et d&#x27;ombre le long de la Loire.",
        "Les berges doivent être protégées des crues avant tout aménagement.",
    ] {
        assert!(consensus.contains(shared), "{shared} in {consensus}");
    }
    assert!(!consensus.contains("Les voitures doivent pouvoir traverser"));
    // The same facts as a table, with counts per statement.
    assert!(html.contains("<th scope=\"row\">Il faut plus d&#x27;arbres"));
    // Signed-out visitors are asked to sign in to vote.
    assert!(html.contains("Connectez-vous pour voter"));
    // The map was computed once and cached.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM opinion_maps WHERE computed_version = version AND result IS NOT NULL"
        ),
        1
    );
    // A discussion without a map has no map page.
    app.db()
        .execute("UPDATE discussions SET opinion_map = 0", [])
        .unwrap();
    assert_eq!(app.get(MAP).status, 404);
}

#[test]
fn citizens_vote_one_statement_at_a_time_and_bad_votes_are_refused() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut camille = camille(&app);
    let html = camille.get(&format!("{MAP}?lang=fr")).text();
    assert!(
        html.contains("Aucun vote de votre part pour l&#x27;instant · 12 affirmations restantes"),
        "{html}"
    );
    let (action, text) = offered(&html).expect("a statement to vote on");
    let id = statement_id(&app, &text.replace("&#x27;", "'"));
    let agree_before = count(
        &app,
        &format!("SELECT agree FROM opinion_statements WHERE id = {id}"),
    );
    let voted = camille.post(&action, &[("vote", "agree")]);
    assert_eq!(voted.status, 303);
    assert_eq!(
        count(
            &app,
            &format!("SELECT agree FROM opinion_statements WHERE id = {id}")
        ),
        agree_before + 1
    );
    // The next statement comes, never the same one again.
    let html = camille.get(&format!("{MAP}?lang=fr")).text();
    assert!(html.contains("1 vote de votre part · 11 affirmations restantes"));
    let (next_action, _) = offered(&html).unwrap();
    assert_ne!(next_action, action);
    // Voting again on it changes the vote: still one row, counters follow.
    assert_eq!(camille.post(&action, &[("vote", "disagree")]).status, 303);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*) FROM opinion_votes WHERE statement_id = {id} AND user_id = 3"
            )
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT agree FROM opinion_statements WHERE id = {id}")
        ),
        agree_before
    );
    // The packed ballot the map reads ends with the latest vote.
    let ballot: String = app
        .db()
        .query_row(
            "SELECT votes FROM opinion_ballots WHERE user_id = 3",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ballot, format!("{id}a,{id}d"));
    // Bad input: an unknown choice, a statement of another discussion or
    // not yet accepted, one's own statement, a closed discussion.
    let votes = count(&app, "SELECT count(*) FROM opinion_votes");
    let r = camille.post(&next_action, &[("vote", "peut-être")]);
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Choisissez « D&#x27;accord »"));
    let pending = statement_id(&app, "Un espace de jeux pour enfants au bord de l'eau.");
    let own = format!("/discussions/usages-des-quais/statements/{pending}/vote");
    assert_eq!(camille.post(&own, &[("vote", "agree")]).status, 404);
    app.db()
        .execute(
            &format!("UPDATE opinion_statements SET status = 'accepted' WHERE id = {pending}"),
            [],
        )
        .unwrap();
    let r = camille.post(&own, &[("vote", "agree")]);
    assert_eq!(r.status, 422);
    assert!(r.text().contains("votre propre affirmation"));
    assert_eq!(
        camille
            .post(
                "/discussions/usages-des-quais/statements/99999/vote",
                &[("vote", "agree")]
            )
            .status,
        404
    );
    app.db()
        .execute(
            "UPDATE discussions SET closes_on = date('now', '-1 day'), opens_on = date('now', '-9 days')",
            [],
        )
        .unwrap();
    let r = camille.post(&next_action, &[("vote", "agree")]);
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Ce débat n&#x27;est pas ouvert"));
    assert_eq!(count(&app, "SELECT count(*) FROM opinion_votes"), votes);
    // Signed out, no vote at all.
    let anonymous = Browser::new(&app).post(&next_action, &[("vote", "agree")]);
    assert!(
        anonymous.status == 403 || anonymous.status == 303,
        "{}",
        anonymous.status
    );
    assert_eq!(count(&app, "SELECT count(*) FROM opinion_votes"), votes);
}

#[test]
fn statements_are_moderated_before_they_are_put_to_the_vote() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut camille = camille(&app);
    let _ = camille.get(MAP);
    let statements = count(&app, "SELECT count(*) FROM opinion_statements");
    let long = "é".repeat(141);
    for (typed, message) in [
        ("   ", "Ce champ est obligatoire."),
        (long.as_str(), "Ce texte est trop long."),
        (
            "les quais doivent devenir piétons le week-end.",
            "Ce texte a déjà été proposé.",
        ),
    ] {
        let r = camille.post(
            "/discussions/usages-des-quais/statements",
            &[("body", typed)],
        );
        assert_eq!(r.status, 422, "{typed}");
        let html = r.text();
        assert!(html.contains(message), "{message}");
        // What was typed is kept.
        if typed.len() > 3 {
            assert!(html.contains(&typed.replace('\'', "&#x27;")));
        }
    }
    assert_eq!(
        count(&app, "SELECT count(*) FROM opinion_statements"),
        statements
    );

    let sent = camille.post(
        "/discussions/usages-des-quais/statements",
        &[("body", "Des bancs   tous les cent mètres.")],
    );
    assert_eq!(sent.status, 303);
    let id = statement_id(&app, "Des bancs tous les cent mètres.");
    let html = camille.get(&format!("{MAP}?lang=fr&sent=pending")).text();
    assert!(html.contains("dès que la modération l&#x27;aura relue"));
    assert!(html.contains("Vos affirmations en attente de relecture"));

    // Moderators see the queue and accept it; it is then put to the vote.
    let mut moderator = moderator(&app);
    let html = moderator.get(&format!("{MAP}?lang=fr")).text();
    assert!(html.contains("Affirmations à relire"));
    assert!(html.contains("Des bancs tous les cent mètres."));
    let moderate = format!("/discussions/usages-des-quais/statements/{id}/moderate");
    assert_eq!(
        moderator.post(&moderate, &[("decision", "maybe")]).status,
        422
    );
    // A citizen cannot moderate.
    assert_eq!(
        camille.post(&moderate, &[("decision", "accept")]).status,
        403
    );
    assert_eq!(
        moderator.post(&moderate, &[("decision", "accept")]).status,
        303
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT status = 'accepted' FROM opinion_statements WHERE id = {id}")
        ),
        1
    );
    // The least-voted statement comes first: the new one.
    let html = moderator.get(&format!("{MAP}?lang=fr")).text();
    assert_eq!(offered(&html).unwrap().1, "Des bancs tous les cent mètres.");
    // Staff statements are accepted at once.
    assert_eq!(
        moderator
            .post(
                "/discussions/usages-des-quais/statements",
                &[("body", "Un kiosque à musique.")]
            )
            .status,
        303
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM opinion_statements WHERE body = 'Un kiosque à musique.' AND status = 'accepted'"
        ),
        1
    );
}

#[test]
fn the_map_is_recomputed_after_new_votes_at_most_once_a_minute() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let _ = app.get(MAP);
    let state = |app: &TestApp| -> (i64, i64) {
        app.db()
            .query_row(
                "SELECT version, computed_version FROM opinion_maps",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let (version, computed) = state(&app);
    assert_eq!(version, computed);
    let mut camille = camille(&app);
    let html = camille.get(MAP).text();
    let (action, _) = offered(&html).unwrap();
    assert_eq!(camille.post(&action, &[("vote", "pass")]).status, 303);
    // Behind by one vote, computed less than a minute ago: the cached map stays.
    let _ = app.get(MAP);
    assert_eq!(state(&app), (version + 1, computed));
    // A minute later, the next view recomputes it.
    app.db()
        .execute("UPDATE opinion_maps SET computed_at = computed_at - 61", [])
        .unwrap();
    let html = app.get(&format!("{MAP}?lang=fr")).text();
    assert_eq!(state(&app), (version + 1, version + 1));
    // Camille voted on one statement only: not enough to be placed yet.
    assert!(html.contains("36 personnes sur la carte"));
}

#[test]
fn people_follow_a_discussion_and_hear_of_new_contributions() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let page = "/discussions/usages-des-quais";
    let mut camille = camille(&app);
    let html = camille.get(&format!("{page}?lang=fr")).text();
    assert!(html.contains(&format!("action=\"{page}/follow\"")));
    assert_eq!(camille.post(&format!("{page}/follow"), &[]).status, 303);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM follows WHERE target_kind = 'discussion' AND user_id = 3"
        ),
        1
    );
    let html = camille.get(&format!("{page}?lang=fr")).text();
    assert!(html.contains(&format!("action=\"{page}/unfollow\"")));
    assert!(html.contains("1 personne suit"));
    // Someone else contributes: camille is notified.
    let mut moderator = moderator(&app);
    let _ = moderator.get(page);
    let r = moderator.post(
        &format!("{page}/comments"),
        &[("body", "Et une fontaine ?"), ("stance", "neutral")],
    );
    assert_eq!(r.status, 303);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notifications n JOIN activity a ON a.id = n.activity_id \
             WHERE n.user_id = 3 AND a.kind = 'comment'"
        ),
        1
    );
    assert_eq!(camille.post(&format!("{page}/unfollow"), &[]).status, 303);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM follows WHERE target_kind = 'discussion'"
        ),
        0
    );
    assert_eq!(
        camille
            .post("/discussions/no-such-thing/follow", &[])
            .status,
        404
    );
}

#[test]
fn citizens_open_a_discussion_when_the_process_allows_it() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let new = "/discussions/new?process=budget-participatif-2026";
    // The process page offers it; the quays process does not allow it.
    let process = app
        .get("/processes/budget-participatif-2026?lang=fr")
        .text();
    assert!(process.contains(&format!("href=\"{}\"", new.replace('&', "&amp;"))));
    assert!(
        !app.get("/processes/quais-de-loire")
            .text()
            .contains("/discussions/new")
    );
    assert_eq!(app.get(new).status, 303);

    let mut camille = camille(&app);
    assert_eq!(camille.get(new).status, 200);
    assert_eq!(
        camille
            .get("/discussions/new?process=quais-de-loire")
            .status,
        404
    );
    assert_eq!(camille.get("/discussions/new?process=nope").status, 404);
    assert_eq!(camille.get("/discussions/new").status, 404);
    let before = count(&app, "SELECT count(*) FROM discussions");
    let r = camille.post(new, &[("question", "  "), ("context", "Contexte gardé")]);
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Contexte gardé"));
    let refused = camille.post(
        "/discussions/new?process=quais-de-loire",
        &[("question", "Une question ?")],
    );
    assert_eq!(refused.status, 404);
    assert_eq!(count(&app, "SELECT count(*) FROM discussions"), before);

    let r = camille.post(
        new,
        &[
            ("question", "Faut-il un composteur par quartier ?"),
            ("context", "Le **compost** réduit les déchets."),
        ],
    );
    assert_eq!(r.status, 303);
    let location = r.header("location").unwrap().to_string();
    assert!(
        location.ends_with("/discussions/faut-il-un-composteur-par-quartier"),
        "{location}"
    );
    let (status, author, closes): (String, i64, String) = app
        .db()
        .query_row(
            "SELECT d.status, d.user_id, d.closes_on = ph.ends_on FROM discussions d \
             JOIN process_phases ph ON ph.process_id = d.process_id AND ph.position = 0 \
             WHERE d.slug = 'faut-il-un-composteur-par-quartier'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)?.to_string())),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), author, closes.as_str()),
        ("published", 3, "1")
    );
    let page = camille
        .get("/discussions/faut-il-un-composteur-par-quartier?lang=fr")
        .text();
    assert!(page.contains("<strong>compost</strong>"));
    // The one who asked follows it; the same question gets its own address.
    assert!(page.contains("/discussions/faut-il-un-composteur-par-quartier/unfollow"));
    let again = camille.post(new, &[("question", "Faut-il un composteur par quartier ?")]);
    assert!(
        again
            .header("location")
            .unwrap()
            .ends_with("/discussions/faut-il-un-composteur-par-quartier-2")
    );
}
