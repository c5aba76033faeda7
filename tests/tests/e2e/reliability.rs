//! Reliability (docs/RELIABILITY.md): a thousand people writing (and voting) at once,
//! replayed and double-clicked forms, two people saving the same page, a
//! database that stays locked, a host killed during a write storm, SQL
//! metacharacters, and a database upgraded from the previous schema.

use palabre_e2e::demo::camille;
use palabre_e2e::{
    Browser, ONCE_FIELD, Person, TestApp, crowd, post_at_once_until_counted, rows, tables,
};

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

#[test]
fn a_thousand_people_supporting_at_once_count_a_thousand() {
    let app = TestApp::start_for_a_crowd();
    let gardens = proposal(&app, "Des jardins partagés au Bois-Joli");
    let supports = format!("SELECT supports FROM proposals WHERE id = {gardens}");
    let rows = format!("SELECT count(*) FROM proposal_supports WHERE proposal_id = {gardens}");
    let (start, start_rows) = (count(&app, &supports), count(&app, &rows));
    let people = crowd(&app, "soutien", CROWD);
    let path = format!("/proposals/{gardens}/support");
    post_at_once_until_counted(&app, &path, &people, |_| String::new());
    assert_eq!(count(&app, &supports), start + CROWD as i64);
    assert_eq!(count(&app, &rows), start_rows + CROWD as i64);
}

#[test]
fn a_thousand_people_answering_at_once_count_a_thousand() {
    let app = TestApp::start_for_a_crowd();
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
    post_at_once_until_counted(&app, &path, &people, |p| {
        format!("q1={}&q2={}&q4=suggestion+{}", p.id % 4, 1 + p.id % 5, p.id)
    });
    assert_eq!(count(&app, &kept), start + CROWD as i64);
    assert_eq!(count(&app, &rows), start_rows + CROWD as i64);
}

#[test]
fn a_thousand_reactions_at_once_count_a_thousand() {
    let app = TestApp::start_for_a_crowd();
    let id = comment(&app, "promenade piétonne");
    let up = format!("SELECT up FROM comments WHERE id = {id}");
    let rows = format!("SELECT count(*) FROM comment_reactions WHERE comment_id = {id}");
    let (start, start_rows) = (count(&app, &up), count(&app, &rows));
    let people = crowd(&app, "reaction", CROWD);
    let path = format!("{DISCUSSION}/comments/{id}/react");
    post_at_once_until_counted(&app, &path, &people, |_| "reaction=up".into());
    assert_eq!(count(&app, &up), start + CROWD as i64);
    assert_eq!(count(&app, &rows), start_rows + CROWD as i64);
}

#[test]
fn a_thousand_residents_voting_at_once_cast_a_thousand_ballots() {
    let app = TestApp::start_for_a_crowd();
    let _ = app.get("/health");
    let id = |sql: &str| count(&app, sql);
    let e = id("SELECT id FROM budget_envelopes WHERE name = 'Toute la commune'");
    let benches =
        id("SELECT id FROM budget_projects WHERE title = 'Des bancs le long de la Loire'");
    let fresco =
        id("SELECT id FROM budget_projects WHERE title = 'Une fresque participative au collège'");
    let bikes =
        id("SELECT id FROM budget_projects WHERE title = 'Un abri vélo sécurisé à la gare'");
    let ballots = format!("SELECT ballots FROM budget_envelopes WHERE id = {e}");
    let votes = |p: i64| format!("SELECT votes FROM budget_projects WHERE id = {p}");
    let (start, start_benches, start_fresco, start_bikes) = (
        count(&app, &ballots),
        count(&app, &votes(benches)),
        count(&app, &votes(fresco)),
        count(&app, &votes(bikes)),
    );
    // Each fills a cart (as the forms would), then all confirm at once:
    // the benches and, one in two, the fresco, else the bike shelter.
    let people = crowd(&app, "votant", CROWD);
    {
        let mut db = app.db();
        let tx = db.transaction().unwrap();
        for (i, person) in people.iter().enumerate() {
            let second = if i % 2 == 0 { fresco } else { bikes };
            for project in [benches, second] {
                tx.execute(
                    "INSERT INTO budget_carts (user_id, envelope_id, project_id, added_at) VALUES (?1, ?2, ?3, 0)",
                    [person.id, e, project],
                )
                .unwrap();
            }
        }
        tx.commit().unwrap();
    }
    let path = format!("/budgets/{e}/vote");
    post_at_once_until_counted(&app, &path, &people, |_| String::new());
    let n = CROWD as i64;
    assert_eq!(count(&app, &ballots), start + n);
    assert_eq!(count(&app, &votes(benches)), start_benches + n);
    assert_eq!(count(&app, &votes(fresco)), start_fresco + n / 2);
    assert_eq!(count(&app, &votes(bikes)), start_bikes + n / 2);
    // Every counter equals its rows, and each voter has one ballot.
    crate::budget::assert_counters(&app);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(DISTINCT b.user_id) FROM budget_ballots b JOIN users u ON u.id = b.user_id \
                 WHERE b.envelope_id = {e} AND u.email LIKE 'votant-%'"
            )
        ),
        n
    );
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

/// Two staff members open the same edit form; the first saves, then the
/// second: refused (409) with their text kept, until they save again having
/// seen the newer version. `text` is the field both change; `read` reads it.
fn no_lost_update(
    app: &TestApp,
    (first, second): (&mut Browser<'_>, &mut Browser<'_>),
    page: &str,
    (text, read): (&str, &str),
) {
    let (first_form, second_form) = (first.get(page).text(), second.get(page).text());
    let fields = |html: &str, value: &str| {
        palabre_e2e::form_values(html, page)
            .into_iter()
            .filter(|(k, _)| k != "_csrf")
            .map(|(k, v)| {
                if k == text {
                    (k, value.to_string())
                } else {
                    (k, v)
                }
            })
            .collect::<Vec<_>>()
    };
    let send = |b: &mut Browser<'_>, fields: &[(String, String)]| {
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        b.post(page, &fields)
    };
    let stored = || -> String { app.db().query_row(read, [], |r| r.get(0)).unwrap() };

    let saved = send(first, &fields(&first_form, "La version de la première."));
    assert_eq!(saved.status, 303, "{page}: {}", saved.text());
    let late = send(second, &fields(&second_form, "La version de la seconde."));
    assert_eq!(late.status, 409, "{page}");
    let html = late.text();
    assert!(html.contains("Modifié entre-temps"), "{html}");
    assert!(html.contains("La version de la seconde."));
    assert_eq!(stored(), "La version de la première.", "{page}");
    // Having seen the newer version, saving again is their choice.
    let chosen = send(second, &fields(&html, "La version de la seconde."));
    assert_eq!(chosen.status, 303, "{page}: {}", chosen.text());
    assert_eq!(stored(), "La version de la seconde.", "{page}");
}

#[test]
fn two_people_saving_the_same_back_office_form_lose_nothing() {
    let app = TestApp::start();
    let _ = app.get("/health");
    let first_id = |table: &str| -> i64 {
        app.db()
            .query_row(&format!("SELECT min(id) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    let (news, process) = (first_id("news"), first_id("processes"));
    let phase: i64 = app
        .db()
        .query_row(
            &format!("SELECT min(id) FROM process_phases WHERE process_id = {process}"),
            [],
            |r| r.get(0),
        )
        .unwrap();
    let admin = |app| Browser::signed_in(app, "admin@valbrune.example.org", "valbrune-admin-2026");
    let (mut first, mut second) = (admin(&app), admin(&app));
    let cases = [
        (
            "/admin/pages/1".to_string(),
            "body",
            "SELECT body FROM pages WHERE id = 1".to_string(),
        ),
        (
            format!("/admin/news/{news}"),
            "body",
            format!("SELECT body FROM news WHERE id = {news}"),
        ),
        (
            format!("/admin/processes/{process}"),
            "summary",
            format!("SELECT summary FROM processes WHERE id = {process}"),
        ),
        (
            format!("/admin/processes/{process}/phases/{phase}"),
            "description",
            format!("SELECT description FROM process_phases WHERE id = {phase}"),
        ),
        (
            "/admin/site".to_string(),
            "intro",
            "SELECT value FROM settings WHERE key = 'home.intro'".to_string(),
        ),
        (
            format!("/admin/translations/news/{news}/en"),
            "body",
            format!(
                "SELECT value FROM translations WHERE entity = 'news' AND entity_id = {news} \
                 AND locale = 'en' AND field = 'body'"
            ),
        ),
        (
            "/admin/moderation/settings".to_string(),
            "keywords",
            // Held words are kept in lower case.
            "SELECT upper(substr(value, 1, 1)) || substr(value, 2) FROM settings \
             WHERE key = 'moderation.keywords'"
                .to_string(),
        ),
    ];
    for (page, field, read) in &cases {
        no_lost_update(&app, (&mut first, &mut second), page, (field, read));
    }
}

#[test]
fn a_database_that_stays_locked_gives_a_503_and_loses_nothing() {
    let dir = palabre_e2e::fresh_state_dir();
    // The write waits for the lock (kit::db::BUSY_DEADLINE), then gives up.
    let app = TestApp::start_on(&dir, &[]);
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut camille = camille(&app);
    let _ = camille.get(DISCUSSION);
    let key = camille.once().unwrap();
    let before = count(&app, "SELECT count(*) FROM comments");
    let fields = [
        ("body", "Envoyé pendant que la base est occupée."),
        ("stance", "for"),
        (ONCE_FIELD, key.as_str()),
    ];

    let writer = app.db();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let busy = camille.post(&format!("{DISCUSSION}/comments"), &fields);
    assert_eq!(busy.status, 503);
    assert!(busy.header("retry-after").is_some());
    assert!(busy.text().contains("très sollicité"), "{}", busy.text());
    // Pages are still read meanwhile.
    assert_eq!(app.get(DISCUSSION).status, 200);
    writer.execute_batch("COMMIT").unwrap();
    assert_eq!(count(&app, "SELECT count(*) FROM comments"), before);

    // Sent again once the database is free: saved, once.
    let again = camille.post(&format!("{DISCUSSION}/comments"), &fields);
    assert_eq!(again.status, 303, "{}", again.text());
    assert_eq!(count(&app, "SELECT count(*) FROM comments"), before + 1);

    // The feature's own path: a staff form has no rate limit and, sent
    // without its key, no claim, so the gate writes nothing and the wait and
    // the 503 are the feature's (`kit::db::immediate`), its transaction never
    // begun; before, every 503 of this test came from the gate's rate-limit
    // write and the feature's retries were never reached.
    let mut admin = palabre_e2e::demo::admin(&app);
    let page = "/admin/site";
    let form = admin.get(page).text();
    let site: Vec<(String, String)> = palabre_e2e::form_values(&form, page)
        .into_iter()
        .filter(|(k, _)| k != "_csrf" && k != ONCE_FIELD)
        .map(|(k, v)| {
            if k == "intro" {
                (k, "Écrit pendant le verrou.".into())
            } else {
                (k, v)
            }
        })
        .collect();
    let site: Vec<(&str, &str)> = site.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let intro = "SELECT value FROM settings WHERE key = 'home.intro'";
    let stored: String = app.db().query_row(intro, [], |r| r.get(0)).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let busy = admin.post(page, &site);
    writer.execute_batch("COMMIT").unwrap();
    assert_eq!(busy.status, 503, "{}", busy.text());
    let html = busy.text();
    assert!(html.contains("très sollicité"), "{html}");
    assert!(
        html.contains("class=\"site-header\""),
        "the feature's page, not the gate's: {html}"
    );
    let now: String = app.db().query_row(intro, [], |r| r.get(0)).unwrap();
    assert_eq!(now, stored, "nothing half-written");
    assert_eq!(admin.post(page, &site).status, 303, "saved once free");
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_host_killed_during_a_write_storm_keeps_every_acknowledged_write() {
    use std::sync::{Arc, Mutex};
    let dir = palabre_e2e::fresh_state_dir();
    let app = TestApp::start_on(&dir, &[]);
    let _ = app.get("/health");
    let people = crowd(&app, "tempete", 200);
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let path = format!("{DISCUSSION}/comments");
    let storm: Vec<_> = people
        .into_iter()
        .map(|person| {
            let (addr, path, acknowledged) = (app.addr.clone(), path.clone(), acknowledged.clone());
            std::thread::spawn(move || {
                for n in 0..8 {
                    let body = format!("tempete-{}-{n}", person.id);
                    let form = format!("_csrf={}&stance=for&body={body}", person.csrf);
                    let headers = [
                        ("Cookie", person.cookie.as_str()),
                        ("Content-Type", "application/x-www-form-urlencoded"),
                    ];
                    match palabre_e2e::try_request(&addr, "POST", &path, &headers, form.as_bytes())
                    {
                        Ok(r) if r.status == 303 => acknowledged.lock().unwrap().push(body),
                        Ok(r) => assert!(r.status == 429, "{}: {}", r.status, r.text()),
                        Err(_) => return,
                    }
                }
            })
        })
        .collect();
    // Killed (SIGKILL) while the writes are under way.
    while acknowledged.lock().unwrap().len() < 100 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    app.stop();
    for thread in storm {
        thread.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();

    let app = TestApp::start_on(&dir, &[]);
    assert_eq!(app.get("/health").status, 200);
    let db = app.db();
    let integrity: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let broken: i64 = db
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
    let mut find = db
        .prepare("SELECT count(*) FROM comments WHERE body = ?")
        .unwrap();
    for body in &acknowledged {
        let found: i64 = find.query_row([body], |r| r.get(0)).unwrap();
        assert_eq!(found, 1, "{body} was acknowledged, then lost");
    }
    drop(find);
    drop(db);
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sql_metacharacters_are_stored_and_shown_literally() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut camille = camille(&app);
    let _ = camille.get(DISCUSSION);
    let hostile =
        "Robert'); DROP TABLE comments;-- \" % _ \\ ` /* */ ; SELECT * FROM users WHERE '1'='1";
    let r = camille.post(
        &format!("{DISCUSSION}/comments"),
        &[("body", hostile), ("stance", "for")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let stored: String = app
        .db()
        .query_row(
            "SELECT body FROM comments ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, hostile);
    // Shown as the text it is (quotes need no escaping in an element's text).
    let page = camille.get(r.header("location").unwrap()).text();
    assert!(page.contains(&format!("<p>{hostile}</p>")), "{page}");
    // The same characters in a search.
    for q in [
        "'",
        "\"",
        "%",
        "_",
        "' OR 1=1 --",
        "\\",
        "*",
        "\"unterminated",
        "NEAR(",
        "a OR",
    ] {
        let encoded: String = q.bytes().map(|b| format!("%{b:02X}")).collect();
        let r = app.get(&format!("/search?q={encoded}"));
        assert_eq!(r.status, 200, "search {q:?}: {}", r.status);
    }
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM users WHERE email = 'camille@valbrune.example.org'"
        ),
        1
    );
}

/// What a migration may change in the rows it finds: each entry names a
/// table, the migration, and why its rows move.
const MOVED: &[(&str, i64, &str)] = &[(
    "search_index",
    22,
    "proposals leave the shared index for proposal_search",
)];

/// The demo commune as a database at schema `version` can hold it: up to the
/// first `-- needs NNNN` line naming a later migration.
fn demo_up_to(demo: &str, version: i64) -> &str {
    let mut offset = 0;
    for line in demo.split_inclusive('\n') {
        let needs = line
            .strip_prefix("-- needs ")
            .and_then(|rest| rest.get(..4))
            .and_then(|n| n.parse::<i64>().ok());
        if needs.is_some_and(|n| n > version) {
            return &demo[..offset];
        }
        offset += line.len();
    }
    demo
}

#[test]
fn a_database_at_an_earlier_schema_is_upgraded_without_losing_a_row() {
    let root = palabre_e2e::repo_root();
    let mut files: Vec<_> = std::fs::read_dir(root.join("db/migrations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let latest = files.len() as i64;
    let demo = std::fs::read_to_string(root.join("db/seed/demo.sql")).unwrap();
    // The previous schema, and the one before it (the last data migration).
    for previous in [latest - 1, latest - 2] {
        let dir = palabre_e2e::fresh_state_dir();
        let before = {
            let db = rusqlite::Connection::open(dir.join("sqlite_db.db")).unwrap();
            db.pragma_update(None, "foreign_keys", "ON").unwrap();
            for file in &files[..previous as usize] {
                db.execute_batch(&std::fs::read_to_string(file).unwrap())
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            }
            db.execute_batch(demo_up_to(&demo, previous)).unwrap();
            db.pragma_update(None, "user_version", previous).unwrap();
            tables(&db)
                .into_iter()
                .map(|(name, columns)| {
                    let found = rows(&db, &name, &columns);
                    (name, columns, found)
                })
                .collect::<Vec<_>>()
        };
        let app = TestApp::start_on(&dir, &[]);
        let health = app.get("/health").text();
        assert!(
            health.contains(&format!("\"schema_version\":{latest}")),
            "{health}"
        );
        let db = app.db();
        for (table, columns, old) in &before {
            let moved = MOVED
                .iter()
                .any(|(t, version, _)| t == table && *version > previous);
            // The pages' cache key: any write to what public pages show
            // moves it (0025 fills in why hidden comments were hidden).
            if moved || table == "content_revision" {
                continue;
            }
            let now = rows(&db, table, columns);
            assert_eq!(
                now.len(),
                old.len(),
                "{table}: {} rows before the upgrade from {previous}, {} after",
                old.len(),
                now.len()
            );
            assert!(
                now == *old,
                "{table}: rows changed by the upgrade from {previous}"
            );
        }
        // What moved is still found: proposals through search.
        let found = app.get("/search?q=jardins").text();
        assert!(
            found.contains("Des jardins partagés au Bois-Joli"),
            "after the upgrade from {previous}"
        );
        drop(db);
        drop(app);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// docs/LIMITS.md: each limit answers with a message that says what to do,
/// and what was refused is not half-saved.
#[test]
fn limits_answer_with_a_clear_message_and_save_nothing() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    let mut camille = camille(&app);
    let comments = "SELECT count(*) FROM comments";
    let before = count(&app, comments);

    // More fields than any form has.
    let _ = camille.get(DISCUSSION);
    let mut fields: Vec<(&str, &str)> = vec![("body", "Trop de champs"), ("stance", "for")];
    fields.extend(std::iter::repeat_n(
        ("x", ""),
        palabre_kit::forms::MAX_FIELDS,
    ));
    let r = camille.post(&format!("{DISCUSSION}/comments"), &fields);
    assert_eq!(r.status, 413);
    assert!(r.text().contains("trop de champs"), "{}", r.text());
    assert_eq!(count(&app, comments), before);

    // A field longer than its limit: the form comes back, with the text kept.
    let _ = camille.get("/proposals/new?process=budget-participatif-2026");
    let long = "é".repeat(palabre_domain::proposal::MAX_TITLE + 1);
    let r = camille.post(
        "/proposals/new?process=budget-participatif-2026",
        &[("title", &long), ("body", "Un texte.")],
    );
    assert_eq!(r.status, 422);
    let html = r.text();
    assert!(html.contains("error-summary") && html.contains(&long));
    assert_eq!(
        count(
            &app,
            &format!("SELECT count(*) FROM proposals WHERE title = '{long}'")
        ),
        0
    );

    // A search longer than is searched says it was shortened.
    let words = "mot ".repeat(20);
    let r = app.get(&format!("/search?q={}", words.replace(' ', "+")));
    assert_eq!(r.status, 200);
    assert!(r.text().contains("Votre recherche a été raccourcie"));

    // Page numbers: a list names its pages; a thread shows its nearest page.
    for bad in ["abc", "-1", "0", "99999999999999999999", "100001"] {
        let r = app.get(&format!("/news?page={bad}"));
        assert_eq!(r.status, 404, "news page {bad}");
        assert!(r.text().contains("n&#x27;existe pas"));
        let r = app.get(&format!("{DISCUSSION}?page={bad}"));
        assert_eq!(r.status, 200, "thread page {bad}");
    }
}
