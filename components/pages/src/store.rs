//! SQL of the pages component, next to its row mapping.

use palabre_kit::db::{self, Connection, DbResult, Value};
use palabre_kit::images;

const LATEST_NEWS: &str = "SELECT slug, title, summary, published_at, id FROM news \
     WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?";
const NEWS_BY_SLUG: &str = "SELECT n.title, n.summary, n.body, n.published_at, \
     i.id, i.hash, i.alt, i.width, i.height, n.id FROM news n LEFT JOIN images i ON i.id = n.image_id \
     WHERE n.slug = ? AND n.status = 'published'";
const PAGE_BY_SLUG: &str = "SELECT title, body, updated_at, id FROM pages WHERE slug = ?";
const SCHEMA_VERSION: &str = "PRAGMA user_version";

pub struct NewsSummary {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub published_at: i64,
}

pub struct NewsItem {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub published_at: i64,
    pub image: Option<images::Shown>,
}

pub struct Page {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub updated_at: i64,
}

/// Reads `slug, title, summary, published_at, id`.
fn news_summary_of(r: &db::Row) -> NewsSummary {
    NewsSummary {
        id: db::int(r, 4),
        slug: db::text(r, 0),
        title: db::text(r, 1),
        summary: db::text(r, 2),
        published_at: db::int(r, 3),
    }
}

pub async fn latest_news(conn: &Connection, limit: i64) -> DbResult<Vec<NewsSummary>> {
    let rows = db::query(conn, LATEST_NEWS, vec![Value::Integer(limit)]).await?;
    Ok(rows.iter().map(news_summary_of).collect())
}

/// A process's published news, newest first.
pub async fn process_news(
    conn: &Connection,
    process_id: i64,
    limit: i64,
) -> DbResult<Vec<NewsSummary>> {
    let rows = db::query(
        conn,
        "SELECT slug, title, summary, published_at, id FROM news \
         WHERE process_id = ? AND status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?",
        vec![Value::Integer(process_id), Value::Integer(limit)],
    )
    .await?;
    Ok(rows.iter().map(news_summary_of).collect())
}

pub async fn news_item(conn: &Connection, slug: &str) -> DbResult<Option<NewsItem>> {
    let row = db::query_one(conn, NEWS_BY_SLUG, vec![Value::text(slug)]).await?;
    Ok(row.map(|r| NewsItem {
        title: db::text(&r, 0),
        summary: db::text(&r, 1),
        body: db::text(&r, 2),
        published_at: db::int(&r, 3),
        image: images::Shown::from_row(&r, 4),
        id: db::int(&r, 9),
    }))
}

pub async fn page(conn: &Connection, slug: &str) -> DbResult<Option<Page>> {
    let row = db::query_one(conn, PAGE_BY_SLUG, vec![Value::text(slug)]).await?;
    Ok(row.map(|r| Page {
        id: db::int(&r, 3),
        title: db::text(&r, 0),
        body: db::text(&r, 1),
        updated_at: db::int(&r, 2),
    }))
}

pub async fn schema_version(conn: &Connection) -> DbResult<i64> {
    let row = db::query_one(conn, SCHEMA_VERSION, Vec::new()).await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

const PROCESS_COLUMNS: &str = "p.id, p.slug, p.title, p.summary, p.body, d.name, p.starts_on, \
     p.ends_on, p.participants, p.contributions, p.status, \
     i.id, i.hash, i.alt, i.width, i.height, \
     (SELECT group_concat(ph.starts_on || ' ' || ph.ends_on, ',') FROM process_phases ph \
      WHERE ph.process_id = p.id AND (',' || ph.tools || ',') LIKE '%,budget,%')";
const PROCESS_FROM: &str = "processes p LEFT JOIN districts d ON d.id = p.district_id \
     LEFT JOIN images i ON i.id = p.image_id";
const PHASES: &str = "SELECT id, name, description, starts_on, ends_on, tools FROM process_phases \
     WHERE process_id = ? ORDER BY starts_on, position, id";
const UPCOMING_PHASES: &str = "SELECT p.slug, p.title, ph.name, ph.starts_on, p.id, ph.id FROM process_phases ph \
     JOIN processes p ON p.id = ph.process_id \
     WHERE p.status = 'published' AND ph.starts_on > ? ORDER BY ph.starts_on, ph.id LIMIT ?";

/// A process as its pages show it.
pub struct Process {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    /// `None`: the whole commune.
    pub district: Option<String>,
    pub starts_on: String,
    pub ends_on: String,
    pub participants: i64,
    pub contributions: i64,
    pub published: bool,
    pub image: Option<images::Shown>,
    /// The phases that carry a vote (the budget tool): `starts ends` pairs,
    /// comma-separated.
    pub vote_phases: String,
}

pub struct Phase {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub starts_on: String,
    pub ends_on: String,
    pub tools: String,
}

/// The next phase to start somewhere, for the home page.
pub struct UpcomingPhase {
    pub process_id: i64,
    pub phase_id: i64,
    pub process_slug: String,
    pub process_title: String,
    pub name: String,
    pub starts_on: String,
}

fn process_of(r: &db::Row) -> Process {
    Process {
        id: db::int(r, 0),
        slug: db::text(r, 1),
        title: db::text(r, 2),
        summary: db::text(r, 3),
        body: db::text(r, 4),
        district: db::opt_text(r, 5),
        starts_on: db::text(r, 6),
        ends_on: db::text(r, 7),
        participants: db::int(r, 8),
        contributions: db::int(r, 9),
        published: db::text(r, 10) == "published",
        image: images::Shown::from_row(r, 11),
        vote_phases: db::opt_text(r, 16).unwrap_or_default(),
    }
}

/// Published processes: under way first (ending soonest), then upcoming
/// (starting soonest), then closed (most recent first).
pub async fn published_processes(conn: &Connection, today: &str) -> DbResult<Vec<Process>> {
    let sql = format!(
        "SELECT {PROCESS_COLUMNS} FROM {PROCESS_FROM} \
         WHERE p.status = 'published' ORDER BY \
         CASE WHEN p.starts_on <= ?1 AND p.ends_on >= ?1 THEN 0 WHEN p.starts_on > ?1 THEN 1 ELSE 2 END, \
         CASE WHEN p.ends_on >= ?1 THEN p.ends_on END, \
         CASE WHEN p.starts_on > ?1 THEN p.starts_on END, \
         p.ends_on DESC, p.id"
    );
    let rows = db::query(conn, &sql, vec![Value::text(today)]).await?;
    Ok(rows.iter().map(process_of).collect())
}

pub async fn process_by_slug(conn: &Connection, slug: &str) -> DbResult<Option<Process>> {
    let sql = format!("SELECT {PROCESS_COLUMNS} FROM {PROCESS_FROM} WHERE p.slug = ?");
    let row = db::query_one(conn, &sql, vec![Value::text(slug)]).await?;
    Ok(row.as_ref().map(process_of))
}

pub async fn phases(conn: &Connection, process_id: i64) -> DbResult<Vec<Phase>> {
    let rows = db::query(conn, PHASES, vec![Value::Integer(process_id)]).await?;
    Ok(rows
        .iter()
        .map(|r| Phase {
            id: db::int(r, 0),
            name: db::text(r, 1),
            description: db::text(r, 2),
            starts_on: db::text(r, 3),
            ends_on: db::text(r, 4),
            tools: db::text(r, 5),
        })
        .collect())
}

pub async fn upcoming_phases(
    conn: &Connection,
    today: &str,
    limit: i64,
) -> DbResult<Vec<UpcomingPhase>> {
    let params = vec![Value::text(today), Value::Integer(limit)];
    let rows = db::query(conn, UPCOMING_PHASES, params).await?;
    Ok(rows
        .iter()
        .map(|r| UpcomingPhase {
            process_slug: db::text(r, 0),
            process_title: db::text(r, 1),
            name: db::text(r, 2),
            starts_on: db::text(r, 3),
            process_id: db::int(r, 4),
            phase_id: db::int(r, 5),
        })
        .collect())
}

const FIGURES: &str = "SELECT \
     (SELECT coalesce((SELECT n FROM resident_count WHERE id = 1), 0)), \
     (SELECT count(*) FROM processes WHERE status = 'published' AND starts_on <= ?1 AND ends_on >= ?1), \
     (SELECT coalesce(sum(contributions), 0) FROM processes WHERE status = 'published'), \
     (SELECT coalesce(sum(proposals_count), 0) FROM processes WHERE status = 'published')";

/// The home page's key figures.
pub struct Figures {
    pub participants: i64,
    pub open_processes: i64,
    pub contributions: i64,
    pub proposals: i64,
}

pub async fn figures(conn: &Connection, today: &str) -> DbResult<Figures> {
    let row = db::query_one(conn, FIGURES, vec![Value::text(today)]).await?;
    Ok(row.map_or(
        Figures {
            participants: 0,
            open_processes: 0,
            contributions: 0,
            proposals: 0,
        },
        |r| Figures {
            participants: db::int(&r, 0),
            open_processes: db::int(&r, 1),
            contributions: db::int(&r, 2),
            proposals: db::int(&r, 3),
        },
    ))
}

const NEWS_PAGE: &str = "SELECT slug, title, summary, published_at, id FROM news \
     WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?";
const NEWS_COUNT: &str = "SELECT count(*) FROM news WHERE status = 'published'";
const NEWS_FEED: &str = "SELECT slug, title, summary, body, published_at, updated_at FROM news \
     WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?";

/// One page of published news, newest first, and how many there are in all.
pub async fn news_page(
    conn: &Connection,
    limit: i64,
    offset: i64,
) -> DbResult<(Vec<NewsSummary>, i64)> {
    let params = vec![Value::Integer(limit), Value::Integer(offset)];
    let rows = db::query(conn, NEWS_PAGE, params).await?;
    let total = db::query_one(conn, NEWS_COUNT, Vec::new())
        .await?
        .map_or(0, |r| db::int(&r, 0));
    let items = rows.iter().map(news_summary_of).collect();
    Ok((items, total))
}

/// A news item as the Atom feed carries it.
pub struct FeedEntry {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub published_at: i64,
    pub updated_at: i64,
}

pub async fn news_feed(conn: &Connection, limit: i64) -> DbResult<Vec<FeedEntry>> {
    let rows = db::query(conn, NEWS_FEED, vec![Value::Integer(limit)]).await?;
    Ok(rows
        .iter()
        .map(|r| FeedEntry {
            slug: db::text(r, 0),
            title: db::text(r, 1),
            summary: db::text(r, 2),
            body: db::text(r, 3),
            published_at: db::int(r, 4),
            updated_at: db::int(r, 5),
        })
        .collect())
}
