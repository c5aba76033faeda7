//! SQL of the questionnaire component, next to its row mapping.

use std::collections::HashMap;

use palabre_domain::questionnaire::{Answer, Condition, Kind, Question};
use palabre_kit::db::{self, Connection, DbResult, Value};

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

/// Who is answering: a signed-in person, or (anonymous questionnaires) the
/// hash of a browser token.
#[derive(Clone)]
pub enum Owner {
    User(i64),
    Token(String),
}

impl Owner {
    fn column(&self) -> (&'static str, Value) {
        match self {
            Owner::User(id) => ("user_id", Value::Integer(*id)),
            Owner::Token(hash) => ("token_hash", Value::text(hash.as_str())),
        }
    }
}

pub struct Response {
    pub id: i64,
    pub submitted: bool,
    pub section: i64,
}

pub async fn response(
    conn: &Connection,
    questionnaire_id: i64,
    owner: &Owner,
) -> DbResult<Option<Response>> {
    let (column, value) = owner.column();
    let sql = format!(
        "SELECT id, status, section FROM responses WHERE questionnaire_id = ? AND {column} = ?"
    );
    Ok(
        db::query_one(conn, &sql, vec![Value::Integer(questionnaire_id), value])
            .await?
            .map(|r| Response {
                id: db::int(&r, 0),
                submitted: db::text(&r, 1) == "submitted",
                section: db::int(&r, 2),
            }),
    )
}

/// The person's response, started if needed.
pub async fn start(
    conn: &Connection,
    questionnaire_id: i64,
    owner: &Owner,
    now: i64,
) -> DbResult<Option<Response>> {
    let (column, value) = owner.column();
    let sql = format!(
        "INSERT INTO responses (questionnaire_id, {column}, created_at) VALUES (?, ?, ?) \
         ON CONFLICT DO NOTHING"
    );
    db::exec(
        conn,
        &sql,
        vec![Value::Integer(questionnaire_id), value, Value::Integer(now)],
    )
    .await?;
    response(conn, questionnaire_id, owner).await
}

/// The answers saved so far (question id → stored value).
pub async fn answers(conn: &Connection, response_id: i64) -> DbResult<HashMap<i64, String>> {
    Ok(db::query(
        conn,
        "SELECT question_id, value FROM answers WHERE response_id = ?",
        vec![Value::Integer(response_id)],
    )
    .await?
    .iter()
    .map(|r| (db::int(r, 0), db::text(r, 1)))
    .collect())
}

/// Replaces the answers to a section's questions (blank and hidden ones are
/// removed) and moves the response on to `next_section`.
pub async fn save_section(
    conn: &Connection,
    response_id: i64,
    question_ids: &[i64],
    given: &[(i64, String)],
    next_section: i64,
) -> DbResult<()> {
    if !question_ids.is_empty() {
        let marks = vec!["?"; question_ids.len()].join(", ");
        let mut params = vec![Value::Integer(response_id)];
        params.extend(question_ids.iter().map(|id| Value::Integer(*id)));
        db::exec(
            conn,
            &format!("DELETE FROM answers WHERE response_id = ? AND question_id IN ({marks})"),
            params,
        )
        .await?;
    }
    if !given.is_empty() {
        let marks = vec!["(?, ?, ?)"; given.len()].join(", ");
        let mut params = Vec::with_capacity(given.len() * 3);
        for (question_id, value) in given {
            params.push(Value::Integer(response_id));
            params.push(Value::Integer(*question_id));
            params.push(Value::text(value.as_str()));
        }
        db::exec(
            conn,
            &format!("INSERT INTO answers (response_id, question_id, value) VALUES {marks}"),
            params,
        )
        .await?;
    }
    db::exec(
        conn,
        "UPDATE responses SET section = max(section, ?) WHERE id = ? AND status = 'draft'",
        vec![Value::Integer(next_section), Value::Integer(response_id)],
    )
    .await
}

/// Submits a response once: drops answers to questions now hidden, counts
/// the others in the tallies. Returns false when it was already submitted.
pub async fn submit(
    conn: &Connection,
    questionnaire_id: i64,
    response_id: i64,
    kept: &[(i64, &Answer)],
    submitted_at: i64,
) -> DbResult<bool> {
    let claimed = db::query_one(
        conn,
        "UPDATE responses SET status = 'submitted', submitted_at = ? WHERE id = ? AND status = 'draft' RETURNING id",
        vec![Value::Integer(submitted_at), Value::Integer(response_id)],
    )
    .await?;
    if claimed.is_none() {
        return Ok(false);
    }
    let ids: Vec<i64> = kept.iter().map(|(id, _)| *id).collect();
    let marks = if ids.is_empty() {
        "NULL".to_string()
    } else {
        vec!["?"; ids.len()].join(", ")
    };
    let mut params = vec![Value::Integer(response_id)];
    params.extend(ids.iter().map(|id| Value::Integer(*id)));
    db::exec(
        conn,
        &format!("DELETE FROM answers WHERE response_id = ? AND question_id NOT IN ({marks})"),
        params,
    )
    .await?;
    let buckets: Vec<(i64, String)> = kept
        .iter()
        .flat_map(|(id, answer)| answer.buckets().into_iter().map(move |b| (*id, b)))
        .collect();
    // One statement for every bucket of the response.
    for chunk in buckets.chunks(300) {
        let marks = vec!["(?, ?, 1)"; chunk.len()].join(", ");
        let mut params = Vec::with_capacity(chunk.len() * 2);
        for (id, bucket) in chunk {
            params.push(Value::Integer(*id));
            params.push(Value::text(bucket.as_str()));
        }
        db::exec(
            conn,
            &format!(
                "INSERT INTO answer_tallies (question_id, bucket, n) VALUES {marks} \
                 ON CONFLICT (question_id, bucket) DO UPDATE SET n = n + 1"
            ),
            params,
        )
        .await?;
    }
    db::exec(
        conn,
        "UPDATE questionnaires SET responses_count = responses_count + 1 WHERE id = ?",
        vec![Value::Integer(questionnaire_id)],
    )
    .await?;
    Ok(true)
}

/// Tallies of every question of a questionnaire: question → bucket → count.
pub async fn tallies(
    conn: &Connection,
    questionnaire_id: i64,
) -> DbResult<HashMap<i64, HashMap<String, i64>>> {
    let rows = db::query(
        conn,
        "SELECT t.question_id, t.bucket, t.n FROM answer_tallies t \
         JOIN questions q ON q.id = t.question_id WHERE q.questionnaire_id = ?",
        vec![Value::Integer(questionnaire_id)],
    )
    .await?;
    let mut out: HashMap<i64, HashMap<String, i64>> = HashMap::new();
    for r in &rows {
        out.entry(db::int(r, 0))
            .or_default()
            .insert(db::text(r, 1), db::int(r, 2));
    }
    Ok(out)
}

/// Free-text answers to a question from submitted responses (newest first),
/// optionally containing `needle`; at most `limit`.
pub async fn texts(
    conn: &Connection,
    question_id: i64,
    needle: &str,
    limit: i64,
) -> DbResult<Vec<String>> {
    Ok(db::query(
        conn,
        "SELECT a.value FROM answers a JOIN responses r ON r.id = a.response_id \
         WHERE a.question_id = ?1 AND r.status = 'submitted' \
           AND (?2 = '' OR instr(lower(a.value), lower(?2)) > 0) \
         ORDER BY r.id DESC LIMIT ?3",
        vec![
            Value::Integer(question_id),
            Value::text(needle),
            Value::Integer(limit),
        ],
    )
    .await?
    .iter()
    .map(|r| db::text(r, 0))
    .collect())
}

/// Submitted responses with their answers, oldest first (exports): (id,
/// submitted_at, question id → stored value).
pub async fn submitted(
    conn: &Connection,
    questionnaire_id: i64,
) -> DbResult<Vec<(i64, i64, HashMap<i64, String>)>> {
    let rows = db::query(
        conn,
        "SELECT r.id, r.submitted_at, a.question_id, a.value FROM responses r \
         LEFT JOIN answers a ON a.response_id = r.id \
         WHERE r.questionnaire_id = ? AND r.status = 'submitted' ORDER BY r.id",
        vec![Value::Integer(questionnaire_id)],
    )
    .await?;
    let mut out: Vec<(i64, i64, HashMap<i64, String>)> = Vec::new();
    for r in &rows {
        let id = db::int(r, 0);
        if out.last().is_none_or(|last| last.0 != id) {
            out.push((id, db::opt_int(r, 1).unwrap_or(0), HashMap::new()));
        }
        if let (Some(question), Some(last)) = (db::opt_int(r, 2), out.last_mut()) {
            last.2.insert(question, db::text(r, 3));
        }
    }
    Ok(out)
}

// ---- builder (staff)

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
