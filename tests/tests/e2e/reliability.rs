//! Reliability (docs/RELIABILITY.md): a thousand people writing at once,
//! replayed and double-clicked forms, two people saving the same page, a
//! database that stays locked, a host killed during a write storm, SQL
//! metacharacters, and a database upgraded from the previous schema.

use palabre_e2e::{Browser, ONCE_FIELD, Person, TestApp, crowd, post_at_once};

const CROWD: usize = 1_000;
const DISCUSSION: &str = "/discussions/usages-des-quais";
const SURVEY: &str = "/questionnaires/deplacements-2025";

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn proposal(app: &TestApp, title: &str) -> i64 {
    let _ = app.get("/health");
    app.db()
        .query_row("SELECT id FROM proposals WHERE title = ?", [title], |r| {
            r.get(0)
        })
        .unwrap()
}

fn comment(app: &TestApp, needle: &str) -> i64 {
    let _ = app.get("/health");
    app.db()
        .query_row(
            "SELECT id FROM comments WHERE body LIKE '%' || ? || '%' ORDER BY id LIMIT 1",
            [needle],
            |r| r.get(0),
        )
        .unwrap()
}

fn statuses_of(statuses: &[u16]) -> std::collections::BTreeMap<u16, usize> {
    let mut seen = std::collections::BTreeMap::new();
    for s in statuses {
        *seen.entry(*s).or_insert(0) += 1;
    }
    seen
}

fn camille(app: &TestApp) -> Browser<'_> {
    Browser::signed_in(
        app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    )
}

#[test]
fn a_thousand_people_supporting_at_once_count_a_thousand() {
    let app = TestApp::start();
    let gardens = proposal(&app, "Des jardins partagés au Bois-Joli");
    let supports = format!("SELECT supports FROM proposals WHERE id = {gardens}");
    let rows = format!("SELECT count(*) FROM proposal_supports WHERE proposal_id = {gardens}");
    let (start, start_rows) = (count(&app, &supports), count(&app, &rows));
    let people = crowd(&app, "soutien", CROWD);
    let path = format!("/proposals/{gardens}/support");
    let statuses = post_at_once(&app, &path, &people, |_| String::new());
    assert_eq!(
        statuses_of(&statuses),
        [(303, CROWD)].into(),
        "{}",
        app.log()
    );
    assert_eq!(count(&app, &supports), start + CROWD as i64);
    assert_eq!(count(&app, &rows), start_rows + CROWD as i64);
}

#[test]
fn a_thousand_people_answering_at_once_count_a_thousand() {
    let app = TestApp::start();
    let _ = app.get("/health");
    app.db()
        .execute(
            "UPDATE questionnaires SET closes_on = '2099-12-31' WHERE slug = 'deplacements-2025'",
            [],
        )
        .unwrap();
    let survey = "(SELECT id FROM questionnaires WHERE slug = 'deplacements-2025')";
    let kept = format!("SELECT responses_count FROM questionnaires WHERE id = {survey}");
    let rows = format!(
        "SELECT count(*) FROM responses WHERE questionnaire_id = {survey} AND status = 'submitted'"
    );
    let (start, start_rows) = (count(&app, &kept), count(&app, &rows));
    let people = crowd(&app, "reponse", CROWD);
    let path = format!("{SURVEY}/answer?section=0");
    // A choice by index, a scale from 1 to 5, and a suggestion of one's own.
    let statuses = post_at_once(&app, &path, &people, |p| {
        format!("q1={}&q2={}&q4=suggestion+{}", p.id % 4, 1 + p.id % 5, p.id)
    });
    assert_eq!(
        statuses_of(&statuses),
        [(303, CROWD)].into(),
        "{}",
        app.log()
    );
    assert_eq!(count(&app, &kept), start + CROWD as i64);
    assert_eq!(count(&app, &rows), start_rows + CROWD as i64);
}

#[test]
fn a_thousand_reactions_at_once_count_a_thousand() {
    let app = TestApp::start();
    let id = comment(&app, "promenade piétonne");
    let up = format!("SELECT up FROM comments WHERE id = {id}");
    let rows = format!("SELECT count(*) FROM comment_reactions WHERE comment_id = {id}");
    let (start, start_rows) = (count(&app, &up), count(&app, &rows));
    let people = crowd(&app, "reaction", CROWD);
    let path = format!("{DISCUSSION}/comments/{id}/react");
    let statuses = post_at_once(&app, &path, &people, |_| "reaction=up".into());
    assert_eq!(
        statuses_of(&statuses),
        [(303, CROWD)].into(),
        "{}",
        app.log()
    );
    assert_eq!(count(&app, &up), start + CROWD as i64);
    assert_eq!(count(&app, &rows), start_rows + CROWD as i64);
}

/// The same submit (same session, same key) sent `n` times at once.
fn same_submit_at_once(
    app: &TestApp,
    person: &Person,
    path: &str,
    body: &str,
    n: usize,
) -> Vec<palabre_e2e::Response> {
    let gate = std::sync::Barrier::new(n);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..n)
            .map(|_| {
                let gate = &gate;
                s.spawn(move || {
                    gate.wait();
                    app.request(
                        "POST",
                        path,
                        &[
                            ("Cookie", person.cookie.as_str()),
                            ("Content-Type", "application/x-www-form-urlencoded"),
                        ],
                        format!("_csrf={}&{body}", person.csrf).as_bytes(),
                    )
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

#[test]
fn a_replayed_or_double_clicked_form_has_one_effect_and_the_same_answer() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let comments = "SELECT count(*) FROM comments";
    let mut camille = camille(&app);

    // Sent twice, one after the other: one comment, the same answer twice.
    let _ = camille.get(DISCUSSION);
    let key = camille.once().expect("every form carries a key");
    assert_eq!(key.len(), 22, "{key}");
    let before = count(&app, comments);
    let body = "Un seul commentaire, même envoyé deux fois.";
    let first = camille.post(
        &format!("{DISCUSSION}/comments"),
        &[("body", body), ("stance", "for"), (ONCE_FIELD, &key)],
    );
    assert_eq!(first.status, 303, "{}", first.text());
    let again = camille.post(
        &format!("{DISCUSSION}/comments"),
        &[("body", body), ("stance", "for"), (ONCE_FIELD, &key)],
    );
    assert_eq!(again.status, 303);
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(count(&app, comments), before + 1);

    // Each rendering of a form draws a new key.
    let _ = camille.get(DISCUSSION);
    assert_ne!(camille.once(), Some(key.clone()));

    // Refused input releases the key: corrected, the same form goes through.
    let retry = camille.once().unwrap();
    let empty = camille.post(
        &format!("{DISCUSSION}/comments"),
        &[("body", " "), ("stance", "for"), (ONCE_FIELD, &retry)],
    );
    assert_eq!(empty.status, 422);
    let fixed = camille.post(
        &format!("{DISCUSSION}/comments"),
        &[
            ("body", "Corrigé, puis envoyé."),
            ("stance", "for"),
            (ONCE_FIELD, &retry),
        ],
    );
    assert_eq!(fixed.status, 303);
    assert_eq!(count(&app, comments), before + 2);

    // A key belongs to the session that was shown the form: another
    // person sending it is a new submit.
    let other = &crowd(&app, "autre", 1)[0];
    let theirs = app.request(
        "POST",
        &format!("{DISCUSSION}/comments"),
        &[
            ("Cookie", other.cookie.as_str()),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        format!(
            "_csrf={}&body=Le+mien&stance=for&{ONCE_FIELD}={key}",
            other.csrf
        )
        .as_bytes(),
    );
    assert_eq!(theirs.status, 303);
    assert_eq!(count(&app, comments), before + 3);

    // Five clicks arriving together: one comment, five times the same answer.
    let clicker = &crowd(&app, "clic", 1)[0];
    let body = format!("body=Cinq+clics&stance=for&{ONCE_FIELD}=cinq-clics-0123456789ab");
    let answers = same_submit_at_once(&app, clicker, &format!("{DISCUSSION}/comments"), &body, 5);
    assert!(
        answers.iter().all(|r| r.status == 303),
        "{:?}",
        answers.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    let location = answers[0].header("location").map(str::to_string);
    assert!(
        answers
            .iter()
            .all(|r| r.header("location").map(str::to_string) == location)
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM comments WHERE body = 'Cinq clics'"
        ),
        1
    );

    // Supports too: a double click is one support.
    let gardens = proposal(&app, "Des jardins partagés au Bois-Joli");
    let supports = format!("SELECT supports FROM proposals WHERE id = {gardens}");
    let start = count(&app, &supports);
    let body = format!("{ONCE_FIELD}=deux-clics-0123456789ab");
    let answers = same_submit_at_once(
        &app,
        clicker,
        &format!("/proposals/{gardens}/support"),
        &body,
        2,
    );
    assert!(answers.iter().all(|r| r.status == 303));
    assert_eq!(count(&app, &supports), start + 1);
}

#[test]
fn two_people_saving_the_same_page_lose_nothing() {
    let app = TestApp::start();
    let admin = |app| Browser::signed_in(app, "admin@valbrune.example.org", "valbrune-admin-2026");
    let (mut first, mut second) = (admin(&app), admin(&app));
    let page = "/admin/pages/1";
    let version = |html: &str| palabre_e2e::hidden_in(html, "_version").expect("a version");
    let opened = version(&first.get(page).text());
    assert_eq!(version(&second.get(page).text()), opened);
    let body = || -> String {
        app.db()
            .query_row("SELECT body FROM pages WHERE id = 1", [], |r| r.get(0))
            .unwrap()
    };

    let saved = first.post(
        page,
        &[
            ("title", "À propos"),
            ("body", "Le texte de la première."),
            ("_version", &opened),
        ],
    );
    assert_eq!(saved.status, 303, "{}", saved.text());
    // The second saves on the version they opened: refused, their text kept.
    let late = second.post(
        page,
        &[
            ("title", "À propos"),
            ("body", "Le texte de la seconde."),
            ("_version", &opened),
        ],
    );
    assert_eq!(late.status, 409);
    let html = late.text();
    assert!(html.contains("Modifié entre-temps"), "{html}");
    assert!(html.contains("Le texte de la seconde."));
    assert_eq!(body(), "Le texte de la première.");
    // Having seen the newer version, saving again is their choice.
    let newer = version(&html);
    assert_ne!(newer, opened);
    let chosen = second.post(
        page,
        &[
            ("title", "À propos"),
            ("body", "Le texte de la seconde."),
            ("_version", &newer),
        ],
    );
    assert_eq!(chosen.status, 303);
    assert_eq!(body(), "Le texte de la seconde.");
}
