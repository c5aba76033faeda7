//! Proposal pages: the list of a process's proposals, a proposal, the form
//! (a draft first, shown with similar proposals before it is published),
//! supports, and the commune's answers.

use palabre_domain::Role;
use palabre_domain::account::FieldError;
use palabre_domain::date::{Day, iso_date};
use palabre_domain::proposal::{
    self as rules, AnswerError, Cursor, MilestoneError, Sort, Status, SupportRefused,
};
use palabre_domain::questionnaire::csv_cell;
use palabre_domain::search::similar_query;
use palabre_kit::activity::{self, Activity};
use palabre_kit::app::{Param, Variant, canonical_flag, canonical_number, canonical_slug};
use palabre_kit::comments::Resource;
use palabre_kit::forms::{FormView, Submission};
use palabre_kit::respond::{self, Cache};
use palabre_kit::thread::{self, Host, Problem};
use palabre_kit::{Error, Response, Result, db, i18n, images};
use serde_json::{Value, json};

use crate::Env;
use crate::store::{self, Filter, Input, Process, Proposal};

const PAGE_SIZE: i64 = 20;

fn today() -> String {
    Day::of_unix(palabre_kit::now()).iso()
}

fn proposal_id(raw: &str) -> Result<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(Error::NotFound)
}

/// The process named by `?process=`.
async fn process_of_query(env: &Env) -> Result<Process> {
    let slug = env.ctx.query("process").unwrap_or_default().to_string();
    if !palabre_domain::content::is_slug(&slug) {
        return Err(Error::NotFound);
    }
    store::process_by_slug(&env.conn, &slug)
        .await?
        .ok_or(Error::NotFound)
}

/// The proposal, if the visitor may see it (drafts: their author and staff).
async fn visible(env: &Env, raw_id: &str) -> Result<Proposal> {
    let p = store::by_id(&env.conn, proposal_id(raw_id)?)
        .await?
        .ok_or(Error::NotFound)?;
    let mine = env.ctx.visitor.user_id == Some(p.user_id);
    if !p.published && !mine && !env.ctx.visitor.role.is_staff() {
        return Err(Error::NotFound);
    }
    Ok(p)
}

fn status_json(env: &Env, s: Status) -> Value {
    json!({ "key": s.as_str(), "label": i18n::t(env.ctx.locale, &format!("proposal-status-{}", s.as_str())) })
}

fn card(env: &Env, p: &Proposal) -> Value {
    let locale = env.ctx.locale;
    json!({
        "href": format!("/proposals/{}", p.id),
        "title": p.title,
        "author": p.author,
        "status": status_json(env, p.status),
        "supports": i18n::t_args(locale, "tool-proposal-count", &[("count", &p.supports.to_string())]),
        "comments": i18n::t_args(locale, "discussion-comments", &[("count", &p.comments.to_string())]),
        "threshold": p.threshold_reached,
        "category": p.category.as_ref().map(|c| &c.1),
        "district": p.district.as_ref().map(|d| &d.1),
        "date": p.published_at.map(|t| i18n::long_date(locale, t)),
    })
}

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

/// `GET /proposals?process=<slug>&…`: filters, orders, keyset pages.
pub async fn list(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let process = process_of_query(env).await?;
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
        process_id: process.id,
        status,
        category_id: choice(env.ctx.query("category")),
        district_id: choice(env.ctx.query("district")),
        author: me.filter(|_| env.ctx.query("mine") == Some("1")),
        supporter: me.filter(|_| env.ctx.query("supported") == Some("1")),
        sort,
        seed,
    };
    let after = env.ctx.query("after").and_then(Cursor::decode);
    let (items, next) = store::page(&env.conn, &filter, after, PAGE_SIZE).await?;
    // The same filters, for the next page's link and the forms.
    let mut keep: Vec<(String, String)> = vec![("process".into(), process.slug.clone())];
    for name in [
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
    let options = |pairs: Vec<(String, String)>, current: Option<String>| -> Vec<Value> {
        pairs
            .into_iter()
            .map(|(value, label)| {
                let selected = current.as_deref() == Some(value.as_str());
                json!({ "value": value, "label": label, "selected": selected })
            })
            .collect()
    };
    let categories = store::categories(&env.conn).await?;
    let districts = store::districts(&env.conn).await?;
    let open = store::tool_open(&env.conn, process.id, &today()).await?;
    let data = json!({
        "process": { "title": process.title, "href": format!("/processes/{}", process.slug), "slug": process.slug },
        "items": items.iter().map(|p| card(env, p)).collect::<Vec<_>>(),
        "next": next.map(|c| format!("/proposals?{}", query_of(next_query(c)))),
        "sorts": options(Sort::ALL.iter().map(|s| (s.as_str().to_string(), i18n::t(locale, &format!("proposal-sort-{}", s.as_str())))).collect(), Some(sort.as_str().to_string())),
        "statuses": options(Status::ALL.iter().map(|s| (s.as_str().to_string(), i18n::t(locale, &format!("proposal-status-{}", s.as_str())))).collect(), status.map(|s| s.as_str().to_string())),
        "categories": options(categories.iter().map(|(id, n)| (id.to_string(), n.clone())).collect(), env.ctx.query("category").map(str::to_string)),
        "districts": options(districts.iter().map(|(id, n)| (id.to_string(), n.clone())).collect(), env.ctx.query("district").map(str::to_string)),
        "signed_in": me.is_some(),
        "mine": env.ctx.query("mine") == Some("1"),
        "supported": env.ctx.query("supported") == Some("1"),
        "new_href": open.then(|| format!("/proposals/new?process={}", process.slug)),
        "map_href": format!("/proposals/map?{}", query_of(Vec::new())),
        "best_href": "/transparency/ranking#proposals",
        "staff": env.ctx.visitor.role.is_staff().then(|| json!({
            "csv": format!("/proposals/export.csv?process={}", process.slug),
            "json": format!("/proposals/export.json?process={}", process.slug),
        })),
    });
    let title = i18n::t_args(locale, "proposals-of", &[("process", &process.title)]);
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
    let items: Vec<Value> = items
        .iter()
        .map(|l| {
            json!({
                "href": format!("/proposals/{}", l.id),
                "title": l.title,
                "lat": format!("{:.6}", l.at.0),
                "lon": format!("{:.6}", l.at.1),
                "address": l.address,
                "supports": i18n::t_args(locale, "tool-proposal-count", &[("count", &l.supports.to_string())]),
            })
        })
        .collect();
    let data = json!({
        "with_map": palabre_kit::map::view(centre, 14),
        "process": { "title": process.title, "slug": process.slug },
        "list_href": format!("/proposals?process={}", process.slug),
        "items": items,
        "more": more.then(|| i18n::t_args(locale, "proposal-map-more", &[("shown", &MAP_LIMIT.to_string())])),
    });
    let title = i18n::t_args(locale, "proposal-map-title", &[("process", &process.title)]);
    let page = env.page("proposals_map", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

// ---- the form

struct Values {
    title: String,
    body: String,
    category: String,
    district: String,
    address: String,
    latitude: String,
    longitude: String,
    image_alt: String,
}

#[derive(Default)]
struct Errors {
    title: Option<FieldError>,
    body: Option<FieldError>,
    category: Option<FieldError>,
    district: Option<FieldError>,
    address: Option<FieldError>,
    location: Option<FieldError>,
    image: Option<FieldError>,
    image_alt: Option<FieldError>,
}

/// Where a form is: a new proposal in a process, or a draft being edited.
struct Place {
    process_id: i64,
    action: String,
    back: Value,
    image: Option<i64>,
}

impl Place {
    fn new_in(process: &Process) -> Place {
        Place {
            process_id: process.id,
            action: format!("/proposals/new?process={}", process.slug),
            back: json!({ "href": format!("/proposals?process={}", process.slug), "label": process.title }),
            image: None,
        }
    }

    fn draft(p: &Proposal) -> Place {
        Place {
            process_id: p.process_id,
            action: format!("/proposals/{}/edit", p.id),
            back: json!({ "href": format!("/proposals/{}", p.id), "label": p.title }),
            image: p.image_id,
        }
    }
}

async fn render_form(
    env: &Env,
    place: Place,
    v: &Values,
    e: &Errors,
    status: http::StatusCode,
) -> Result<Response> {
    let Place {
        process_id,
        action,
        back,
        image,
    } = place;
    let locale = env.ctx.locale;
    let centre = store::centre(&env.conn, process_id).await?;
    let mut categories = vec![(String::new(), i18n::t(locale, "proposal-no-category"))];
    categories.extend(
        store::categories(&env.conn)
            .await?
            .into_iter()
            .map(|(id, n)| (id.to_string(), n)),
    );
    let mut districts = vec![(String::new(), i18n::t(locale, "process-scope-commune"))];
    districts.extend(
        store::districts(&env.conn)
            .await?
            .into_iter()
            .map(|(id, n)| (id.to_string(), n)),
    );
    let form = FormView::new(locale)
        .input(
            "title",
            "text",
            "proposal-field-title",
            &v.title,
            "off",
            e.title,
        )
        .hint("proposal-field-title-hint")
        .textarea("body", "proposal-field-body", &v.body, e.body)
        .hint("admin-field-markdown-hint")
        .select(
            "category",
            "proposal-field-category",
            categories,
            &v.category,
            e.category,
        )
        .select(
            "district",
            "proposal-field-district",
            districts,
            &v.district,
            e.district,
        )
        .input(
            "address",
            "text",
            "proposal-field-address",
            &v.address,
            "street-address",
            e.address,
        )
        .optional()
        .hint("proposal-field-address-hint")
        .input(
            "latitude",
            "text",
            "proposal-field-latitude",
            &v.latitude,
            "off",
            e.location,
        )
        .optional()
        .input(
            "longitude",
            "text",
            "proposal-field-longitude",
            &v.longitude,
            "off",
            None,
        )
        .optional()
        .hint("proposal-field-location-hint");
    let image = images::shown(&env.conn, image).await?;
    let form = images::fields(form, image.as_ref(), &v.image_alt, (e.image, e.image_alt));
    let data = json!({
        "with_map": palabre_kit::map::view(centre, 14),
        "image": image,
        "form": form.view(),
        "action": action,
        "submit": i18n::t(locale, "proposal-save-draft"),
        "intro": i18n::t(locale, "proposal-form-intro"),
        "back": back,
    });
    let title = i18n::t(locale, "proposal-new-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

fn blank() -> Values {
    Values {
        title: String::new(),
        body: String::new(),
        category: String::new(),
        district: String::new(),
        address: String::new(),
        latitude: String::new(),
        longitude: String::new(),
        image_alt: String::new(),
    }
}

/// The form's values, checked: what to save, with the image change to apply
/// (`current`: the draft's image).
async fn check(
    env: &Env,
    v: &Values,
    form: &Submission,
    current: Option<i64>,
) -> Result<std::result::Result<(Input, images::Change), Errors>> {
    let mut e = Errors::default();
    let image = images::Change::read(form, current, &mut e.image, &mut e.image_alt);
    let title = rules::title(&v.title).map_err(|x| e.title = Some(x)).ok();
    let body = rules::body(&v.body).map_err(|x| e.body = Some(x)).ok();
    let address = if v.address.trim().is_empty() {
        Some(String::new())
    } else {
        palabre_domain::account::line(&v.address, rules::MAX_ADDRESS)
            .map_err(|x| e.address = Some(x))
            .ok()
    };
    let location = rules::location(&v.latitude, &v.longitude)
        .map_err(|x| e.location = Some(x))
        .ok();
    let categories = store::categories(&env.conn).await?;
    let category_id = listed(&v.category, &categories, &mut e.category);
    let districts = store::districts(&env.conn).await?;
    let district_id = listed(&v.district, &districts, &mut e.district);
    Ok(
        match (
            title,
            body,
            address,
            location,
            category_id,
            district_id,
            image,
        ) {
            (
                Some(title),
                Some(body),
                Some(address),
                Some(location),
                Some(category_id),
                Some(district_id),
                Some(image),
            ) => Ok((
                Input {
                    title,
                    body,
                    category_id,
                    district_id,
                    address,
                    location,
                    image_id: None,
                },
                image,
            )),
            _ => Err(e),
        },
    )
}

/// An optional choice among `(id, name)` rows: `Some(None)` when empty,
/// `None` (with the error set) when not one of them.
fn listed(raw: &str, all: &[(i64, String)], error: &mut Option<FieldError>) -> Option<Option<i64>> {
    match raw.trim() {
        "" => Some(None),
        raw => match raw
            .parse::<i64>()
            .ok()
            .filter(|id| all.iter().any(|c| c.0 == *id))
        {
            Some(id) => Some(Some(id)),
            None => {
                *error = Some(FieldError::InvalidChoice);
                None
            }
        },
    }
}

fn read(form: &Submission) -> Values {
    Values {
        title: form.get("title").to_string(),
        body: form.get("body").to_string(),
        category: form.get("category").to_string(),
        district: form.get("district").to_string(),
        address: form.get("address").to_string(),
        latitude: form.get("latitude").to_string(),
        longitude: form.get("longitude").to_string(),
        image_alt: form.get("image_alt").to_string(),
    }
}

/// Proposals are submitted while a phase with the proposal tool is under way.
async fn open_process(env: &Env) -> Result<Process> {
    let process = process_of_query(env).await?;
    if !store::tool_open(&env.conn, process.id, &today()).await? {
        return Err(Error::NotFound);
    }
    Ok(process)
}

pub async fn new_form(env: &Env) -> Result<Response> {
    let process = open_process(env).await?;
    if env.ctx.visitor.user_id.is_none() {
        return Ok(respond::redirect("/account/login"));
    }
    render_form(
        env,
        Place::new_in(&process),
        &blank(),
        &Errors::default(),
        http::StatusCode::OK,
    )
    .await
}

pub async fn create(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let process = open_process(env).await?;
    let form = env.submission().await?;
    let v = read(&form);
    let (mut input, image) = match check(env, &v, &form, None).await? {
        Ok(checked) => checked,
        Err(e) => {
            return render_form(
                env,
                Place::new_in(&process),
                &v,
                &e,
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let now = palabre_kit::now();
    let shuffle = rules::seed_of(&format!("{user_id}-{now}-{}", input.title));
    // The photo and the proposal, together.
    let id = db::immediate(&env.conn, async |conn| {
        input.image_id = image.apply(env).await?;
        Ok::<_, Error>(store::create(conn, process.id, user_id, &input, shuffle, now).await?)
    })
    .await?;
    Ok(respond::redirect(&format!("/proposals/{id}")))
}

pub async fn edit_form(env: &Env, raw_id: &str) -> Result<Response> {
    let p = visible(env, raw_id).await?;
    if env.ctx.visitor.user_id != Some(p.user_id) || p.published {
        return Err(Error::Forbidden);
    }
    let v = Values {
        title: p.title.clone(),
        body: p.body.clone(),
        category: p
            .category
            .as_ref()
            .map(|c| c.0.to_string())
            .unwrap_or_default(),
        district: p
            .district
            .as_ref()
            .map(|d| d.0.to_string())
            .unwrap_or_default(),
        address: p.address.clone(),
        latitude: p.location.map(|l| l.0.to_string()).unwrap_or_default(),
        longitude: p.location.map(|l| l.1.to_string()).unwrap_or_default(),
        image_alt: images::shown(&env.conn, p.image_id)
            .await?
            .map(|i| i.alt)
            .unwrap_or_default(),
    };
    render_form(
        env,
        Place::draft(&p),
        &v,
        &Errors::default(),
        http::StatusCode::OK,
    )
    .await
}

pub async fn edit(env: &mut Env, raw_id: &str) -> Result<Response> {
    let p = visible(env, raw_id).await?;
    if env.ctx.visitor.user_id != Some(p.user_id) || p.published {
        return Err(Error::Forbidden);
    }
    let form = env.submission().await?;
    let v = read(&form);
    match check(env, &v, &form, p.image_id).await? {
        Ok((mut input, image)) => {
            db::immediate(&env.conn, async |conn| {
                input.image_id = image.apply(env).await?;
                Ok::<_, Error>(store::update(conn, p.id, &input, palabre_kit::now()).await?)
            })
            .await?;
            Ok(respond::redirect(&format!("/proposals/{}", p.id)))
        }
        Err(e) => {
            render_form(
                env,
                Place::draft(&p),
                &v,
                &e,
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

// ---- a proposal

/// What carries a proposal's comments (`kit::thread`): open while the
/// process takes proposals, once the proposal is published.
fn host(p: &Proposal, open: bool) -> Host {
    Host {
        resource: Resource::Proposal,
        id: p.id,
        base: format!("/proposals/{}", p.id),
        title: p.title.clone(),
        process_id: Some(p.process_id),
        open: open && p.published,
        closed_message: "proposal-comments-closed",
        followed: None,
        count_sql: Some(store::COUNT_COMMENT),
    }
}

/// `/proposals/<id>/comments…`: the thread's own routes.
pub async fn comments(env: &mut Env, raw_id: &str, rest: &[&str]) -> Result<Response> {
    let p = visible(env, raw_id).await?;
    if !p.published {
        return Err(Error::NotFound);
    }
    let open = store::tool_open(&env.conn, p.process_id, &today()).await?;
    let host = host(&p, open);
    let again = async |env: &mut Env, problem: Problem| {
        show(
            env,
            raw_id,
            Some(problem),
            None,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    };
    thread::route(env, &host, rest, again)
        .await
        .unwrap_or(Err(Error::NotFound))
}

/// A milestone that could not be posted: what was typed, and why.
pub struct MilestoneDraft {
    date: String,
    percent: String,
    body: String,
    error: MilestoneError,
}

pub async fn show(
    env: &Env,
    raw_id: &str,
    problem: Option<Problem>,
    milestone: Option<&MilestoneDraft>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let p = visible(env, raw_id).await?;
    let process = store::process_by_id(&env.conn, p.process_id)
        .await?
        .ok_or(Error::NotFound)?;
    let me = env.ctx.visitor.user_id;
    let mine = me == Some(p.user_id);
    let staff = env.ctx.visitor.role.is_staff();
    let open = store::tool_open(&env.conn, p.process_id, &today()).await?;
    let (draft, notice) = match problem {
        Some(Problem::Comment(draft)) => (Some(draft), None),
        Some(Problem::Notice(message)) => (None, Some(message)),
        None => (None, thread::reported_notice(env)),
    };
    let comments = if p.published {
        let host = host(&p, open);
        Some(thread::section(env, &host, draft.as_ref()).await?.0)
    } else {
        None
    };
    // Before publishing, the author sees what already exists.
    let similar: Vec<Value> = if p.published {
        Vec::new()
    } else {
        store::similar(
            &env.conn,
            &similar_query(&format!("{} {}", p.title, p.body)).unwrap_or_default(),
            p.id,
            5,
        )
            .await?
            .into_iter()
            .map(|(id, title, supports)| json!({
                "href": format!("/proposals/{id}"),
                "title": title,
                "supports": i18n::t_args(locale, "tool-proposal-count", &[("count", &supports.to_string())]),
            }))
            .collect()
    };
    let supported = match me {
        Some(me) if p.published => store::supports(&env.conn, p.id, me).await?,
        _ => false,
    };
    let support = if !p.published {
        Value::Null
    } else if me.is_none() {
        json!({ "login": i18n::t(locale, "proposal-support-login") })
    } else if supported {
        json!({ "action": format!("/proposals/{}/unsupport", p.id), "label": i18n::t(locale, "proposal-unsupport"), "supported": true, "allowed": open && p.status.takes_supports() })
    } else {
        json!({ "action": format!("/proposals/{}/support", p.id), "label": i18n::t(locale, "proposal-support"), "supported": false, "allowed": open && p.status.takes_supports() && !mine })
    };
    let answers: Vec<Value> = store::answers(&env.conn, p.id)
        .await?
        .into_iter()
        .map(|(s, body, at)| {
            json!({
                "status": status_json(env, s),
                "body": body,
                "date": i18n::long_date(locale, at),
                "date_iso": iso_date(at),
            })
        })
        .collect();
    let answer_form = (staff && p.published).then(|| {
        let statuses = Status::ANSWERS
            .iter()
            .map(|s| {
                (
                    s.as_str().to_string(),
                    i18n::t(locale, &format!("proposal-status-{}", s.as_str())),
                )
            })
            .collect();
        FormView::new(locale)
            .select("status", "proposal-field-status", statuses, "review", None)
            .textarea("body", "proposal-field-answer", "", None)
            .optional()
            .hint("proposal-field-answer-hint")
            .scoped("answer")
            .view()
    });
    let milestones: Vec<Value> = store::milestones(&env.conn, p.id)
        .await?
        .into_iter()
        .map(|m| {
            let date = Day::parse(&m.on_date).map_or_else(
                || json!({ "iso": m.on_date, "text": m.on_date }),
                |d| json!({ "iso": d.iso(), "text": i18n::long_date(locale, d.unix()) }),
            );
            json!({ "date": date, "percent": m.percent, "body": m.body })
        })
        .collect();
    let progress = milestones.last().map(|m| m["percent"].clone());
    let milestone_form = (staff && p.published && p.status.followed_up()).then(|| {
        let (date, percent, body) = milestone.map_or_else(
            || (today(), String::new(), String::new()),
            |m| (m.date.clone(), m.percent.clone(), m.body.clone()),
        );
        let error = |which: fn(MilestoneError) -> Option<FieldError>| {
            milestone.and_then(|m| which(m.error))
        };
        FormView::new(locale)
            .input(
                "date",
                "date",
                "milestone-field-date",
                &date,
                "off",
                error(|e| match e {
                    MilestoneError::Date(f) => Some(f),
                    _ => None,
                }),
            )
            .input(
                "percent",
                "number",
                "milestone-field-percent",
                &percent,
                "off",
                error(|e| match e {
                    MilestoneError::Percent(f) => Some(f),
                    _ => None,
                }),
            )
            .hint("milestone-field-percent-hint")
            .textarea(
                "body",
                "milestone-field-body",
                &body,
                error(|e| match e {
                    MilestoneError::Body(f) => Some(f),
                    _ => None,
                }),
            )
            .scoped("milestone")
            .view()
    });
    let threshold = process.threshold.map(|t| {
        i18n::t_args(
            locale,
            "proposal-threshold",
            &[
                ("count", &t.to_string()),
                ("supports", &p.supports.to_string()),
            ],
        )
    });
    let amendments: Vec<Value> = store::amendments(&env.conn, p.id)
        .await?
        .into_iter()
        .map(|a| json!({
            "author": a.author,
            "body": a.body,
            "state": a.state,
            "state_label": i18n::t(locale, &format!("amendment-{}", a.state)),
            "date": i18n::long_date(locale, a.created_at),
            "decide": (mine && a.state == "pending").then(|| format!("/proposals/{}/amendments/{}", p.id, a.id)),
            "by_me": me == Some(a.user_id),
        }))
        .collect();
    let amend_form =
        (p.published && me.is_some() && !mine && p.status.takes_supports()).then(|| {
            FormView::new(locale)
                .textarea("body", "amendment-field", &p.body, None)
                .hint("amendment-field-hint")
                .scoped("amendment")
                .view()
        });
    let data = json!({
        "amendments": amendments,
        "amend_form": amend_form,
        "amend_action": format!("/proposals/{}/amendments", p.id),
        "open_data": format!("/proposals/open-data.json?process={}", process.slug),
        "proposal": card(env, &p),
        "body": p.body,
        "address": p.address,
        "image": images::shown(&env.conn, p.image_id).await?,
        "location": p.location.map(|(lat, lon)| json!({
            "text": format!("{lat:.5}, {lon:.5}"),
            "osm": format!("https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=17/{lat:.5}/{lon:.5}"),
        })),
        "process": { "title": process.title, "href": format!("/proposals?process={}", process.slug) },
        "draft": !p.published,
        "mine": mine,
        "similar": similar,
        "publish": (mine && !p.published).then(|| format!("/proposals/{}/publish", p.id)),
        "edit": (mine && !p.published).then(|| format!("/proposals/{}/edit", p.id)),
        "support": support,
        "threshold": threshold,
        "answers": answers,
        "answer_form": answer_form,
        "answer_action": format!("/proposals/{}/answer", p.id),
        "milestones": milestones,
        "progress": progress,
        "milestone_form": milestone_form,
        "milestone_action": format!("/proposals/{}/milestones", p.id),
        "notice": notice,
        "comments": comments,
    });
    let page = env
        .renderer
        .page(&env.ctx, &env.site, status, "proposal", &p.title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

async fn refused(
    env: &Env,
    raw_id: &str,
    message_id: &str,
    args: &[(&str, &str)],
) -> Result<Response> {
    let message = i18n::t_args(env.ctx.locale, message_id, args);
    show(
        env,
        raw_id,
        Some(Problem::Notice(message)),
        None,
        http::StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn publish(env: &mut Env, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let p = visible(env, raw_id).await?;
    let _ = env.submission().await?;
    if p.user_id != user_id {
        return Err(Error::Forbidden);
    }
    if !store::tool_open(&env.conn, p.process_id, &today()).await? {
        return refused(env, raw_id, "proposal-closed", &[]).await;
    }
    let now = palabre_kit::now();
    let (id, process_id, title) = (p.id, p.process_id, p.title.clone());
    db::immediate(&env.conn, async |conn| {
        if store::publish(conn, id, now).await? {
            activity::contributed(conn, process_id, user_id).await?;
            let url = format!("/proposals/{id}");
            activity::record(
                conn,
                &Activity {
                    actor_id: Some(user_id),
                    kind: "proposal-published",
                    process_id: Some(process_id),
                    title: &title,
                    url: &url,
                    public: true,
                    followed: None,
                },
            )
            .await?;
        }
        Ok::<_, Error>(())
    })
    .await?;
    Ok(respond::redirect(&format!("/proposals/{id}")))
}

/// `POST /proposals/<id>/support|unsupport`.
pub async fn support(env: &mut Env, raw_id: &str, on: bool) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let p = visible(env, raw_id).await?;
    let _ = env.submission().await?;
    if !p.published {
        return Err(Error::NotFound);
    }
    let process = store::process_by_id(&env.conn, p.process_id)
        .await?
        .ok_or(Error::NotFound)?;
    let open = store::tool_open(&env.conn, p.process_id, &today()).await?;
    let now = palabre_kit::now();
    if !on {
        // Withdrawing is allowed while supports are taken.
        if !open || !p.status.takes_supports() {
            return refused(env, raw_id, "proposal-supports-closed", &[]).await;
        }
        // The row and the counter, together.
        db::immediate(&env.conn, async |conn| {
            Ok::<_, Error>(store::remove_support(conn, p.id, user_id).await?)
        })
        .await?;
        return Ok(respond::redirect(&format!("/proposals/{}#support", p.id)));
    }
    let outcome = db::immediate(&env.conn, async |conn| {
        if store::supports(conn, p.id, user_id).await? {
            // A second click: nothing more.
            return Ok::<_, Error>(Ok(()));
        }
        let given = store::given(conn, p.process_id, user_id).await?;
        if let Err(refusal) =
            rules::may_support(open, p.status, p.user_id == user_id, given, process.limit)
        {
            return Ok(Err(refusal));
        }
        let (before, after) = store::add_support(conn, &p, user_id, now).await?;
        if rules::crossed(before, after, process.threshold) {
            store::mark_threshold(conn, p.id, now).await?;
            let url = format!("/proposals/{}", p.id);
            let activity_id = activity::record(
                conn,
                &Activity {
                    actor_id: None,
                    kind: "proposal-threshold",
                    process_id: Some(p.process_id),
                    title: &p.title,
                    url: &url,
                    public: true,
                    followed: None,
                },
            )
            .await?;
            for staff in store::staff(conn).await? {
                activity::notify(conn, staff, activity_id).await?;
            }
        }
        activity::participated(conn, p.process_id, user_id).await?;
        Ok(Ok(()))
    })
    .await?;
    match outcome {
        Ok(()) => Ok(respond::redirect(&format!("/proposals/{}#support", p.id))),
        Err(SupportRefused::Closed) | Err(SupportRefused::Decided) => {
            refused(env, raw_id, "proposal-supports-closed", &[]).await
        }
        Err(SupportRefused::Own) => refused(env, raw_id, "proposal-support-own", &[]).await,
        Err(SupportRefused::Limit(n)) => {
            refused(
                env,
                raw_id,
                "proposal-support-limit",
                &[("count", &n.to_string())],
            )
            .await
        }
    }
}

/// What the commune did about a proposal, in the public activity (the
/// process's followers hear of it), and told to its author and supporters.
async fn tell_supporters(
    conn: &palabre_kit::db::Connection,
    p: &Proposal,
    kind: &str,
    url: &str,
) -> Result<()> {
    let activity_id = activity::record(
        conn,
        &Activity {
            actor_id: None,
            kind,
            process_id: Some(p.process_id),
            title: &p.title,
            url,
            public: true,
            followed: None,
        },
    )
    .await?;
    let mut people = store::supporters(conn, p.id).await?;
    people.push(p.user_id);
    for person in people {
        activity::notify(conn, person, activity_id).await?;
    }
    Ok(())
}

/// `POST /proposals/<id>/answer` (staff): a status and the public answer;
/// supporters and the author are notified.
pub async fn answer(env: &mut Env, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require(Role::Moderator)?;
    let p = visible(env, raw_id).await?;
    let form = env.submission().await?;
    if !p.published {
        return Err(Error::NotFound);
    }
    let (status, body) = match rules::answer(form.get("status"), form.get("body")) {
        Ok(a) => a,
        Err(AnswerError::Status) => return refused(env, raw_id, "field-invalid-choice", &[]).await,
        Err(AnswerError::Body(e)) => return refused(env, raw_id, e.message_id(), &[]).await,
        Err(AnswerError::ReasonRequired) => {
            return refused(env, raw_id, "proposal-reason-required", &[]).await;
        }
    };
    let now = palabre_kit::now();
    db::immediate(&env.conn, async |conn| {
        store::answer(conn, p.id, status, &body, user_id, now).await?;
        tell_supporters(
            conn,
            &p,
            "proposal-answered",
            &format!("/proposals/{}", p.id),
        )
        .await
    })
    .await?;
    Ok(respond::redirect(&format!("/proposals/{}#answers", p.id)))
}

/// `POST /proposals/<id>/milestones` (staff): a dated step of an accepted
/// proposal's carrying out, with how far it has come; the author, the
/// supporters and the process's followers are notified.
pub async fn milestone(env: &mut Env, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require(Role::Moderator)?;
    let p = visible(env, raw_id).await?;
    let form = env.submission().await?;
    if !p.published {
        return Err(Error::NotFound);
    }
    if !p.status.followed_up() {
        return refused(env, raw_id, "milestone-not-accepted", &[]).await;
    }
    let m = match rules::milestone(form.get("date"), form.get("percent"), form.get("body")) {
        Ok(m) => m,
        Err(error) => {
            let draft = MilestoneDraft {
                date: form.get("date").to_string(),
                percent: form.get("percent").to_string(),
                body: form.get("body").to_string(),
                error,
            };
            return show(
                env,
                raw_id,
                None,
                Some(&draft),
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let now = palabre_kit::now();
    db::immediate(&env.conn, async |conn| {
        store::add_milestone(conn, p.id, &m, user_id, now).await?;
        let url = format!("/proposals/{}#follow-up", p.id);
        tell_supporters(conn, &p, "proposal-milestone", &url).await
    })
    .await?;
    Ok(respond::redirect(&format!("/proposals/{}#follow-up", p.id)))
}

// ---- exports (staff)

pub async fn export(env: &Env, csv: bool) -> Result<Response> {
    env.ctx.require(Role::Moderator)?;
    let process = process_of_query(env).await?;
    let items = store::all_published(&env.conn, process.id).await?;
    if csv {
        let mut out = String::from(
            "id,title,author,category,district,address,latitude,longitude,status,supports,threshold_reached,published\r\n",
        );
        for p in &items {
            let row = [
                p.id.to_string(),
                csv_cell(&p.title),
                csv_cell(&p.author),
                csv_cell(p.category.as_ref().map_or("", |c| c.1.as_str())),
                csv_cell(p.district.as_ref().map_or("", |d| d.1.as_str())),
                csv_cell(&p.address),
                p.location.map(|l| l.0.to_string()).unwrap_or_default(),
                p.location.map(|l| l.1.to_string()).unwrap_or_default(),
                p.status.as_str().to_string(),
                p.supports.to_string(),
                if p.threshold_reached { "yes" } else { "no" }.to_string(),
                p.published_at.map(iso_date).unwrap_or_default(),
            ];
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
        return Ok(respond::download(
            "text/csv; charset=utf-8",
            &format!("proposals-{}.csv", process.slug),
            out.into_bytes(),
        ));
    }
    let body = json!({
        "process": process.slug,
        "proposals": items.iter().map(|p| json!({
            "id": p.id,
            "title": p.title,
            "body": p.body,
            "author": p.author,
            "category": p.category.as_ref().map(|c| &c.1),
            "district": p.district.as_ref().map(|d| &d.1),
            "address": p.address,
            "location": p.location.map(|(lat, lon)| json!([lat, lon])),
            "status": p.status.as_str(),
            "supports": p.supports,
            "threshold_reached": p.threshold_reached,
            "published": p.published_at.map(iso_date),
            "created": iso_date(p.created_at),
        })).collect::<Vec<_>>(),
    });
    Ok(respond::download(
        "application/json",
        &format!("proposals-{}.json", process.slug),
        body.to_string().into_bytes(),
    ))
}

// ---- amendments

/// `POST /proposals/<id>/amendments`: someone other than the author suggests
/// an amended text, while the proposal is open.
pub async fn amend(env: &mut Env, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let p = visible(env, raw_id).await?;
    let form = env.submission().await?;
    if !p.published {
        return Err(Error::NotFound);
    }
    if p.user_id == user_id {
        return refused(env, raw_id, "amendment-own", &[]).await;
    }
    if !p.status.takes_supports() {
        return refused(env, raw_id, "proposal-supports-closed", &[]).await;
    }
    let body = match rules::body(form.get("body")) {
        Ok(b) => b,
        Err(e) => return refused(env, raw_id, e.message_id(), &[]).await,
    };
    if body == p.body {
        return refused(env, raw_id, "amendment-same", &[]).await;
    }
    let now = palabre_kit::now();
    db::immediate(&env.conn, async |conn| {
        store::add_amendment(conn, p.id, user_id, &body, now).await?;
        let url = format!("/proposals/{}#amendments", p.id);
        let activity_id = activity::record(
            conn,
            &Activity {
                actor_id: Some(user_id),
                kind: "amendment-proposed",
                process_id: Some(p.process_id),
                title: &p.title,
                url: &url,
                public: false,
                followed: None,
            },
        )
        .await?;
        activity::notify(conn, p.user_id, activity_id).await?;
        Ok::<_, Error>(())
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/proposals/{}#amendments",
        p.id
    )))
}

/// `POST /proposals/<id>/amendments/<a>/accept|reject` (the author).
pub async fn decide(
    env: &mut Env,
    raw_id: &str,
    raw_amendment: &str,
    accept: bool,
) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let p = visible(env, raw_id).await?;
    let amendment = proposal_id(raw_amendment)?;
    let _ = env.submission().await?;
    if p.user_id != user_id {
        return Err(Error::Forbidden);
    }
    let now = palabre_kit::now();
    let decided = db::immediate(&env.conn, async |conn| {
        let Some(author) = store::decide(conn, p.id, amendment, accept, now).await? else {
            return Ok::<_, Error>(false);
        };
        let url = format!("/proposals/{}#amendments", p.id);
        let activity_id = activity::record(
            conn,
            &Activity {
                actor_id: Some(user_id),
                kind: if accept {
                    "amendment-accepted"
                } else {
                    "amendment-rejected"
                },
                process_id: Some(p.process_id),
                title: &p.title,
                url: &url,
                public: accept,
                followed: None,
            },
        )
        .await?;
        activity::notify(conn, author, activity_id).await?;
        Ok(true)
    })
    .await?;
    if !decided {
        return Err(Error::NotFound);
    }
    Ok(respond::redirect(&format!(
        "/proposals/{}#amendments",
        p.id
    )))
}

/// `GET /proposals/open-data.json?process=<slug>`: published proposals with
/// their statuses, counts and the commune's answers, and nothing about who
/// wrote or supported them.
pub async fn open_data(env: &Env) -> Result<Response> {
    let process = process_of_query(env).await?;
    let items = store::all_published(&env.conn, process.id).await?;
    let mut proposals = Vec::with_capacity(items.len());
    for p in &items {
        let answers: Vec<Value> = store::answers(&env.conn, p.id)
            .await?
            .into_iter()
            .map(|(s, body, at)| json!({ "status": s.as_str(), "answer": body, "date": iso_date(at) }))
            .collect();
        proposals.push(json!({
            "id": p.id,
            "url": format!("{}/proposals/{}", env.ctx.origin, p.id),
            "title": p.title,
            "body": p.body,
            "category": p.category.as_ref().map(|c| &c.1),
            "district": p.district.as_ref().map(|d| &d.1),
            "location": p.location.map(|(lat, lon)| json!([lat, lon])),
            "status": p.status.as_str(),
            "supports": p.supports,
            "threshold_reached": p.threshold_reached,
            "published": p.published_at.map(iso_date),
            "answers": answers,
        }));
    }
    let body = json!({
        "process": { "slug": process.slug, "title": process.title },
        "licence": i18n::t(env.ctx.locale, "open-data-licence"),
        "proposals": proposals,
    });
    Ok(respond::download(
        "application/json",
        &format!("proposals-{}-open-data.json", process.slug),
        body.to_string().into_bytes(),
    ))
}
