//! News items and static pages.

use palabre_kit::db::{self, Connection, DbResult, Value};

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
    /// The process it belongs to (none: the whole commune's news).
    pub process_id: Option<i64>,
}

const NEWS_COLUMNS: &str =
    "id, slug, title, summary, body, status, published_at, updated_at, image_id, process_id";

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
        process_id: db::opt_int(r, 9),
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
    pub process_id: Option<i64>,
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
                "UPDATE news SET slug = ?, title = ?, summary = ?, body = ?, image_id = ?, process_id = ?, status = ?, \
                 published_at = CASE WHEN ? = 'published' THEN coalesce(published_at, ?) ELSE NULL END, \
                 updated_at = ? WHERE id = ?",
                vec![
                    Value::text(input.slug.as_str()),
                    Value::text(input.title.as_str()),
                    Value::text(input.summary.as_str()),
                    Value::text(input.body.as_str()),
                    input.image_id.map_or(Value::Null, Value::Integer),
                    input.process_id.map_or(Value::Null, Value::Integer),
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
                "INSERT INTO news (slug, title, summary, body, image_id, process_id, status, published_at, created_at, updated_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                vec![
                    Value::text(input.slug.as_str()),
                    Value::text(input.title.as_str()),
                    Value::text(input.summary.as_str()),
                    Value::text(input.body.as_str()),
                    input.image_id.map_or(Value::Null, Value::Integer),
                    input.process_id.map_or(Value::Null, Value::Integer),
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
