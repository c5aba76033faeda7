//! The data of the shared `comments` template: the page's comments, ordered and filtered, with their forms.

use palabre_domain::comment::{Reaction, Stance};

use super::*;
use crate::comments::{self, Sort, View};
use crate::forms::{Entry, FormView};
use crate::i18n;

/// A comment and its replies, with what the page says about them (`comment.hbs`).
#[derive(serde::Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Comment {
    id: i64,
    depth: u32,
    author: String,
    author_href: Option<String>,
    body: String,
    stance: Option<String>,
    stance_label: Option<String>,
    up: i64,
    down: i64,
    badge: Option<String>,
    badge_label: Option<String>,
    date: String,
    date_iso: String,
    edited: bool,
    entered_at_desk: bool,
    withdrawn: bool,
    hidden: bool,
    mine: bool,
    up_pressed: bool,
    down_pressed: bool,
    editable: bool,
    can_reply: bool,
    reply_draft: Option<ReplyDraft>,
    /// The confirmation of what the visitor just did to this comment
    /// ("reported"), shown where they are on the page.
    notice: Option<String>,
    children: Vec<Comment>,
}

/// A refused reply, shown where it was typed with its message.
#[derive(serde::Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct ReplyDraft {
    body: String,
    message: String,
}

fn comment_view(env: &Env, view: &View, draft: Option<&Draft>) -> Comment {
    let locale = env.ctx.locale;
    let children = view
        .children
        .iter()
        .map(|c| comment_view(env, c, draft))
        .collect();
    let reply_draft = draft.filter(|d| d.parent == Some(view.id));
    let reacted = |r: Reaction| view.my_reaction.as_deref() == Some(r.as_str());
    Comment {
        id: view.id,
        depth: view.depth,
        author: view.author.clone(),
        author_href: view.author_id.map(|id| format!("/people/{id}")),
        body: view.body.clone(),
        stance: view.stance.map(|s| s.to_string()),
        stance_label: view.stance.map(|s| i18n::t(locale, &format!("stance-{s}"))),
        up: view.up,
        down: view.down,
        badge: view.badge.clone(),
        badge_label: view
            .badge
            .as_deref()
            .map(|b| i18n::t(locale, &format!("badge-{b}"))),
        date: i18n::long_date(locale, view.created_at),
        date_iso: i18n::iso_day(view.created_at),
        edited: view.edited,
        entered_at_desk: view.entered_at_desk,
        withdrawn: view.withdrawn,
        hidden: view.hidden,
        mine: view.mine,
        up_pressed: reacted(Reaction::Up),
        down_pressed: reacted(Reaction::Down),
        editable: view.editable,
        can_reply: view.can_reply || reply_draft.is_some(),
        reply_draft: reply_draft.map(|d| ReplyDraft {
            body: d.body.clone(),
            message: d.message.clone(),
        }),
        notice: (env.ctx.query("reported") == Some("1")
            && env.ctx.query("comment") == Some(view.id.to_string().as_str()))
        .then(|| i18n::t(locale, "comment-reported")),
        children,
    }
}

/// A page's comment section (`comments.hbs`, under the page's `comments`).
#[derive(serde::Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Thread {
    stances: Vec<StanceFilter>,
    all_href: String,
    filtered: bool,
    sorts: Vec<SortLink>,
    items: Vec<Comment>,
    pagination: Option<Pagination>,
    form: Option<crate::forms::Form>,
    form_error: Option<String>,
    open: bool,
    closed: String,
    signed_in: bool,
    staff: bool,
    base: String,
    ranking_href: String,
}

#[derive(serde::Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct StanceFilter {
    label: String,
    href: String,
    current: bool,
    key: String,
}

#[derive(serde::Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct SortLink {
    label: String,
    href: String,
    current: bool,
}

#[derive(serde::Serialize)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Pagination {
    previous: Option<String>,
    next: Option<String>,
    page: usize,
    pages: usize,
}

/// What the page's header says of its thread.
pub struct Summary {
    /// "2 official answers, 1 with impact", when there are any.
    pub badges: Option<String>,
}

/// The data of the shared `comments` template (`{{#with comments}}{{> comments}}{{/with}}`),
/// ordered and filtered by the page's `?sort=` and `?stance=`.
pub async fn section(env: &Env, host: &Host, draft: Option<&Draft>) -> Result<(Thread, Summary)> {
    let locale = env.ctx.locale;
    let sort = Sort::parse(env.ctx.query("sort"));
    let stance: Option<Stance> = env.ctx.query("stance").and_then(|s| s.parse().ok());
    let want = comments::Want {
        page: env
            .ctx
            .query("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1),
        comment: env.ctx.query("comment").and_then(|c| c.parse().ok()),
    };
    let page = comments::thread(
        &env.conn,
        host.on(),
        viewer(env),
        (sort, stance),
        want,
        crate::now(),
    )
    .await?;
    let counts = page.counts;
    let base = &host.base;
    let stances: Vec<StanceFilter> = Stance::ALL
        .iter()
        .zip(counts.stances)
        .map(|(s, n)| StanceFilter {
            label: i18n::t_args(
                locale,
                &format!("stance-count-{}", s.as_str()),
                &[("count", &n.to_string())],
            ),
            href: format!(
                "{base}?stance={}&sort={}#comments-title",
                s.as_str(),
                sort.as_str()
            ),
            current: stance == Some(*s),
            key: s.as_str().to_string(),
        })
        .collect();
    let sorts: Vec<SortLink> = Sort::ALL
        .iter()
        .map(|s| {
            let stance_part = stance
                .map(|x| format!("&stance={}", x.as_str()))
                .unwrap_or_default();
            SortLink {
                label: i18n::t(locale, &format!("sort-{}", s.as_str())),
                href: format!("{base}?sort={}{stance_part}#comments-title", s.as_str()),
                current: *s == sort,
            }
        })
        .collect();
    let signed_in = env.ctx.visitor.user_id.is_some();
    let top_draft = draft.filter(|x| x.parent.is_none());
    let form = (host.open && signed_in).then(|| {
        // No position chosen for the person: "not saying" comes first.
        let stance_options = std::iter::once((String::new(), i18n::t(locale, "stance-none")))
            .chain(Stance::ALL.iter().map(|s| {
                (
                    s.as_str().to_string(),
                    i18n::t(locale, &format!("stance-{}", s.as_str())),
                )
            }))
            .collect();
        let entry = Entry::new()
            .with("stance", top_draft.map_or("", |x| x.stance.as_str()))
            .with("body", top_draft.map_or("", |x| x.body.as_str()));
        let mut view = FormView::of(locale, &entry)
            .select("stance", "comment-field-stance", stance_options)
            .optional()
            .textarea("body", "comment-field-body")
            .hint("comment-field-body-hint");
        if top_draft.is_some() {
            view = view.optional();
        }
        // A proposal's page has other forms with a "body" field.
        view.scoped("comment").view()
    });
    let items: Vec<Comment> = page
        .items
        .iter()
        .map(|v| comment_view(env, v, draft))
        .collect();
    let stance_part = stance
        .map(|x| format!("&stance={}", x.as_str()))
        .unwrap_or_default();
    let page_href = |n: usize| {
        format!(
            "{base}?sort={}{stance_part}&page={n}#comments-title",
            sort.as_str()
        )
    };
    let pagination = (page.pages > 1).then(|| Pagination {
        previous: (page.number > 1).then(|| page_href(page.number - 1)),
        next: (page.number < page.pages).then(|| page_href(page.number + 1)),
        page: page.number,
        pages: page.pages,
    });
    let badges = (counts.official + counts.impact > 0).then(|| {
        i18n::t_args(
            locale,
            "discussion-badges",
            &[
                ("official", &counts.official.to_string()),
                ("impact", &counts.impact.to_string()),
            ],
        )
    });
    let data = Thread {
        stances,
        all_href: format!("{base}?sort={}#comments-title", sort.as_str()),
        filtered: stance.is_some(),
        sorts,
        items,
        pagination,
        form,
        form_error: top_draft.map(|x| x.message.clone()),
        open: host.open,
        closed: i18n::t(locale, host.closed_message),
        signed_in,
        staff: env.ctx.visitor.role.is_staff(),
        base: base.to_string(),
        ranking_href: "/transparency/ranking".to_string(),
    };
    Ok((data, Summary { badges }))
}
