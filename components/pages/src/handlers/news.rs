//! News (actualités): the paginated list, a post, and the Atom feed.

use bytes::Bytes;
use palabre_domain::date::civil_from_unix;
use palabre_kit::respond::{self, Cache, escape};
use palabre_kit::{Error, Response, Result, i18n, markdown};

use crate::handlers::pages::valid_slug;
use crate::handlers::{translate, translate_one};
use crate::{Env, store, views};
use palabre_kit::translations::{Entity, Texts};

pub const PER_PAGE: i64 = 10;
/// Entries in the feed.
const FEED_ENTRIES: i64 = 20;

/// `?page=N` (1-based, at most 100,000); no `page` is page 1; anything else,
/// or a page past the end, names no page: 404 (docs/LIMITS.md).
fn page_number(env: &Env) -> Result<i64> {
    match env.ctx.query("page") {
        None | Some("") => Ok(1),
        Some(raw) => match raw.parse::<i64>() {
            Ok(n) if (1..=100_000).contains(&n) => Ok(n),
            _ => Err(Error::NotFound),
        },
    }
}

pub async fn list(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let page = page_number(env)?;
    let (mut items, total) = store::news_page(&env.conn, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let marks = translate_news(env, &mut items).await?;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    if page > pages {
        return Err(Error::NotFound);
    }
    let news = cards(env, items, marks);
    let link = |n: i64| (n >= 1 && n <= pages).then(|| format!("/news?page={n}"));
    let data = views::News {
        news,
        page,
        pages,
        previous: link(page - 1),
        next: link(page + 1),
        paginated: pages > 1,
    };
    let title = i18n::t(locale, "news-title");
    let response = env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "news",
        &title,
        data,
    )?;
    Ok(respond::cached(response, Cache::NoCache))
}

pub async fn item(env: &Env, slug: &str) -> Result<Response> {
    if !valid_slug(slug) {
        return Err(Error::NotFound);
    }
    let mut item = store::news_item(&env.conn, slug)
        .await?
        .ok_or(Error::NotFound)?;
    let mark = translate_one(
        env,
        Entity::News,
        Texts {
            id: item.id,
            fields: vec![
                ("title", &mut item.title),
                ("summary", &mut item.summary),
                ("body", &mut item.body),
            ],
        },
    )
    .await?;
    let locale = env.ctx.locale;
    let data = views::NewsItem {
        content_lang: mark,
        title: item.title.clone(),
        summary: item.summary.clone(),
        body: item.body.clone(),
        image: item.image.clone(),
        date_iso: i18n::iso_day(item.published_at),
        date: i18n::long_date(locale, item.published_at),
    };
    env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "news_item",
        &item.title,
        data,
    )
}

/// News items as lists show them (the news page, the home page).
pub fn cards(
    env: &Env,
    items: Vec<store::NewsSummary>,
    marks: Vec<views::Lang>,
) -> Vec<views::NewsCard> {
    let locale = env.ctx.locale;
    items
        .into_iter()
        .zip(marks)
        .map(|(n, mark)| views::NewsCard {
            content_lang: mark,
            href: format!("/news/{}", n.slug),
            date_iso: i18n::iso_day(n.published_at),
            date: i18n::long_date(locale, n.published_at),
            title: n.title,
            summary: n.summary,
        })
        .collect()
}

/// Titles and summaries of news in the visitor's language; how to mark each.
pub async fn translate_news(
    env: &Env,
    items: &mut [store::NewsSummary],
) -> Result<Vec<views::Lang>> {
    let mut texts: Vec<Texts<'_>> = items
        .iter_mut()
        .map(|n| Texts {
            id: n.id,
            fields: vec![("title", &mut n.title), ("summary", &mut n.summary)],
        })
        .collect();
    translate(env, Entity::News, &mut texts).await
}

/// RFC 3339 time of a Unix timestamp (UTC).
fn rfc3339(seconds: i64) -> String {
    let (y, m, d) = civil_from_unix(seconds);
    let s = seconds.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

/// `/news/feed.xml`: the latest news as an Atom feed (RFC 4287).
pub async fn feed(env: &Env) -> Result<Response> {
    let entries = store::news_feed(&env.conn, FEED_ENTRIES).await?;
    let origin = &env.ctx.origin;
    let updated = entries.iter().map(|e| e.updated_at).max().unwrap_or(0);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <title>{}</title>\n<subtitle>{}</subtitle>\n\
         <id>{origin}/news</id>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{origin}/news\"/>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{origin}/news/feed.xml\"/>\n\
         <updated>{}</updated>\n",
        env.site.default_locale.code(),
        escape(&format!(
            "{} · {}",
            env.site.name,
            i18n::t(env.site.default_locale, "news-title")
        )),
        escape(&env.site.tagline),
        rfc3339(updated),
    ));
    for e in &entries {
        let url = format!("{origin}/news/{}", e.slug);
        xml.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{url}</id>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n\
             <published>{}</published>\n<updated>{}</updated>\n\
             <author><name>{}</name></author>\n\
             <summary>{}</summary>\n<content type=\"html\">{}</content>\n</entry>\n",
            escape(&e.title),
            rfc3339(e.published_at),
            rfc3339(e.updated_at.max(e.published_at)),
            escape(&env.site.name),
            escape(&e.summary),
            escape(&markdown::to_html(&e.body)),
        ));
    }
    xml.push_str("</feed>\n");
    let response = respond::with_body(
        http::StatusCode::OK,
        "application/atom+xml; charset=utf-8",
        Bytes::from(xml),
    );
    Ok(respond::cached(response, Cache::NoCache))
}

#[cfg(test)]
mod tests {
    use super::rfc3339;

    #[test]
    fn atom_dates() {
        assert_eq!(rfc3339(1_772_352_000), "2026-03-01T08:00:00Z");
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
    }
}
