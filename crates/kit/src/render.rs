//! Server-rendered HTML: one handlebars registry per component instance,
//! strict mode, `{{…}}` only (escaped), the shared layout and the `t` helper.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
};
use palabre_domain::Locale;
use serde::Serialize;
use serde_json::{Map, Value};

use std::sync::Mutex;

use crate::ctx::Ctx;
use crate::error::Error;
use crate::respond::{self, Response};
use crate::site::Site;
use crate::{assets, i18n};

const LAYOUT: &str = include_str!("../templates/layout.hbs");
const ERROR: &str = include_str!("../templates/error.hbs");
const FIELDS: &str = include_str!("../templates/fields.hbs");
/// A page holding one form (title, intro, the fields, a submit button, and
/// what follows it: `below`, a list of related items).
const FORM_PAGE: &str = include_str!("../templates/form_page.hbs");
const FOLLOW: &str = include_str!("../templates/follow.hbs");
/// The dated milestones of what the commune carries out (`kit::follow_up`).
const FOLLOW_UP: &str = include_str!("../templates/follow_up.hbs");
/// A page's comment section (`kit::thread`) and one comment with its replies.
const COMMENTS: &str = include_str!("../templates/comments.hbs");
const COMMENT: &str = include_str!("../templates/comment.hbs");

/// The templates every component has.
const SHARED: &[(&str, &str)] = &[
    ("layout", LAYOUT),
    ("error", ERROR),
    ("fields", FIELDS),
    ("form_page", FORM_PAGE),
    ("follow", FOLLOW),
    ("follow_up", FOLLOW_UP),
    ("comments", COMMENTS),
    ("comment", COMMENT),
];

/// Templates are parsed when first used, with the partials they name:
/// handlebars parses ~2 kB a millisecond, and a fresh instance (one every
/// 128 requests under Spin's defaults) should not parse pages it will not serve.
pub struct Renderer {
    registry: Mutex<Handlebars<'static>>,
    sources: Vec<(&'static str, &'static str)>,
    fingerprint: std::sync::OnceLock<u64>,
}

/// The partials a template names (`{{> name}}`, `{{#> name}}`).
fn partials(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, _) in source.match_indices("{{") {
        let rest = &source[i + 2..];
        let rest = rest.strip_prefix('#').unwrap_or(rest);
        let Some(rest) = rest.strip_prefix('>') else {
            continue;
        };
        let name: &str = rest.trim_start();
        let end = name
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(name.len());
        if end > 0 {
            out.push(&name[..end]);
        }
    }
    out
}

/// `{{markdown text}}`: what people wrote, rendered by [`crate::markdown`]
/// (raw HTML shown as text, safe links only). The one way Markdown reaches a page.
fn markdown_helper(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let source = h.param(0).and_then(|p| p.value().as_str()).unwrap_or("");
    out.write(&crate::markdown::to_html(source))?;
    Ok(())
}

/// `{{form_keys}}`: the hidden fields every form carries: the visitor's CSRF
/// token and a fresh idempotency key (`visitor::ONCE_FIELD`).
fn form_keys_helper(
    _: &Helper,
    _: &Handlebars,
    ctx: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let csrf = ctx
        .data()
        .pointer("/layout/csrf")
        .and_then(Value::as_str)
        .unwrap_or("");
    out.write(&format!(
        "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
        crate::visitor::CSRF_FIELD,
        handlebars::html_escape(csrf)
    ))?;
    // Without randomness the form still works, only without replay protection.
    if let Ok(once) = crate::session::random_id() {
        out.write(&format!(
            "<input type=\"hidden\" name=\"{}\" value=\"{once}\">",
            crate::visitor::ONCE_FIELD
        ))?;
    }
    Ok(())
}

/// `{{t "message-id" name=value …}}`: a catalogue message in the page's
/// language, escaped. In the template tests (`strict`), a message the
/// catalogue lacks is an error instead of its id on the page.
struct Translate {
    strict: bool,
}

impl handlebars::HelperDef for Translate {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let id = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let locale = ctx
            .data()
            .get("lang")
            .and_then(Value::as_str)
            .and_then(|code| code.parse::<Locale>().ok())
            .unwrap_or_default();
        if self.strict && !i18n::message_ids(Locale::Fr).iter().any(|m| m == id) {
            return Err(
                RenderErrorReason::Other(format!("no message {id} in the catalogue")).into(),
            );
        }
        let values: Vec<(String, String)> = h
            .hash()
            .iter()
            .map(|(k, v)| {
                let value = match v.value() {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (k.to_string(), value)
            })
            .collect();
        let args: Vec<(&str, &str)> = values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        out.write(&handlebars::html_escape(&i18n::t_args(locale, id, &args)))?;
        Ok(())
    }
}

#[derive(Serialize)]
struct Link {
    href: String,
    label: String,
    current: bool,
}

/// The layout's data (`layout.hbs`), beside every page's own.
#[derive(Serialize)]
struct Layout {
    title: String,
    site_name: String,
    logo_url: String,
    css_url: String,
    favicon_url: String,
    favicon_type: String,
    brand_css_url: String,
    nav: Vec<Link>,
    footer: Vec<Link>,
    langs: Vec<LangLink>,
    csrf: String,
    signed_in: bool,
    admin: bool,
    moderator: bool,
    unread: i64,
    notifications_label: String,
    /// At the town-hall desk: whom staff enter for (the banner).
    desk: Option<String>,
    map: Option<crate::map::Layout>,
}

/// The error page (`error.hbs`).
#[derive(Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct ErrorView {
    heading: String,
    message: String,
    /// A refused write's form, to send again once the wait is over.
    retry: Option<Retry>,
}

/// What was typed in a form refused for too many tries, sent again as is.
#[derive(Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Retry {
    action: String,
    fields: Vec<(String, String)>,
}

#[derive(Serialize)]
struct LangLink {
    code: &'static str,
    name: &'static str,
    href: String,
    current: bool,
}

impl Renderer {
    /// A renderer for the shared templates plus the component's.
    pub fn new(templates: &'static [(&'static str, &'static str)]) -> Result<Renderer, Error> {
        Renderer::with_messages(templates, false)
    }

    fn with_messages(
        templates: &'static [(&'static str, &'static str)],
        strict: bool,
    ) -> Result<Renderer, Error> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.set_prevent_indent(true);
        // Escape what HTML needs (& < > " '), not `=` and backticks as the default does.
        registry.register_escape_fn(crate::respond::escape);
        registry.register_helper("t", Box::new(Translate { strict }));
        registry.register_helper("markdown", Box::new(markdown_helper));
        registry.register_helper("form_keys", Box::new(form_keys_helper));
        Ok(Renderer {
            registry: Mutex::new(registry),
            sources: SHARED.iter().chain(templates.iter()).copied().collect(),
            fingerprint: std::sync::OnceLock::new(),
        })
    }

    /// What the pages drawn here are made of (templates, catalogues, asset
    /// versions), as one number: kept pages (`cache`, shared through the
    /// database) of another build of the component are never served.
    pub fn fingerprint(&self) -> u64 {
        *self.fingerprint.get_or_init(|| {
            use crate::assets::{FNV1A_START, fnv1a_more as more};
            let mut hash = FNV1A_START;
            for (name, source) in &self.sources {
                hash = more(more(hash, name.as_bytes()), source.as_bytes());
            }
            for catalogue in crate::i18n::SOURCES {
                hash = more(hash, catalogue.embedded());
            }
            for (name, version) in crate::assets::versions() {
                hash = more(more(hash, name.as_bytes()), &version.to_le_bytes());
            }
            hash
        })
    }

    /// Parses `name` and the partials it names, unless already done.
    fn ensure(&self, registry: &mut Handlebars<'static>, name: &str) -> Result<(), Error> {
        if registry.has_template(name) {
            return Ok(());
        }
        let (name, source) = self
            .sources
            .iter()
            .find(|(n, _)| *n == name)
            .copied()
            .ok_or_else(|| Error::Internal(format!("no template {name}")))?;
        registry
            .register_template_string(name, source)
            .map_err(|e| Error::Internal(format!("template {name}: {e}")))?;
        for partial in partials(source) {
            self.ensure(registry, partial)?;
        }
        Ok(())
    }

    /// Parses every template.
    #[cfg(test)]
    fn check_all(&self) -> Result<(), Error> {
        let mut registry = self
            .registry
            .lock()
            .map_err(|_| Error::Internal("renderer lock".into()))?;
        for (name, _) in &self.sources {
            self.ensure(&mut registry, name)?;
        }
        Ok(())
    }

    /// The layout's data: title, site identity, navigation, language switch.
    fn layout(&self, ctx: &Ctx, site: &Site, title: &str) -> Layout {
        let locale = ctx.locale;
        let nav = [
            ("/", "nav-home"),
            ("/processes", "nav-processes"),
            ("/discussions", "nav-discussions"),
            ("/proposals", "nav-proposals"),
            ("/questionnaires", "nav-questionnaires"),
            ("/news", "nav-news"),
            ("/pages/about", "nav-about"),
        ]
        .into_iter()
        .map(|(href, key)| Link {
            href: href.to_string(),
            label: i18n::t(locale, key),
            current: ctx.path == href || (href != "/" && ctx.path.starts_with(&format!("{href}/"))),
        })
        .collect::<Vec<_>>();
        let footer = [
            ("/pages/legal", "footer-legal"),
            ("/pages/privacy", "footer-privacy"),
            ("/pages/terms", "footer-terms"),
            ("/pages/accessibility", "footer-accessibility"),
            ("/transparency", "footer-transparency"),
            ("/transparency#open-data", "footer-open-data"),
        ]
        .into_iter()
        .map(|(href, key)| Link {
            href: href.to_string(),
            label: i18n::t(locale, key),
            current: false,
        })
        .collect::<Vec<_>>();
        let langs = Locale::ALL
            .into_iter()
            .map(|l| LangLink {
                code: l.code(),
                name: l.native_name(),
                href: ctx.in_language(l),
                current: l == locale,
            })
            .collect::<Vec<_>>();
        Layout {
            title: title.to_string(),
            site_name: site.name.clone(),
            logo_url: site.logo_url.clone(),
            css_url: assets::url("palabre.css"),
            favicon_url: site.favicon_url.clone(),
            favicon_type: site.favicon_type.clone(),
            brand_css_url: site.brand_css_url(),
            nav,
            footer,
            langs,
            csrf: ctx.visitor.csrf.clone(),
            signed_in: ctx.visitor.is_signed_in(),
            admin: ctx.visitor.role == palabre_domain::Role::Admin,
            moderator: ctx.visitor.role.is_staff(),
            unread: ctx.unread,
            notifications_label: i18n::t_args(
                locale,
                "nav-notifications",
                &[("count", &ctx.unread.to_string())],
            ),
            desk: ctx
                .desk_for
                .as_ref()
                .map(|name| i18n::t_args(locale, "desk-banner", &[("name", name)])),
            map: None,
        }
    }

    /// Renders `template` (which wraps itself in `{{#> layout}}`) into a full page.
    pub fn page(
        &self,
        ctx: &Ctx,
        site: &Site,
        status: http::StatusCode,
        template: &str,
        title: &str,
        data: impl Serialize,
    ) -> Result<Response, Error> {
        let html = self.html(ctx, site, template, title, data)?;
        Ok(ctx.finish(respond::html(status, html)))
    }

    /// The page's HTML: the view `data` (a struct, serialized once) with
    /// the layout's data and the page's language beside it.
    fn html(
        &self,
        ctx: &Ctx,
        site: &Site,
        template: &str,
        title: &str,
        data: impl Serialize,
    ) -> Result<String, Error> {
        let data = serde_json::to_value(data)
            .map_err(|e| Error::Internal(format!("view of {template}: {e}")))?;
        let mut root = match data {
            Value::Object(map) => map,
            Value::Null => Map::new(),
            other => {
                let mut m = Map::new();
                m.insert("data".into(), other);
                m
            }
        };
        root.insert("lang".into(), Value::from(ctx.locale.code()));
        let mut layout = self.layout(ctx, site, title);
        // A page with a map (`kit::map`) has the layout load it.
        if let Some(view) = root.remove("with_map").filter(|v| !v.is_null()) {
            let view: crate::map::View = serde_json::from_value(view)
                .map_err(|e| Error::Internal(format!("with_map of {template}: {e}")))?;
            layout.map = Some(crate::map::layout(ctx.locale, view));
        }
        let layout = serde_json::to_value(layout)
            .map_err(|e| Error::Internal(format!("layout of {template}: {e}")))?;
        root.insert("layout".into(), layout);
        let mut registry = self
            .registry
            .lock()
            .map_err(|_| Error::Internal("renderer lock".into()))?;
        self.ensure(&mut registry, template)?;
        // A context made from the value itself: `render` would serialize
        // (deep-copy) the whole page's data again.
        registry
            .render_with_context(template, &Context::from(Value::Object(root)))
            .map_err(|e| Error::Internal(format!("render {template}: {e}")))
    }

    /// The error page for `err`, in the visitor's language; logs internal errors.
    pub fn error(&self, ctx: &Ctx, site: &Site, err: &Error) -> Response {
        if err.status().is_server_error() {
            eprintln!("error on {} {}: {err}", ctx.method, ctx.path);
        }
        let (title_key, body_key) = err.message_keys();
        let heading = i18n::t(ctx.locale, title_key);
        let data = ErrorView {
            retry: match err {
                Error::TooMany { typed, .. } => Some(Retry {
                    action: ctx.href(),
                    fields: typed.clone(),
                }),
                _ => None,
            },
            message: match err {
                Error::Closed { message, .. } => message.clone(),
                // The real wait, and when it ends in the commune's time.
                Error::TooMany { seconds, .. } => i18n::t_args(
                    ctx.locale,
                    "error-429-wait",
                    &[
                        ("minutes", &((seconds.max(&1) + 59) / 60).to_string()),
                        ("time", &i18n::clock(crate::now() + seconds.max(&1))),
                    ],
                ),
                _ => i18n::t(ctx.locale, body_key),
            },
            heading: heading.clone(),
        };
        let mut response = match self.page(ctx, site, err.status(), "error", &heading, data) {
            Ok(response) => response,
            Err(e) => {
                eprintln!("error page failed: {e}");
                respond::bare_error(ctx.locale, err.status(), title_key, body_key)
            }
        };
        let retry_after = match err {
            Error::TooMany { seconds, .. } => Some((*seconds).max(1)),
            _ if err.status() == http::StatusCode::SERVICE_UNAVAILABLE => Some(5),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
        }
        response
    }
}

/// A template and a sample of its view, for [`check_views`].
#[cfg(any(test, feature = "testing"))]
pub struct Case {
    pub template: &'static str,
    view: fn(crate::sample::Fill) -> Result<Value, serde_json::Error>,
}

#[cfg(any(test, feature = "testing"))]
impl Case {
    /// `template` is rendered with samples of the view `V`
    /// ([`crate::sample`]).
    pub fn of<V: serde::Deserialize<'static> + Serialize>(template: &'static str) -> Case {
        Case {
            template,
            view: |fill| serde_json::to_value(crate::sample::sample::<V>(fill)),
        }
    }
}

/// Renders each case's template in strict mode with a full and an empty
/// sample of its view, for an administrator and for an anonymous visitor,
/// with every `t` message required to exist; then checks that every
/// template of the component was rendered, as a case or as a partial of
/// one. The component's unit test calls it with all its views.
#[cfg(any(test, feature = "testing"))]
pub fn check_views(
    templates: &'static [(&'static str, &'static str)],
    cases: &[Case],
) -> Result<(), String> {
    let names: Vec<&str> = templates.iter().map(|(n, _)| *n).collect();
    check_reaching(templates, cases, &names)
}

/// [`check_views`], requiring `must_reach` to be rendered.
#[cfg(any(test, feature = "testing"))]
fn check_reaching(
    templates: &'static [(&'static str, &'static str)],
    cases: &[Case],
    must_reach: &[&str],
) -> Result<(), String> {
    use crate::sample::Fill;
    let renderer = Renderer::with_messages(templates, true).map_err(|e| e.to_string())?;
    let parts = http::Request::builder()
        .uri("/sample")
        .body(())
        .map_err(|e| e.to_string())?
        .into_parts()
        .0;
    let site = Site::default();
    let mut problems = Vec::new();
    let mut reached: Vec<&str> = Vec::new();
    for case in cases {
        for fill in [Fill::Full, Fill::Empty] {
            let mut ctx = Ctx::new(&parts, Locale::Fr);
            if fill == Fill::Full {
                ctx.visitor.user_id = Some(1);
                ctx.visitor.role = palabre_domain::Role::Admin;
                ctx.unread = 2;
            }
            let outcome = (case.view)(fill)
                .map_err(|e| e.to_string())
                .and_then(|view| {
                    renderer
                        .html(&ctx, &site, case.template, "Titre", view)
                        .map_err(|e| e.to_string())
                });
            if let Err(e) = outcome {
                problems.push(format!("{} ({fill:?} sample): {e}", case.template));
            }
        }
        let mut todo = vec![case.template];
        while let Some(name) = todo.pop() {
            if reached.contains(&name) {
                continue;
            }
            reached.push(name);
            if let Some((_, source)) = renderer.sources.iter().find(|(n, _)| *n == name) {
                todo.extend(partials(source));
            }
        }
    }
    for name in must_reach {
        if !reached.contains(name) {
            problems.push(format!("{name}: no view renders it (add a Case)"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Splits plain text into paragraphs at blank lines, for `{{#each}}<p>{{this}}</p>`
/// (text that is not Markdown: the commune's introduction, notices).
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
