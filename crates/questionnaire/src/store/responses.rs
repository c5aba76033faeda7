//! Responses: who answers, their saved sections, the submit, and the tallies and texts results are made of.

use std::collections::HashMap;

use palabre_domain::questionnaire::Answer;
use palabre_kit::db::{self, Connection, DbResult, Value};

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

/// The person's response, started if needed (`entered_by`: the staff member
/// entering it at the town-hall desk, if so; a response started there stays
/// marked).
pub async fn start(
    conn: &Connection,
    questionnaire_id: i64,
    owner: &Owner,
    entered_by: Option<i64>,
    now: i64,
) -> DbResult<Option<Response>> {
    let (column, value) = owner.column();
    let sql = format!(
        "INSERT INTO responses (questionnaire_id, {column}, created_at, entered_by) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT DO UPDATE SET entered_by = coalesce(entered_by, excluded.entered_by) \
         WHERE excluded.entered_by IS NOT NULL"
    );
    db::exec(
        conn,
        &sql,
        vec![
            Value::Integer(questionnaire_id),
            value,
            Value::Integer(now),
            entered_by.map_or(Value::Null, Value::Integer),
        ],
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
