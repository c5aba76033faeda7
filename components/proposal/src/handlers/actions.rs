//! What people do on a proposal's page: publish or delete a draft, support,
//! answer, follow up, amend.

use palabre_domain::Role;
use palabre_domain::proposal::{self as rules, AnswerError, SupportRefused};
use palabre_kit::activity::{self, Activity};
use palabre_kit::respond::{self};
use palabre_kit::{Error, Response, Result, db};

use super::show::refused;
use super::*;
use crate::Env;
use crate::permissions::AmendRefused;
use crate::store::{self, Proposal};
use palabre_domain::process::Tool;
use palabre_kit::forms::Entry;

pub async fn publish(env: &mut Env, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let p = visible(env, raw_id).await?;
    let _ = env.submission().await?;
    if !permissions::may_publish(&env.ctx.visitor, &p) {
        return Err(Error::Forbidden);
    }
    if !store::tool_open(&env.conn, p.process_id, &today()).await? {
        return refused(env, raw_id, "proposal-closed", &[]).await;
    }
    palabre_identity::require(&env.conn, &env.ctx, p.process_id, Tool::Proposal).await?;
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

/// `POST /proposals/<id>/delete`: the author deletes a draft (asked to
/// confirm on its page); a published proposal is never deleted.
pub async fn discard(env: &mut Env, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let p = visible(env, raw_id).await?;
    let _ = env.submission().await?;
    if !permissions::may_discard(&env.ctx.visitor, &p) {
        return Err(Error::Forbidden);
    }
    let slug = store::process_by_id(&env.conn, p.process_id)
        .await?
        .map(|process| process.slug)
        .ok_or(Error::NotFound)?;
    let id = p.id;
    db::immediate(&env.conn, async |conn| {
        Ok::<_, Error>(store::delete_draft(conn, id, user_id).await?)
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/proposals?process={slug}&deleted=1"
    )))
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
    if on {
        palabre_identity::require(&env.conn, &env.ctx, p.process_id, Tool::Proposal).await?;
    }
    if !on {
        if !permissions::may_withdraw_support(&env.ctx.visitor, &p, open) {
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
            permissions::may_support(&env.ctx.visitor, &p, open, given, process.limit)
        {
            return Ok(Err(refusal));
        }
        let (before, after) =
            store::add_support(conn, &p, (user_id, env.ctx.visitor.desk), now).await?;
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
    if !permissions::may_answer(&env.ctx.visitor, &p) {
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
    if !permissions::may_answer(&env.ctx.visitor, &p) {
        return Err(Error::NotFound);
    }
    if !permissions::may_follow_up(&env.ctx.visitor, &p) {
        return refused(env, raw_id, "milestone-not-accepted", &[]).await;
    }
    let mut entry = Entry::read(&form, &palabre_kit::follow_up::FIELDS);
    let m = match rules::milestone(entry.get("date"), entry.get("percent"), entry.get("body")) {
        Ok(m) => m,
        Err(error) => {
            let (field, error) = error.field();
            entry.refuse(field, error);
            return show(
                env,
                raw_id,
                None,
                Some(&entry),
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

// ---- amendments

/// `POST /proposals/<id>/amendments`: someone other than the author suggests
/// an amended text, while the proposal is open.
pub async fn amend(env: &mut Env, raw_id: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let p = visible(env, raw_id).await?;
    let form = env.submission().await?;
    match permissions::may_amend(&env.ctx.visitor, &p) {
        Ok(()) => {}
        Err(AmendRefused::Unpublished) => return Err(Error::NotFound),
        Err(AmendRefused::Own) => return refused(env, raw_id, "amendment-own", &[]).await,
        Err(AmendRefused::Closed) => {
            return refused(env, raw_id, "proposal-supports-closed", &[]).await;
        }
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
    if !permissions::may_decide_amendments(&env.ctx.visitor, &p) {
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
