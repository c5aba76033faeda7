//! A questionnaire's aggregate results as anyone may read them once staff made
//! them public: per question, the counts from the tallies the questionnaire
//! component keeps (never an individual answer). The process report quotes
//! them and the open-data API serves them.

use std::collections::HashMap;

use palabre_domain::questionnaire::{self as rules, Kind, Question, Results};

use palabre_kit::db::{self, Connection, DbResult, Value};

/// A questionnaire whose results are public today.
pub struct Public {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub responses: i64,
    pub process_id: Option<i64>,
}

/// Published, results public, and the day they are shown from has come
/// (on `questionnaires q`).
pub const PUBLIC: &str = "q.status = 'published' AND q.results_public = 1 \
     AND (q.results_from IS NULL OR q.results_from <= date('now'))";

/// A question with its label and results.
pub struct Answered {
    pub question: Question,
    pub label: String,
    pub results: Results,
}

fn lines(stored: &str) -> Vec<String> {
    stored
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The questionnaires of a process whose results are public, oldest first.
pub async fn of_process(conn: &Connection, process_id: i64) -> DbResult<Vec<Public>> {
    let sql = format!(
        "SELECT q.id, q.slug, q.title, q.responses_count, q.process_id FROM questionnaires q \
         WHERE q.process_id = ? AND {PUBLIC} ORDER BY q.opens_on, q.id"
    );
    let rows = db::query(conn, &sql, vec![Value::Integer(process_id)]).await?;
    Ok(rows.iter().map(public_of).collect())
}

/// Reads `id, slug, title, responses_count, process_id`.
pub fn public_of(r: &db::Row) -> Public {
    Public {
        id: db::int(r, 0),
        slug: db::text(r, 1),
        title: db::text(r, 2),
        responses: db::int(r, 3),
        process_id: db::opt_int(r, 4),
    }
}

/// Every question of a questionnaire, in order, with its results.
pub async fn questions(conn: &Connection, questionnaire_id: i64) -> DbResult<Vec<Answered>> {
    let rows = db::query(
        conn,
        "SELECT q.id, q.kind, q.label, q.options, q.rows, q.other, q.min, q.max FROM questions q \
         JOIN questionnaire_sections s ON s.id = q.section_id \
         WHERE q.questionnaire_id = ? ORDER BY s.position, s.id, q.position, q.id",
        vec![Value::Integer(questionnaire_id)],
    )
    .await?;
    let mut tallies: HashMap<i64, HashMap<String, i64>> = HashMap::new();
    for r in db::query(
        conn,
        "SELECT t.question_id, t.bucket, t.n FROM answer_tallies t \
         JOIN questions q ON q.id = t.question_id WHERE q.questionnaire_id = ?",
        vec![Value::Integer(questionnaire_id)],
    )
    .await?
    {
        tallies
            .entry(db::int(&r, 0))
            .or_default()
            .insert(db::text(&r, 1), db::int(&r, 2));
    }
    let empty = HashMap::new();
    Ok(rows
        .iter()
        .filter_map(|r| {
            let kind = db::text(r, 1).parse::<Kind>().ok()?;
            let question = Question {
                id: db::int(r, 0),
                kind,
                required: false,
                options: lines(&db::text(r, 3)),
                rows: lines(&db::text(r, 4)),
                other: db::int(r, 5) == 1,
                min: db::opt_int(r, 6),
                max: db::opt_int(r, 7),
                condition: None,
            };
            let results = rules::results(&question, tallies.get(&question.id).unwrap_or(&empty));
            Some(Answered {
                label: db::text(r, 2),
                question,
                results,
            })
        })
        .collect())
}

/// The labels of a choice question's lines, in the order of its results
/// (yes/no use the locale's words; "other" comes last when offered).
pub fn choice_labels(locale: palabre_domain::Locale, q: &Question) -> Vec<String> {
    let mut labels = if q.kind == Kind::YesNo {
        vec![
            palabre_kit::i18n::t(locale, "answer-yes"),
            palabre_kit::i18n::t(locale, "answer-no"),
        ]
    } else if q.kind == Kind::Scale {
        (1..=q.scale_top()).map(|v| v.to_string()).collect()
    } else {
        q.options.clone()
    };
    if q.other && matches!(q.kind, Kind::Single | Kind::Multiple) {
        labels.push(palabre_kit::i18n::t(locale, "answer-other"));
    }
    labels
}
