//! The entry every feature component shares: build the request context, open
//! the database, load the site, dispatch, and turn errors into error pages.

use palabre_domain::Locale;
use spin_sdk::http::Request;
use spin_sdk::wasip3::http_compat::IncomingRequestBody;

use crate::db::{self, Connection};
use crate::error::{Error, Result};
use crate::forms;
use crate::render::Renderer;
use crate::respond::{self, Response};
use crate::{Ctx, Site};

/// What every handler gets.
pub struct Env {
    pub ctx: Ctx,
    pub site: Site,
    pub conn: Connection,
    pub renderer: &'static Renderer,
    body: Option<IncomingRequestBody>,
}

impl Env {
    /// Reads the submitted form with its files (urlencoded or multipart, once).
    pub async fn submission(&mut self) -> Result<forms::Submission> {
        let body = self
            .body
            .take()
            .ok_or(Error::Internal("the form was already read".into()))?;
        forms::Submission::read(body, &self.ctx.content_type).await
    }

    /// Renders a page with status 200.
    pub fn page(
        &self,
        template: &str,
        title: &str,
        data: impl serde::Serialize,
    ) -> Result<Response> {
        self.renderer.page(
            &self.ctx,
            &self.site,
            http::StatusCode::OK,
            template,
            title,
            data,
        )
    }
}

/// A method a route answers: `Get` (GET and HEAD) or `Post`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
}

impl Verb {
    pub fn matches(self, method: &http::Method) -> bool {
        match self {
            Verb::Get => matches!(*method, http::Method::GET | http::Method::HEAD),
            Verb::Post => *method == http::Method::POST,
        }
    }
}

/// One route's handlers by method, in a route table matched on the path
/// alone: `methods!(env; Get => …, Post => …)`. Any other method on that path
/// is 405, so the 405 answers follow from the table instead of a list kept
/// beside it.
#[macro_export]
macro_rules! methods {
    ($env:expr; $($verb:ident => $body:expr),+ $(,)?) => {{
        let method = $env.ctx.method.clone();
        $( if $crate::app::Verb::$verb.matches(&method) { $body } else )+ {
            Err($crate::Error::MethodNotAllowed)
        }
    }};
}

/// A link for templates: its address and its label in the visitor's language.
pub fn link(env: &Env, href: &str, label_id: &str) -> crate::view::Link {
    crate::view::Link::to(env.ctx.locale, href, label_id)
}

/// The choices of a draft/published select, in the visitor's language.
pub fn status_options(env: &Env) -> Vec<(String, String)> {
    ["draft", "published"]
        .iter()
        .map(|s| {
            (
                (*s).to_string(),
                crate::i18n::t(env.ctx.locale, &format!("admin-status-{s}")),
            )
        })
        .collect()
}

/// Records a staff action in the audit log, on what it concerns, in the
/// transaction of the change (`conn` is inside `db::immediate`): the change
/// is never kept without its line, nor the line without the change.
pub async fn record_in(conn: &Connection, ctx: &Ctx, action: &str, subject: &str) -> Result<()> {
    crate::audit::record(
        conn,
        ctx.visitor.user_id,
        action,
        Some(subject),
        ctx.client_ip.as_deref(),
    )
    .await?;
    Ok(())
}

/// A staff action's writes (`body`) and its audit line, in one transaction.
pub async fn audited<T, F>(env: &Env, action: &str, subject: &str, body: F) -> Result<T>
where
    F: AsyncFnOnce(&Connection) -> Result<T>,
{
    db::immediate(&env.conn, async |conn| {
        let value = body(conn).await?;
        record_in(conn, &env.ctx, action, subject).await?;
        Ok(value)
    })
    .await
}

/// Serves a public page: an anonymous visitor's plain read (no query) comes
/// from the instance's page cache (`kit::cache`, valid while the content
/// revision and the day stay the same) or is rendered by `render` and kept,
/// and is marked so that the gate may answer the same request for a moment.
/// Everyone else gets `render`'s page as it is.
pub async fn public_page<F>(env: &mut Env, render: F) -> Result<Response>
where
    F: AsyncFnOnce(&mut Env) -> Result<Response>,
{
    let variant = env.ctx.query.is_empty().then(|| Variant {
        query: String::new(),
        shared: true,
    });
    public_variant(env, variant, render).await
}

/// Which version of a public page a query asks for: the query as the page
/// reads it (only the parameters it uses, in its order), and whether the
/// page is worth sharing through the database (a bounded set of pages: not,
/// say, every cursor of a list, which stays in the instance's own cache).
pub struct Variant {
    pub query: String,
    pub shared: bool,
}

/// A query parameter a public page reads: its name, and whether a value is
/// one the page takes, written the one way the page itself writes it.
pub struct Param {
    pub name: &'static str,
    pub canonical: fn(&str) -> bool,
}

impl Param {
    pub const fn new(name: &'static str, canonical: fn(&str) -> bool) -> Param {
        Param { name, canonical }
    }
}

/// A positive number as the pages write it (no sign, no leading zero).
pub fn canonical_number(value: &str) -> bool {
    (1..=18).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_digit())
        && !value.starts_with('0')
}

/// A slug as the app makes them: lower-case letters, digits and dashes.
pub fn canonical_slug(value: &str) -> bool {
    (1..=120).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A checkbox filter, as the forms send it.
pub fn canonical_flag(value: &str) -> bool {
    value == "1"
}

/// Whether a path is written the one way the app writes its links: segments
/// of lower-case letters, digits and dashes, numbers without leading zeros,
/// nothing percent-encoded. Only such a path's page is kept: `/people/0001`
/// and `/people/1` are one page, not two rows.
pub fn canonical_path(path: &str) -> bool {
    path == "/"
        || path.len() <= 300
            && path.starts_with('/')
            && path[1..].split('/').all(|segment| {
                canonical_slug(segment)
                    && (!segment.bytes().all(|b| b.is_ascii_digit()) || canonical_number(segment))
            })
}

impl Variant {
    /// The variant the request's query names, if the page may be kept for
    /// it: every parameter one of `params`, once, in its canonical spelling
    /// (an empty value counts as absent); the key lists them in `params`'
    /// order. Any other query (a parameter the page does not read, a value it
    /// does not take, a notice such as `?held=1`) gives `None`: the page is
    /// rendered for this visitor alone and kept nowhere.
    pub fn of(ctx: &Ctx, params: &[Param], shared: bool) -> Option<Variant> {
        let mut values: Vec<Option<&str>> = vec![None; params.len()];
        for (name, value) in &ctx.query {
            if value.is_empty() {
                continue;
            }
            let at = params.iter().position(|p| p.name == name)?;
            if values[at].is_some() || !(params[at].canonical)(value) {
                return None;
            }
            values[at] = Some(value);
        }
        let query = params
            .iter()
            .zip(values)
            .filter_map(|(param, value)| {
                Some(format!(
                    "{}={}",
                    param.name,
                    crate::form::encode_component(value?)
                ))
            })
            .collect::<Vec<_>>()
            .join("&");
        Some(Variant { query, shared })
    }
}

/// [`public_page`] for a page whose query selects what it shows (filters,
/// orders): `None` when this query's page is not for everybody (a
/// visitor's own random order).
pub async fn public_variant<F>(
    env: &mut Env,
    variant: Option<Variant>,
    render: F,
) -> Result<Response>
where
    F: AsyncFnOnce(&mut Env) -> Result<Response>,
{
    let anonymous_read = matches!(env.ctx.method, http::Method::GET | http::Method::HEAD)
        && env.ctx.visitor.user_id.is_none()
        && canonical_path(&env.ctx.path);
    let Some(variant) = variant.filter(|_| anonymous_read) else {
        return render(env).await;
    };
    // Pages kept by another build (an upgrade, templates edited) differ.
    let build = env.renderer.fingerprint();
    let path = if variant.query.is_empty() {
        format!("{build:x} {}", env.ctx.path)
    } else {
        format!("{build:x} {}?{}", env.ctx.path, variant.query)
    };
    let key = crate::cache::Key {
        path,
        locale: env.ctx.locale.code(),
        revision: env.site.revision,
        day: crate::now().div_euclid(86_400),
    };
    let mut page = match crate::cache::get(&key) {
        Some(hit) => hit,
        None => {
            let shared = if variant.shared {
                crate::cache::shared(&env.conn, &key).await
            } else {
                None
            };
            match shared {
                Some(hit) => hit,
                None => {
                    let page = crate::cache::put(&key, render(env).await?);
                    if variant.shared {
                        crate::cache::share(&env.conn, &key).await;
                    }
                    page
                }
            }
        }
    };
    // The gate answers again only what it can key on: a plain path.
    if page.status() == http::StatusCode::OK && env.ctx.query.is_empty() {
        page.headers_mut().insert(
            crate::visitor::PUBLIC_HEADER,
            http::HeaderValue::from_static("1"),
        );
    }
    Ok(page)
}

/// The component's templates, parsed once per instance (each component links
/// its own copy of this crate, so this is one renderer per component).
fn renderer(
    templates: &'static [(&'static str, &'static str)],
) -> std::result::Result<&'static Renderer, &'static Error> {
    static RENDERER: std::sync::OnceLock<std::result::Result<Renderer, Error>> =
        std::sync::OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new(templates)).as_ref()
}

/// Serves one request with the component's `templates`: `fast` may answer
/// before the database is touched (static assets); otherwise `dispatch` runs
/// with a full [`Env`].
pub async fn serve<F>(
    request: Request,
    templates: &'static [(&'static str, &'static str)],
    fast: fn(&http::request::Parts) -> Option<Response>,
    dispatch: F,
) -> Response
where
    F: AsyncFnOnce(&mut Env) -> Result<Response>,
{
    let (parts, body) = request.into_parts();
    let fallback = Ctx::new(&parts, Locale::Fr);
    let renderer = match renderer(templates) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("templates: {e}");
            return respond::bare_error(
                fallback.locale,
                http::StatusCode::INTERNAL_SERVER_ERROR,
                "error-500-title",
                "error-500-body",
            );
        }
    };
    if let Some(response) = fast(&parts) {
        return response;
    }
    let conn = match db::open().await {
        Ok(conn) => conn,
        Err(e) => return renderer.error(&fallback, &Site::default(), &e.into()),
    };
    if let Some(claim) = parts
        .headers
        .get(crate::visitor::ONCE_HEADER)
        .and_then(|v| v.to_str().ok())
    {
        conn.answers_form(claim);
    }
    let site = match Site::load(&conn).await {
        Ok(site) => site,
        Err(e) => return renderer.error(&fallback, &Site::default(), &e.into()),
    };
    let mut ctx = Ctx::new(&parts, site.default_locale);
    crate::set_zone(site.zone);
    // Over a rate limit (the gate's word): the handler never runs.
    if let Some(seconds) = parts
        .headers
        .get(crate::visitor::TOO_MANY_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
    {
        let typed = forms::Submission::read(body, &ctx.content_type)
            .await
            .map(|s| forms::resendable(s.fields()))
            .unwrap_or_default();
        return renderer.error(&ctx, &site, &Error::TooMany { seconds, typed });
    }
    if let Some(user_id) = ctx.visitor.user_id {
        match crate::activity::unread_count(&conn, user_id).await {
            Ok(n) => ctx.unread = n,
            Err(e) => eprintln!("unread notifications: {e}"),
        }
        if ctx.visitor.desk.is_some() {
            match crate::desk::name(&conn, user_id).await {
                Ok(name) => ctx.desk_for = name,
                Err(e) => eprintln!("the desk's resident: {e}"),
            }
        }
    }
    let mut env = Env {
        ctx,
        site,
        conn,
        renderer,
        body: Some(body),
    };
    match dispatch(&mut env).await {
        Ok(response) => response,
        Err(e) => env.renderer.error(&env.ctx, &env.site, &e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(uri: &str) -> Ctx {
        let parts = http::Request::builder()
            .uri(uri)
            .body(())
            .unwrap()
            .into_parts()
            .0;
        Ctx::new(&parts, Locale::Fr)
    }

    const PARAMS: [Param; 3] = [
        Param::new("sort", |v| v == "newest" || v == "best"),
        Param::new("page", canonical_number),
        Param::new("process", canonical_slug),
    ];

    fn key(uri: &str) -> Option<String> {
        Variant::of(&ctx(uri), &PARAMS, true).map(|v| v.query)
    }

    #[test]
    fn only_canonical_queries_name_a_kept_page() {
        assert_eq!(key("/d").as_deref(), Some(""));
        assert_eq!(
            key("/d?page=2&sort=best").as_deref(),
            Some("sort=best&page=2"),
            "the page's order, whatever the request's"
        );
        assert_eq!(
            key("/d?sort=&page=").as_deref(),
            Some(""),
            "empty is absent"
        );
        for refused in [
            "/d?held=1",
            "/d?reported=1",
            "/d?sort=random-1234",
            "/d?page=02",
            "/d?page=0",
            "/d?page=-1",
            "/d?page=2&page=3",
            "/d?process=Quais",
            "/d?process=quais%20",
            "/d?utm_source=x",
        ] {
            assert_eq!(key(refused), None, "{refused}");
        }
    }

    #[test]
    fn only_canonical_paths_are_kept() {
        for kept in [
            "/",
            "/people/1",
            "/processes/quais-de-loire",
            "/news/2026-fete",
        ] {
            assert!(canonical_path(kept), "{kept}");
        }
        for refused in [
            "/people/0001",
            "/people/01",
            "/processes/Quais",
            "/processes/quai%73",
            "/processes//x",
            "/processes/x/",
            "",
        ] {
            assert!(!canonical_path(refused), "{refused}");
        }
    }
}
