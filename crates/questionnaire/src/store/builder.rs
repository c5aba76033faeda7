//! What staff change: settings, sections, questions, their order, a new version.

use std::collections::HashMap;

use palabre_domain::questionnaire::{Condition, Kind};
use palabre_kit::db::{self, Connection, DbResult, Value};

use super::*;

/// A questionnaire's settings as staff save them.
pub struct Settings {
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub process_id: Option<i64>,
    pub opens_on: String,
    pub closes_on: String,
    pub published: bool,
    pub anonymous: bool,
    pub results_public: bool,
    pub results_from: Option<String>,
    pub open_data_text: bool,
}

pub async fn save_settings(
    conn: &Connection,
    id: Option<i64>,
    s: &Settings,
    user_id: Option<i64>,
    now: i64,
) -> DbResult<i64> {
    let mut params = vec![
        Value::text(s.slug.as_str()),
        Value::text(s.title.as_str()),
        Value::text(s.intro.as_str()),
        s.process_id.map_or(Value::Null, Value::Integer),
        Value::text(s.opens_on.as_str()),
        Value::text(s.closes_on.as_str()),
        Value::text(if s.published { "published" } else { "draft" }),
        Value::Integer(i64::from(s.anonymous)),
        Value::Integer(i64::from(s.results_public)),
        s.results_from.as_deref().map_or(Value::Null, Value::text),
        Value::Integer(i64::from(s.open_data_text)),
        Value::Integer(now),
    ];
    match id {
        Some(id) => {
            params.push(Value::Integer(id));
            db::exec(
                conn,
                "UPDATE questionnaires SET slug = ?, title = ?, intro = ?, process_id = ?, opens_on = ?, \
                 closes_on = ?, status = ?, anonymous = ?, results_public = ?, results_from = ?, \
                 open_data_text = ?, updated_at = ? WHERE id = ?",
                params,
            )
            .await?;
            Ok(id)
        }
        None => {
            params.push(user_id.map_or(Value::Null, Value::Integer));
            params.push(Value::Integer(now));
            let row = db::query_one(
                conn,
                "INSERT INTO questionnaires (slug, title, intro, process_id, opens_on, closes_on, status, \
                 anonymous, results_public, results_from, open_data_text, updated_at, user_id, created_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                params,
            )
            .await?;
            Ok(row.map_or(0, |r| db::int(&r, 0)))
        }
    }
}

pub async fn slug_taken(conn: &Connection, slug: &str, except: Option<i64>) -> DbResult<bool> {
    Ok(db::query_one(
        conn,
        "SELECT 1 FROM questionnaires WHERE slug = ? AND id IS NOT ?",
        vec![
            Value::text(slug),
            except.map_or(Value::Null, Value::Integer),
        ],
    )
    .await?
    .is_some())
}

/// Once anyone started answering, the questions are fixed.
pub async fn has_responses(conn: &Connection, questionnaire_id: i64) -> DbResult<bool> {
    Ok(db::query_one(
        conn,
        "SELECT 1 FROM responses WHERE questionnaire_id = ? LIMIT 1",
        vec![Value::Integer(questionnaire_id)],
    )
    .await?
    .is_some())
}

pub async fn add_section(
    conn: &Connection,
    questionnaire_id: i64,
    title: &str,
    description: &str,
) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        "INSERT INTO questionnaire_sections (questionnaire_id, position, title, description) \
         SELECT ?1, coalesce(max(position) + 1, 0), ?2, ?3 FROM questionnaire_sections WHERE questionnaire_id = ?1 \
         RETURNING id",
        vec![
            Value::Integer(questionnaire_id),
            Value::text(title),
            Value::text(description),
        ],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

pub async fn update_section(
    conn: &Connection,
    id: i64,
    title: &str,
    description: &str,
) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE questionnaire_sections SET title = ?, description = ? WHERE id = ?",
        vec![
            Value::text(title),
            Value::text(description),
            Value::Integer(id),
        ],
    )
    .await
}

/// A question as the builder form saves it.
pub struct QuestionInput {
    pub section_id: i64,
    pub kind: Kind,
    pub label: String,
    pub help: String,
    pub required: bool,
    pub options: String,
    pub rows: String,
    pub other: bool,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub min_label: String,
    pub max_label: String,
    pub condition: Option<Condition>,
}

pub async fn save_question(
    conn: &Connection,
    questionnaire_id: i64,
    id: Option<i64>,
    q: &QuestionInput,
) -> DbResult<i64> {
    let opt = |v: Option<i64>| v.map_or(Value::Null, Value::Integer);
    let mut params = vec![
        Value::Integer(q.section_id),
        Value::text(q.kind.as_str()),
        Value::text(q.label.as_str()),
        Value::text(q.help.as_str()),
        Value::Integer(i64::from(q.required)),
        Value::text(q.options.as_str()),
        Value::text(q.rows.as_str()),
        Value::Integer(i64::from(q.other)),
        opt(q.min),
        opt(q.max),
        Value::text(q.min_label.as_str()),
        Value::text(q.max_label.as_str()),
        opt(q.condition.map(|c| c.question_id)),
        opt(q.condition.map(|c| i64::try_from(c.option).unwrap_or(0))),
    ];
    match id {
        Some(id) => {
            params.push(Value::Integer(id));
            params.push(Value::Integer(questionnaire_id));
            // Moved to another section: it goes last there.
            db::exec(
                conn,
                "UPDATE questions SET position = CASE WHEN section_id = ?1 THEN position ELSE \
                   (SELECT coalesce(max(position) + 1, 0) FROM questions WHERE section_id = ?1) END, \
                 section_id = ?1, kind = ?2, label = ?3, help = ?4, required = ?5, options = ?6, rows = ?7, \
                 other = ?8, min = ?9, max = ?10, min_label = ?11, max_label = ?12, condition_question = ?13, \
                 condition_option = ?14 WHERE id = ?15 AND questionnaire_id = ?16",
                params,
            )
            .await?;
            Ok(id)
        }
        None => {
            params.push(Value::Integer(questionnaire_id));
            let row = db::query_one(
                conn,
                "INSERT INTO questions (section_id, kind, label, help, required, options, rows, other, min, max, \
                 min_label, max_label, condition_question, condition_option, questionnaire_id, position) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
                        coalesce(max(position) + 1, 0) FROM questions WHERE section_id = ?1 RETURNING id",
                params,
            )
            .await?;
            Ok(row.map_or(0, |r| db::int(&r, 0)))
        }
    }
}

/// Sections or questions: what can be moved and deleted.
#[derive(Clone, Copy)]
pub enum Part {
    Section,
    Question,
}

impl Part {
    fn table(self) -> &'static str {
        match self {
            Part::Section => "questionnaire_sections",
            Part::Question => "questions",
        }
    }

    /// The column whose value groups the siblings it moves among.
    fn group(self) -> &'static str {
        match self {
            Part::Section => "questionnaire_id",
            Part::Question => "section_id",
        }
    }
}

/// Swaps a section (or question) with its neighbour above or below.
pub async fn move_part(
    conn: &Connection,
    part: Part,
    questionnaire_id: i64,
    id: i64,
    up: bool,
) -> DbResult<()> {
    let (table, group) = (part.table(), part.group());
    let (cmp, order) = if up { ("<", "DESC") } else { (">", "ASC") };
    let sql = format!(
        "SELECT b.id, a.position, b.position FROM {table} a JOIN {table} b ON b.{group} = a.{group} \
         WHERE a.id = ?1 AND a.questionnaire_id = ?2 AND (b.position, b.id) {cmp} (a.position, a.id) \
         ORDER BY b.position {order}, b.id {order} LIMIT 1"
    );
    let Some(row) = db::query_one(
        conn,
        &sql,
        vec![Value::Integer(id), Value::Integer(questionnaire_id)],
    )
    .await?
    else {
        return Ok(());
    };
    let (other, mine, theirs) = (db::int(&row, 0), db::int(&row, 1), db::int(&row, 2));
    // Equal positions (older data): make them distinct first.
    let (mine, theirs) = if mine == theirs {
        if up {
            (theirs, theirs + 1)
        } else {
            (theirs + 1, theirs)
        }
    } else {
        (mine, theirs)
    };
    let update = format!("UPDATE {table} SET position = ? WHERE id = ?");
    db::exec(
        conn,
        &update,
        vec![Value::Integer(theirs), Value::Integer(id)],
    )
    .await?;
    db::exec(
        conn,
        &update,
        vec![Value::Integer(mine), Value::Integer(other)],
    )
    .await
}

pub async fn delete_part(
    conn: &Connection,
    part: Part,
    questionnaire_id: i64,
    id: i64,
) -> DbResult<()> {
    let sql = format!(
        "DELETE FROM {} WHERE id = ? AND questionnaire_id = ?",
        part.table()
    );
    db::exec(
        conn,
        &sql,
        vec![Value::Integer(id), Value::Integer(questionnaire_id)],
    )
    .await
}

/// Copies a questionnaire into a new draft version (sections, questions and
/// their conditions); returns the copy's id.
pub async fn copy_version(
    conn: &Connection,
    from: &Questionnaire,
    slug: &str,
    user_id: Option<i64>,
    now: i64,
) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        "INSERT INTO questionnaires (slug, title, intro, process_id, opens_on, closes_on, status, anonymous, \
         results_public, results_from, open_data_text, version, previous_id, user_id, created_at, updated_at) \
         SELECT ?, title, intro, process_id, opens_on, closes_on, 'draft', anonymous, results_public, results_from, \
         open_data_text, version + 1, id, ?, ?, ? FROM questionnaires WHERE id = ? RETURNING id",
        vec![
            Value::text(slug),
            user_id.map_or(Value::Null, Value::Integer),
            Value::Integer(now),
            Value::Integer(now),
            Value::Integer(from.id),
        ],
    )
    .await?;
    let new_id = row.map_or(0, |r| db::int(&r, 0));
    let mut question_ids: HashMap<i64, i64> = HashMap::new();
    for section in structure(conn, from.id).await? {
        let section_id = add_section(conn, new_id, &section.title, &section.description).await?;
        for item in &section.items {
            let q = &item.question;
            let input = QuestionInput {
                section_id,
                kind: q.kind,
                label: item.label.clone(),
                help: item.help.clone(),
                required: q.required,
                options: q.options.join("\n"),
                rows: q.rows.join("\n"),
                other: q.other,
                min: q.min,
                max: q.max,
                min_label: item.min_label.clone(),
                max_label: item.max_label.clone(),
                condition: q.condition.and_then(|c| {
                    question_ids.get(&c.question_id).map(|id| Condition {
                        question_id: *id,
                        option: c.option,
                    })
                }),
            };
            let copy = save_question(conn, new_id, None, &input).await?;
            question_ids.insert(q.id, copy);
        }
    }
    Ok(new_id)
}
