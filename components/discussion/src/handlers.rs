//! Discussion pages and the comment actions on them.

pub mod opinion;

use palabre_domain::account::line;
use palabre_domain::content;
use palabre_domain::date::Day;
use palabre_kit::activity::{self, Activity, Target};
use palabre_kit::comments::Resource;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::respond::{self, Cache};
use palabre_kit::thread::{self, Host, Problem};
use palabre_kit::view::{Dates, FormPage, Link, Titled};
use palabre_kit::{Error, Response, Result, db, i18n};

use crate::store::{self, Discussion};
use crate::views;
use crate::{Env, permissions};

pub(crate) use palabre_domain::content::is_slug as valid_slug;

pub(crate) fn today() -> Day {
    palabre_kit::today()
}

pub(crate) fn dates(env: &Env, d: &Discussion) -> Dates {
    palabre_kit::participation::dates(env.ctx.locale, &d.opens_on, &d.closes_on).1
}

/// The process a discussion belongs to, as a link.
pub(crate) fn process_link(d: &Discussion) -> Option<Titled> {
    d.process.as_ref().map(|(_, slug, title)| Titled {
        href: format!("/processes/{slug}"),
        title: title.clone(),
    })
}

/// The discussion, if visitors may see it (drafts: staff only).
pub(crate) async fn visible(env: &Env, slug: &str) -> Result<Discussion> {
    if !valid_slug(slug) {
        return Err(Error::NotFound);
    }
    let d = store::by_slug(&env.conn, slug)
        .await?
        .ok_or(Error::NotFound)?;
    if !permissions::may_see(&env.ctx.visitor, &d) {
        return Err(Error::NotFound);
    }
    Ok(d)
}

pub async fn list(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let discussions = store::published(&env.conn)
        .await?
        .iter()
        .map(|d| views::Item {
            href: format!("/discussions/{}", d.slug),
            question: d.question.clone(),
            status: dates(env, d),
            comments: i18n::t_args(
                locale,
                "discussion-comments",
                &[("count", &d.comments_count.to_string())],
            ),
            process: process_link(d),
        })
        .collect();
    let title = i18n::t(locale, "discussions-title");
    let page = env.page("discussions", &title, views::List { discussions })?;
    Ok(respond::cached(page, Cache::NoCache))
}

/// What carries the discussion's comments (`kit::thread`).
pub(crate) fn host(d: &Discussion) -> Host {
    Host {
        resource: Resource::Discussion,
        id: d.id,
        base: format!("/discussions/{}", d.slug),
        title: d.question.clone(),
        process_id: d.process.as_ref().map(|(id, _, _)| *id),
        open: permissions::is_open(d),
        closed_message: "discussion-closed",
        followed: Some(Target::Discussion(d.id)),
        count_sql: Some(store::COUNT_COMMENT),
    }
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
    let notice = notice.or_else(|| thread::reported_notice(env));
    let d = visible(env, slug).await?;
    let host = host(&d);
    let (comments, summary) = thread::section(env, &host, draft.as_ref()).await?;
    let base = host.base;
    let follow = if d.published {
        let following = activity::following(&env.conn, &env.ctx, Target::Discussion(d.id)).await?;
        activity::follow_button(&env.ctx, &base, following)
    } else {
        None
    };
    let followers = activity::follower_count(&env.conn, Target::Discussion(d.id)).await?;
    let data = views::Page {
        follow,
        followers: i18n::t_args(
            locale,
            "followers-count",
            &[("count", &followers.to_string())],
        ),
        map_href: d.opinion_map.then(|| format!("{base}/map")),
        discussion: views::Head {
            question: d.question.clone(),
            context: d.context.clone(),
            slug: d.slug.clone(),
            status: dates(env, &d),
            draft: !d.published,
            process: process_link(&d),
            count: i18n::t_args(
                locale,
                "discussion-comments",
                &[("count", &d.comments_count.to_string())],
            ),
            badges: summary.badges,
        },
        comments,
        notice,
    };
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

/// `<slug>/comments…`: the thread's own routes.
pub async fn comments(env: &mut Env, slug: &str, rest: &[&str]) -> Result<Response> {
    let d = visible(env, slug).await?;
    let host = host(&d);
    let again = async |env: &mut Env, problem: Problem| {
        show(
            env,
            slug,
            Some(problem),
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    };
    palabre_identity::require_to_comment(&env.conn, &env.ctx, host.process_id, rest).await?;
    thread::route(env, &host, rest, again)
        .await
        .unwrap_or(Err(Error::NotFound))
}

/// An id in the path (comments, statements).
pub(crate) fn comment_id(raw: &str) -> Result<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(Error::NotFound)
}

/// `POST /discussions/<slug>/follow|unfollow`: replies, official answers and
/// new comments in it reach the people who follow it.
pub async fn set_follow(env: &mut Env, slug: &str, on: bool) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let d = visible(env, slug).await?;
    if !permissions::may_follow(&env.ctx.visitor, &d) {
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
    entry: &Entry,
    http_status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .input("question", "text", "discussion-new-question", "off")
        .hint("discussion-new-question-hint")
        .textarea("context", "discussion-new-context")
        .optional()
        .hint("discussion-new-context-hint");
    let data = FormPage {
        intro: Some(i18n::t(locale, "discussion-new-intro")),
        back: Some(Link::new(
            format!("/processes/{}", process.1),
            process.2.clone(),
        )),
        ..FormPage::new(
            format!("/discussions/new?process={}", process.1),
            form.view(),
            i18n::t(locale, "discussion-new-submit"),
        )
    };
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
    render_new(env, &process, &Entry::new(), http::StatusCode::OK)
}

/// `POST /discussions/new?process=<slug>`.
pub async fn open_new(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let (process, closes_on) = citizen_process(env).await?;
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &["question", "context"]);
    let question = e.check("question", |v| line(v, content::MAX_QUESTION));
    let context = e.check("context", |v| content::text(v, content::MAX_DESCRIPTION));
    let (Some(question), Some(context)) = (&question, &context) else {
        return render_new(env, &process, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
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
