//! The comment section of a page, for every feature that carries comments
//! (discussions, proposals): the data of the shared `comments` template, and
//! the handlers of `<base>/comments…` (post, react, report, withdraw, badge,
//! hide, edit). The rules live in [`crate::comments`]; a feature says what
//! carries the thread ([`Host`]) and shows its page again when a write is
//! refused ([`Problem`]).

use palabre_domain::Role;
use palabre_domain::comment::{Reaction, Stance};

use crate::activity::{self, Activity, Target};
use crate::app::Env;
use crate::comments::{self, New, Outcome, Refused, Resource, Sort, Viewer};
use crate::forms::{Entry, FormView};
use crate::respond::{self, Response};
use crate::view::{FormPage, Link};
use crate::{Error, Result, db, i18n};

mod section;

pub use section::*;

/// What carries a thread, as its page knows it.
pub struct Host {
    pub resource: Resource,
    pub id: i64,
    /// The page's address; the thread's forms post to `<base>/comments…`.
    pub base: String,
    /// The page's title (activity feed, the edit page's way back).
    pub title: String,
    pub process_id: Option<i64>,
    /// Whether comments and reactions are taken now.
    pub open: bool,
    /// The message shown instead of the form when closed.
    pub closed_message: &'static str,
    /// Who hears of new comments and official answers.
    pub followed: Option<Target>,
    /// Run in the comment's transaction (`?` is the carrier's id), e.g. a counter.
    pub count_sql: Option<&'static str>,
}

impl Host {
    fn on(&self) -> (Resource, i64) {
        (self.resource, self.id)
    }
}

/// Why the page is shown again: a comment form to fill in again, or a notice.
pub enum Problem {
    Comment(Draft),
    Notice(String),
}

/// What was typed in a comment form that could not be saved.
pub struct Draft {
    pub parent: Option<i64>,
    pub body: String,
    pub stance: String,
    pub message: String,
}

/// A handler's end: a response, or the page to show again with a problem
/// (status 422; nothing was changed).
pub enum Done {
    Response(Response),
    Again(Problem),
}

fn viewer(env: &Env) -> Viewer {
    Viewer {
        user_id: env.ctx.visitor.user_id,
        moderator: env.ctx.visitor.role.is_staff(),
    }
}

/// The query parameters a thread reads (a public page with a thread keys its
/// kept copies on them, `app::Variant::of`), in their canonical spellings.
pub const THREAD_PARAMS: [crate::app::Param; 4] = [
    crate::app::Param::new("sort", |v| Sort::ALL.iter().any(|s| s.as_str() == v)),
    crate::app::Param::new("stance", |v| Stance::ALL.iter().any(|s| s.as_str() == v)),
    crate::app::Param::new("page", crate::app::canonical_number),
    crate::app::Param::new("comment", crate::app::canonical_number),
];

/// The notice a page shows at its top after a comment was held for review
/// (`?held=1`). A report's confirmation (`?reported=1`) is shown at the
/// comment reported, where the visitor is (`section`).
pub fn reported_notice(env: &Env) -> Option<String> {
    (env.ctx.query("held") == Some("1")).then(|| i18n::t(env.ctx.locale, "comment-held"))
}

/// The message for a refused write, in the visitor's language.
fn refusal_message(env: &Env, refused: Refused) -> Result<String> {
    let id = match refused {
        Refused::NotFound => return Err(Error::NotFound),
        Refused::Forbidden => return Err(Error::Forbidden),
        Refused::Field(e) => e.message_id(),
        Refused::TooDeep => "comment-too-deep",
        Refused::OwnComment => "comment-own-reaction",
        Refused::TooLate => "comment-edit-too-late",
    };
    Ok(i18n::t(env.ctx.locale, id))
}

fn closed(env: &Env, host: &Host) -> Done {
    Done::Again(Problem::Notice(i18n::t(
        env.ctx.locale,
        host.closed_message,
    )))
}

/// `POST <base>/comments`: a comment or a reply.
pub async fn post(env: &mut Env, host: &Host) -> Result<Done> {
    let user_id = env.ctx.require_signed_in()?;
    let form = env.submission().await?;
    let (body, stance) = (form.get("body").to_string(), form.get("stance").to_string());
    let parent = match form.get("parent") {
        "" => None,
        raw => Some(
            raw.parse::<i64>()
                .map_err(|_| Error::BadRequest("parent"))?,
        ),
    };
    if !host.open {
        return Ok(closed(env, host));
    }
    let now = crate::now();
    let new = New {
        on: host.on(),
        parent_id: parent,
        user_id,
        body: &body,
        stance: &stance,
        entered_by: env.ctx.visitor.desk,
    };
    let held_words = &env.site.held_words;
    let mut held = false;
    let outcome = db::immediate(&env.conn, async |conn| {
        let outcome = comments::post(conn, &new, now).await?;
        if let Outcome::Done((id, parent_author)) = &outcome {
            // A watched word holds it for the moderators, unless its author is trusted.
            if let Some(word) = crate::site::held_word(held_words, &body) {
                held = comments::hold(conn, *id, user_id, word, now).await?;
            }
            if let Some(sql) = host.count_sql {
                db::exec(conn, sql, vec![db::Value::Integer(host.id)]).await?;
            }
            if let Some(process_id) = host.process_id {
                activity::contributed(conn, process_id, user_id).await?;
            }
            let url = comments::link(&host.base, *id, "");
            let kind = if parent.is_some() { "reply" } else { "comment" };
            let activity_id = activity::record(
                conn,
                &Activity {
                    actor_id: Some(user_id),
                    kind,
                    process_id: host.process_id,
                    title: &host.title,
                    url: &url,
                    public: true,
                    followed: host.followed,
                },
            )
            .await?;
            if let Some(author) = parent_author {
                activity::notify(conn, *author, activity_id).await?;
            }
        }
        Ok::<_, Error>(outcome)
    })
    .await?;
    Ok(match outcome {
        Outcome::Done((id, _)) => {
            let note = if held { "held=1" } else { "" };
            Done::Response(respond::redirect(&comments::link(&host.base, id, note)))
        }
        Outcome::Refused(r) => {
            let message = refusal_message(env, r)?;
            Done::Again(Problem::Comment(Draft {
                parent,
                body,
                stance,
                message,
            }))
        }
    })
}

/// The comment id in the path.
fn comment_id(raw: &str) -> Result<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(Error::NotFound)
}

/// Reactions, reports, withdrawal, badges and hiding: one action on one
/// comment (`POST <base>/comments/<id>/<action>`).
pub async fn act(env: &mut Env, host: &Host, raw_id: &str, action: &str) -> Result<Done> {
    let user_id = env.ctx.require_signed_in()?;
    let id = comment_id(raw_id)?;
    let on = host.on();
    let form = env.submission().await?;
    let outcome = match action {
        "react" => {
            if !host.open {
                return Ok(closed(env, host));
            }
            let reaction = match form.get("reaction") {
                "none" => None,
                typed => Some(
                    typed
                        .parse::<Reaction>()
                        .map_err(|_| Error::BadRequest("reaction"))?,
                ),
            };
            // The reaction and the comment's counters change together.
            db::immediate(&env.conn, async |conn| {
                Ok(comments::react(conn, on, id, user_id, reaction).await?)
            })
            .await?
        }
        "report" => {
            let threshold = env.site.report_threshold;
            let reason = form.get("reason");
            db::immediate(&env.conn, async |conn| {
                Ok(comments::report(conn, on, id, user_id, reason, threshold).await?)
            })
            .await?
        }
        "withdraw" => {
            db::immediate(&env.conn, async |conn| {
                Ok(comments::withdraw(conn, on, id, user_id).await?)
            })
            .await?
        }
        "badge" => {
            env.ctx.require(Role::Moderator)?;
            let badge = form.get("badge");
            db::immediate(&env.conn, async |conn| {
                let outcome = comments::set_badge(conn, on, id, badge).await?;
                // The commune answered: followers hear of it.
                if badge == "official" && matches!(outcome, Outcome::Done(())) {
                    let url = comments::link(&host.base, id, "");
                    activity::record(
                        conn,
                        &Activity {
                            actor_id: None,
                            kind: "official-answer",
                            process_id: host.process_id,
                            title: &host.title,
                            url: &url,
                            public: true,
                            followed: host.followed,
                        },
                    )
                    .await?;
                }
                Ok(outcome)
            })
            .await?
        }
        "hide" => {
            env.ctx.require(Role::Moderator)?;
            let hidden = form.get("hidden") == "yes";
            db::immediate(&env.conn, async |conn| {
                comments::placed(conn, id)
                    .await?
                    .filter(|p| p.resource == host.resource.as_str() && p.resource_id == host.id)
                    .ok_or(Error::NotFound)?;
                comments::set_hidden(conn, id, hidden).await?;
                Ok(Outcome::Done(()))
            })
            .await?
        }
        _ => return Err(Error::NotFound),
    };
    Ok(match outcome {
        Outcome::Done(()) => {
            let note = if action == "report" { "reported=1" } else { "" };
            Done::Response(respond::redirect(&comments::link(&host.base, id, note)))
        }
        Outcome::Refused(r) => Done::Again(Problem::Notice(refusal_message(env, r)?)),
    })
}

/// `GET <base>/comments/export.csv` (moderators and staff): the thread's
/// comments in the order written, with their place in the thread, stance,
/// reactions, badge and state (`?excel=1`: for a spreadsheet, `kit::csv`).
/// A withdrawn comment keeps its line, without its text.
pub async fn export(env: &Env, host: &Host) -> Result<Response> {
    env.ctx.require(Role::Moderator)?;
    let rows = db::query(
        &env.conn,
        "SELECT c.id, c.parent_id, u.display_name, c.created_at, c.stance, c.up, c.down, c.badge, \
         c.hidden_at IS NOT NULL, c.deleted_at IS NOT NULL, c.body \
         FROM comments c JOIN users u ON u.id = c.user_id \
         WHERE c.resource = ? AND c.resource_id = ? ORDER BY c.id",
        vec![
            db::Value::Text(host.resource.as_str().to_string()),
            db::Value::Integer(host.id),
        ],
    )
    .await?;
    let flavour = crate::csv::Flavour::of(&env.ctx);
    let mut table = crate::csv::Table::new(flavour);
    table.heads(&[
        "id",
        "parent",
        "author",
        "written",
        "stance",
        "agree",
        "disagree",
        "badge",
        "hidden",
        "withdrawn",
        "body",
    ]);
    for r in &rows {
        let coded = |i: usize, prefix: &str| {
            db::opt_text(r, i)
                .map(|code| flavour.label(&code, &format!("{prefix}-{code}")))
                .unwrap_or_default()
        };
        let withdrawn = db::int(r, 9) != 0;
        table.row([
            db::int(r, 0).to_string(),
            db::opt_int(r, 1).map(|p| p.to_string()).unwrap_or_default(),
            db::text(r, 2),
            match flavour {
                crate::csv::Flavour::Machine => palabre_domain::date::timestamp(db::int(r, 3)),
                crate::csv::Flavour::Spreadsheet(locale) => i18n::date_time(locale, db::int(r, 3)),
            },
            coded(4, "stance"),
            db::int(r, 5).to_string(),
            db::int(r, 6).to_string(),
            coded(7, "badge"),
            flavour.yes_no(db::int(r, 8) != 0),
            flavour.yes_no(withdrawn),
            if withdrawn {
                String::new()
            } else {
                db::text(r, 10)
            },
        ]);
    }
    let name = host.base.trim_matches('/').replace('/', "-");
    Ok(table.download(&format!("{name}-comments")))
}

/// `GET <base>/comments/<id>/edit`: the author's edit form (within 15 minutes).
pub async fn edit_form(env: &Env, host: &Host, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let id = comment_id(raw_id)?;
    let row = db::query_one(
        &env.conn,
        "SELECT body FROM comments WHERE id = ? AND resource = ? AND resource_id = ? \
         AND user_id = ? AND deleted_at IS NULL",
        vec![
            db::Value::Integer(id),
            db::Value::Text(host.resource.as_str().to_string()),
            db::Value::Integer(host.id),
            db::Value::Integer(user_id),
        ],
    )
    .await?
    .ok_or(Error::NotFound)?;
    let entry = Entry::new().with("body", db::text(&row, 0));
    render_edit(env, host, id, &entry, http::StatusCode::OK)
}

fn render_edit(
    env: &Env,
    host: &Host,
    id: i64,
    entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .textarea("body", "comment-field-body")
        .hint("comment-edit-hint");
    let data = FormPage {
        back: Some(Link::new(
            comments::link(&host.base, id, ""),
            host.title.clone(),
        )),
        ..FormPage::new(
            format!("{}/comments/{id}/edit", host.base),
            form.view(),
            i18n::t(locale, "comment-save"),
        )
    };
    let title = i18n::t(locale, "comment-edit-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

/// `POST <base>/comments/<id>/edit`.
pub async fn edit(env: &mut Env, host: &Host, raw_id: &str) -> Result<Done> {
    let user_id = env.ctx.require_signed_in()?;
    let id = comment_id(raw_id)?;
    let form = env.submission().await?;
    let body = form.get("body").to_string();
    let outcome = comments::edit(&env.conn, host.on(), id, user_id, &body, crate::now()).await?;
    Ok(match outcome {
        Outcome::Done(()) => Done::Response(respond::redirect(&comments::link(&host.base, id, ""))),
        Outcome::Refused(Refused::Field(e)) => {
            let mut entry = Entry::new().with("body", body);
            entry.refuse("body", e);
            Done::Response(render_edit(
                env,
                host,
                id,
                &entry,
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )?)
        }
        Outcome::Refused(r) => Done::Again(Problem::Notice(refusal_message(env, r)?)),
    })
}

/// Routes `<base>/comments…` once the feature found its [`Host`]: `None`
/// when the path is not the thread's. `again` shows the page with a problem.
pub async fn route<F>(
    env: &mut Env,
    host: &Host,
    rest: &[&str],
    again: F,
) -> Option<Result<Response>>
where
    F: AsyncFnOnce(&mut Env, Problem) -> Result<Response>,
{
    let get = matches!(env.ctx.method, http::Method::GET | http::Method::HEAD);
    let post = env.ctx.method == http::Method::POST;
    let done = match rest {
        ["comments"] if post => self::post(env, host).await,
        ["comments", "export.csv"] if get => return Some(export(env, host).await),
        ["comments", id, "edit"] if get => return Some(edit_form(env, host, id).await),
        ["comments", id, "edit"] if post => edit(env, host, id).await,
        [
            "comments",
            id,
            action @ ("react" | "report" | "withdraw" | "badge" | "hide"),
        ] if post => act(env, host, id, action).await,
        ["comments"] | ["comments", _, _] => return Some(Err(Error::MethodNotAllowed)),
        _ => return None,
    };
    Some(match done {
        Ok(Done::Response(r)) => Ok(r),
        Ok(Done::Again(problem)) => again(env, problem).await,
        Err(e) => Err(e),
    })
}
