//! Questionnaires: every question kind (valid and invalid answers), the
//! conditional part, anonymous answers, one response per person, exact
//! results on hand-computed data, exports, and the builder's rules.

use palabre_e2e::{Browser, TestApp};

const MARKET: &str = "/questionnaires/marche-des-quais";

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The form field of the question with this label (`q<id>`).
fn q(app: &TestApp, label: &str) -> String {
    let id: i64 = app
        .db()
        .query_row("SELECT id FROM questions WHERE label = ?", [label], |r| {
            r.get(0)
        })
        .unwrap();
    format!("q{id}")
}

fn location(r: &palabre_e2e::Response) -> String {
    r.header("location").unwrap_or_default().to_string()
}

struct Market {
    go: String,
    often: String,
    how: String,
    last: String,
    wish: String,
    place: String,
    hours: String,
    important: String,
    more: String,
}

fn market(app: &TestApp) -> Market {
    Market {
        go: q(app, "Allez-vous au marché du samedi ?"),
        often: q(app, "Combien de fois par mois ?"),
        how: q(app, "Comment y venez-vous ?"),
        last: q(
            app,
            "À quelle date y êtes-vous allé pour la dernière fois ?",
        ),
        wish: q(app, "Que voudriez-vous y trouver ?"),
        place: q(app, "Classez ces emplacements"),
        hours: q(app, "Ces horaires vous conviennent-ils ?"),
        important: q(app, "Ce projet vous paraît-il important ?"),
        more: q(app, "Autre chose à nous dire ?"),
    }
}

/// Posts a section and expects a refusal with `message`, the typed value kept.
fn refused(b: &mut Browser<'_>, section: usize, fields: &[(&str, &str)], message: &str) {
    let r = b.post(&format!("{MARKET}/answer?section={section}"), fields);
    assert_eq!(r.status, 422, "{fields:?}");
    let html = r.text();
    assert!(html.contains(message), "{message} for {fields:?}");
    assert!(html.contains("error-summary"));
}

#[test]
fn anonymous_answers_every_kind_conditions_and_exact_results() {
    let app = TestApp::start();
    let page = app.get(&format!("{MARKET}?lang=fr")).text();
    let m = market(&app);
    assert!(page.contains("Vos réponses sont anonymes"));
    assert!(page.contains(&format!("href=\"{MARKET}/answer\"")));

    // A: says yes, so the habits part comes; every kind refused then accepted.
    let mut a = Browser::new(&app);
    let first = a.get(&format!("{MARKET}/answer?lang=fr")).text();
    assert!(first.contains("Partie 1 sur 3"));
    refused(&mut a, 0, &[], "Répondez à cette question.");
    refused(
        &mut a,
        0,
        &[(&m.go, "peut-être")],
        "Choisissez une des réponses proposées.",
    );
    let r = a.post(&format!("{MARKET}/answer?section=0"), &[(&m.go, "yes")]);
    assert_eq!(r.status, 303);
    assert!(
        location(&r).ends_with("/answer?section=1"),
        "{}",
        location(&r)
    );
    assert!(a.cookie("__Host-answer-2").is_some(), "a browser token");
    let _ = a.get(&format!("{MARKET}/answer?section=1&lang=fr"));
    refused(&mut a, 1, &[(&m.often, "douze")], "Saisissez un nombre");
    refused(&mut a, 1, &[(&m.often, "40")], "inférieur ou égal à 31");
    refused(
        &mut a,
        1,
        &[(&m.last, "2026-02-30")],
        "Choisissez une date qui existe",
    );
    refused(
        &mut a,
        1,
        &[(&m.how, "other"), (&m.often, "3,5")],
        "Précisez votre réponse « Autre ».",
    );
    // What was typed comes back.
    let kept = a
        .post(
            &format!("{MARKET}/answer?section=1"),
            &[(&m.how, "9"), (&m.often, "3,5")],
        )
        .text();
    assert!(kept.contains("value=\"3,5\""));
    let other = format!("{}_other", m.how);
    let r = a.post(
        &format!("{MARKET}/answer?section=1"),
        &[
            (&m.often, "4"),
            (&m.how, "other"),
            (&other, "En trottinette"),
            (&m.last, "2026-11-01"),
        ],
    );
    assert_eq!(r.status, 303);
    assert!(location(&r).ends_with("/answer?section=2"));
    let _ = a.get(&format!("{MARKET}/answer?section=2&lang=fr"));
    let (r0, r1, r2) = (
        format!("{}_r0", m.place),
        format!("{}_r1", m.place),
        format!("{}_r2", m.place),
    );
    let (m0, m1) = (format!("{}_m0", m.hours), format!("{}_m1", m.hours));
    refused(
        &mut a,
        2,
        &[(&m.wish, "0"), (&m.important, "5")],
        "au moins 2",
    );
    refused(
        &mut a,
        2,
        &[
            (&m.wish, "0"),
            (&m.wish, "1"),
            (&m.wish, "2"),
            (&m.wish, "3"),
            (&m.important, "5"),
        ],
        "au plus 3",
    );
    refused(
        &mut a,
        2,
        &[
            (&m.wish, "0"),
            (&m.wish, "1"),
            (&r0, "1"),
            (&m.important, "5"),
        ],
        "Classez toutes les réponses",
    );
    refused(
        &mut a,
        2,
        &[
            (&m.wish, "0"),
            (&m.wish, "1"),
            (&r0, "1"),
            (&r1, "1"),
            (&r2, "2"),
            (&m.important, "5"),
        ],
        "qu&#x27;une fois",
    );
    refused(
        &mut a,
        2,
        &[
            (&m.wish, "0"),
            (&m.wish, "1"),
            (&m0, "7"),
            (&m.important, "5"),
        ],
        "Choisissez une des réponses proposées.",
    );
    refused(
        &mut a,
        2,
        &[(&m.wish, "0"), (&m.wish, "1"), (&m.important, "11")],
        "de 1 à 10",
    );
    let long = "x".repeat(5_001);
    refused(
        &mut a,
        2,
        &[
            (&m.wish, "0"),
            (&m.wish, "1"),
            (&m.important, "5"),
            (&m.more, &long),
        ],
        "trop long",
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM responses WHERE questionnaire_id = 2 AND status = 'submitted'"
        ),
        0
    );
    let r = a.post(
        &format!("{MARKET}/answer?section=2"),
        &[
            (&m.wish, "0"),
            (&m.wish, "2"),
            (&r0, "2"),
            (&r1, "1"),
            (&r2, "3"),
            (&m0, "0"),
            (&m1, "2"),
            (&m.important, "8"),
            (&m.more, "=SUM(A1) et merci"),
        ],
    );
    assert_eq!(r.status, 303);
    assert!(location(&r).ends_with("/done"));
    assert!(
        a.get(&format!("{MARKET}/done?lang=fr"))
            .text()
            .contains("Vos réponses ont bien été enregistrées.")
    );
    // Once only: the form leads to the confirmation, a replay changes nothing.
    assert!(location(&a.get(&format!("{MARKET}/answer"))).ends_with("/done"));
    let replay = a.post(&format!("{MARKET}/answer?section=0"), &[(&m.go, "no")]);
    assert!(location(&replay).ends_with("/done"));

    // B: says no, so the habits part is skipped.
    let mut b = Browser::new(&app);
    let _ = b.get(&format!("{MARKET}/answer"));
    let r = b.post(&format!("{MARKET}/answer?section=0"), &[(&m.go, "no")]);
    assert!(
        location(&r).ends_with("/answer?section=2"),
        "{}",
        location(&r)
    );
    // Asking for the skipped part shows the next one instead.
    assert!(
        b.get(&format!("{MARKET}/answer?section=1&lang=fr"))
            .text()
            .contains("Le marché de demain")
    );
    let wish_other = format!("{}_other", m.wish);
    let r = b.post(
        &format!("{MARKET}/answer?section=2"),
        &[
            (&m.wish, "0"),
            (&m.wish, "1"),
            (&m.wish, "other"),
            (&wish_other, "Fleurs, plantes"),
            (&r0, "1"),
            (&r1, "2"),
            (&r2, "3"),
            (&m.important, "4"),
        ],
    );
    assert!(location(&r).ends_with("/done"));

    // C: yes, then a bicycle, eight times a month.
    let mut c = Browser::new(&app);
    let _ = c.get(&format!("{MARKET}/answer"));
    let _ = c.post(&format!("{MARKET}/answer?section=0"), &[(&m.go, "yes")]);
    let _ = c.post(
        &format!("{MARKET}/answer?section=1"),
        &[(&m.often, "8"), (&m.how, "1")],
    );
    let r = c.post(
        &format!("{MARKET}/answer?section=2"),
        &[(&m.wish, "0"), (&m.wish, "3"), (&m.important, "10")],
    );
    assert!(location(&r).ends_with("/done"));

    // Anonymous: no account anywhere, the day only, the habits of B not kept.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM responses WHERE questionnaire_id = 2 AND status = 'submitted'"
        ),
        3
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM responses WHERE questionnaire_id = 2 AND user_id IS NOT NULL"
        ),
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM responses WHERE questionnaire_id = 2 AND created_at % 86400 != 0"
        ),
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(DISTINCT token_hash) FROM responses WHERE questionnaire_id = 2"
        ),
        3
    );

    // Results, hand-computed: yes 2 of 3; options counted one by one
    // (Producteurs 3, Artisanat 1, Restauration 1, Animations 1, Autre 1);
    // frequency 4 and 8 → mean 6, median 6; importance 8, 4, 10 → mean 7,33,
    // median 8; the ranking and the grid below.
    let results = app.get(&format!("{MARKET}/results?lang=fr")).text();
    assert!(results.contains("3 réponses"));
    assert!(
        results.contains("<th scope=\"row\">Oui</th><td>2</td><td>66,7 %</td>"),
        "{results}"
    );
    assert!(results.contains("<th scope=\"row\">Non</th><td>1</td><td>33,3 %</td>"));
    for (option, n, share) in [
        ("Producteurs locaux", 3, "100 %"),
        ("Artisanat", 1, "33,3 %"),
        ("Restauration", 1, "33,3 %"),
        ("Animations", 1, "33,3 %"),
        ("Autre", 1, "33,3 %"),
    ] {
        let row = format!("<th scope=\"row\">{option}</th><td>{n}</td><td>{share}</td>");
        assert!(results.contains(&row), "{row}");
    }
    assert!(results.contains("Moyenne 7,33, médiane 8."));
    assert!(results.contains("<th scope=\"row\">Moyenne</th><td>6</td>"));
    assert!(results.contains("<th scope=\"row\">Médiane</th><td>6</td>"));
    // Borda (2 points for first, 1 for second): A ranked Ouest, Est, Mairie;
    // B ranked Est, Ouest, Mairie → Est 1 + 2 = 3, Ouest 2 + 1 = 3, Mairie 0.
    assert!(results.contains("<th scope=\"row\">Quai Est</th><td>3</td><td>1</td>"));
    assert!(results.contains("<th scope=\"row\">Quai Ouest</th><td>3</td><td>1</td>"));
    assert!(results.contains("<th scope=\"row\">Place de la Mairie</th><td>0</td><td>0</td>"));
    // Matrix: Samedi matin "Oui" 1 of 1; Dimanche matin "Sans avis" 1 of 1.
    assert!(results.contains(
        "<th scope=\"row\">Samedi matin</th><td>1 (100 %)</td><td>0 (0 %)</td><td>0 (0 %)</td>"
    ));
    assert!(results.contains("role=\"img\""));

    // Exports (staff): one row per response, one column per option.
    let mut moderator = Browser::signed_in(
        &app,
        "moderation@valbrune.example.org",
        "valbrune-moderation-2026",
    );
    let csv = moderator.get(&format!("{MARKET}/export.csv"));
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    let text = csv.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    let header: Vec<&str> = lines[0].split(',').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let producteurs = col("Q5. Que voudriez-vous y trouver ? — Producteurs locaux");
    let wish_other_col = col("Q5. Que voudriez-vous y trouver ? — other");
    let how_other = col("Q3. Comment y venez-vous ? — other");
    let rows: Vec<Vec<&str>> = lines[1..].iter().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0][producteurs], "1");
    assert_eq!(rows[0][how_other], "En trottinette");
    // A formula is defused.
    assert!(text.contains("'=SUM(A1) et merci"));
    assert!(text.contains("\"Fleurs, plantes\""));
    assert_eq!(rows[0][wish_other_col], "");
    // Citizens get no export; the open data leaves free text out.
    assert_eq!(app.get(&format!("{MARKET}/export.csv")).status, 403);
    let open = app.get(&format!("{MARKET}/open-data.json")).text();
    assert!(!open.contains("merci") && !open.contains("Fleurs") && !open.contains("trottinette"));
    assert!(open.contains("Producteurs locaux"));
}

#[test]
fn signed_in_people_answer_once_resume_and_get_a_receipt() {
    let app = TestApp::start();
    palabre_e2e::start_of_a_fresh_minute_window();
    // Staff build a questionnaire: settings, a part, two questions.
    let mut admin = Browser::signed_in(&app, "admin@valbrune.example.org", "valbrune-admin-2026");
    let _ = admin.get("/questionnaires/new");
    let bad = admin.post(
        "/questionnaires/new",
        &[
            ("title", " "),
            ("opens_on", "2026-13-01"),
            ("closes_on", "2030-01-01"),
            ("status", "published"),
        ],
    );
    assert_eq!(bad.status, 422);
    let today = palabre_e2e::today();
    let r = admin.post(
        "/questionnaires/new",
        &[
            ("title", "Le parc des Tilleuls"),
            ("opens_on", &today),
            ("closes_on", "2099-12-31"),
            ("status", "published"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let base = "/questionnaires/le-parc-des-tilleuls";
    // A new questionnaire has its first part: questions go in straight away.
    let builder = admin.get(&format!("{base}/edit?lang=fr")).text();
    assert!(
        builder.contains("<h2 id=\"section-0\">Partie 1</h2>"),
        "{builder}"
    );
    let first: i64 = count(
        &app,
        "SELECT min(s.id) FROM questionnaire_sections s JOIN questionnaires q ON q.id = s.questionnaire_id \
         WHERE q.slug = 'le-parc-des-tilleuls'",
    );
    assert_eq!(
        admin
            .post(
                &format!("{base}/sections/{first}"),
                &[("title", "Vos envies"), ("description", "")]
            )
            .status,
        303
    );
    assert_eq!(
        admin
            .post(&format!("{base}/sections"), &[("title", "Vous")])
            .status,
        303
    );
    let second: i64 = count(
        &app,
        "SELECT min(id) FROM questionnaire_sections WHERE title = 'Vous'",
    );
    // A single choice needs two choices; a condition must point to an earlier part.
    let one = admin.post(
        &format!("{base}/questions/new"),
        &[
            ("section", &first.to_string()),
            ("kind", "single"),
            ("label", "Un jeu ?"),
            ("options", "Oui"),
        ],
    );
    assert_eq!(one.status, 422);
    let one = one.text();
    assert!(
        one.contains("Donnez au moins deux choix, un par ligne."),
        "{one}"
    );
    // The form shows the fields of the kind chosen, and only those.
    assert!(one.contains("name=\"options\""));
    assert!(!one.contains("name=\"rows\"") && !one.contains("name=\"min_label\""));
    let scale = admin
        .get(&format!("{base}/questions/new?section={first}&kind=scale"))
        .text();
    assert!(scale.contains("name=\"min_label\"") && !scale.contains("name=\"options\""));
    assert_eq!(
        admin
            .post(
                &format!("{base}/questions/new"),
                &[
                    ("section", &first.to_string()),
                    ("kind", "single"),
                    ("label", "Quel équipement ?"),
                    ("options", "Jeux pour enfants\nTerrain de pétanque\nKiosque"),
                    ("required", "yes"),
                ],
            )
            .status,
        303
    );
    let choice: i64 = count(
        &app,
        "SELECT id FROM questions WHERE label = 'Quel équipement ?'",
    );
    let same_part = admin.post(
        &format!("{base}/questions/new"),
        &[
            ("section", &first.to_string()),
            ("kind", "short_text"),
            ("label", "Pourquoi ?"),
            ("condition", &format!("{choice}:0")),
        ],
    );
    assert_eq!(same_part.status, 422);
    assert_eq!(
        admin
            .post(
                &format!("{base}/questions/new"),
                &[
                    ("section", &second.to_string()),
                    ("kind", "short_text"),
                    ("label", "Pourquoi ?"),
                    ("condition", &format!("{choice}:0")),
                    ("required", "yes"),
                ],
            )
            .status,
        303
    );
    let why = count(&app, "SELECT id FROM questions WHERE label = 'Pourquoi ?'");
    // Reorder: the second part goes up, then back down.
    let _ = admin.get(&format!("{base}/edit"));
    assert_eq!(
        admin
            .post(
                &format!("{base}/sections/{second}/move"),
                &[("direction", "up")]
            )
            .status,
        303
    );
    assert!(
        count(
            &app,
            &format!("SELECT position FROM questionnaire_sections WHERE id = {second}")
        ) < count(
            &app,
            &format!("SELECT position FROM questionnaire_sections WHERE id = {first}")
        )
    );
    let _ = admin.post(
        &format!("{base}/sections/{second}/move"),
        &[("direction", "down")],
    );
    let preview = admin.get(&format!("{base}/preview?lang=fr")).text();
    assert!(preview.contains("Affichée si Q1 = « Jeux pour enfants »"));

    // Camille answers the first part, leaves, comes back.
    let mut camille = Browser::signed_in(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    assert!(
        app.get(&format!("{base}?lang=fr"))
            .text()
            .contains("Connectez-vous pour répondre.")
    );
    let _ = camille.get(&format!("{base}/answer"));
    let r = camille.post(
        &format!("{base}/answer?section=0"),
        &[(&format!("q{choice}"), "0")],
    );
    assert!(location(&r).ends_with("section=1"));
    assert!(
        camille
            .get(&format!("{base}?lang=fr"))
            .text()
            .contains("Reprendre mes réponses")
    );
    let back = camille
        .get(&format!("{base}/answer?section=0&lang=fr"))
        .text();
    assert!(
        back.contains("value=\"0\" checked"),
        "the saved answer is shown"
    );
    // A required short text left blank, or too long, is refused.
    let blank = camille.post(
        &format!("{base}/answer?section=1"),
        &[(&format!("q{why}"), "  ")],
    );
    assert_eq!(blank.status, 422);
    assert!(blank.text().contains("Répondez à cette question."));
    let long = "a".repeat(301);
    let too_long = camille.post(
        &format!("{base}/answer?section=1"),
        &[(&format!("q{why}"), &long)],
    );
    assert_eq!(too_long.status, 422);
    assert!(too_long.text().contains("300 caractères au plus"));
    let r = camille.post(
        &format!("{base}/answer?section=1"),
        &[(&format!("q{why}"), "Pour mes enfants"), ("receipt", "yes")],
    );
    assert!(location(&r).ends_with("/done"));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM responses r JOIN users u ON u.id = r.user_id WHERE u.email = 'camille@valbrune.example.org' AND r.status = 'submitted'"
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM mail_outbox WHERE kind = 'questionnaire-receipt'"
        ),
        1
    );
    // Once per person.
    assert!(location(&camille.get(&format!("{base}/answer"))).ends_with("/done"));
    assert!(
        camille
            .get(&format!("{base}?lang=fr"))
            .text()
            .contains("Vous avez déjà répondu")
    );
    // Results are not public: staff only.
    assert_eq!(camille.get(&format!("{base}/results")).status, 404);
    assert_eq!(admin.get(&format!("{base}/results")).status, 200);
    let texts = admin.get(&format!("{base}/results/{why}?q=enfants")).text();
    assert!(texts.contains("Pour mes enfants"));
    assert_eq!(camille.get(&format!("{base}/results/{why}")).status, 403);

    // Questions are fixed now; a new version copies them.
    let _ = admin.get(&format!("{base}/edit"));
    let locked = admin.post(
        &format!("{base}/questions/new"),
        &[
            ("section", &first.to_string()),
            ("kind", "date"),
            ("label", "Quand ?"),
        ],
    );
    assert_eq!(locked.status, 409);
    let _ = admin.get(&format!("{base}/edit"));
    let v2 = admin.post(&format!("{base}/new-version"), &[]);
    assert!(location(&v2).starts_with("/questionnaires/le-parc-des-tilleuls-v2/edit"));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM questions q JOIN questionnaires n ON n.id = q.questionnaire_id WHERE n.slug = 'le-parc-des-tilleuls-v2' AND (q.condition_question IS NULL OR q.condition_question IN (SELECT id FROM questions WHERE questionnaire_id = n.id))"
        ),
        2
    );
    // Deleting the account keeps the response, linked to no one.
    let _ = camille.get("/account/delete");
    let r = camille.post(
        "/account/delete",
        &[("password", "valbrune-citoyenne-2026")],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM responses WHERE status = 'submitted' AND user_id IS NULL AND questionnaire_id = (SELECT id FROM questionnaires WHERE slug = 'le-parc-des-tilleuls')"
        ),
        1
    );
}
