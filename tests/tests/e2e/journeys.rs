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

#[test]
fn a_draft_says_so_and_its_author_may_delete_it() {
    let app = TestApp::start();
    let mut camille = camille(&app);
    let _ = camille.get(&format!("/proposals/new?process={BUDGET}"));
    let made = camille.post(
        &format!("/proposals/new?process={BUDGET}"),
        &[
            ("title", "Un banc sous le tilleul"),
            ("body", "Un banc à l'ombre, place de l'Église."),
            ("category", ""),
            ("district", ""),
        ],
    );
    assert_eq!(made.status, 303, "{}", made.text());
    let page = made.header("location").unwrap().to_string();
    let id: i64 = app
        .db()
        .query_row(
            "SELECT id FROM proposals WHERE title = 'Un banc sous le tilleul'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let draft = camille.get(&format!("/proposals/{id}?lang=fr")).text();
    assert!(draft.contains(r#"<span class="status status-draft">Brouillon</span>"#));
    assert!(!draft.contains("status-open"), "a draft has no status yet");
    assert!(draft.contains("Supprimer ce brouillon"));
    // The author finds it again from the list.
    let list = camille
        .get(&format!("/proposals?process={BUDGET}&lang=fr"))
        .text();
    assert!(list.contains("Vos brouillons"));
    assert!(list.contains(&format!(
        r#"<a href="/proposals/{id}">Un banc sous le tilleul</a>"#
    )));
    // Nobody else deletes it, and a published proposal is never deleted.
    let mut admin = admin(&app);
    let _ = admin.get(&format!("/proposals/{id}"));
    assert_eq!(
        admin.post(&format!("/proposals/{id}/delete"), &[]).status,
        403
    );
    let published: i64 = app
        .db()
        .query_row(
            "SELECT id FROM proposals WHERE state = 'published' AND user_id = \
             (SELECT id FROM users WHERE email = 'camille@valbrune.example.org') LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap_or(0);
    if published > 0 {
        let _ = camille.get(&format!("/proposals/{published}"));
        assert_eq!(
            camille
                .post(&format!("/proposals/{published}/delete"), &[])
                .status,
            403
        );
    }
    let _ = camille.get(&page);
    let gone = camille.post(&format!("/proposals/{id}/delete"), &[]);
    assert_eq!(gone.status, 303);
    let back = gone.header("location").unwrap().to_string();
    assert!(back.contains("deleted=1"), "{back}");
    assert!(
        camille
            .get(&format!("{back}&lang=fr"))
            .text()
            .contains("Brouillon supprimé.")
    );
    assert_eq!(camille.get(&format!("/proposals/{id}")).status, 404);
}

#[test]
fn a_report_is_confirmed_at_the_comment_and_staff_export_the_thread() {
    let app = TestApp::start();
    let page = "/discussions/usages-des-quais";
    // The first request migrates and seeds the database.
    let mut camille = camille(&app);
    let comment: i64 = app
        .db()
        .query_row(
            "SELECT c.id FROM comments c JOIN discussions d ON d.id = c.resource_id \
             WHERE c.resource = 'discussion' AND d.slug = 'usages-des-quais' AND c.user_id <> \
             (SELECT id FROM users WHERE email = 'camille@valbrune.example.org') ORDER BY c.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let _ = camille.get(page);
    let r = camille.post(
        &format!("{page}/comments/{comment}/report"),
        &[("reason", "Hors sujet")],
    );
    assert_eq!(r.status, 303);
    let at = r.header("location").unwrap().to_string();
    assert!(at.ends_with(&format!("#c{comment}")), "{at}");
    let html = camille.get(&format!("{at}&lang=fr")).text();
    let own = html
        .split(&format!(r#"id="c{comment}""#))
        .nth(1)
        .and_then(|rest| rest.split("</li>").next())
        .unwrap_or_default()
        .to_string();
    assert!(
        own.contains("Merci : l"),
        "the confirmation is at the comment: {own}"
    );
    // The thread's comments, for staff only, in a spreadsheet's flavour too.
    assert_eq!(
        camille.get(&format!("{page}/comments/export.csv")).status,
        403
    );
    let mut admin = admin(&app);
    let html = admin.get(&format!("{page}?lang=fr")).text();
    assert!(html.contains("Exporter ces commentaires"));
    let csv = admin.get(&format!("{page}/comments/export.csv"));
    assert_eq!(csv.status, 200);
    let text = csv.text();
    assert!(
        text.starts_with(
            "id,parent,author,written,stance,agree,disagree,badge,hidden,withdrawn,body"
        ),
        "{text}"
    );
    let rows: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM comments c JOIN discussions d ON d.id = c.resource_id \
             WHERE c.resource = 'discussion' AND d.slug = 'usages-des-quais'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(rows > 0);
    let excel = admin.get(&format!("{page}/comments/export.csv?excel=1&lang=fr"));
    assert!(
        excel.body.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    assert!(excel.text().contains("Numéro;En réponse au numéro;Auteur"));
    // The exports page lists the debate.
    let exports = admin.get("/admin/exports?lang=fr").text();
    assert!(exports.contains(&format!("{page}/comments/export.csv")));
}

#[test]
fn a_process_shows_its_news_and_the_dashboard_what_awaits_an_answer() {
    let app = TestApp::start();
    let quays = app.get("/processes/quais-de-loire?lang=fr").text();
    assert!(quays.contains("Actualités de la concertation"));
    assert!(quays.contains("Réunion publique sur le réaménagement des quais"));
    // Staff attach a news item to a process.
    let mut admin = admin(&app);
    let process: i64 = app
        .db()
        .query_row(
            "SELECT id FROM processes WHERE slug = 'mobilites-2025'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let form = admin.get("/admin/news/new?lang=fr").text();
    assert!(form.contains("Toute la commune"));
    let bad = admin.post(
        "/admin/news/new",
        &[
            ("title", "La navette électrique arrive"),
            ("slug", ""),
            ("summary", "Dès le printemps."),
            ("body", ""),
            ("process", "999999"),
            ("status", "published"),
        ],
    );
    assert_eq!(bad.status, 422);
    let _ = admin.get("/admin/news/new");
    let ok = admin.post(
        "/admin/news/new",
        &[
            ("title", "La navette électrique arrive"),
            ("slug", ""),
            ("summary", "Dès le printemps."),
            ("body", ""),
            ("process", &process.to_string()),
            ("status", "published"),
        ],
    );
    assert_eq!(ok.status, 303, "{}", ok.text());
    let page = app.get("/processes/mobilites-2025?lang=fr").text();
    assert!(page.contains("La navette électrique arrive"));
    // The dashboard: the list of every unanswered proposal, and a chart with axes.
    let dash = admin.get("/admin?lang=fr").text();
    assert!(
        dash.contains(r#"href="/proposals?status=open&amp;sort=supported""#),
        "{dash}"
    );
    assert!(
        dash.contains("attendent la réponse de la commune")
            || dash.contains("attend la réponse de la commune")
    );
    assert!(dash.contains(r#"class="tick""#));
}
