//! SQL of the questionnaire component, next to its row mapping.

use palabre_domain::questionnaire::{Condition, Kind, Question};
use palabre_kit::db::{self, Connection, DbResult, Value};

mod builder;
mod responses;

pub use builder::*;
pub use responses::*;

pub struct Questionnaire {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub opens_on: String,
    pub closes_on: String,
    pub published: bool,
    pub anonymous: bool,
    pub results_public: bool,
    pub results_from: Option<String>,
    pub open_data_text: bool,
    pub version: i64,
    pub responses_count: i64,
    /// (id, slug, title) of its process.
    pub process: Option<(i64, String, String)>,
}

const COLUMNS: &str = "q.id, q.slug, q.title, q.intro, q.opens_on, q.closes_on, q.status, q.anonymous, \
     q.results_public, q.results_from, q.open_data_text, q.version, q.responses_count, \
     p.id, p.slug, p.title";

fn questionnaire_of(r: &db::Row) -> Questionnaire {
    Questionnaire {
        id: db::int(r, 0),
        slug: db::text(r, 1),
        title: db::text(r, 2),
        intro: db::text(r, 3),
        opens_on: db::text(r, 4),
        closes_on: db::text(r, 5),
        published: db::text(r, 6) == "published",
        anonymous: db::int(r, 7) == 1,
        results_public: db::int(r, 8) == 1,
        results_from: db::opt_text(r, 9),
        open_data_text: db::int(r, 10) == 1,
        version: db::int(r, 11),
        responses_count: db::int(r, 12),
        process: db::opt_int(r, 13).map(|id| (id, db::text(r, 14), db::text(r, 15))),
    }
}

/// Every questionnaire (staff) or the published ones, under way first.
pub async fn list(conn: &Connection, with_drafts: bool) -> DbResult<Vec<Questionnaire>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM questionnaires q LEFT JOIN processes p ON p.id = q.process_id \
         WHERE q.status = 'published' OR ? ORDER BY q.closes_on >= date('now') DESC, q.opens_on DESC, q.id DESC"
    );
    Ok(
        db::query(conn, &sql, vec![Value::Integer(i64::from(with_drafts))])
            .await?
            .iter()
            .map(questionnaire_of)
            .collect(),
    )
}

pub async fn by_slug(conn: &Connection, slug: &str) -> DbResult<Option<Questionnaire>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM questionnaires q LEFT JOIN processes p ON p.id = q.process_id WHERE q.slug = ?"
    );
    Ok(db::query_one(conn, &sql, vec![Value::text(slug)])
        .await?
        .as_ref()
        .map(questionnaire_of))
}

/// A question with what the pages show around it.
#[derive(Clone)]
pub struct Item {
    pub question: Question,
    pub section_id: i64,
    pub label: String,
    pub help: String,
    pub min_label: String,
    pub max_label: String,
}

pub struct Section {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub items: Vec<Item>,
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The sections of a questionnaire, in order, each with its questions in order.
pub async fn structure(conn: &Connection, questionnaire_id: i64) -> DbResult<Vec<Section>> {
    let mut sections: Vec<Section> = db::query(
        conn,
        "SELECT id, position, title, description FROM questionnaire_sections \
         WHERE questionnaire_id = ? ORDER BY position, id",
        vec![Value::Integer(questionnaire_id)],
    )
    .await?
    .iter()
    .map(|r| Section {
        id: db::int(r, 0),
        title: db::text(r, 2),
        description: db::text(r, 3),
        items: Vec::new(),
    })
    .collect();
    let rows = db::query(
        conn,
        "SELECT id, section_id, position, kind, label, help, required, options, rows, other, min, max, \
         min_label, max_label, condition_question, condition_option FROM questions \
         WHERE questionnaire_id = ? ORDER BY position, id",
        vec![Value::Integer(questionnaire_id)],
    )
    .await?;
    for r in &rows {
        let Ok(kind) = db::text(r, 3).parse::<Kind>() else {
            continue;
        };
        let item = Item {
            question: Question {
                id: db::int(r, 0),
                kind,
                required: db::int(r, 6) == 1,
                options: lines(&db::text(r, 7)),
                rows: lines(&db::text(r, 8)),
                other: db::int(r, 9) == 1,
                min: db::opt_int(r, 10),
                max: db::opt_int(r, 11),
                condition: match (db::opt_int(r, 14), db::opt_int(r, 15)) {
                    (Some(question_id), Some(option)) => Some(Condition {
                        question_id,
                        option: usize::try_from(option).unwrap_or(0),
                    }),
                    _ => None,
                },
            },
            section_id: db::int(r, 1),
            label: db::text(r, 4),
            help: db::text(r, 5),
            min_label: db::text(r, 12),
            max_label: db::text(r, 13),
        };
        if let Some(s) = sections.iter_mut().find(|s| s.id == item.section_id) {
            s.items.push(item);
        }
    }
    Ok(sections)
}
