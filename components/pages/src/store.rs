//! SQL of the pages component, next to its row mapping.

use palabre_kit::db::{self, Connection, DbResult, Value};

const LATEST_NEWS: &str = "SELECT slug, title, summary, published_at FROM news \
     WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?";
const NEWS_BY_SLUG: &str = "SELECT title, summary, body, published_at FROM news \
     WHERE slug = ? AND status = 'published'";
const PAGE_BY_SLUG: &str = "SELECT title, body, updated_at FROM pages WHERE slug = ?";
const SCHEMA_VERSION: &str = "PRAGMA user_version";

pub struct NewsSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub published_at: i64,
}

pub struct NewsItem {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub published_at: i64,
}

pub struct Page {
    pub title: String,
    pub body: String,
    pub updated_at: i64,
}

pub async fn latest_news(conn: &Connection, limit: i64) -> DbResult<Vec<NewsSummary>> {
    let rows = db::query(conn, LATEST_NEWS, vec![Value::Integer(limit)]).await?;
    Ok(rows
        .iter()
        .map(|r| NewsSummary {
            slug: db::text(r, 0),
            title: db::text(r, 1),
            summary: db::text(r, 2),
            published_at: db::int(r, 3),
        })
        .collect())
}

pub async fn news_item(conn: &Connection, slug: &str) -> DbResult<Option<NewsItem>> {
    let row = db::query_one(conn, NEWS_BY_SLUG, vec![Value::text(slug)]).await?;
    Ok(row.map(|r| NewsItem {
        title: db::text(&r, 0),
        summary: db::text(&r, 1),
        body: db::text(&r, 2),
        published_at: db::int(&r, 3),
    }))
}

pub async fn page(conn: &Connection, slug: &str) -> DbResult<Option<Page>> {
    let row = db::query_one(conn, PAGE_BY_SLUG, vec![Value::text(slug)]).await?;
    Ok(row.map(|r| Page {
        title: db::text(&r, 0),
        body: db::text(&r, 1),
        updated_at: db::int(&r, 2),
    }))
}

pub async fn schema_version(conn: &Connection) -> DbResult<i64> {
    let row = db::query_one(conn, SCHEMA_VERSION, Vec::new()).await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}
