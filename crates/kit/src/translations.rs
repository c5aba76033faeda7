//! Staff-written content in several languages. Rows keep the commune's
//! default language; `translations` holds the others, field by field. Readers
//! call [`apply`] on what they loaded: visitors see their language, else the
//! default one, and the page says so.

use std::collections::HashMap;

use palabre_domain::Locale;

use crate::db::{self, Connection, DbResult, Value};

/// What can be translated, and its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Process,
    Phase,
    News,
    Page,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Process => "process",
            Entity::Phase => "phase",
            Entity::News => "news",
            Entity::Page => "page",
        }
    }

    pub fn parse(s: &str) -> Option<Entity> {
        [Entity::Process, Entity::Phase, Entity::News, Entity::Page]
            .into_iter()
            .find(|e| e.as_str() == s)
    }

    /// The translatable fields, the first one being the item's name.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Entity::Process | Entity::News => &["title", "summary", "body"],
            Entity::Page => &["title", "body"],
            Entity::Phase => &["name", "description"],
        }
    }
}

/// One loaded item's translatable texts, replaced in place by [`apply`].
pub struct Texts<'a> {
    pub id: i64,
    pub fields: Vec<(&'static str, &'a mut String)>,
}

/// Replaces texts with their translation in `locale`. Returns, per item,
/// whether it is shown in the visitor's language (its name is translated, or
/// the language is the default one).
pub async fn apply(
    conn: &Connection,
    entity: Entity,
    locale: Locale,
    default: Locale,
    items: &mut [Texts<'_>],
) -> DbResult<Vec<bool>> {
    if locale == default || items.is_empty() {
        return Ok(vec![true; items.len()]);
    }
    let ids: Vec<String> = items.iter().map(|t| t.id.to_string()).collect();
    let rows = db::query(
        conn,
        "SELECT entity_id, field, value FROM translations WHERE entity = ? AND locale = ? \
         AND entity_id IN (SELECT value FROM json_each(?))",
        vec![
            Value::text(entity.as_str()),
            Value::text(locale.code()),
            Value::text(format!("[{}]", ids.join(","))),
        ],
    )
    .await?;
    let name = entity.fields()[0];
    let mut found: HashMap<(i64, String), String> = HashMap::new();
    let mut named = std::collections::HashSet::new();
    for r in &rows {
        let (id, field) = (db::int(r, 0), db::text(r, 1));
        if field == name {
            named.insert(id);
        }
        found.insert((id, field), db::text(r, 2));
    }
    Ok(items
        .iter_mut()
        .map(|item| {
            let id = item.id;
            for (field, text) in item.fields.iter_mut() {
                if let Some(value) = found.remove(&(id, (*field).to_string())) {
                    **text = value;
                }
            }
            named.contains(&id)
        })
        .collect())
}

/// The translation of one item in `locale`, field by field ("" when missing).
pub async fn load(
    conn: &Connection,
    entity: Entity,
    id: i64,
    locale: Locale,
) -> DbResult<HashMap<String, String>> {
    let rows = db::query(
        conn,
        "SELECT field, value FROM translations WHERE entity = ? AND entity_id = ? AND locale = ?",
        vec![
            Value::text(entity.as_str()),
            Value::Integer(id),
            Value::text(locale.code()),
        ],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| (db::text(r, 0), db::text(r, 1)))
        .collect())
}

/// Saves one item's translation: an empty field removes it.
pub async fn save(
    conn: &Connection,
    entity: Entity,
    id: i64,
    locale: Locale,
    values: &[(&str, String)],
) -> DbResult<()> {
    for (field, value) in values {
        if value.is_empty() {
            db::exec(
                conn,
                "DELETE FROM translations WHERE entity = ? AND entity_id = ? AND locale = ? AND field = ?",
                vec![
                    Value::text(entity.as_str()),
                    Value::Integer(id),
                    Value::text(locale.code()),
                    Value::text(*field),
                ],
            )
            .await?;
        } else {
            db::exec(
                conn,
                "INSERT INTO translations (entity, entity_id, locale, field, value) VALUES (?, ?, ?, ?, ?) \
                 ON CONFLICT (entity, entity_id, locale, field) DO UPDATE SET value = excluded.value",
                vec![
                    Value::text(entity.as_str()),
                    Value::Integer(id),
                    Value::text(locale.code()),
                    Value::text(*field),
                    Value::text(value.as_str()),
                ],
            )
            .await?;
        }
    }
    Ok(())
}
