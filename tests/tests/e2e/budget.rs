//! Participatory budgeting: a resident fills a cart and votes (once, then
//! changes it), the rule refuses what breaks it and keeps the cart, staff set
//! up an envelope and review a project, enter paper ballots, count by both
//! methods and publish; the anonymised `.pb` recomputes the same winners.

use palabre_domain::budget::Method;
use palabre_domain::budget::count::count;
use palabre_domain::budget::pabulib;
use palabre_e2e::demo::{camille, moderator};
use palabre_e2e::{Browser, TestApp};

const BUDGET: &str = "budget-participatif-2026";

/// The app, its database migrated and seeded (by a first request).
fn start() -> TestApp {
    let app = TestApp::start();
    assert_eq!(app.get("/").status, 200);
    app
}

fn int(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn envelope(app: &TestApp, name: &str) -> i64 {
    app.db()
        .query_row(
            "SELECT id FROM budget_envelopes WHERE name = ?",
            [name],
            |r| r.get(0),
        )
        .unwrap()
}

fn project(app: &TestApp, title: &str) -> i64 {
    app.db()
        .query_row(
            "SELECT id FROM budget_projects WHERE title = ?",
            [title],
            |r| r.get(0),
        )
        .unwrap()
}

/// Every counter equals its rows (also after a crowd: `reliability`).
pub(crate) fn assert_counters(app: &TestApp) {
    assert_eq!(
        int(
            app,
            "SELECT count(*) FROM budget_projects p WHERE votes != \
             (SELECT count(*) FROM budget_ballot_projects WHERE project_id = p.id)"
        ),
        0,
        "project votes"
    );
    assert_eq!(
        int(
            app,
            "SELECT count(*) FROM budget_envelopes e WHERE ballots != \
             (SELECT count(*) FROM budget_ballots WHERE envelope_id = e.id) OR paper_ballots != \
             (SELECT count(*) FROM budget_ballots WHERE envelope_id = e.id AND channel = 'paper')"
        ),
        0,
        "envelope ballots"
    );
}

/// The funded projects of a method in a `results.json`.
fn funded(json: &serde_json::Value, method: &str) -> Vec<i64> {
    json["results"][method]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["funded"] == true)
        .map(|l| l["project"].as_i64().unwrap())
        .collect()
}

fn add(b: &mut Browser<'_>, e: i64, p: i64) -> u16 {
    let _ = b.get(&format!("/budgets/{e}?lang=fr"));
    b.post(&format!("/budgets/{e}/cart"), &[("add", &p.to_string())])
        .status
}

#[test]
fn a_resident_fills_a_cart_votes_and_changes_the_ballot() {
    let app = start();
    let e = envelope(&app, "Toute la commune");
    let anonymous = app.get(&format!("/budgets/{e}?lang=fr"));
    assert_eq!(anonymous.status, 200);
    let page = anonymous.text();
    assert!(
        page.contains("150\u{202f}000\u{a0}€"),
        "the envelope's amount"
    );
    assert!(page.contains("Connectez-vous pour composer votre panier"));
    assert!(page.contains("Une piste cyclable rue de la République"));
    assert!(
        page.contains("La rue est une route départementale"),
        "the public reason"
    );

    let mut camille = camille(&app);
    let playground = project(&app, "Une aire de jeux inclusive au parc des Tilleuls");
    let basket = project(&app, "Un terrain de basket rénové à Saint-Martin");
    let shelter = project(&app, "Un abri vélo sécurisé à la gare");
    let benches = project(&app, "Des bancs le long de la Loire");
    let cycle_lane = project(&app, "Une piste cyclable rue de la République");
    let r = camille.post(
        &format!("/budgets/{e}/cart"),
        &[("add", &playground.to_string())],
    );
    assert_eq!(r.status, 303);
    assert_eq!(
        r.header("location"),
        Some(&*format!("/budgets/{e}#p{playground}"))
    );
    assert_eq!(add(&mut camille, e, basket), 303);
    let page = camille.get(&format!("/budgets/{e}?lang=fr")).text();
    assert!(page.contains("140\u{202f}000\u{a0}€"), "the running total");
    assert!(page.contains("il reste 10\u{202f}000\u{a0}€ sur 150\u{202f}000\u{a0}€"));
    assert!(page.contains("Ne rentre plus dans votre panier : il reste 10\u{202f}000\u{a0}€."));
    // Over the envelope: refused, the cart kept.
    let r = camille.post(
        &format!("/budgets/{e}/cart"),
        &[("add", &shelter.to_string())],
    );
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Ne rentre plus"));
    // Not on the ballot, or nothing at all: a clear 400.
    assert_eq!(add(&mut camille, e, cycle_lane), 400);
    let _ = camille.get(&format!("/budgets/{e}"));
    assert_eq!(camille.post(&format!("/budgets/{e}/cart"), &[]).status, 400);
    assert_eq!(
        int(&app, "SELECT count(*) FROM budget_carts"),
        2,
        "nothing more in the cart"
    );

    let before = int(
        &app,
        &format!("SELECT ballots FROM budget_envelopes WHERE id = {e}"),
    );
    let _ = camille.get(&format!("/budgets/{e}"));
    let r = camille.post(&format!("/budgets/{e}/vote"), &[("district", "")]);
    assert_eq!(r.status, 303);
    let page = camille
        .get(&format!("/budgets/{e}?done=voted&lang=fr"))
        .text();
    assert!(page.contains("Votre vote est enregistré"));
    assert!(page.contains("Vous avez voté"));
    assert_eq!(
        int(
            &app,
            &format!("SELECT ballots FROM budget_envelopes WHERE id = {e}")
        ),
        before + 1
    );
    assert_counters(&app);

    // Changed before the vote closes: still one ballot, the counters follow.
    let _ = camille.get(&format!("/budgets/{e}"));
    assert_eq!(
        camille
            .post(
                &format!("/budgets/{e}/cart"),
                &[("remove", &basket.to_string())]
            )
            .status,
        303
    );
    assert_eq!(add(&mut camille, e, benches), 303);
    let page = camille.get(&format!("/budgets/{e}?lang=fr")).text();
    assert!(page.contains("Votre panier a changé depuis votre vote"));
    let r = camille.post(&format!("/budgets/{e}/vote"), &[]);
    assert_eq!(r.status, 303);
    assert_eq!(
        int(
            &app,
            &format!("SELECT ballots FROM budget_envelopes WHERE id = {e}")
        ),
        before + 1
    );
    let chosen: String = app
        .db()
        .query_row(
            "SELECT b.projects FROM budget_ballots b JOIN users u ON u.id = b.user_id \
             WHERE u.email = 'camille@valbrune.example.org' AND b.envelope_id = ?",
            [e],
            |r| r.get(0),
        )
        .unwrap();
    let mut expected = [playground, benches];
    expected.sort();
    assert_eq!(chosen, format!("[{},{}]", expected[0], expected[1]));
    assert_counters(&app);

    // "My data" shows the ballot; erasure keeps it counted, without a name.
    let data = camille.get("/account/data.json").text();
    assert!(data.contains("budget_ballots"), "{data}");
    let _ = camille.get("/account/delete");
    let done = camille.post(
        "/account/delete",
        &[("password", "valbrune-citoyenne-2026")],
    );
    assert_eq!(done.status, 200);
    assert_eq!(
        int(
            &app,
            &format!("SELECT ballots FROM budget_envelopes WHERE id = {e}")
        ),
        before + 1
    );
    assert_eq!(
        int(
            &app,
            &format!(
                "SELECT count(*) FROM budget_ballots WHERE envelope_id = {e} AND user_id IS NULL AND channel = 'online'"
            )
        ),
        1
    );
    assert_eq!(int(&app, "SELECT count(*) FROM budget_carts"), 0);
    assert_counters(&app);
}

#[test]
fn the_rule_refuses_a_ballot_and_keeps_the_cart() {
    let app = start();
    let bois_joli = envelope(&app, "Quartier du Bois-Joli");
    let mut camille = camille(&app);
    // An empty cart.
    let _ = camille.get(&format!("/budgets/{bois_joli}?lang=fr"));
    let r = camille.post(&format!("/budgets/{bois_joli}/vote"), &[]);
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Votre panier est vide"));
    // Two projects at most.
    for title in [
        "Des jardins partagés au Bois-Joli",
        "Des abris vélos devant les écoles",
    ] {
        assert_eq!(add(&mut camille, bois_joli, project(&app, title)), 303);
    }
    let light = project(&app, "L'éclairage du chemin du lavoir");
    let r = camille.post(
        &format!("/budgets/{bois_joli}/cart"),
        &[("add", &light.to_string())],
    );
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("Votre panier a déjà 2 projets, le maximum.")
    );
    // A project slipped into the cart by hand (another envelope's): refused at the vote.
    let other = project(&app, "Des bancs le long de la Loire");
    app.db()
        .execute(
            "INSERT INTO budget_carts (user_id, envelope_id, project_id, added_at) \
             SELECT id, ?1, ?2, 0 FROM users WHERE email = 'camille@valbrune.example.org'",
            [bois_joli, other],
        )
        .unwrap();
    let _ = camille.get(&format!("/budgets/{bois_joli}"));
    let r = camille.post(&format!("/budgets/{bois_joli}/vote"), &[]);
    assert_eq!(r.status, 422);
    assert!(r.text().contains("plus soumis au vote"));
    assert_eq!(
        int(
            &app,
            &format!("SELECT count(*) FROM budget_carts WHERE envelope_id = {bois_joli}")
        ),
        3,
        "the cart is kept"
    );
    app.db()
        .execute("DELETE FROM budget_carts WHERE project_id = ?", [other])
        .unwrap();
    // An unconfirmed address: told so, nothing written.
    app.db()
        .execute(
            "UPDATE users SET email_confirmed_at = NULL WHERE email = 'camille@valbrune.example.org'",
            [],
        )
        .unwrap();
    let _ = camille.get(&format!("/budgets/{bois_joli}"));
    let r = camille.post(&format!("/budgets/{bois_joli}/vote"), &[]);
    assert_eq!(r.status, 403);
    assert!(r.text().contains("votre adresse e-mail (le lien"));
    app.db()
        .execute(
            "UPDATE users SET email_confirmed_at = 1 WHERE email = 'camille@valbrune.example.org'",
            [],
        )
        .unwrap();
    // The vote closed: no more ballots.
    app.db()
        .execute(
            "UPDATE process_phases SET starts_on = date('now', '-20 days'), ends_on = date('now', '-10 days') \
             WHERE (',' || tools || ',') LIKE '%,budget,%'",
            [],
        )
        .unwrap();
    let page = camille.get(&format!("/budgets/{bois_joli}?lang=fr"));
    assert!(page.text().contains("Vote clos le"));
    let r = camille.post(&format!("/budgets/{bois_joli}/vote"), &[]);
    assert_eq!(r.status, 403);
    assert!(r.text().contains("pas ouvert en ce moment"));
    assert_eq!(
        int(
            &app,
            &format!("SELECT ballots FROM budget_envelopes WHERE id = {bois_joli}")
        ),
        12
    );
    // Anonymous writes go to sign in; residents do not reach the staff's pages.
    assert_eq!(
        app.request("POST", &format!("/budgets/{bois_joli}/vote"), &[], b"")
            .status,
        403
    );
    assert_eq!(
        camille.get(&format!("/budgets/{bois_joli}/paper")).status,
        403
    );
    assert_eq!(
        camille
            .get(&format!("/budgets/{bois_joli}/settings"))
            .status,
        403
    );
    assert_eq!(
        camille.get(&format!("/budgets/{bois_joli}/results")).status,
        404
    );
}

#[test]
fn staff_enter_paper_ballots_count_by_both_rules_and_the_pb_recomputes_them() {
    let app = start();
    let e = envelope(&app, "Toute la commune");
    let mut staff = moderator(&app);
    let form = staff.get(&format!("/budgets/{e}/paper?lang=fr"));
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Numéro du bulletin"));
    let playground = project(&app, "Une aire de jeux inclusive au parc des Tilleuls");
    let fresco = project(&app, "Une fresque participative au collège");
    let basket = project(&app, "Un terrain de basket rénové à Saint-Martin");
    let district: i64 = int(&app, "SELECT id FROM districts WHERE name = 'Saint-Martin'");
    let path = format!("/budgets/{e}/paper");
    // Over the envelope (80 000 + 60 000 + 12 000): refused, the ticks kept.
    let r = staff.post(
        &path,
        &[
            ("reference", "p-0003"),
            ("district", &district.to_string()),
            ("project", &playground.to_string()),
            ("project", &basket.to_string()),
            ("project", &fresco.to_string()),
        ],
    );
    assert_eq!(r.status, 422);
    let text = r.text();
    assert!(
        text.contains("plus que l&#x27;enveloppe") || text.contains("plus que l'enveloppe"),
        "{text}"
    );
    assert!(text.contains(&format!("value=\"{fresco}\" checked")));
    let r = staff.post(
        &path,
        &[("reference", "b 12"), ("project", &fresco.to_string())],
    );
    assert_eq!(r.status, 422, "a reference with a space");
    let r = staff.post(
        &path,
        &[
            ("reference", "p-0003"),
            ("district", &district.to_string()),
            ("project", &playground.to_string()),
            ("project", &fresco.to_string()),
        ],
    );
    assert_eq!(r.status, 303);
    assert!(
        staff
            .get(r.header("location").unwrap())
            .text()
            .contains("P-0003")
    );
    let r = staff.post(
        &path,
        &[("reference", "P-0003"), ("project", &fresco.to_string())],
    );
    assert_eq!(r.status, 422);
    assert!(r.text().contains("déjà été saisi"));
    assert_eq!(
        int(
            &app,
            &format!("SELECT paper_ballots FROM budget_envelopes WHERE id = {e}")
        ),
        3
    );
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'budget-paper-ballot'"
        ),
        1
    );
    assert_counters(&app);

    // Counted by both methods; private until published.
    let _ = staff.get(&format!("/budgets/{e}/results"));
    assert_eq!(staff.post(&format!("/budgets/{e}/count"), &[]).status, 303);
    let results = staff.get(&format!("/budgets/{e}/results?lang=fr")).text();
    assert!(
        results.contains("Les plus votés d&#x27;abord")
            || results.contains("Les plus votés d'abord")
    );
    assert!(results.contains("Méthode des parts égales"));
    assert!(results.contains("pas encore publics"));
    assert_eq!(app.get(&format!("/budgets/{e}/results")).status, 404);
    assert_eq!(app.get(&format!("/budgets/{e}/ballots.pb")).status, 404);
    let _ = staff.get(&format!("/budgets/{e}/results"));
    assert_eq!(
        staff
            .post(&format!("/budgets/{e}/publish"), &[("publish", "1")])
            .status,
        303
    );
    let public = app.get(&format!("/budgets/{e}/results?lang=fr"));
    assert_eq!(public.status, 200);
    assert!(public.text().contains("Sur papier : 3 bulletins"));

    // Anyone recomputes the result from the anonymised ballots.
    let pb = app.get(&format!("/budgets/{e}/ballots.pb"));
    assert_eq!(pb.status, 200);
    let text = pb.text();
    assert!(!text.contains("camille"), "no one's name");
    assert!(text.contains("vote_type;approval"));
    assert!(text.contains(";paper;Saint-Martin"));
    let instance = pabulib::parse(&text).unwrap();
    assert_eq!(instance.ballots.len(), 33);
    let json: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/budgets/{e}/results.json")).text()).unwrap();
    for method in Method::ALL {
        let recomputed = count(&instance, method).funded();
        let published = funded(&json, method.as_str());
        assert_eq!(recomputed, published, "{method}");
        assert!(!published.is_empty());
    }
    let csv = app.get(&format!("/budgets/{e}/ballots.csv")).text();
    assert_eq!(csv.lines().count(), 34, "a header and a line per ballot");
    // The followers hear of the results.
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM activity WHERE kind = 'budget-results'"
        ),
        1
    );

    // The process report counts the vote and names the winners (by the
    // envelope's own method, most votes first); the other envelope's
    // results are not out yet.
    let report = staff.get(&format!("/processes/{BUDGET}/bilan?lang=fr"));
    assert_eq!(report.status, 200);
    let report = report.text();
    assert!(report.contains("Le vote du budget participatif"));
    assert!(
        report.contains("33 bulletins, dont 3 sur papier."),
        "{report}"
    );
    assert!(report.contains("habitants inscrits sur la plateforme"));
    assert!(report.contains("Les projets retenus"));
    for id in &funded(&json, "greedy") {
        assert!(
            report.contains(&format!("href=\"/budgets/{e}/projects/{id}\"")),
            "winner {id}"
        );
    }
    assert!(report.contains("ne sont pas encore publiés"));

    // The open-data API: the process's envelopes, one with its projects, and
    // the results once published (the other's are not).
    let api = |path: &str| -> (u16, serde_json::Value) {
        let r = app.get(path);
        (r.status, serde_json::from_str(&r.text()).unwrap())
    };
    let (status, list) = api(&format!("/api/v1/budgets?process={BUDGET}"));
    assert_eq!(status, 200);
    let listed = list["data"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    let other = listed
        .iter()
        .map(|b| b["id"].as_i64().unwrap())
        .find(|id| *id != e)
        .unwrap();
    let (status, one) = api(&format!("/api/v1/budgets/{e}"));
    assert_eq!(status, 200);
    assert_eq!(one["envelope"]["amount_eur"], 150_000);
    assert!(
        one["projects"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["votes"].is_i64())
    );
    let (_, closed) = api(&format!("/api/v1/budgets/{other}"));
    assert!(
        closed["projects"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["votes"].is_null()),
        "no running tally before the results"
    );
    let (status, results) = api(&format!("/api/v1/budgets/{e}/results"));
    assert_eq!(status, 200);
    assert_eq!(results["results"], json["results"]);
    assert_eq!(api(&format!("/api/v1/budgets/{other}/results")).0, 404);
    assert_eq!(api("/api/v1/budgets/abc").0, 400);
    assert_eq!(api("/api/v1/budgets/999999").0, 404);

    // The page kept for visitors follows the ballots: one more on paper.
    let plain = format!("/budgets/{e}/results");
    let before = app.get(&plain).text();
    assert_eq!(app.get(&plain).text(), before, "kept as it was");
    let _ = staff.get(&path);
    let r = staff.post(
        &path,
        &[("reference", "P-0004"), ("project", &fresco.to_string())],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(
        int(
            &app,
            &format!("SELECT ballots FROM budget_envelopes WHERE id = {e}")
        ),
        34
    );
    let after = app.get(&plain).text();
    assert_ne!(after, before);
    assert!(after.contains("34 bulletins"), "{after}");
}

#[test]
fn staff_set_up_an_envelope_and_review_projects_from_proposals() {
    let app = start();
    let mut staff = moderator(&app);
    let new = format!("/budgets/new?process={BUDGET}");
    assert_eq!(staff.get(&new).status, 200);
    for (fields, message) in [
        (
            vec![
                ("name", "Quais"),
                ("amount", "douze"),
                ("ballot", "knapsack"),
                ("method", "greedy"),
            ],
            "field-error",
        ),
        (
            vec![
                ("name", "Quais"),
                ("amount", "1000"),
                ("ballot", "approval"),
                ("method", "greedy"),
            ],
            "field-error",
        ),
        (
            vec![
                ("name", "Quais"),
                ("amount", "1000"),
                ("ballot", "knapsack"),
                ("method", "other"),
            ],
            "field-error",
        ),
    ] {
        let r = staff.post(&new, &fields);
        assert_eq!(r.status, 422, "{fields:?}");
        assert!(r.text().contains(message));
    }
    let r = staff.post(
        &new,
        &[
            ("name", "Les Quais"),
            ("amount", "30 000 €"),
            ("ballot", "knapsack"),
            ("min_percent", "50"),
            ("method", "equal_shares"),
            ("changeable", "on"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let e = envelope(&app, "Les Quais");
    assert_eq!(
        int(
            &app,
            &format!("SELECT amount FROM budget_envelopes WHERE id = {e}")
        ),
        30_000
    );
    let page = staff.get(&format!("/budgets/{e}?lang=fr")).text();
    assert!(page.contains("Un bulletin doit totaliser au moins 15\u{202f}000\u{a0}€."));

    // A proposal accepted: staff make it a project; its author hears of it.
    app.db()
        .execute(
            "INSERT INTO proposals (process_id, user_id, title, body, state, status, shuffle, \
             published_at, created_at, updated_at) \
             SELECT p.id, u.id, 'Des bancs au bord de l''eau', 'Installer des bancs tous les cent mètres.', \
             'published', 'accepted', 7, 1, 1, 1 FROM processes p, users u \
             WHERE p.slug = ?1 AND u.email = 'camille@valbrune.example.org'",
            [BUDGET],
        )
        .unwrap();
    let proposal: i64 = int(
        &app,
        "SELECT id FROM proposals WHERE title = 'Des bancs au bord de l''eau'",
    );
    let form = staff
        .get(&format!(
            "/budgets/{e}/projects/new?proposal={proposal}&lang=fr"
        ))
        .text();
    assert!(
        form.contains("Installer des bancs tous les cent mètres"),
        "its text"
    );
    let path = format!("/budgets/{e}/projects/new");
    let fields = |feasibility: &'static str, review: &'static str| {
        vec![
            ("proposal", proposal.to_string()),
            ("title", "Des bancs le long de la Loire".to_string()),
            ("body", "Vingt bancs.".to_string()),
            ("cost", "16000".to_string()),
            ("feasibility", feasibility.to_string()),
            ("review", review.to_string()),
        ]
    };
    let bad = fields("unfeasible", "");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = staff.post(&path, &bad);
    assert_eq!(r.status, 422, "not feasible needs its public reason");
    let good = fields("feasible", "");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = staff.post(&path, &good);
    assert_eq!(r.status, 303, "{}", r.text());
    let project_page = staff
        .get(&format!("{}?lang=fr", r.header("location").unwrap()))
        .text();
    assert!(project_page.contains("Réalisable"));
    assert!(project_page.contains("Issu de la proposition"));
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM notifications n JOIN activity a ON a.id = n.activity_id \
             WHERE a.kind = 'budget-project-from-proposal' AND n.user_id = \
             (SELECT id FROM users WHERE email = 'camille@valbrune.example.org')"
        ),
        1
    );
    // A revised cost keeps the first estimate, shown.
    let p = int(
        &app,
        &format!("SELECT id FROM budget_projects WHERE envelope_id = {e}"),
    );
    let edit = format!("/budgets/{e}/projects/{p}/edit");
    let _ = staff.get(&edit);
    let r = staff.post(
        &edit,
        &[
            ("proposal", &proposal.to_string()),
            ("title", "Des bancs le long de la Loire"),
            ("body", "Vingt bancs."),
            ("cost", "21000"),
            ("feasibility", "feasible"),
            ("review", "Des bancs en bois local, plus chers."),
        ],
    );
    assert_eq!(r.status, 303);
    let page = app
        .get(&format!("/budgets/{e}/projects/{p}?lang=fr"))
        .text();
    assert!(page.contains("Estimation initiale : 16\u{202f}000\u{a0}€"));
    assert!(page.contains("Des bancs en bois local"));
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'budget-project-save'"
        ),
        2
    );
    // The process page lists the envelopes.
    let process = app.get(&format!("/processes/{BUDGET}?lang=fr")).text();
    assert!(process.contains("Le vote du budget"));
    assert!(process.contains(&format!("/budgets/{e}")));
}

#[test]
fn the_home_page_says_until_when_the_vote_is_open_and_followers_hear_it_opened() {
    let app = start();
    let (phase, ends): (i64, String) = app
        .db()
        .query_row(
            "SELECT id, ends_on FROM process_phases WHERE tools = 'budget'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let until = palabre_kit::i18n::day_text(palabre_domain::Locale::Fr, &ends);
    let home = app.get("/?lang=fr").text();
    assert!(
        home.contains(&format!("Vote ouvert jusqu&#x27;au {until} inclus.")),
        "{until}"
    );
    // Only the process whose vote is under way says so.
    assert_eq!(home.matches("Vote ouvert jusqu").count(), 1);

    // A follower of the budget hears that the vote opened, once.
    let camille_id = int(
        &app,
        "SELECT id FROM users WHERE email = 'camille@valbrune.example.org'",
    );
    app.db()
        .execute(
            "INSERT OR IGNORE INTO follows (user_id, target_kind, target_id, created_at) \
             SELECT ?1, 'process', process_id, 0 FROM process_phases WHERE id = ?2",
            [camille_id, phase],
        )
        .unwrap();
    // (The demo's first request announced it already: as if it opened today.)
    let announced = "SELECT count(*) FROM activity WHERE kind = 'vote-opened'";
    assert_eq!(int(&app, announced), 1);
    app.db()
        .execute(
            "UPDATE process_phases SET opened_announced = 0 WHERE id = ?1",
            [phase],
        )
        .unwrap();
    let _ = app.get("/");
    let _ = app.get("/");
    assert_eq!(int(&app, announced), 2, "once more, not twice");
    let mut camille = camille(&app);
    let notes = camille.get("/notifications?lang=fr").text();
    assert!(notes.contains("Le vote est ouvert"), "{notes}");
}

const PIXEL: &[u8] = include_bytes!("../../fixtures/images/pixel.png");

#[test]
fn staff_place_a_project_on_the_map_with_its_image_and_follow_up_the_winners() {
    let app = start();
    let e = envelope(&app, "Toute la commune");
    let benches = project(&app, "Des bancs le long de la Loire");
    let mut staff = moderator(&app);
    let edit = format!("/budgets/{e}/projects/{benches}/edit");
    let form = staff.get(&format!("{edit}?lang=fr"));
    assert_eq!(form.status, 200);
    let form = form.text();
    assert!(form.contains("enctype=\"multipart/form-data\""), "{form}");
    assert!(form.contains("name=\"latitude\""));
    assert!(form.contains("leaflet"), "the map picker is loaded");
    let fields = |lat: &'static str| {
        vec![
            ("title", "Des bancs le long de la Loire"),
            ("body", "Vingt bancs sur le chemin de halage."),
            ("cost", "18000"),
            ("address", "Chemin de halage"),
            ("latitude", lat),
            ("longitude", "0.6871"),
            ("feasibility", "feasible"),
            ("review", ""),
            ("image_alt", "Un banc face à la Loire"),
        ]
    };
    // A place off the map and a file that is not an image: refused, nothing saved.
    let r = staff.post_multipart(
        &edit,
        &fields("95"),
        &[("image", "banc.png", b"<svg onload='alert(1)'/>")],
    );
    assert_eq!(r.status, 422);
    let text = r.text();
    assert!(text.contains("Choisissez une image PNG, JPEG ou WebP."));
    assert!(
        text.contains("value=\"Chemin de halage\""),
        "what was typed is kept"
    );
    assert_eq!(int(&app, "SELECT count(*) FROM images"), 0);
    let _ = staff.get(&edit);
    let r = staff.post_multipart(&edit, &fields("47.3925"), &[("image", "banc.png", PIXEL)]);
    assert_eq!(r.status, 303, "{}", r.text());
    let page = app
        .get(&format!("/budgets/{e}/projects/{benches}?lang=fr"))
        .text();
    assert!(page.contains("Lieu du projet"));
    assert!(page.contains("data-map-point=\"47.392500,0.687100\""));
    assert!(page.contains("alt=\"Un banc face à la Loire\""));
    assert!(page.contains("src=\"/images/"));
    // Not a winner yet: no follow-up, and none can be posted.
    assert!(!page.contains("Suivi de la réalisation"));
    let milestones = format!("/budgets/{e}/projects/{benches}/milestones");
    let step = [
        ("date", "2027-03-15"),
        ("percent", "40"),
        ("body", "Les huit premiers bancs sont posés."),
    ];
    let _ = staff.get(&format!("/budgets/{e}/projects/{benches}"));
    assert_eq!(staff.post(&milestones, &step).status, 403);

    // Counted and published: the winners get their follow-up.
    let _ = staff.get(&format!("/budgets/{e}/results"));
    assert_eq!(staff.post(&format!("/budgets/{e}/count"), &[]).status, 303);
    assert_eq!(
        staff
            .post(&format!("/budgets/{e}/publish"), &[("publish", "1")])
            .status,
        303
    );
    let json: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/budgets/{e}/results.json")).text()).unwrap();
    let winners = funded(&json, "greedy");
    let winner = winners[0];
    let loser = json["results"]["greedy"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["funded"] == false)
        .map(|l| l["project"].as_i64().unwrap())
        .expect("a project that did not win");
    let _ = staff.get(&format!("/budgets/{e}/projects/{loser}"));
    assert_eq!(
        staff
            .post(&format!("/budgets/{e}/projects/{loser}/milestones"), &step)
            .status,
        403,
        "only a winner is followed up"
    );
    let page = format!("/budgets/{e}/projects/{winner}");
    let shown = staff.get(&format!("{page}?lang=fr")).text();
    assert!(shown.contains("Projet retenu"));
    assert!(shown.contains("Ajouter une étape au suivi"));
    let path = format!("{page}/milestones");
    let bad = staff.post(
        &path,
        &[
            ("date", "2027-02-30"),
            ("percent", "150"),
            ("body", "Les huit premiers bancs sont posés."),
        ],
    );
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("Les huit premiers bancs sont posés."));
    let mut camille = camille(&app);
    let _ = camille.get(&page);
    assert_eq!(camille.post(&path, &step).status, 403, "residents do not");
    let _ = staff.get(&page);
    let r = staff.post(&path, &step);
    assert_eq!(r.status, 303);
    assert_eq!(
        r.header("location"),
        Some(format!("{page}#follow-up").as_str())
    );
    let _ = staff.get(&page);
    let later = [
        ("date", "2027-06-01"),
        ("percent", "100"),
        ("body", "Tous les bancs sont posés."),
    ];
    assert_eq!(staff.post(&path, &later).status, 303);
    let public = app.get(&format!("{page}?lang=fr")).text();
    assert!(public.contains("Suivi de la réalisation"));
    assert!(public.contains("15 mars 2027"));
    assert!(
        public.contains("value=\"100\""),
        "the progress is the latest"
    );
    assert!(!public.contains("Ajouter une étape au suivi"));
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM activity WHERE kind = 'budget-project-milestone'"
        ),
        2
    );
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'budget-project-milestone'"
        ),
        2
    );
    // The report (staff read its draft) shows the winner's progress, with a
    // link to its follow-up.
    let report = staff
        .get(&format!("/processes/{BUDGET}/bilan?lang=fr"))
        .text();
    assert!(
        report.contains(&format!("href=\"{page}#follow-up\"")),
        "{report}"
    );
    // The open data give the place and the follow-up.
    let api: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/api/v1/budgets/{e}")).text()).unwrap();
    let of = |id: i64| {
        api["projects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(of(benches)["location"]["latitude"], 47.3925);
    let steps = of(winner)["milestones"].as_array().unwrap().clone();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[1]["percent"], 100);
    assert_eq!(steps[0]["date"], "2027-03-15");
}
