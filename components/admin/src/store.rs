//! SQL of the back-office, next to its row mapping.

use palabre_kit::comments;
use palabre_kit::db::{self, Connection, DbResult, Value};
use palabre_kit::feature::Figure;

// ---- news

pub struct News {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub published: bool,
    pub published_at: Option<i64>,
    pub updated_at: i64,
    pub image_id: Option<i64>,
}

const NEWS_COLUMNS: &str =
    "id, slug, title, summary, body, status, published_at, updated_at, image_id";

fn news_of(r: &db::Row) -> News {
    News {
        id: db::int(r, 0),
        slug: db::text(r, 1),
        title: db::text(r, 2),
        summary: db::text(r, 3),
        body: db::text(r, 4),
        published: db::text(r, 5) == "published",
        published_at: db::opt_int(r, 6),
        updated_at: db::int(r, 7),
        image_id: db::opt_int(r, 8),
    }
}

pub async fn all_news(conn: &Connection) -> DbResult<Vec<News>> {
    let sql = format!(
        "SELECT {NEWS_COLUMNS} FROM news ORDER BY status = 'published', \
         coalesce(published_at, updated_at) DESC, id DESC"
    );
    Ok(db::query(conn, &sql, Vec::new())
        .await?
        .iter()
        .map(news_of)
        .collect())
}

pub async fn news(conn: &Connection, id: i64) -> DbResult<Option<News>> {
    let sql = format!("SELECT {NEWS_COLUMNS} FROM news WHERE id = ?");
    Ok(db::query_one(conn, &sql, vec![Value::Integer(id)])
        .await?
        .as_ref()
        .map(news_of))
}

/// What a news form saves.
pub struct NewsInput {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub published: bool,
    pub image_id: Option<i64>,
}

/// Is `slug` used by another row of `table` than `id`?
pub async fn slug_taken(
    conn: &Connection,
    table: Table,
    slug: &str,
    id: Option<i64>,
) -> DbResult<bool> {
    let sql = format!(
        "SELECT 1 FROM {} WHERE slug = ? AND id IS NOT ?",
        table.name()
    );
    let params = vec![Value::text(slug), id.map_or(Value::Null, Value::Integer)];
    Ok(db::query_one(conn, &sql, params).await?.is_some())
}

/// Tables whose rows have a public address.
#[derive(Clone, Copy)]
pub enum Table {
    News,
    Processes,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::News => "news",
            Table::Processes => "processes",
        }
    }
}

/// Inserts or updates a news item; the publication date is set the first time
/// it is published and kept afterwards. Returns its id.
pub async fn save_news(
    conn: &Connection,
    id: Option<i64>,
    input: &NewsInput,
    now: i64,
) -> DbResult<i64> {
    let status = if input.published {
        "published"
    } else {
        "draft"
    };
    let published_at = if input.published {
        Value::Integer(now)
    } else {
        Value::Null
    };
    match id {
        Some(id) => {
            db::exec(
                conn,
                "UPDATE news SET slug = ?, title = ?, summary = ?, body = ?, image_id = ?, status = ?, \
                 published_at = CASE WHEN ? = 'published' THEN coalesce(published_at, ?) ELSE NULL END, \
                 updated_at = ? WHERE id = ?",
                vec![
                    Value::text(input.slug.as_str()),
                    Value::text(input.title.as_str()),
                    Value::text(input.summary.as_str()),
                    Value::text(input.body.as_str()),
                    input.image_id.map_or(Value::Null, Value::Integer),
                    Value::text(status),
                    Value::text(status),
                    Value::Integer(now),
                    Value::Integer(now),
                    Value::Integer(id),
                ],
            )
            .await?;
            Ok(id)
        }
        None => {
            let row = db::query_one(
                conn,
                "INSERT INTO news (slug, title, summary, body, image_id, status, published_at, created_at, updated_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                vec![
                    Value::text(input.slug.as_str()),
                    Value::text(input.title.as_str()),
                    Value::text(input.summary.as_str()),
                    Value::text(input.body.as_str()),
                    input.image_id.map_or(Value::Null, Value::Integer),
                    Value::text(status),
                    published_at,
                    Value::Integer(now),
                    Value::Integer(now),
                ],
            )
            .await?;
            Ok(row.map_or(0, |r| db::int(&r, 0)))
        }
    }
}

// ---- static pages

pub struct Page {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub body: String,
    pub updated_at: i64,
}

fn page_of(r: &db::Row) -> Page {
    Page {
        id: db::int(r, 0),
        slug: db::text(r, 1),
        title: db::text(r, 2),
        body: db::text(r, 3),
        updated_at: db::int(r, 4),
    }
}

pub async fn all_pages(conn: &Connection) -> DbResult<Vec<Page>> {
    let rows = db::query(
        conn,
        "SELECT id, slug, title, body, updated_at FROM pages ORDER BY id",
        Vec::new(),
    )
    .await?;
    Ok(rows.iter().map(page_of).collect())
}

pub async fn page(conn: &Connection, id: i64) -> DbResult<Option<Page>> {
    let row = db::query_one(
        conn,
        "SELECT id, slug, title, body, updated_at FROM pages WHERE id = ?",
        vec![Value::Integer(id)],
    )
    .await?;
    Ok(row.as_ref().map(page_of))
}

pub async fn save_page(
    conn: &Connection,
    id: i64,
    title: &str,
    body: &str,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE pages SET title = ?, body = ?, updated_at = ? WHERE id = ?",
        vec![
            Value::text(title),
            Value::text(body),
            Value::Integer(now),
            Value::Integer(id),
        ],
    )
    .await
}

// ---- processes and phases

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

// ---- moderation

/// A reported comment waiting for a moderator.
pub struct Reported {
    pub id: i64,
    pub body: String,
    pub author_id: i64,
    pub author: String,
    pub created_at: i64,
    pub hidden: bool,
    /// Where it is: (kind, address of the page).
    pub place: (String, String),
    pub place_title: String,
    /// The open reports' reasons, oldest first.
    pub reasons: Vec<String>,
}

const QUEUE: &str = "SELECT c.id, c.body, c.user_id, u.display_name, c.created_at, c.hidden_at IS NOT NULL, \
     c.resource, c.resource_id, \
     (SELECT group_concat(reason, char(30)) FROM (SELECT reason FROM comment_reports \
        WHERE comment_id = c.id AND resolved_at IS NULL ORDER BY created_at)) \
     FROM comments c JOIN users u ON u.id = c.user_id \
     WHERE c.id IN (SELECT comment_id FROM comment_reports WHERE resolved_at IS NULL) \
     ORDER BY (SELECT min(created_at) FROM comment_reports WHERE comment_id = c.id AND resolved_at IS NULL), c.id \
     LIMIT ?";

/// Where a comment is shown: its page and anchor (a comment on no
/// feature's item is on the news).
fn place_href(place: Option<&comments::Place>, id: i64) -> String {
    comments::link(place.map_or("/news", |p| p.path.as_str()), id, "")
}

/// The queue: comments with open reports, the longest waiting first.
pub async fn moderation_queue(conn: &Connection, limit: i64) -> DbResult<Vec<Reported>> {
    let rows = db::query(conn, QUEUE, vec![Value::Integer(limit)]).await?;
    let on: Vec<(String, i64)> = rows
        .iter()
        .map(|r| (db::text(r, 6), db::int(r, 7)))
        .collect();
    let places = comments::places(conn, palabre_features::ALL, &on).await?;
    Ok(rows
        .iter()
        .zip(&on)
        .map(|(r, item)| {
            let id = db::int(r, 0);
            let place = places.get(item);
            let href = place_href(place, id);
            let kind = item.0.clone();
            Reported {
                id,
                body: db::text(r, 1),
                author_id: db::int(r, 2),
                author: db::text(r, 3),
                created_at: db::int(r, 4),
                hidden: db::int(r, 5) == 1,
                place: (kind, href),
                place_title: place.map(|p| p.title.clone()).unwrap_or_default(),
                reasons: db::text(r, 8)
                    .split('\u{1e}')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect())
}

/// How a moderator settles a reported comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Hidden (the author is told why).
    Hide,
    /// Shown again.
    Restore,
    /// The reports were unfounded; the comment stays as it is.
    Dismiss,
}

impl Decision {
    pub fn parse(raw: &str) -> Option<Decision> {
        match raw {
            "hide" => Some(Decision::Hide),
            "restore" => Some(Decision::Restore),
            "dismiss" => Some(Decision::Dismiss),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Hide => "hidden",
            Decision::Restore => "restored",
            Decision::Dismiss => "dismissed",
        }
    }
}

/// Settles one comment's open reports; its author and place when it had any
/// (`None`: nothing was waiting, e.g. another moderator was faster).
pub async fn settle(
    conn: &Connection,
    comment_id: i64,
    decision: Decision,
    moderator: i64,
    now: i64,
) -> DbResult<Option<(i64, String)>> {
    let closed = db::query(
        conn,
        "UPDATE comment_reports SET resolved_at = ?, resolution = ?, resolved_by = ? \
         WHERE comment_id = ? AND resolved_at IS NULL RETURNING id",
        vec![
            Value::Integer(now),
            Value::text(decision.as_str()),
            Value::Integer(moderator),
            Value::Integer(comment_id),
        ],
    )
    .await?;
    if closed.is_empty() {
        return Ok(None);
    }
    match decision {
        Decision::Hide => {
            db::exec(
                conn,
                "UPDATE comments SET hidden_at = coalesce(hidden_at, ?), hidden_reason = 'moderator' WHERE id = ?",
                vec![Value::Integer(now), Value::Integer(comment_id)],
            )
            .await?
        }
        Decision::Restore => {
            db::exec(
                conn,
                "UPDATE comments SET hidden_at = NULL, hidden_reason = NULL WHERE id = ?",
                vec![Value::Integer(comment_id)],
            )
            .await?
        }
        Decision::Dismiss => {}
    }
    let Some(row) = db::query_one(
        conn,
        "SELECT user_id, resource, resource_id FROM comments WHERE id = ?",
        vec![Value::Integer(comment_id)],
    )
    .await?
    else {
        return Ok(None);
    };
    let item = (db::text(&row, 1), db::int(&row, 2));
    let places = comments::places(conn, palabre_features::ALL, std::slice::from_ref(&item)).await?;
    Ok(Some((
        db::int(&row, 0),
        place_href(places.get(&item), comment_id),
    )))
}

// ---- people

pub struct Person {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub created_at: i64,
    pub blocked_reason: Option<String>,
    pub trusted: bool,
}

const PERSON_COLUMNS: &str =
    "id, display_name, coalesce(email, ''), role, created_at, blocked_reason, trusted";

fn person_of(r: &db::Row) -> Person {
    Person {
        id: db::int(r, 0),
        name: db::text(r, 1),
        email: db::text(r, 2),
        role: db::text(r, 3),
        created_at: db::int(r, 4),
        blocked_reason: db::opt_text(r, 5),
        trusted: db::int(r, 6) == 1,
    }
}

/// Accounts whose name or email holds `q` (all when empty), newest first.
pub async fn people(conn: &Connection, q: &str, limit: i64) -> DbResult<Vec<Person>> {
    let rows = db::query(
        conn,
        &format!(
            "SELECT {PERSON_COLUMNS} FROM users WHERE deleted_at IS NULL \
             AND (?1 = '' OR instr(lower(display_name), lower(?1)) > 0 OR instr(lower(email), lower(?1)) > 0) \
             ORDER BY id DESC LIMIT ?2"
        ),
        vec![Value::text(q), Value::Integer(limit)],
    )
    .await?;
    Ok(rows.iter().map(person_of).collect())
}

pub async fn person(conn: &Connection, id: i64) -> DbResult<Option<Person>> {
    let row = db::query_one(
        conn,
        &format!("SELECT {PERSON_COLUMNS} FROM users WHERE id = ? AND deleted_at IS NULL"),
        vec![Value::Integer(id)],
    )
    .await?;
    Ok(row.as_ref().map(person_of))
}

/// A new role; every session of the account ends (it signs in again with it).
pub async fn set_role(conn: &Connection, id: i64, role: &str, now: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE users SET role = ?, sessions_valid_after = ? WHERE id = ? AND deleted_at IS NULL",
        vec![
            Value::text(role),
            Value::Integer(now + 1),
            Value::Integer(id),
        ],
    )
    .await
}

/// Blocks an account: its comments are hidden and wait in the moderation
/// queue (reported by the staff member, with the reason).
pub async fn block(conn: &Connection, id: i64, reason: &str, staff: i64, now: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE users SET blocked_at = ?, blocked_reason = ? WHERE id = ?",
        vec![Value::Integer(now), Value::text(reason), Value::Integer(id)],
    )
    .await?;
    db::exec(
        conn,
        "INSERT OR IGNORE INTO comment_reports (comment_id, user_id, reason, created_at) \
         SELECT id, ?, ?, ? FROM comments WHERE user_id = ? AND deleted_at IS NULL",
        vec![
            Value::Integer(staff),
            Value::text(reason),
            Value::Integer(now),
            Value::Integer(id),
        ],
    )
    .await?;
    db::exec(
        conn,
        "UPDATE comments SET hidden_at = ?, hidden_reason = 'blocked' WHERE user_id = ? AND hidden_at IS NULL AND deleted_at IS NULL",
        vec![Value::Integer(now), Value::Integer(id)],
    )
    .await
}

/// Trusted people's comments skip the pre-moderation of watched words.
pub async fn set_trusted(conn: &Connection, id: i64, trusted: bool) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE users SET trusted = ? WHERE id = ?",
        vec![Value::Integer(i64::from(trusted)), Value::Integer(id)],
    )
    .await
}

/// Unblocks an account (its hidden comments stay with the moderators).
pub async fn unblock(conn: &Connection, id: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE users SET blocked_at = NULL, blocked_reason = NULL WHERE id = ?",
        vec![Value::Integer(id)],
    )
    .await
}

// ---- dashboard

/// What the dashboard counts.
pub struct Dashboard {
    pub participants: i64,
    pub new_accounts: i64,
    /// (figure key, count): comments, then each feature's figures.
    pub features: Vec<(&'static str, i64)>,
    pub reports_pending: i64,
    /// Published processes, newest first: (title, participants, contributions).
    pub processes: Vec<(String, i64, i64)>,
    /// Contributions per day over the window: (day, count), days without any left out.
    pub days: Vec<(String, i64)>,
    /// Proposals over their threshold that the commune has not answered: (id, title).
    pub unanswered: Vec<(i64, String)>,
    /// Phases starting soon: (process, phase, starts on).
    pub phases: Vec<(String, String, String)>,
}

/// What the dashboard counts of the shared tables; each feature's figures
/// (its manifest's) follow in the same statement.
const TOTALS: &str = "SELECT \
     (SELECT count(*) FROM users WHERE deleted_at IS NULL AND role = 'citizen'), \
     (SELECT count(*) FROM users WHERE deleted_at IS NULL AND created_at >= ?1), \
     (SELECT count(DISTINCT comment_id) FROM comment_reports WHERE resolved_at IS NULL), \
     (SELECT count(*) FROM comments WHERE deleted_at IS NULL)";

/// The days of the comments since `?1`; each feature's charted figures are
/// added to the union.
const COMMENTS_PER_DAY: &str = "SELECT date(created_at, 'unixepoch') AS d FROM comments WHERE created_at >= ?1 AND deleted_at IS NULL";

/// The dashboard's numbers; `since` starts the window of new accounts and days.
pub async fn dashboard(conn: &Connection, since: i64, today: &str) -> DbResult<Dashboard> {
    let figures: Vec<&Figure> = palabre_features::ALL
        .iter()
        .flat_map(|f| f.figures.iter())
        .collect();
    let mut totals = TOTALS.to_string();
    for figure in &figures {
        totals.push_str(&format!(", ({})", figure.total));
    }
    let totals = db::query(conn, &totals, vec![Value::Integer(since)]).await?;
    let n = |i: usize| totals.first().map_or(0, |r| db::int(r, i));
    let mut per_day = format!("SELECT d, count(*) FROM ({COMMENTS_PER_DAY}");
    for sql in figures.iter().filter_map(|f| f.per_day) {
        per_day.push_str(&format!(" UNION ALL {sql}"));
    }
    per_day.push_str(") GROUP BY d ORDER BY d");
    let processes = db::query(
        conn,
        "SELECT title, participants, contributions FROM processes WHERE status = 'published' \
         ORDER BY starts_on DESC, id DESC LIMIT 10",
        Vec::new(),
    )
    .await?
    .iter()
    .map(|r| (db::text(r, 0), db::int(r, 1), db::int(r, 2)))
    .collect();
    let days = db::query(conn, &per_day, vec![Value::Integer(since)])
        .await?
        .iter()
        .map(|r| (db::text(r, 0), db::int(r, 1)))
        .collect();
    let unanswered = palabre_proposal::read::awaiting_answer(conn, 20).await?;
    let phases = db::query(
        conn,
        "SELECT pr.title, ph.name, ph.starts_on FROM process_phases ph JOIN processes pr ON pr.id = ph.process_id \
         WHERE ph.starts_on > ?1 AND ph.starts_on <= date(?1, '+14 days') ORDER BY ph.starts_on, ph.id LIMIT 10",
        vec![Value::text(today)],
    )
    .await?
    .iter()
    .map(|r| (db::text(r, 0), db::text(r, 1), db::text(r, 2)))
    .collect();
    Ok(Dashboard {
        participants: n(0),
        new_accounts: n(1),
        features: std::iter::once(("comments", n(3)))
            .chain(figures.iter().enumerate().map(|(i, f)| (f.key, n(4 + i))))
            .collect(),
        reports_pending: n(2),
        processes,
        days,
        unanswered,
        phases,
    })
}

// ---- logs

/// One page of the audit log, newest first: (id, at, who, action, subject, ip).
pub struct AuditFilter<'a> {
    pub who: &'a str,
    pub action: &'a str,
    /// [from, to) in unix seconds; 0 for no bound.
    pub from: i64,
    pub to: i64,
    /// Rows older than this id (the next page); 0 for the first.
    pub before: i64,
}

pub async fn audit(
    conn: &Connection,
    f: &AuditFilter<'_>,
    limit: i64,
) -> DbResult<Vec<(i64, i64, String, String, String, String)>> {
    let rows = db::query(
        conn,
        "SELECT a.id, a.at, coalesce(u.display_name, ''), a.action, coalesce(a.subject, ''), coalesce(a.ip, '') \
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id \
         WHERE (?1 = '' OR instr(lower(u.display_name), lower(?1)) > 0 OR instr(lower(u.email), lower(?1)) > 0) \
         AND (?2 = '' OR a.action = ?2) AND (?3 = 0 OR a.at >= ?3) AND (?4 = 0 OR a.at < ?4) \
         AND (?5 = 0 OR a.id < ?5) ORDER BY a.id DESC LIMIT ?6",
        vec![
            Value::text(f.who),
            Value::text(f.action),
            Value::Integer(f.from),
            Value::Integer(f.to),
            Value::Integer(f.before),
            Value::Integer(limit),
        ],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                db::int(r, 0),
                db::int(r, 1),
                db::text(r, 2),
                db::text(r, 3),
                db::text(r, 4),
                db::text(r, 5),
            )
        })
        .collect())
}

/// The actions the log holds (the filter's choices).
pub async fn audit_actions(conn: &Connection) -> DbResult<Vec<String>> {
    Ok(db::query(
        conn,
        "SELECT DISTINCT action FROM audit_log ORDER BY action",
        Vec::new(),
    )
    .await?
    .iter()
    .map(|r| db::text(r, 0))
    .collect())
}

/// A mail of the outbox as the viewer shows it.
pub struct Mail {
    pub id: i64,
    pub created_at: i64,
    pub to: String,
    pub kind: String,
    pub subject: String,
    pub status: String,
    pub attempts: i64,
    pub error: String,
    pub sent_at: Option<i64>,
}

/// One page of the outbox, newest first (`status` empty: all).
pub async fn outbox(
    conn: &Connection,
    status: &str,
    before: i64,
    limit: i64,
) -> DbResult<Vec<Mail>> {
    let rows = db::query(
        conn,
        "SELECT id, created_at, to_email, kind, subject, status, attempts, coalesce(last_error, ''), sent_at \
         FROM mail_outbox WHERE (?1 = '' OR status = ?1) AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3",
        vec![
            Value::text(status),
            Value::Integer(before),
            Value::Integer(limit),
        ],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| Mail {
            id: db::int(r, 0),
            created_at: db::int(r, 1),
            to: db::text(r, 2),
            kind: db::text(r, 3),
            subject: db::text(r, 4),
            status: db::text(r, 5),
            attempts: db::int(r, 6),
            error: db::text(r, 7),
            sent_at: db::opt_int(r, 8),
        })
        .collect())
}

/// A new staff account, invited by mail: its address is the one the
/// invitation goes to; it has no password until the invitation's link is used.
pub async fn invite(
    conn: &Connection,
    email: &str,
    name: &str,
    role: &str,
    now: i64,
) -> DbResult<Option<i64>> {
    let row = db::query_one(
        conn,
        "INSERT INTO users (email, display_name, role, created_at, email_confirmed_at) \
         VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (email) DO NOTHING RETURNING id",
        vec![
            Value::text(email),
            Value::text(name),
            Value::text(role),
            Value::Integer(now),
        ],
    )
    .await?;
    Ok(row.map(|r| db::int(&r, 0)))
}

/// Stores the hash of the invitation's token (a password-setting link).
pub async fn invitation_token(
    conn: &Connection,
    user_id: i64,
    hash: &str,
    now: i64,
    lifetime: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO email_tokens (user_id, purpose, token_hash, created_at, expires_at) \
         VALUES (?, 'reset', ?, ?, ?)",
        vec![
            Value::Integer(user_id),
            Value::text(hash),
            Value::Integer(now),
            Value::Integer(now + lifetime),
        ],
    )
    .await
}

// ---- process reports (bilan)

/// What staff wrote for a process's report.
pub struct Report {
    pub commentary: String,
    pub commitments: String,
    pub published: bool,
}

pub async fn report(conn: &Connection, process_id: i64) -> DbResult<Option<Report>> {
    let row = db::query_one(
        conn,
        "SELECT commentary, commitments, published_at IS NOT NULL FROM process_reports WHERE process_id = ?",
        vec![Value::Integer(process_id)],
    )
    .await?;
    Ok(row.map(|r| Report {
        commentary: db::text(&r, 0),
        commitments: db::text(&r, 1),
        published: db::int(&r, 2) == 1,
    }))
}

/// Writes the report; the publication date is set the first time it is
/// published and kept while it stays published.
pub async fn save_report(
    conn: &Connection,
    process_id: i64,
    report: &Report,
    user_id: i64,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO process_reports (process_id, commentary, commitments, published_at, user_id, updated_at) \
         VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN ?6 END, ?5, ?6) \
         ON CONFLICT (process_id) DO UPDATE SET commentary = excluded.commentary, \
           commitments = excluded.commitments, \
           published_at = CASE WHEN ?4 THEN coalesce(process_reports.published_at, ?6) END, \
           version = process_reports.version + 1, user_id = ?5, updated_at = ?6",
        vec![
            Value::Integer(process_id),
            Value::text(report.commentary.as_str()),
            Value::text(report.commitments.as_str()),
            Value::Integer(i64::from(report.published)),
            Value::Integer(user_id),
            Value::Integer(now),
        ],
    )
    .await
}
