//! The list of a process's proposals and their map.

use palabre_domain::proposal::{self as rules, Cursor, Sort, Status};
use palabre_kit::app::{Param, Variant, canonical_flag, canonical_number, canonical_slug};
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Response, Result, i18n};

use super::*;
use crate::Env;
use crate::store::{self, Filter};

const PAGE_SIZE: i64 = 20;

/// A visitor's stable entry point in the random order: per account, or, for
/// visitors who are not signed in, from their pre-session (the gate's cookie,
/// seen here through the CSRF token it derives from it: stable for as long as
/// the browser keeps the cookie, and telling nothing of it).
fn seed(env: &Env) -> i64 {
    let stable = match env.ctx.visitor.user_id {
        Some(id) => format!("user-{id}"),
        None => format!("visitor-{}", env.ctx.visitor.csrf),
    };
    rules::seed_of(&stable)
}

fn choice(raw: Option<&str>) -> Option<i64> {
    raw.and_then(|r| r.parse().ok()).filter(|v: &i64| *v > 0)
}

/// The list's parameters, in the order it reads them, with the values it
/// takes as it writes them (`Variant::of` keeps no page for any other).
const LIST_PARAMETERS: [Param; 8] = [
    Param::new("process", canonical_slug),
    Param::new("sort", |v| Sort::ALL.iter().any(|s| s.as_str() == v)),
    Param::new("status", canonical_status),
    Param::new("category", canonical_number),
    Param::new("district", canonical_number),
    Param::new("mine", canonical_flag),
    Param::new("supported", canonical_flag),
    Param::new("after", |v| {
        Cursor::decode(v).is_some_and(|c| c.encode() == v)
    }),
];

/// The map's parameters: the list's filters.
const MAP_PARAMETERS: [Param; 4] = [
    Param::new("process", canonical_slug),
    Param::new("status", canonical_status),
    Param::new("category", canonical_number),
    Param::new("district", canonical_number),
];

fn canonical_status(value: &str) -> bool {
    value.parse::<Status>().is_ok_and(|s| s.as_str() == value)
}

/// `GET /proposals?…`: for visitors who are not signed in, the same filters
/// and order give the same page, kept (`kit::app::public_variant`); page 1
/// of each is shared between instances. A random order is each visitor's own.
pub async fn list_page(env: &mut Env) -> Result<Response> {
    let variant = (Sort::parse(env.ctx.query("sort")) != Sort::Random)
        .then(|| Variant::of(&env.ctx, &LIST_PARAMETERS, env.ctx.query("after").is_none()))
        .flatten();
    palabre_kit::app::public_variant(env, variant, async |env| list(env).await).await
}

/// `GET /proposals?process=<slug>&…`: filters, orders, keyset pages; without
/// `process`, the proposals of every published process.
pub async fn list(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let today = today();
    let taking = store::processes_taking_proposals(&env.conn, &today).await?;
    let process = match env.ctx.query("process").filter(|s| !s.is_empty()) {
        Some(_) => Some(process_of_query(env).await?),
        None => None,
    };
    let me = env.ctx.visitor.user_id;
    let sort = Sort::parse(env.ctx.query("sort"));
    let status: Option<Status> = env.ctx.query("status").and_then(|s| s.parse().ok());
    // The next pages keep the first page's seed (a visitor without cookies
    // would otherwise get a new one on each page).
    let seed = env
        .ctx
        .query("seed")
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|s| (0..=i64::from(i32::MAX)).contains(s))
        .unwrap_or_else(|| seed(env));
    let filter = Filter {
        process_id: process.as_ref().map(|p| p.id),
        status,
        category_id: choice(env.ctx.query("category")),
        district_id: choice(env.ctx.query("district")),
        author: me.filter(|_| env.ctx.query("mine") == Some("1")),
        supporter: me.filter(|_| env.ctx.query("supported") == Some("1")),
        sort,
        seed,
    };
    let after = env.ctx.query("after").and_then(Cursor::decode);
    let first_page = after.is_none();
    let (items, next) = store::page(&env.conn, &filter, after, PAGE_SIZE).await?;
    let drafts = match me {
        Some(me) if first_page => {
            store::drafts_of(&env.conn, me, process.as_ref().map(|p| p.id)).await?
        }
        _ => Vec::new(),
    };
    let drafts = drafts
        .into_iter()
        .map(|(id, title, at)| views::Draft {
            href: format!("/proposals/{id}"),
            title,
            edited: i18n::t_args(
                locale,
                "proposal-draft-edited",
                &[("date", &i18n::long_date(locale, at))],
            ),
        })
        .collect();
    let notice = (me.is_some() && env.ctx.query("deleted") == Some("1"))
        .then(|| i18n::t(locale, "proposal-deleted"));
    // The same filters, for the next page's link and the forms.
    let mut keep: Vec<(String, String)> = Vec::new();
    for name in [
        "process",
        "sort",
        "status",
        "category",
        "district",
        "mine",
        "supported",
    ] {
        if let Some(v) = env.ctx.query(name).filter(|v| !v.is_empty()) {
            keep.push((name.into(), v.to_string()));
        }
    }
    let next_query = |cursor: Cursor| {
        let mut pairs = vec![("after", cursor.encode())];
        if sort == Sort::Random {
            pairs.push(("seed", seed.to_string()));
        }
        pairs
    };
    let query_of = |extra: Vec<(&str, String)>| {
        let mut pairs = keep.clone();
        pairs.extend(extra.into_iter().map(|(k, v)| (k.to_string(), v)));
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", palabre_kit::form::encode_component(v)))
            .collect::<Vec<_>>()
            .join("&")
    };
    let options = |pairs: Vec<(String, String)>, current: Option<String>| -> Vec<views::Choice> {
        pairs
            .into_iter()
            .map(|(value, label)| views::Choice {
                selected: current.as_deref() == Some(value.as_str()),
                value,
                label,
            })
            .collect()
    };
    let categories = store::categories(&env.conn).await?;
    let districts = store::districts(&env.conn).await?;
    // `taking` already says whether each process takes proposals today.
    let open = process
        .as_ref()
        .is_some_and(|p| taking.iter().any(|t| t.id == p.id && t.open));
    let filtered = ["status", "category", "district", "mine", "supported"]
        .iter()
        .any(|n| env.ctx.query(n).is_some_and(|v| !v.is_empty()));
    let labelled =
        |prefix: &str, key: &str| (key.to_string(), i18n::t(locale, &format!("{prefix}-{key}")));
    let process_title = |id: i64| taking.iter().find(|t| t.id == id).map(|t| t.title.clone());
    let data = views::List {
        process: process.as_ref().map(|p| views::ListProcess {
            title: p.title.clone(),
            href: format!("/processes/{}", p.slug),
            slug: p.slug.clone(),
        }),
        processes: options(
            taking
                .iter()
                .map(|t| (t.slug.clone(), t.title.clone()))
                .collect(),
            process.as_ref().map(|p| p.slug.clone()),
        ),
        submit_in: if process.is_none() {
            taking
                .iter()
                .filter(|t| t.open)
                .map(|t| {
                    palabre_kit::view::Link::new(
                        format!("/proposals/new?process={}", t.slug),
                        i18n::t_args(locale, "proposal-new-in", &[("process", &t.title)]),
                    )
                })
                .collect()
        } else {
            Vec::new()
        },
        filtered,
        drafts,
        notice,
        items: items
            .iter()
            .map(|p| {
                let mut c = card(env, p);
                if process.is_none() {
                    c.process = process_title(p.process_id);
                }
                c
            })
            .collect(),
        next: next.map(|c| format!("/proposals?{}", query_of(next_query(c)))),
        sorts: options(
            Sort::ALL
                .iter()
                .map(|s| labelled("proposal-sort", s.as_str()))
                .collect(),
            Some(sort.as_str().to_string()),
        ),
        statuses: options(
            Status::ALL
                .iter()
                .map(|s| labelled("proposal-status", s.as_str()))
                .collect(),
            status.map(|s| s.as_str().to_string()),
        ),
        categories: options(
            categories
                .iter()
                .map(|(id, n)| (id.to_string(), n.clone()))
                .collect(),
            env.ctx.query("category").map(str::to_string),
        ),
        districts: options(
            districts
                .iter()
                .map(|(id, n)| (id.to_string(), n.clone()))
                .collect(),
            env.ctx.query("district").map(str::to_string),
        ),
        signed_in: me.is_some(),
        mine: env.ctx.query("mine") == Some("1"),
        supported: env.ctx.query("supported") == Some("1"),
        new_href: process
            .as_ref()
            .filter(|_| open)
            .map(|p| format!("/proposals/new?process={}", p.slug)),
        map_href: process
            .as_ref()
            .map(|_| format!("/proposals/map?{}", query_of(Vec::new()))),
        best_href: "/transparency/ranking#proposals".to_string(),
        staff: process
            .as_ref()
            .filter(|_| env.ctx.visitor.role.is_staff())
            .map(|p| views::Exports {
                csv: format!("/proposals/export.csv?process={}", p.slug),
                excel: format!("/proposals/export.csv?process={}&excel=1", p.slug),
                json: format!("/proposals/export.json?process={}", p.slug),
            }),
    };
    let title = match &process {
        Some(p) => i18n::t_args(locale, "proposals-of", &[("process", &p.title)]),
        None => i18n::t(locale, "proposals-all-title"),
    };
    let page = env.page("proposals", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

/// The most a map shows (most supported first); the page says when there are more.
const MAP_LIMIT: i64 = 200;

/// `GET /proposals/map?…`, kept for visitors who are not signed in.
pub async fn map_page(env: &mut Env) -> Result<Response> {
    let variant = Variant::of(&env.ctx, &MAP_PARAMETERS, true);
    palabre_kit::app::public_variant(env, variant, async |env| map(env).await).await
}

/// `GET /proposals/map?process=<slug>&…`: the located proposals on a map,
/// and the same as a list (what people without JavaScript, or with a screen
/// reader, use).
pub async fn map(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let process = process_of_query(env).await?;
    let status: Option<Status> = env.ctx.query("status").and_then(|s| s.parse().ok());
    let (items, more) = store::located(
        &env.conn,
        process.id,
        status,
        choice(env.ctx.query("category")),
        choice(env.ctx.query("district")),
        MAP_LIMIT,
    )
    .await?;
    let centre = store::centre(&env.conn, process.id).await?;
    let items = items
        .iter()
        .map(|l| views::Located {
            href: format!("/proposals/{}", l.id),
            title: l.title.clone(),
            lat: format!("{:.6}", l.at.0),
            lon: format!("{:.6}", l.at.1),
            address: l.address.clone(),
            supports: i18n::t_args(
                locale,
                "tool-proposal-count",
                &[("count", &l.supports.to_string())],
            ),
        })
        .collect();
    let data = views::Map {
        with_map: palabre_kit::map::view(centre, 14),
        process: views::MapProcess {
            title: process.title.clone(),
            slug: process.slug.clone(),
        },
        list_href: format!("/proposals?process={}", process.slug),
        items,
        more: more.then(|| {
            i18n::t_args(
                locale,
                "proposal-map-more",
                &[("shown", &MAP_LIMIT.to_string())],
            )
        }),
    };
    let title = i18n::t_args(locale, "proposal-map-title", &[("process", &process.title)]);
    let page = env.page("proposals_map", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}
