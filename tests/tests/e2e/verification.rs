//! Verified residents: staff choose what each tool of a process requires,
//! the vote refuses who lacks it with a page that says how to get it, the
//! town-hall desk verifies a resident (audited, revocable), a district's
//! envelope is for the verified residents of its district, and "my data"
//! and erasure cover the verification.

use palabre_e2e::TestApp;
use palabre_e2e::demo::{admin, camille};

const BUDGET: &str = "budget-participatif-2026";

fn int(app: &TestApp, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The participation form: the budget's level and district, the proposal's
/// district (the other tools at their default).
fn levels<'a>(
    budget: &'a str,
    district: &'a str,
    proposal_district: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("level_discussion", ""),
        ("district_discussion", ""),
        ("level_questionnaire", ""),
        ("district_questionnaire", ""),
        ("level_proposal", ""),
        ("district_proposal", proposal_district),
        ("level_budget", budget),
        ("district_budget", district),
    ]
}

#[test]
fn the_vote_for_verified_residents_refuses_others_until_the_desk_verifies_them() {
    let app = TestApp::start();
    assert_eq!(app.get("/").status, 200);
    let process = int(
        &app,
        &format!("SELECT id FROM processes WHERE slug = '{BUDGET}'"),
    );
    let whole = int(
        &app,
        "SELECT id FROM budget_envelopes WHERE name = 'Toute la commune'",
    );
    let bois_joli = int(
        &app,
        "SELECT id FROM budget_envelopes WHERE name = 'Quartier du Bois-Joli'",
    );
    let district_of = |name: &str| {
        int(
            &app,
            &format!("SELECT id FROM districts WHERE name = '{name}'"),
        )
    };
    let benches = int(
        &app,
        "SELECT id FROM budget_projects WHERE title = 'Des bancs le long de la Loire'",
    );

    // Camille (email confirmed) votes by default.
    let mut camille = camille(&app);
    let page = camille.get(&format!("/budgets/{whole}?lang=fr")).text();
    assert!(!page.contains("habitants vérifiés"));

    // Staff keep the vote for verified residents.
    let mut admin = admin(&app);
    let path = format!("/admin/processes/{process}/participation");
    let form = admin.get(&format!("{path}?lang=fr"));
    assert_eq!(form.status, 200);
    assert!(form.text().contains("Un habitant vérifié de la commune"));
    // A district for a level below "verified", or an unknown level: refused.
    let quais = district_of("Les Quais").to_string();
    assert_eq!(
        admin.post(&path, &levels("confirmed", "", &quais)).status,
        422
    );
    assert_eq!(admin.post(&path, &levels("root", "", "")).status, 422);
    assert_eq!(int(&app, "SELECT count(*) FROM process_tool_levels"), 0);
    let r = admin.post(&path, &levels("verified", "", ""));
    assert_eq!(r.status, 303);
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM process_tool_levels WHERE tool = 'budget' AND level = 'verified'"
        ),
        1
    );
    assert_eq!(
        int(&app, "SELECT count(*) FROM process_tool_levels"),
        1,
        "the other tools keep their default"
    );

    // Now Camille is refused, with how to get verified; nothing is written.
    let page = camille.get(&format!("/budgets/{whole}?lang=fr")).text();
    assert!(
        page.contains("réservée aux habitants vérifiés de la commune"),
        "{page}"
    );
    assert!(page.contains("guichet de la mairie"));
    let ballots = int(&app, "SELECT count(*) FROM budget_ballots");
    let r = camille.post(&format!("/budgets/{whole}/vote"), &[("district", "")]);
    assert_eq!(r.status, 403);
    assert!(r.text().contains("habitants vérifiés"));
    let _ = camille.get(&format!("/budgets/{whole}"));
    let r = camille.post(
        &format!("/budgets/{whole}/cart"),
        &[("add", &benches.to_string())],
    );
    assert_ne!(r.status, 303, "the cart does not fill either");
    assert_eq!(int(&app, "SELECT count(*) FROM budget_ballots"), ballots);

    // The desk verifies her, in Saint-Martin, having seen her papers.
    let camille_id = int(
        &app,
        "SELECT id FROM users WHERE email = 'camille@valbrune.example.org'",
    );
    let person = format!("/admin/people/{camille_id}");
    let shown = admin.get(&format!("{person}?lang=fr")).text();
    assert!(shown.contains("n'est pas vérifiée") || shown.contains("n&#x27;est pas vérifiée"));
    let saint_martin = district_of("Saint-Martin").to_string();
    let r = admin.post(
        &format!("{person}/verify"),
        &[("district", saint_martin.as_str())],
    );
    assert_eq!(r.status, 422, "the papers were not seen");
    let _ = admin.get(&person);
    assert_eq!(
        admin
            .post(
                &format!("{person}/verify"),
                &[("district", "99999"), ("seen", "yes")]
            )
            .status,
        400
    );
    assert_eq!(int(&app, "SELECT count(*) FROM resident_verifications"), 0);
    let _ = admin.get(&person);
    let r = admin.post(
        &format!("{person}/verify"),
        &[("district", saint_martin.as_str()), ("seen", "yes")],
    );
    assert_eq!(r.status, 303);
    let shown = admin.get(&format!("{person}?lang=fr")).text();
    assert!(
        shown.contains("au guichet de la mairie, Saint-Martin"),
        "{shown}"
    );
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'resident-verified'"
        ),
        1
    );

    // She votes in the whole commune's envelope…
    let page = camille.get(&format!("/budgets/{whole}?lang=fr")).text();
    assert!(!page.contains("réservée aux habitants vérifiés"));
    let _ = camille.get(&format!("/budgets/{whole}"));
    assert_eq!(
        camille
            .post(
                &format!("/budgets/{whole}/cart"),
                &[("add", &benches.to_string())]
            )
            .status,
        303
    );
    let _ = camille.get(&format!("/budgets/{whole}"));
    assert_eq!(
        camille
            .post(&format!("/budgets/{whole}/vote"), &[("district", "")])
            .status,
        303
    );
    assert_eq!(
        int(&app, "SELECT count(*) FROM budget_ballots"),
        ballots + 1
    );
    // …but not in the Bois-Joli's: she was verified in Saint-Martin.
    let page = camille.get(&format!("/budgets/{bois_joli}?lang=fr")).text();
    assert!(
        page.contains("habitants vérifiés du quartier concerné"),
        "{page}"
    );

    // Revoked: refused again; the revoked verification stays, dated.
    let _ = admin.get(&person);
    assert_eq!(admin.post(&format!("{person}/unverify"), &[]).status, 303);
    let page = camille.get(&format!("/budgets/{whole}?lang=fr")).text();
    assert!(page.contains("réservée aux habitants vérifiés de la commune"));
    let shown = admin.get(&format!("{person}?lang=fr")).text();
    assert!(shown.contains("Vérifications retirées"));
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM resident_verifications WHERE revoked_at IS NOT NULL AND revoked_by IS NOT NULL"
        ),
        1
    );

    // "My data" shows it; erasure removes it.
    let export = camille.get("/account/data.json").text();
    assert!(export.contains("\"resident_verifications\":["), "{export}");
    assert!(export.contains("\"method\":\"desk\""));
    let _ = camille.get("/account/delete");
    let done = camille.post(
        "/account/delete",
        &[("password", "valbrune-citoyenne-2026")],
    );
    assert_eq!(done.status, 200);
    assert_eq!(
        int(
            &app,
            &format!("SELECT count(*) FROM resident_verifications WHERE user_id = {camille_id}")
        ),
        0
    );
    assert_eq!(
        int(&app, "SELECT count(*) FROM budget_ballots"),
        ballots + 1,
        "her ballot still counts"
    );
}

#[test]
fn supports_for_verified_residents_only_refuse_the_others_with_how_to_get_verified() {
    let app = TestApp::start();
    assert_eq!(app.get("/").status, 200);
    let (proposal, process): (i64, i64) = app
        .db()
        .query_row(
            "SELECT id, process_id FROM proposals WHERE state = 'published' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let mut admin = admin(&app);
    let path = format!("/admin/processes/{process}/participation");
    let _ = admin.get(&path);
    let mut fields = levels("", "", "");
    fields[4] = ("level_proposal", "verified");
    assert_eq!(admin.post(&path, &fields).status, 303);
    let mut camille = camille(&app);
    let _ = camille.get(&format!("/proposals/{proposal}"));
    let supports = int(&app, "SELECT count(*) FROM proposal_supports");
    let r = camille.post(&format!("/proposals/{proposal}/support"), &[]);
    assert_eq!(r.status, 403);
    let text = r.text();
    assert!(text.contains("Participation réservée"), "{text}");
    assert!(text.contains("guichet de la mairie"));
    assert_eq!(
        int(&app, "SELECT count(*) FROM proposal_supports"),
        supports
    );
    // Back to the tool's own rule: the row goes.
    let _ = admin.get(&path);
    assert_eq!(admin.post(&path, &levels("", "", "")).status, 303);
    assert_eq!(int(&app, "SELECT count(*) FROM process_tool_levels"), 0);
}

/// "Comment" is the discussion tool's level: kept for verified residents,
/// a comment (in a discussion or on a proposal of the process) and the
/// opinion map are refused to others with how to get verified; reading is not.
#[test]
fn comments_for_verified_residents_refuse_others_until_they_are() {
    let app = TestApp::start();
    assert_eq!(app.get("/").status, 200);
    let process = int(
        &app,
        "SELECT process_id FROM discussions WHERE slug = 'usages-des-quais'",
    );
    let mut admin = admin(&app);
    let path = format!("/admin/processes/{process}/participation");
    admin.get(&path);
    let mut fields = levels("", "", "");
    fields.retain(|(k, _)| *k != "level_discussion");
    fields.push(("level_discussion", "verified"));
    assert_eq!(admin.post(&path, &fields).status, 303);

    let mut camille = camille(&app);
    let page = "/discussions/usages-des-quais";
    assert_eq!(
        camille.get(&format!("{page}?lang=fr")).status,
        200,
        "reading stays open"
    );
    let before = int(&app, "SELECT count(*) FROM comments");
    let r = camille.post(
        &format!("{page}/comments"),
        &[
            ("body", "Des bancs à l'ombre, s'il vous plaît."),
            ("stance", "for"),
        ],
    );
    assert_eq!(r.status, 403);
    assert!(r.text().contains("habitants vérifiés"), "{}", r.text());
    assert!(r.text().contains("Ma vérification d’habitant"));
    assert_eq!(int(&app, "SELECT count(*) FROM comments"), before);
    // On a proposal of the same process too.
    // On a proposal of a process whose comments are kept so too.
    let (proposal, of_process): (i64, i64) = app
        .db()
        .query_row(
            "SELECT id, process_id FROM proposals WHERE state = 'published' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a published proposal");
    if of_process != process {
        let path = format!("/admin/processes/{of_process}/participation");
        admin.get(&path);
        assert_eq!(admin.post(&path, &fields).status, 303);
    }
    camille.get(&format!("/proposals/{proposal}"));
    let r = camille.post(
        &format!("/proposals/{proposal}/comments"),
        &[("body", "Bonne idée."), ("stance", "")],
    );
    assert_eq!(r.status, 403);
    assert!(r.text().contains("habitants vérifiés"), "{}", r.text());
    assert_eq!(int(&app, "SELECT count(*) FROM comments"), before);

    // Verified at the desk, she comments.
    let camille_id = int(
        &app,
        "SELECT id FROM users WHERE email = 'camille@valbrune.example.org'",
    );
    let person = format!("/admin/people/{camille_id}");
    admin.get(&person);
    let r = admin.post(
        &format!("{person}/verify"),
        &[("district", ""), ("seen", "yes")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    camille.get(page);
    let r = camille.post(
        &format!("{page}/comments"),
        &[
            ("body", "Des bancs à l'ombre, s'il vous plaît."),
            ("stance", "for"),
        ],
    );
    assert!(r.status < 400, "{}", r.text());
    assert_eq!(int(&app, "SELECT count(*) FROM comments"), before + 1);
}

/// The census list: staff import the commune's list (kept only as keyed
/// hashes, the bad rows told by their line), a resident whose declared
/// details match a row is verified in its district, and a row verifies one
/// person once.
#[test]
fn the_census_list_verifies_who_is_on_it_once_and_keeps_no_name() {
    let app = TestApp::start();
    assert_eq!(app.get("/").status, 200);
    let mut admin = admin(&app);
    let page = admin.get("/admin/verification/census?lang=fr");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Aucune ligne n’est disponible"));
    let list = "nom;prénom;date de naissance;code postal;quartier\r\n\
                Dupré;Hélène;07/03/1984;41000;Saint-Martin\r\n\
                Martin;Jules;31/02/1990;41000;\r\n\
                Le Gall-Hervé;Yann;1979-11-02;41350;\r\n\
                Roux;Anne;01/01/1970;41000;Atlantide\r\n";
    let r = admin.post_multipart(
        "/admin/verification/census",
        &[],
        &[("list", "liste.csv", list.as_bytes())],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let text = r.text();
    assert!(
        text.contains("2 lignes importées ; 2 lignes refusées"),
        "{text}"
    );
    assert!(text.contains("lignes 3, 5"), "{text}");
    assert_eq!(int(&app, "SELECT count(*) FROM census_entries"), 2);
    let empty = admin.post_multipart("/admin/verification/census", &[], &[]);
    assert_eq!(empty.status, 422);
    assert_eq!(int(&app, "SELECT count(*) FROM census_entries"), 2);

    // Camille's details as she types them: wrong, then right.
    let mut camille = camille(&app);
    let page = camille.get("/account/verification?lang=fr").text();
    assert!(page.contains("/account/verification/census"), "{page}");
    let wrong = camille.post(
        "/account/verification/census",
        &[
            ("family_name", "Dupré"),
            ("given_name", "Hélène"),
            ("birth_date", "1984-03-08"),
            ("census_postal_code", "41000"),
        ],
    );
    assert_eq!(wrong.status, 422);
    assert!(
        wrong
            .text()
            .contains("ne correspondent à aucune inscription")
    );
    assert_eq!(int(&app, "SELECT count(*) FROM resident_verifications"), 0);
    let right = camille.post(
        "/account/verification/census",
        &[
            ("family_name", "DUPRE"),
            ("given_name", "helene"),
            ("birth_date", "1984-03-07"),
            ("census_postal_code", "41000"),
        ],
    );
    assert_eq!(right.status, 303, "{}", right.text());
    let (method, district): (String, String) = app
        .db()
        .query_row(
            "SELECT v.method, d.name FROM resident_verifications v \
             JOIN districts d ON d.id = v.district_id WHERE v.revoked_at IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (method.as_str(), district.as_str()),
        ("census", "Saint-Martin")
    );

    // The same row does not verify a second person.
    let mut moderator = palabre_e2e::demo::moderator(&app);
    moderator.get("/account/verification");
    let again = moderator.post(
        "/account/verification/census",
        &[
            ("family_name", "Dupré"),
            ("given_name", "Hélène"),
            ("birth_date", "07/03/1984"),
            ("census_postal_code", "41000"),
        ],
    );
    assert_eq!(again.status, 422);
    assert_eq!(int(&app, "SELECT count(*) FROM resident_verifications"), 1);

    // No name of the list is in the database.
    let conn = app.db();
    let _ = conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
    for file in ["sqlite_db.db", "sqlite_db.db-wal"] {
        let bytes = std::fs::read(app.state_dir.join(file)).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for name in ["dupr", "le gall", "hervé", "herve"] {
            assert!(!text.contains(name), "{name} in {file}");
        }
    }
}

/// What a PDF reader finds in `pdf` (poppler's `pdftotext`, in layout).
fn pdf_text(pdf: &[u8]) -> String {
    let dir = palabre_e2e::fresh_state_dir();
    let file = dir.join("courriers.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils; .ci/run installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(out.stdout).unwrap()
}

fn post_owned(
    browser: &mut palabre_e2e::Browser<'_>,
    path: &str,
    fields: &[(&str, String)],
) -> palabre_e2e::Response {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.post(path, &pairs)
}

/// The codes printed in a letters' PDF text, in order.
fn printed_codes(text: &str) -> Vec<String> {
    let alphabet =
        |c: char| c.is_ascii_uppercase() && !"IO".contains(c) || ('2'..='9').contains(&c);
    text.split_whitespace()
        .filter(|w| {
            w.len() == 11
                && w.as_bytes()[5] == b'-'
                && w.chars().enumerate().all(|(i, c)| i == 5 || alphabet(c))
        })
        .map(str::to_string)
        .collect()
}

/// Letter codes: staff give the sender's address; a resident asks for a
/// letter at their address in the commune; staff print the letters as a PDF
/// (read back by a real PDF reader); a wrong code is refused and the right
/// one verifies them in their district, after which the request keeps no
/// address. A batch put back to print gets new codes, and the old ones stop
/// working. The codes are never in the database.
#[test]
fn a_letter_code_printed_by_staff_and_typed_back_verifies_a_resident() {
    let app = TestApp::start();
    assert_eq!(app.get("/").status, 200);
    app.db()
        .execute(
            "INSERT INTO settings (key, value) VALUES ('identity.postal_codes', '41000,41350') \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [],
        )
        .unwrap();
    let mut admin = admin(&app);
    let page = admin.get("/admin/verification/letters?lang=fr");
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("Aucun courrier à imprimer"),
        "{}",
        page.text()
    );
    let seven = "ligne\n".repeat(7);
    let refused = admin.post("/admin/verification/letters", &[("sender", &seven)]);
    assert_eq!(refused.status, 422);
    admin.get("/admin/verification/letters");
    let sender = "Mairie de Valbrune-sur-Loire\r\n1 place de l’Hôtel de Ville\r\n\r\n41000 Valbrune-sur-Loire";
    let saved = admin.post("/admin/verification/letters", &[("sender", sender)]);
    assert_eq!(saved.status, 303, "{}", saved.text());

    // Camille asks for a letter: another commune's postal code is refused.
    let mut camille = camille(&app);
    let page = camille.get("/account/verification?lang=fr").text();
    assert!(
        page.contains("action=\"/account/verification/letter\""),
        "{page}"
    );
    let district = int(&app, "SELECT id FROM districts WHERE name = 'Saint-Martin'").to_string();
    let ask = |postal: &'static str, district: &str| {
        vec![
            ("recipient", "Camille Besson".to_string()),
            ("letter_address", "12 rue des Lilas (bât. B)".to_string()),
            ("letter_postal_code", postal.to_string()),
            ("town", "Valbrune-sur-Loire".to_string()),
            ("letter_district", district.to_string()),
        ]
    };
    let wrong_place = post_owned(
        &mut camille,
        "/account/verification/letter",
        &ask("75001", ""),
    );
    assert_eq!(wrong_place.status, 422);
    assert!(wrong_place.text().contains("letter_postal_code"));
    assert_eq!(int(&app, "SELECT count(*) FROM letter_requests"), 0);
    camille.get("/account/verification");
    let asked = post_owned(
        &mut camille,
        "/account/verification/letter",
        &ask("41000", &district),
    );
    assert_eq!(asked.status, 303, "{}", asked.text());
    let page = camille.get("/account/verification?lang=fr").text();
    assert!(page.contains("Vous avez demandé un courrier"), "{page}");
    assert!(
        !page.contains("letter_code"),
        "no code field before the letter is printed"
    );

    // Staff see it waiting and print it.
    let page = admin.get("/admin/verification/letters").text();
    assert!(page.contains("Camille Besson"), "{page}");
    let pdf = admin.post("/admin/verification/letters/print", &[]);
    assert_eq!(pdf.status, 200, "{}", pdf.text());
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(
        pdf.header("cache-control")
            .unwrap_or_default()
            .contains("no-store")
    );
    let text = pdf_text(&pdf.body);
    for expected in [
        "Mairie de Valbrune-sur-Loire",
        "1 place de l’Hôtel de Ville",
        "Camille Besson",
        "12 rue des Lilas (bât. B)",
        "41000 VALBRUNE-SUR-LOIRE",
        "Objet : votre code d’habitant vérifié",
        "/account/verification",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
    let codes = printed_codes(&text);
    assert_eq!(codes.len(), 1, "{text}");
    let code = codes[0].clone();
    // Nothing left to print: a second print says so.
    admin.get("/admin/verification/letters");
    let again = admin.post("/admin/verification/letters/print", &[]);
    assert_eq!(again.status, 303);

    // The code typed back: a wrong one refused, the right one (typed loosely) verifies.
    let page = camille.get("/account/verification?lang=fr").text();
    assert!(page.contains("Tapez le code qu’il contient"), "{page}");
    let refused = camille.post(
        "/account/verification/letter/code",
        &[("letter_code", "ABCDE-FGH23")],
    );
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text()
            .contains("Ce code n’est pas celui de votre courrier")
    );
    assert_eq!(int(&app, "SELECT count(*) FROM resident_verifications"), 0);
    camille.get("/account/verification");
    let typed = code.to_lowercase().replace('-', " ");
    let right = camille.post(
        "/account/verification/letter/code",
        &[("letter_code", &typed)],
    );
    assert_eq!(right.status, 303, "{}", right.text());
    let (method, name): (String, String) = app
        .db()
        .query_row(
            "SELECT v.method, d.name FROM resident_verifications v \
             JOIN districts d ON d.id = v.district_id WHERE v.revoked_at IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((method.as_str(), name.as_str()), ("letter", "Saint-Martin"));
    let kept: (String, String, String, String) = app
        .db()
        .query_row(
            "SELECT recipient || address || town, outcome, code_hash, \
             coalesce((SELECT group_concat(CAST(body AS TEXT), '') FROM idempotency_keys), '') \
             FROM letter_requests",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(kept.0, "", "the address is forgotten");
    assert_eq!(kept.1, "used");
    assert!(!kept.2.contains(&code) && kept.2.len() == 64);
    assert!(!kept.3.contains(&code), "the PDF was not kept for a replay");
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM idempotency_keys \
             WHERE path = '/admin/verification/letters/print' AND body IS NOT NULL"
        ),
        0
    );
    let data = camille.get("/account/data.json").text();
    assert!(data.contains("letter_requests"), "{data}");

    // A batch lost: put back to print, it gets a new code; the old one fails.
    let mut moderator = palabre_e2e::demo::moderator(&app);
    moderator.get("/account/verification");
    let asked = post_owned(
        &mut moderator,
        "/account/verification/letter",
        &ask("41350", ""),
    );
    assert_eq!(asked.status, 303, "{}", asked.text());
    admin.get("/admin/verification/letters");
    let first = printed_codes(&pdf_text(
        &admin.post("/admin/verification/letters/print", &[]).body,
    ));
    assert_eq!(first.len(), 1);
    let batch = int(
        &app,
        "SELECT printed_at FROM letter_requests WHERE closed_at IS NULL",
    )
    .to_string();
    admin.get("/admin/verification/letters");
    let back = admin.post("/admin/verification/letters/reprint", &[("batch", &batch)]);
    assert_eq!(back.status, 303);
    let page = admin
        .get("/admin/verification/letters?done=1&lang=fr")
        .text();
    assert!(page.contains("Un courrier remis à imprimer"), "{page}");
    let second = printed_codes(&pdf_text(
        &admin.post("/admin/verification/letters/print", &[]).body,
    ));
    assert_eq!(second.len(), 1);
    assert_ne!(first, second);
    moderator.get("/account/verification");
    let old = moderator.post(
        "/account/verification/letter/code",
        &[("letter_code", &first[0])],
    );
    assert_eq!(old.status, 422);
    moderator.get("/account/verification");
    let new = moderator.post(
        "/account/verification/letter/code",
        &[("letter_code", &second[0])],
    );
    assert_eq!(new.status, 303, "{}", new.text());
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM resident_verifications WHERE method = 'letter'"
        ),
        2
    );
}

/// The code shown between `<code>` and `</code>` on a page.
fn shown_code(html: &str) -> String {
    let start = html.find("<code>").expect("a code on the page") + "<code>".len();
    let end = html[start..].find("</code>").unwrap() + start;
    html[start..end].to_string()
}

/// A moderator registers a resident seen in person, in Saint-Martin.
fn register_at_the_desk(
    app: &TestApp,
    moderator: &mut palabre_e2e::Browser<'_>,
    name: &str,
) -> palabre_e2e::Response {
    let district = int(app, "SELECT id FROM districts WHERE name = 'Saint-Martin'").to_string();
    moderator.get("/admin/desk");
    let registered = moderator.post(
        "/admin/desk",
        &[("name", name), ("district", &district), ("seen", "yes")],
    );
    assert_eq!(registered.status, 303, "{}", registered.text());
    registered
}

/// The town-hall desk: a moderator registers a resident without an email
/// (not without attesting the documents were seen), who is verified at the
/// desk at once; a claim code, shown once and kept as a keyed hash, lets
/// them take the account online later (a wrong code and an email already
/// used are refused, nothing changes); the account is then theirs, signed
/// in, verified, and the code is spent.
#[test]
fn the_desk_registers_a_resident_without_email_who_claims_the_account_later() {
    let app = TestApp::start();
    let mut moderator = palabre_e2e::demo::moderator(&app);
    let page = moderator.get("/admin/desk?lang=fr");
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(
        page.text()
            .contains("Aucun compte n’a encore été ouvert au guichet")
    );
    let mut camille = camille(&app);
    assert_eq!(camille.get("/admin/desk").status, 403);
    let users = int(&app, "SELECT count(*) FROM users");
    let district = int(&app, "SELECT id FROM districts WHERE name = 'Saint-Martin'").to_string();
    let unseen = moderator.post(
        "/admin/desk",
        &[("name", "Jeanne M."), ("district", &district)],
    );
    assert_eq!(unseen.status, 422);
    assert_eq!(int(&app, "SELECT count(*) FROM users"), users);
    let registered = register_at_the_desk(&app, &mut moderator, "Jeanne M.");
    let id = int(&app, "SELECT user_id FROM desk_accounts");
    assert_eq!(
        int(
            &app,
            &format!(
                "SELECT count(*) FROM users WHERE id = {id} AND email IS NULL \
                 AND deleted_at IS NULL AND password_hash IS NULL AND display_name = 'Jeanne M.'"
            )
        ),
        1
    );
    let moderator_id = int(
        &app,
        "SELECT id FROM users WHERE email = 'moderation@valbrune.example.org'",
    );
    assert_eq!(
        int(
            &app,
            &format!(
                "SELECT count(*) FROM resident_verifications WHERE user_id = {id} \
                 AND method = 'desk' AND verified_by = {moderator_id} AND district_id = {district} \
                 AND revoked_at IS NULL"
            )
        ),
        1
    );
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'desk-registered'"
        ),
        1
    );
    let location = registered
        .header("location")
        .unwrap_or_default()
        .to_string();
    let page = moderator.get(&format!("{location}&lang=fr")).text();
    assert!(
        page.contains("Jeanne M. est inscrit·e et vérifié·e"),
        "{page}"
    );

    // A claim code, shown once.
    let shown = moderator.post("/admin/desk/claim-code", &[("person", &id.to_string())]);
    assert_eq!(shown.status, 200, "{}", shown.text());
    assert!(
        shown
            .header("cache-control")
            .unwrap_or_default()
            .contains("no-store")
    );
    let code = shown_code(&shown.text());
    assert_eq!(code.len(), 11, "{code}");
    let kept = int(
        &app,
        &format!(
            "SELECT count(*) FROM idempotency_keys WHERE instr(coalesce(CAST(body AS TEXT), ''), '{code}') > 0"
        ),
    );
    assert_eq!(kept, 0, "the code kept for a replay");

    // Jeanne, at home: a wrong code, then an email already used, then hers.
    let mut jeanne = palabre_e2e::Browser::new(&app);
    assert_eq!(jeanne.get("/account/claim?lang=fr").status, 200);
    let claim = |code: &str, email: &str| {
        vec![
            ("claim_code", code.to_string()),
            ("name", "Jeanne Martin".to_string()),
            ("email", email.to_string()),
            ("password", "un-mot-de-passe-de-jeanne".to_string()),
            ("confirm", "un-mot-de-passe-de-jeanne".to_string()),
        ]
    };
    let wrong = post_owned(
        &mut jeanne,
        "/account/claim",
        &claim("ABCDE-FGH23", "jeanne@example.fr"),
    );
    assert_eq!(wrong.status, 422);
    assert!(
        wrong
            .text()
            .contains("Ce code de reprise n’est pas valable")
    );
    jeanne.get("/account/claim");
    let taken = post_owned(
        &mut jeanne,
        "/account/claim",
        &claim(&code, "camille@valbrune.example.org"),
    );
    assert_eq!(taken.status, 422);
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM desk_accounts WHERE claimed_at IS NULL"
        ),
        1
    );
    jeanne.get("/account/claim");
    let typed = code.to_lowercase();
    let claimed = post_owned(
        &mut jeanne,
        "/account/claim",
        &claim(&typed, "jeanne@example.fr"),
    );
    assert_eq!(claimed.status, 303, "{}", claimed.text());
    let page = jeanne.get("/account/verification?lang=fr").text();
    assert!(page.contains("Vous êtes habitant·e vérifié·e"), "{page}");
    assert_eq!(
        int(
            &app,
            &format!(
                "SELECT count(*) FROM users WHERE id = {id} AND email = 'jeanne@example.fr' \
                 AND display_name = 'Jeanne Martin' AND password_hash IS NOT NULL"
            )
        ),
        1
    );
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM mail_outbox WHERE to_email = 'jeanne@example.fr' AND kind = 'confirm'"
        ),
        1
    );
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM desk_accounts WHERE claimed_at IS NOT NULL AND code_hash IS NULL"
        ),
        1
    );
    // The code is spent; the desk shows the account as taken online.
    let mut other = palabre_e2e::Browser::new(&app);
    other.get("/account/claim");
    let again = post_owned(
        &mut other,
        "/account/claim",
        &claim(&code, "autre@example.fr"),
    );
    assert_eq!(again.status, 422);
    let page = moderator.get("/admin/desk?lang=fr").text();
    assert!(page.contains("Repris le"), "{page}");
}

/// The desk enters a resident's contributions: a moderator sits with a
/// resident registered there and, until they end it, the public site acts as
/// the resident for the moderator's session only. What is sent is the
/// resident's, marked as entered at the desk by the moderator, each write in
/// the audit log; the back-office and the moderator's own account stay the
/// moderator's; the report counts those contributions apart.
#[test]
fn the_desk_enters_a_residents_contributions_marked_audited_and_counted_apart() {
    let app = TestApp::start();
    let mut moderator = palabre_e2e::demo::moderator(&app);
    register_at_the_desk(&app, &mut moderator, "Jeanne M.");
    let jeanne = int(&app, "SELECT user_id FROM desk_accounts");
    let moderator_id = int(
        &app,
        "SELECT id FROM users WHERE email = 'moderation@valbrune.example.org'",
    );
    let camille_id = int(
        &app,
        "SELECT id FROM users WHERE email = 'camille@valbrune.example.org'",
    );

    // Only staff, only for an account registered at the desk.
    let mut camille = camille(&app);
    camille.get("/");
    let refused = camille.post("/admin/desk/act", &[("person", &jeanne.to_string())]);
    assert_eq!(refused.status, 403);
    let page = moderator.get("/admin/desk?lang=fr").text();
    assert!(page.contains("Saisir avec cette personne"), "{page}");
    let not_desk = moderator.post("/admin/desk/act", &[("person", &camille_id.to_string())]);
    assert_eq!(not_desk.status, 404);
    assert_eq!(int(&app, "SELECT count(*) FROM desk_sessions"), 0);

    moderator.get("/admin/desk");
    let started = moderator.post("/admin/desk/act", &[("person", &jeanne.to_string())]);
    assert_eq!(started.status, 303, "{}", started.text());
    assert_eq!(started.header("location"), Some("/"));
    let home = moderator.get("/?lang=fr").text();
    assert!(
        home.contains("Guichet : vous saisissez pour Jeanne M."),
        "{home}"
    );
    assert!(
        !home.contains(">Mon compte<"),
        "the staff member's own links are away"
    );

    // A comment, in her name, marked.
    let discussion = "/discussions/usages-des-quais";
    moderator.get(discussion);
    let body = "Je voudrais des bancs à l’ombre sur les quais, pour les anciens du quartier.";
    let sent = moderator.post(&format!("{discussion}/comments"), &[("body", body)]);
    assert_eq!(sent.status, 303, "{}", sent.text());
    assert_eq!(
        int(
            &app,
            &format!(
                "SELECT count(*) FROM comments WHERE body = '{}' AND user_id = {jeanne} \
                 AND entered_by = {moderator_id}",
                body.replace('\'', "''")
            )
        ),
        1
    );
    let page = moderator.get(&format!("{discussion}?lang=fr")).text();
    assert!(page.contains("Saisi au guichet"), "{page}");
    let public = app.get(&format!("{discussion}?lang=fr")).text();
    assert!(
        public.contains("Saisi au guichet"),
        "everyone sees the mark"
    );

    // A support, in her name, marked.
    let gardens = int(
        &app,
        "SELECT id FROM proposals WHERE title = 'Des jardins partagés au Bois-Joli'",
    );
    moderator.get(&format!("/proposals/{gardens}"));
    let supported = moderator.post(&format!("/proposals/{gardens}/support"), &[]);
    assert!(supported.status < 400, "{}", supported.text());
    assert_eq!(
        int(
            &app,
            &format!(
                "SELECT count(*) FROM proposal_supports WHERE proposal_id = {gardens} \
                 AND user_id = {jeanne} AND entered_by = {moderator_id}"
            )
        ),
        1
    );
    // Every write of the session is in the audit log, by the moderator, for her.
    assert_eq!(
        int(
            &app,
            &format!(
                "SELECT count(*) FROM audit_log WHERE action = 'desk-entered' \
                 AND actor_id = {moderator_id} AND subject LIKE 'user:{jeanne} %'"
            )
        ),
        2
    );
    assert_eq!(
        int(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'desk-started'"
        ),
        1
    );
    // The back-office stays the moderator's.
    assert_eq!(moderator.get("/admin/moderation").status, 200);

    // The end: the moderator is themselves again.
    moderator.get("/admin/desk");
    let ended = moderator.post("/admin/desk/end", &[]);
    assert_eq!(ended.status, 303);
    assert_eq!(ended.header("location"), Some("/admin/desk"));
    assert_eq!(int(&app, "SELECT count(*) FROM desk_sessions"), 0);
    let home = moderator.get("/?lang=fr").text();
    assert!(!home.contains("vous saisissez pour"), "{home}");
    moderator.get(discussion);
    let own = "Un commentaire de la modération, en son nom propre.";
    assert_eq!(
        moderator
            .post(&format!("{discussion}/comments"), &[("body", own)])
            .status,
        303
    );
    assert_eq!(
        int(
            &app,
            &format!(
                "SELECT count(*) FROM comments WHERE body = '{own}' AND user_id = {moderator_id} \
                 AND entered_by IS NULL"
            )
        ),
        1
    );

    // The report counts them apart.
    let mut admin = palabre_e2e::demo::admin(&app);
    let report = admin.get("/processes/quais-de-loire/bilan?lang=fr").text();
    assert!(
        report.contains("dont saisis au guichet</th><td>1<"),
        "{report}"
    );
}
