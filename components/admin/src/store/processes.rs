//! Processes and their phases (and the discussions' staff store, from palabre-discussion).

use palabre_kit::db::{self, Connection, DbResult, Value};

pub struct Process {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub district_id: Option<i64>,
    pub starts_on: String,
    pub ends_on: String,
    pub published: bool,
    pub image_id: Option<i64>,
    pub citizen_discussions: bool,
}

const PROCESS_COLUMNS: &str = "id, slug, title, summary, body, district_id, starts_on, ends_on, status, image_id, \
     citizen_discussions";

fn process_of(r: &db::Row) -> Process {
    Process {
        id: db::int(r, 0),
        slug: db::text(r, 1),
        title: db::text(r, 2),
        summary: db::text(r, 3),
        body: db::text(r, 4),
        district_id: db::opt_int(r, 5),
        starts_on: db::text(r, 6),
        ends_on: db::text(r, 7),
        published: db::text(r, 8) == "published",
        image_id: db::opt_int(r, 9),
        citizen_discussions: db::int(r, 10) == 1,
    }
}

pub async fn all_processes(conn: &Connection) -> DbResult<Vec<Process>> {
    let sql = format!("SELECT {PROCESS_COLUMNS} FROM processes ORDER BY starts_on DESC, id DESC");
    Ok(db::query(conn, &sql, Vec::new())
        .await?
        .iter()
        .map(process_of)
        .collect())
}

pub async fn process(conn: &Connection, id: i64) -> DbResult<Option<Process>> {
    let sql = format!("SELECT {PROCESS_COLUMNS} FROM processes WHERE id = ?");
    Ok(db::query_one(conn, &sql, vec![Value::Integer(id)])
        .await?
        .as_ref()
        .map(process_of))
}

pub struct ProcessInput {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub district_id: Option<i64>,
    pub starts_on: String,
    pub ends_on: String,
    pub published: bool,
    pub image_id: Option<i64>,
    pub citizen_discussions: bool,
}

pub async fn save_process(
    conn: &Connection,
    id: Option<i64>,
    input: &ProcessInput,
    now: i64,
) -> DbResult<i64> {
    let status = if input.published {
        "published"
    } else {
        "draft"
    };
    let mut params = vec![
        Value::text(input.slug.as_str()),
        Value::text(input.title.as_str()),
        Value::text(input.summary.as_str()),
        Value::text(input.body.as_str()),
        input.district_id.map_or(Value::Null, Value::Integer),
        Value::text(input.starts_on.as_str()),
        Value::text(input.ends_on.as_str()),
        Value::text(status),
        input.image_id.map_or(Value::Null, Value::Integer),
        Value::Integer(i64::from(input.citizen_discussions)),
        Value::Integer(now),
    ];
    match id {
        Some(id) => {
            params.push(Value::Integer(id));
            db::exec(
                conn,
                "UPDATE processes SET slug = ?, title = ?, summary = ?, body = ?, district_id = ?, \
                 starts_on = ?, ends_on = ?, status = ?, image_id = ?, citizen_discussions = ?, updated_at = ? \
                 WHERE id = ?",
                params,
            )
            .await?;
            Ok(id)
        }
        None => {
            params.push(Value::Integer(now));
            let row = db::query_one(
                conn,
                "INSERT INTO processes (slug, title, summary, body, district_id, starts_on, ends_on, \
                 status, image_id, citizen_discussions, updated_at, created_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                params,
            )
            .await?;
            Ok(row.map_or(0, |r| db::int(&r, 0)))
        }
    }
}

/// Phases outside a process's new dates, which would stop fitting.
pub async fn phases_outside(conn: &Connection, id: i64, starts: &str, ends: &str) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        "SELECT count(*) FROM process_phases WHERE process_id = ? AND (starts_on < ? OR ends_on > ?)",
        vec![Value::Integer(id), Value::text(starts), Value::text(ends)],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

pub use palabre_kit::participation::districts;

pub struct Phase {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub starts_on: String,
    pub ends_on: String,
    pub tools: String,
}

fn phase_of(r: &db::Row) -> Phase {
    Phase {
        id: db::int(r, 0),
        name: db::text(r, 1),
        description: db::text(r, 2),
        starts_on: db::text(r, 3),
        ends_on: db::text(r, 4),
        tools: db::text(r, 5),
    }
}

pub async fn phases(conn: &Connection, process_id: i64) -> DbResult<Vec<Phase>> {
    let rows = db::query(
        conn,
        "SELECT id, name, description, starts_on, ends_on, tools FROM process_phases \
         WHERE process_id = ? ORDER BY starts_on, position, id",
        vec![Value::Integer(process_id)],
    )
    .await?;
    Ok(rows.iter().map(phase_of).collect())
}

pub async fn phase(conn: &Connection, process_id: i64, id: i64) -> DbResult<Option<Phase>> {
    let row = db::query_one(
        conn,
        "SELECT id, name, description, starts_on, ends_on, tools FROM process_phases \
         WHERE process_id = ? AND id = ?",
        vec![Value::Integer(process_id), Value::Integer(id)],
    )
    .await?;
    Ok(row.as_ref().map(phase_of))
}

pub struct PhaseInput {
    pub name: String,
    pub description: String,
    pub starts_on: String,
    pub ends_on: String,
    pub tools: String,
}

pub async fn save_phase(
    conn: &Connection,
    process_id: i64,
    id: Option<i64>,
    input: &PhaseInput,
) -> DbResult<i64> {
    let mut params = vec![
        Value::text(input.name.as_str()),
        Value::text(input.description.as_str()),
        Value::text(input.starts_on.as_str()),
        Value::text(input.ends_on.as_str()),
        Value::text(input.tools.as_str()),
        Value::Integer(process_id),
    ];
    match id {
        Some(id) => {
            params.push(Value::Integer(id));
            db::exec(
                conn,
                "UPDATE process_phases SET name = ?, description = ?, starts_on = ?, ends_on = ?, \
                 tools = ? WHERE process_id = ? AND id = ?",
                params,
            )
            .await?;
            Ok(id)
        }
        None => {
            let row = db::query_one(
                conn,
                // A phase already open when added is announced once, as added.
                "INSERT INTO process_phases (name, description, starts_on, ends_on, tools, process_id, \
                 position, opened_announced) \
                 VALUES (?, ?, ?, ?, ?, ?, (SELECT count(*) FROM process_phases WHERE process_id = ?6), \
                 ?3 <= date('now')) RETURNING id",
                params,
            )
            .await?;
            Ok(row.map_or(0, |r| db::int(&r, 0)))
        }
    }
}

pub async fn delete_phase(conn: &Connection, process_id: i64, id: i64) -> DbResult<()> {
    db::exec(
        conn,
        "DELETE FROM process_phases WHERE process_id = ? AND id = ?",
        vec![Value::Integer(process_id), Value::Integer(id)],
    )
    .await
}

pub use palabre_discussion::staff::{
    Discussion, all_discussions, discussion, save_discussion, slug_taken as discussion_slug_taken,
};
pub use palabre_kit::participation::process_choices;
