//! Discussion pages and the comment actions on them.

pub mod opinion;

use palabre_domain::Role;
use palabre_domain::account::FieldError;
use palabre_domain::comment::{Reaction, Stance};
use palabre_domain::date::{Day, iso_date};
use palabre_domain::process::Status;
use palabre_kit::activity::{self, Activity, Target};
use palabre_kit::comments::{self, New, Outcome, Refused, Resource, Sort, View, Viewer};
use palabre_kit::forms::FormView;
use palabre_kit::participation::dates_json;
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Error, Response, Result, db, i18n};
use serde_json::{Value, json};

use crate::Env;
use crate::store::{self, Discussion};

pub(crate) use palabre_domain::content::is_slug as valid_slug;

pub(crate) fn today() -> Day {
    Day::of_unix(palabre_kit::now())
}

pub(crate) fn status(d: &Discussion) -> Status {
    palabre_kit::participation::status_of(&d.opens_on, &d.closes_on)
}

pub(crate) fn status_json(env: &Env, d: &Discussion) -> Value {
    dates_json(env.ctx.locale, &d.opens_on, &d.closes_on).1
}

/// The discussion, if visitors may see it (drafts: staff only).
pub(crate) async fn visible(env: &Env, slug: &str) -> Result<Discussion> {
    if !valid_slug(slug) {
        return Err(Error::NotFound);
    }
    let d = store::by_slug(&env.conn, slug)
        .await?
        .ok_or(Error::NotFound)?;
    if !d.published && !env.ctx.visitor.role.is_staff() {
        return Err(Error::NotFound);
    }
    Ok(d)
}

pub async fn list(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let items: Vec<Value> = store::published(&env.conn)
        .await?
        .iter()
        .map(|d| {
            json!({
                "href": format!("/discussions/{}", d.slug),
                "question": d.question,
                "status": status_json(env, d),
                "comments": i18n::t_args(locale, "discussion-comments", &[("count", &d.comments_count.to_string())]),
                "process": d.process.as_ref().map(|(_, slug, title)| json!({ "href": format!("/processes/{slug}"), "title": title })),
            })
        })
        .collect();
    let title = i18n::t(locale, "discussions-title");
    let page = env.page("discussions", &title, json!({ "discussions": items }))?;
    Ok(respond::cached(page, Cache::NoCache))
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

fn viewer(env: &Env) -> Viewer {
    Viewer {
        user_id: env.ctx.visitor.user_id,
        moderator: env.ctx.visitor.role.is_staff(),
    }
}

/// A comment and its replies, with what the page says about them.
fn view_json(env: &Env, view: &View, draft: Option<&Draft>) -> Value {
    let locale = env.ctx.locale;
    let children: Vec<Value> = view
        .children
        .iter()
        .map(|c| view_json(env, c, draft))
        .collect();
    let reply_draft = draft.filter(|d| d.parent == Some(view.id));
    let reacted = |r: Reaction| view.my_reaction.as_deref() == Some(r.as_str());
    json!({
        "id": view.id,
        "depth": view.depth,
        "author": view.author,
        "author_href": view.author_id.map(|id| format!("/people/{id}")),
        "body": view.body,
        "stance": view.stance,
        "stance_label": view.stance.map(|s| i18n::t(locale, &format!("stance-{s}"))),
        "up": view.up,
        "down": view.down,
        "badge": view.badge,
        "badge_label": view.badge.as_deref().map(|b| i18n::t(locale, &format!("badge-{b}"))),
        "date": i18n::long_date(locale, view.created_at),
        "date_iso": iso_date(view.created_at),
        "edited": view.edited,
        "withdrawn": view.withdrawn,
        "hidden": view.hidden,
        "mine": view.mine,
        "up_pressed": reacted(Reaction::Up),
        "down_pressed": reacted(Reaction::Down),
        "editable": view.editable,
        // A refused reply is shown where it was typed, with its message.
        "can_reply": view.can_reply || reply_draft.is_some(),
        "reply_draft": reply_draft.map(|d| json!({ "body": d.body, "message": d.message })),
        "children": children,
    })
}

pub async fn show(
    env: &Env,
    slug: &str,
    problem: Option<Problem>,
    http_status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let (draft, notice) = match problem {
        Some(Problem::Comment(draft)) => (Some(draft), None),
        Some(Problem::Notice(message)) => (None, Some(message)),
        None => (None, None),
    };
    let notice = notice.or_else(|| {
        (env.ctx.query("reported") == Some("1")).then(|| i18n::t(locale, "comment-reported"))
    });
    let d = visible(env, slug).await?;
    let sort = Sort::parse(env.ctx.query("sort"));
    let stance: Option<Stance> = env.ctx.query("stance").and_then(|s| s.parse().ok());
    let on = (Resource::Discussion, d.id);
    let thread =
        comments::thread(&env.conn, on, viewer(env), sort, stance, palabre_kit::now()).await?;
    let counts = comments::counts(&env.conn, on).await?;
    let base = format!("/discussions/{}", d.slug);
    let stances: Vec<Value> = Stance::ALL
        .iter()
        .zip(counts.stances)
        .map(|(s, n)| {
            json!({
                "label": i18n::t_args(locale, &format!("stance-count-{}", s.as_str()), &[("count", &n.to_string())]),
                "href": format!("{base}?stance={}&sort={}", s.as_str(), sort.as_str()),
                "current": stance == Some(*s),
                "key": s.as_str(),
            })
        })
        .collect();
    let sorts: Vec<Value> = Sort::ALL
        .iter()
        .map(|s| {
            let stance_part = stance
                .map(|x| format!("&stance={}", x.as_str()))
                .unwrap_or_default();
            json!({
                "label": i18n::t(locale, &format!("sort-{}", s.as_str())),
                "href": format!("{base}?sort={}{stance_part}", s.as_str()),
                "current": *s == sort,
            })
        })
        .collect();
    let open = status(&d) == Status::Open;
    let signed_in = env.ctx.visitor.user_id.is_some();
    let top_draft = draft.as_ref().filter(|x| x.parent.is_none());
    let form = (open && signed_in).then(|| {
        let stance_options = Stance::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str().to_string(),
                    i18n::t(locale, &format!("stance-{}", s.as_str())),
                )
            })
            .collect();
        let mut view = FormView::new(locale)
            .select(
                "stance",
                "comment-field-stance",
                stance_options,
                top_draft.map_or("neutral", |x| x.stance.as_str()),
                None,
            )
            .textarea(
                "body",
                "comment-field-body",
                top_draft.map_or("", |x| x.body.as_str()),
                None,
            )
            .hint("comment-field-body-hint");
        if top_draft.is_some() {
            view = view.optional();
        }
        view.to_json()
    });
    let comments: Vec<Value> = thread
        .iter()
        .map(|v| view_json(env, v, draft.as_ref()))
        .collect();
    let follow = if d.published {
        let following = activity::following(&env.conn, &env.ctx, Target::Discussion(d.id)).await?;
        activity::follow_button(&env.ctx, &base, following)
    } else {
        Value::Null
    };
    let followers = activity::follower_count(&env.conn, Target::Discussion(d.id)).await?;
    let data = json!({
        "follow": follow,
        "followers": i18n::t_args(locale, "followers-count", &[("count", &followers.to_string())]),
        "map_href": d.opinion_map.then(|| format!("{base}/map")),
        "discussion": {
            "question": d.question,
            "context": d.context,
            "slug": d.slug,
            "status": status_json(env, &d),
            "draft": !d.published,
            "process": d.process.as_ref().map(|(_, slug, title)| json!({ "href": format!("/processes/{slug}"), "title": title })),
            "count": i18n::t_args(locale, "discussion-comments", &[("count", &d.comments_count.to_string())]),
            "badges": (counts.official + counts.impact > 0).then(|| i18n::t_args(locale, "discussion-badges", &[
                ("official", &counts.official.to_string()),
                ("impact", &counts.impact.to_string()),
            ])),
        },
        "stances": stances,
        "all_href": format!("{base}?sort={}", sort.as_str()),
        "filtered": stance.is_some(),
        "sorts": sorts,
        "comments": comments,
        "form": form,
        "form_error": top_draft.map(|x| x.message.clone()),
        "notice": notice,
        "open": open,
        "signed_in": signed_in,
        "staff": env.ctx.visitor.role.is_staff(),
        "base": base,
        "ranking_href": "/transparency/ranking",
    });
    let page = env.renderer.page(
        &env.ctx,
        &env.site,
        http_status,
        "discussion",
        &d.question,
        data,
    )?;
    Ok(respond::cached(page, Cache::NoCache))
}

/// The message for a refused write, in the visitor's language.
pub(crate) fn refusal_message(env: &Env, refused: Refused) -> Result<String> {
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

/// Shows the page again with a message (nothing was changed).
pub(crate) async fn refused(env: &Env, slug: &str, problem: Problem) -> Result<Response> {
    show(
        env,
        slug,
        Some(problem),
        http::StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub(crate) fn closed(env: &Env) -> Problem {
    Problem::Notice(i18n::t(env.ctx.locale, "discussion-closed"))
}

pub async fn post_comment(env: &mut Env, slug: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let d = visible(env, slug).await?;
    let form = env.submission().await?;
    let (body, stance) = (form.get("body").to_string(), form.get("stance").to_string());
    let parent = match form.get("parent") {
        "" => None,
        raw => Some(
            raw.parse::<i64>()
                .map_err(|_| Error::BadRequest("parent"))?,
        ),
    };
    if status(&d) != Status::Open || !d.published {
        return refused(env, slug, closed(env)).await;
    }
    let now = palabre_kit::now();
    let new = New {
        on: (Resource::Discussion, d.id),
        parent_id: parent,
        user_id,
        body: &body,
        stance: &stance,
    };
    let process_id = d.process.as_ref().map(|(id, _, _)| *id);
    let question = d.question.clone();
    let slug_owned = d.slug.clone();
    let outcome = db::immediate(&env.conn, async |conn| {
        let outcome = comments::post(conn, &new, now).await?;
        if let Outcome::Done((id, parent_author)) = &outcome {
            store::count_comment(conn, d.id).await?;
            if let Some(process_id) = process_id {
                activity::contributed(conn, process_id, user_id).await?;
            }
            let url = format!("/discussions/{slug_owned}#c{id}");
            let kind = if parent.is_some() { "reply" } else { "comment" };
            let activity_id = activity::record(
                conn,
                &Activity {
                    actor_id: Some(user_id),
                    kind,
                    process_id,
                    title: &question,
                    url: &url,
                    public: true,
                    followed: Some(Target::Discussion(d.id)),
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
    match outcome {
        Outcome::Done((id, _)) => Ok(respond::redirect(&format!("/discussions/{slug}#c{id}"))),
        Outcome::Refused(r) => {
            let message = refusal_message(env, r)?;
            refused(
                env,
                slug,
                Problem::Comment(Draft {
                    parent,
                    body,
                    stance,
                    message,
                }),
            )
            .await
        }
    }
}

/// The comment id in the path.
pub(crate) fn comment_id(raw: &str) -> Result<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(Error::NotFound)
}

/// Reactions, reports, withdrawal, badges and hiding: one action on one comment.
pub async fn act(env: &mut Env, slug: &str, raw_id: &str, action: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let id = comment_id(raw_id)?;
    let d = visible(env, slug).await?;
    let on = (Resource::Discussion, d.id);
    let form = env.submission().await?;
    let open = status(&d) == Status::Open && d.published;
    let outcome = match action {
        "react" => {
            if !open {
                return refused(env, slug, closed(env)).await;
            }
            let reaction = match form.get("reaction") {
                "none" => None,
                typed => Some(
                    typed
                        .parse::<Reaction>()
                        .map_err(|_| Error::BadRequest("reaction"))?,
                ),
            };
            comments::react(&env.conn, on, id, user_id, reaction).await?
        }
        "report" => comments::report(&env.conn, on, id, user_id, form.get("reason")).await?,
        "withdraw" => comments::withdraw(&env.conn, on, id, user_id).await?,
        "badge" => {
            env.ctx.require(Role::Moderator)?;
            let badge = form.get("badge");
            let outcome = comments::set_badge(&env.conn, on, id, badge).await?;
            // The commune answered: followers of the process hear of it.
            if badge == "official" && matches!(outcome, Outcome::Done(())) {
                let url = format!("/discussions/{}#c{id}", d.slug);
                activity::record(
                    &env.conn,
                    &Activity {
                        actor_id: None,
                        kind: "official-answer",
                        process_id: d.process.as_ref().map(|(pid, _, _)| *pid),
                        title: &d.question,
                        url: &url,
                        public: true,
                        followed: Some(Target::Discussion(d.id)),
                    },
                )
                .await?;
            }
            outcome
        }
        "hide" => {
            env.ctx.require(Role::Moderator)?;
            comments::placed(&env.conn, id)
                .await?
                .filter(|p| p.resource == "discussion" && p.resource_id == d.id)
                .ok_or(Error::NotFound)?;
            comments::set_hidden(&env.conn, id, form.get("hidden") == "yes").await?;
            Outcome::Done(())
        }
        _ => return Err(Error::NotFound),
    };
    match outcome {
        Outcome::Done(()) => {
            let note = if action == "report" {
                "?reported=1"
            } else {
                ""
            };
            Ok(respond::redirect(&format!(
                "/discussions/{slug}{note}#c{id}"
            )))
        }
        Outcome::Refused(r) => {
            let message = refusal_message(env, r)?;
            refused(env, slug, Problem::Notice(message)).await
        }
    }
}

/// The author's edit form (within 15 minutes).
pub async fn edit_form(env: &Env, slug: &str, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let id = comment_id(raw_id)?;
    let d = visible(env, slug).await?;
    let row = db::query_one(
        &env.conn,
        "SELECT body FROM comments WHERE id = ? AND resource = 'discussion' AND resource_id = ? \
         AND user_id = ? AND deleted_at IS NULL",
        vec![
            db::Value::Integer(id),
            db::Value::Integer(d.id),
            db::Value::Integer(user_id),
        ],
    )
    .await?
    .ok_or(Error::NotFound)?;
    render_edit(env, &d, id, &db::text(&row, 0), None, http::StatusCode::OK)
}

fn render_edit(
    env: &Env,
    d: &Discussion,
    id: i64,
    body: &str,
    error: Option<palabre_domain::account::FieldError>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::new(locale)
        .textarea("body", "comment-field-body", body, error)
        .hint("comment-edit-hint");
    let data = json!({
        "form": form.to_json(),
        "action": format!("/discussions/{}/comments/{id}/edit", d.slug),
        "submit": i18n::t(locale, "comment-save"),
        "back": json!({ "href": format!("/discussions/{}#c{id}", d.slug), "label": d.question }),
    });
    let title = i18n::t(locale, "comment-edit-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn edit(env: &mut Env, slug: &str, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let id = comment_id(raw_id)?;
    let d = visible(env, slug).await?;
    let form = env.submission().await?;
    let body = form.get("body").to_string();
    let outcome = comments::edit(
        &env.conn,
        (Resource::Discussion, d.id),
        id,
        user_id,
        &body,
        palabre_kit::now(),
    )
    .await?;
    match outcome {
        Outcome::Done(()) => Ok(respond::redirect(&format!("/discussions/{slug}#c{id}"))),
        Outcome::Refused(Refused::Field(e)) => render_edit(
            env,
            &d,
            id,
            &body,
            Some(e),
            http::StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Outcome::Refused(r) => {
            let message = refusal_message(env, r)?;
            refused(env, slug, Problem::Notice(message)).await
        }
    }
}

/// `POST /discussions/<slug>/follow|unfollow`: replies, official answers and
/// new comments in it reach the people who follow it.
pub async fn set_follow(env: &mut Env, slug: &str, on: bool) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let d = visible(env, slug).await?;
    if !d.published {
        return Err(Error::NotFound);
    }
    activity::set_follow(&env.conn, user_id, Target::Discussion(d.id), on).await?;
    Ok(respond::redirect(&format!("/discussions/{slug}")))
}

/// The process a citizen opens a discussion in (`?process=<slug>`), and the
/// day that discussion would close; 404 when the process does not allow it now.
async fn citizen_process(env: &Env) -> Result<((i64, String, String), String)> {
    let slug = env.ctx.query("process").unwrap_or_default().to_string();
    if !valid_slug(&slug) {
        return Err(Error::NotFound);
    }
    let process = store::published_process(&env.conn, &slug)
        .await?
        .ok_or(Error::NotFound)?;
    let closes_on =
        palabre_kit::participation::citizens_may_open(&env.conn, process.0, &today().iso())
            .await?
            .ok_or(Error::NotFound)?;
    Ok((process, closes_on))
}

fn render_new(
    env: &Env,
    process: &(i64, String, String),
    (question, context): (&str, &str),
    (question_error, context_error): (Option<FieldError>, Option<FieldError>),
    http_status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::new(locale)
        .input(
            "question",
            "text",
            "discussion-new-question",
            question,
            "off",
            question_error,
        )
        .hint("discussion-new-question-hint")
        .textarea("context", "discussion-new-context", context, context_error)
        .optional()
        .hint("discussion-new-context-hint");
    let data = json!({
        "form": form.to_json(),
        "action": format!("/discussions/new?process={}", process.1),
        "submit": i18n::t(locale, "discussion-new-submit"),
        "intro": i18n::t(locale, "discussion-new-intro"),
        "back": json!({ "href": format!("/processes/{}", process.1), "label": process.2 }),
    });
    let title = i18n::t(locale, "discussion-new-title");
    env.renderer
        .page(&env.ctx, &env.site, http_status, "form_page", &title, data)
}

/// `GET /discussions/new?process=<slug>`: a citizen asks a question, when the
/// process allows it during a phase with the discussion tool.
pub async fn new_form(env: &Env) -> Result<Response> {
    let (process, _) = citizen_process(env).await?;
    if env.ctx.visitor.user_id.is_none() {
        return Ok(respond::redirect("/account/login"));
    }
    render_new(env, &process, ("", ""), (None, None), http::StatusCode::OK)
}

/// `POST /discussions/new?process=<slug>`.
pub async fn open_new(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let (process, closes_on) = citizen_process(env).await?;
    let form = env.submission().await?;
    let (typed_question, typed_context) = (
        form.get("question").to_string(),
        form.get("context").to_string(),
    );
    let question = palabre_domain::account::line(&typed_question, 300);
    let context = palabre_domain::content::text(&typed_context, 20_000);
    let (Ok(question), Ok(context)) = (&question, &context) else {
        return render_new(
            env,
            &process,
            (&typed_question, &typed_context),
            (question.err(), context.err()),
            http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let now = palabre_kit::now();
    let opens_on = today().iso();
    let process_id = process.0;
    let slug = db::immediate(&env.conn, async |conn| {
        let (id, slug) = store::open_by_citizen(
            conn,
            process_id,
            user_id,
            question,
            context,
            (&opens_on, &closes_on),
            now,
        )
        .await?;
        activity::contributed(conn, process_id, user_id).await?;
        let url = format!("/discussions/{slug}");
        activity::record(
            conn,
            &Activity {
                actor_id: Some(user_id),
                kind: "discussion-opened",
                process_id: Some(process_id),
                title: question,
                url: &url,
                public: true,
                followed: None,
            },
        )
        .await?;
        // The person who asked hears of the answers.
        activity::set_follow(conn, user_id, Target::Discussion(id), true).await?;
        Ok::<_, Error>(slug)
    })
    .await?;
    Ok(respond::redirect(&format!("/discussions/{slug}")))
}
