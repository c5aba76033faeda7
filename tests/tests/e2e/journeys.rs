//! Everyday journeys (issue 27): every process's proposals, the proposal
//! call on a process page, what a closed submission says, the language
//! switch keeping the page's parameters and sticking, and the commune's
//! time zone.

use palabre_e2e::TestApp;
use palabre_e2e::demo::{admin, camille};

const BUDGET: &str = "budget-participatif-2026";

#[test]
fn every_process_proposals_are_listed_and_in_the_navigation() {
    let app = TestApp::start();
    let home = app.get("/?lang=fr").text();
    assert!(
        home.contains(r#"<a href="/proposals">Propositions</a>"#),
        "the main navigation leads to the proposals"
    );
    let all = app.get("/proposals?lang=fr");
    assert_eq!(all.status, 200);
    let html = all.text();
    assert!(html.contains("Toutes les propositions"));
    assert!(html.contains("Des jardins partagés au Bois-Joli"));
    // Each card names its process; the filter offers the processes.
    assert!(html.contains("Budget participatif 2026"));
    assert!(html.contains(&format!(r#"<option value="{BUDGET}">"#)));
    // Where a proposal can be submitted today.
    assert!(html.contains(&format!("/proposals/new?process={BUDGET}")));
    // A process's own list is still there, with its filter selected.
    let one = app
        .get(&format!("/proposals?process={BUDGET}&lang=fr"))
        .text();
    assert!(one.contains(&format!(r#"<option value="{BUDGET}" selected>"#)));
    // The process page's main call is to submit a proposal.
    let process = app.get(&format!("/processes/{BUDGET}?lang=fr")).text();
    let call = format!(r#"<a class="button" href="/proposals/new?process={BUDGET}">"#);
    assert!(process.contains(&call), "the proposal call");
}

#[test]
fn a_submission_that_is_not_open_says_when_it_opens() {
    let app = TestApp::start();
    let mut camille = camille(&app);
    let new = format!("/proposals/new?process={BUDGET}&lang=fr");
    assert_eq!(camille.get(&new).status, 200);
    let db = app.db();
    // Every phase with proposals starts in ten days.
    db.execute(
        "UPDATE process_phases SET starts_on = date('now', '+10 days'), ends_on = date('now', '+40 days') \
         WHERE (',' || tools || ',') LIKE '%,proposal,%'",
        [],
    )
    .unwrap();
    let opens: String = db
        .query_row("SELECT date('now', '+10 days')", [], |r| r.get(0))
        .unwrap();
    let day = palabre_domain::date::Day::parse(&opens).unwrap();
    let written = palabre_kit::i18n::day(palabre_domain::Locale::Fr, day);
    let closed = camille.get(&new);
    assert_eq!(closed.status, 403);
    let html = closed.text();
    assert!(html.contains("n’est pas ouvert"), "{html}");
    assert!(html.contains(&format!("ouvre le {written}")), "{written}");
    assert!(
        html.contains("site-header"),
        "a page of the site, with its header"
    );
    // Closed for good: said so.
    db.execute(
        "UPDATE process_phases SET starts_on = '2020-01-01', ends_on = '2020-02-01' \
         WHERE (',' || tools || ',') LIKE '%,proposal,%'",
        [],
    )
    .unwrap();
    let closed = camille.get(&new).text();
    assert!(closed.contains("le dépôt des propositions est fermé"));
}

#[test]
fn the_language_switch_keeps_the_page_and_sticks() {
    let app = TestApp::start();
    let mut camille = camille(&app);
    let form = camille
        .get(&format!("/proposals/new?process={BUDGET}&lang=fr"))
        .text();
    let german = format!("/proposals/new?process={BUDGET}&amp;lang=de");
    assert!(form.contains(&german), "the switch keeps the process");
    let de = camille.get(&format!("/proposals/new?process={BUDGET}&lang=de"));
    assert_eq!(de.status, 200);
    assert!(de.text().contains(r#"<html lang="de">"#));
    // The choice sticks, although camille's profile says French.
    let next = camille.get("/proposals").text();
    assert!(
        next.contains(r#"<html lang="de">"#),
        "the switch's choice wins"
    );
    // Saving the profile's language moves this browser to it.
    let profile = camille.get("/account/profile").text();
    assert!(profile.contains(r#"<html lang="de">"#));
    let saved = camille.post(
        "/account/profile",
        &[("name", "Camille Martin"), ("bio", ""), ("locale", "en")],
    );
    assert_eq!(saved.status, 200, "{}", saved.text());
    assert!(camille.get("/").text().contains(r#"<html lang="en">"#));
}

#[test]
fn the_commune_chooses_its_time_zone() {
    let app = TestApp::start();
    let mut admin = admin(&app);
    let form = admin.get("/admin/site?lang=fr").text();
    assert!(form.contains("Fuseau horaire"));
    assert!(
        form.contains(r#"<option value="Europe/Paris" selected>"#),
        "the default for a French commune"
    );
    let zone = |app: &TestApp| -> Option<String> {
        app.db()
            .query_row(
                "SELECT value FROM settings WHERE key = 'commune.time_zone'",
                [],
                |r| r.get(0),
            )
            .ok()
    };
    let mut fields = |z: &str| {
        admin.post(
            "/admin/site",
            &[
                ("name", "Valbrune"),
                ("tagline", ""),
                ("intro", "Bienvenue."),
                ("zone", z),
                ("primary", "#1d4e89"),
                ("secondary", "#8a3b12"),
                ("block_hero", "1"),
            ],
        )
    };
    let refused = fields("Mars/Olympus");
    assert_eq!(refused.status, 422);
    assert_eq!(zone(&app), None, "nothing saved");
    let ok = fields("Indian/Reunion");
    assert_eq!(ok.status, 303);
    assert_eq!(zone(&app).as_deref(), Some("Indian/Reunion"));
}
