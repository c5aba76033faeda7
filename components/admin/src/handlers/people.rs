//! `/admin/people` (administrators): find an account, change its role (its
//! sessions end), block it with a reason (its comments wait for the
//! moderators; it may still read and manage its own data) or unblock it.

use crate::handlers::{link, saved_notice};
use crate::views;
use palabre_domain::Role;
use palabre_domain::account::{Email, FieldError};
use palabre_domain::verification::Method;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::mail::{self, Mail};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, db, i18n, respond, tokens};

use crate::Env;
use crate::handlers::{audited, record_in};
use crate::store::{self, Person};

const SHOWN: i64 = 50;

/// An account's email, or what stands for none (an account made at the desk).
fn shown_email(locale: palabre_domain::Locale, email: &str) -> String {
    if email.is_empty() {
        i18n::t(locale, "desk-no-email")
    } else {
        email.to_string()
    }
}

fn role_label(env: &Env, role: &str) -> String {
    role_label_in(env.ctx.locale, role)
}

pub async fn list(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let q = env.ctx.query("q").unwrap_or_default().trim().to_string();
    let people = store::people(&env.conn, &q, SHOWN)
        .await?
        .iter()
        .map(|p| views::PersonRow {
            href: format!("/admin/people/{}", p.id),
            name: p.name.clone(),
            email: shown_email(locale, &p.email),
            role: role_label(env, &p.role),
            since: i18n::long_date(locale, p.created_at),
            blocked: p.blocked_reason.is_some(),
        })
        .collect();
    let title = i18n::t(locale, "people-title");
    env.page("people", &title, views::People { people, q })
}

pub async fn show(env: &Env, id: i64) -> Result<Response> {
    render(env, id, None, http::StatusCode::OK).await
}

async fn render(
    env: &Env,
    id: i64,
    problem: Option<String>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let p: Person = store::person(&env.conn, id).await?.ok_or(Error::NotFound)?;
    let roles = [Role::Citizen, Role::Moderator, Role::Admin]
        .iter()
        .map(|r| views::Choice {
            value: r.as_str().to_string(),
            label: role_label(env, r.as_str()),
            selected: r.as_str() == p.role,
        })
        .collect();
    let residency = residency(env, p.id).await?;
    let data = views::Person {
        residency,
        person: views::PersonHead {
            id: p.id,
            name: p.name.clone(),
            email: shown_email(locale, &p.email),
            role: role_label(env, &p.role),
            since: i18n::long_date(locale, p.created_at),
            since_iso: i18n::iso_day(p.created_at),
            blocked_reason: p.blocked_reason.clone(),
            trusted: p.trusted,
            profile: format!("/people/{}", p.id),
        },
        roles,
        me: env.ctx.visitor.user_id == Some(p.id),
        saved: saved_notice(env),
        problem,
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "person", &p.name, data)
}

/// The person's verification as a resident, in words, and the districts
/// the desk may verify them in.
async fn residency(env: &Env, user_id: i64) -> Result<views::Residency> {
    let locale = env.ctx.locale;
    let method = |m: Method| i18n::t(locale, &format!("verification-method-{}", m.as_str()));
    let current = palabre_identity::current(&env.conn, user_id)
        .await?
        .map(|v| {
            let district = v
                .district
                .map(|d| d.1)
                .unwrap_or_else(|| i18n::t(locale, "verification-no-district"));
            i18n::t_args(
                locale,
                "verification-current",
                &[
                    ("method", &method(v.method)),
                    ("district", &district),
                    ("date", &i18n::long_date(locale, v.at)),
                    (
                        "by",
                        &v.by
                            .unwrap_or_else(|| i18n::t(locale, "verification-by-nobody")),
                    ),
                ],
            )
        });
    let history = palabre_identity::history(&env.conn, user_id)
        .await?
        .into_iter()
        .filter_map(|(m, district, at, revoked)| {
            let revoked = revoked?;
            Some(i18n::t_args(
                locale,
                "verification-revoked",
                &[
                    ("method", &method(m)),
                    (
                        "district",
                        &district.unwrap_or_else(|| i18n::t(locale, "verification-no-district")),
                    ),
                    ("date", &i18n::long_date(locale, at)),
                    ("revoked", &i18n::long_date(locale, revoked)),
                ],
            ))
        })
        .collect();
    let mut districts = vec![views::Choice {
        value: String::new(),
        label: i18n::t(locale, "verification-no-district"),
        selected: true,
    }];
    districts.extend(
        palabre_kit::participation::districts(&env.conn)
            .await?
            .into_iter()
            .map(|(id, name)| views::Choice {
                value: id.to_string(),
                label: name,
                selected: false,
            }),
    );
    Ok(views::Residency {
        current,
        history,
        districts,
    })
}

/// `POST /admin/people/<id>/<action>`: `role`, `block` or `unblock`,
/// `trust`, and at the town-hall desk `verify` (in person, having seen an
/// identity document and a proof of address) or `unverify`.
pub async fn act(env: &mut Env, id: i64, action: &str) -> Result<Response> {
    let staff = env.ctx.require(Role::Admin)?;
    let form = env.submission().await?;
    let p = store::person(&env.conn, id).await?.ok_or(Error::NotFound)?;
    let locale = env.ctx.locale;
    // One cannot demote or block oneself (the commune would lose its last admin).
    if p.id == staff {
        let message = i18n::t(locale, "people-not-yourself");
        return render(
            env,
            id,
            Some(message),
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let now = palabre_kit::now();
    match action {
        "role" => {
            let role: Role = form
                .get("role")
                .parse()
                .ok()
                .filter(|r: &Role| *r != Role::Visitor)
                .ok_or(Error::BadRequest("role"))?;
            if role.as_str() != p.role {
                let subject = format!("user:{id}:{}", role.as_str());
                audited(env, "role-changed", &subject, async |conn| {
                    Ok(store::set_role(conn, id, role.as_str(), now).await?)
                })
                .await?;
            }
        }
        "block" => {
            let reason = match palabre_domain::account::line(
                form.get("reason"),
                palabre_domain::content::MAX_REASON,
            ) {
                Ok(r) => r,
                Err(e) => {
                    let message = format!(
                        "{} : {}",
                        i18n::t(locale, "people-block-reason"),
                        i18n::t(locale, e.message_id())
                    );
                    return render(
                        env,
                        id,
                        Some(message),
                        http::StatusCode::UNPROCESSABLE_ENTITY,
                    )
                    .await;
                }
            };
            if form.get("confirm") != "yes" {
                let message = i18n::t(locale, "people-block-confirm-missing");
                return render(
                    env,
                    id,
                    Some(message),
                    http::StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            audited(env, "user-blocked", &format!("user:{id}"), async |conn| {
                Ok(store::block(conn, id, &reason, staff, now).await?)
            })
            .await?;
        }
        "unblock" => {
            audited(env, "user-unblocked", &format!("user:{id}"), async |conn| {
                Ok(store::unblock(conn, id).await?)
            })
            .await?;
        }
        "trust" => {
            let trusted = form.get("trusted") == "yes";
            let action = if trusted {
                "user-trusted"
            } else {
                "user-untrusted"
            };
            audited(env, action, &format!("user:{id}"), async |conn| {
                Ok(store::set_trusted(conn, id, trusted).await?)
            })
            .await?;
        }
        "verify" => {
            if form.get("seen") != "yes" {
                let message = i18n::t(locale, "verification-desk-seen-missing");
                return render(
                    env,
                    id,
                    Some(message),
                    http::StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            let districts = palabre_kit::participation::districts(&env.conn).await?;
            let district = match form.get("district") {
                "" => None,
                raw => Some(
                    raw.parse::<i64>()
                        .ok()
                        .filter(|d| districts.iter().any(|(id, _)| id == d))
                        .ok_or(Error::BadRequest("district"))?,
                ),
            };
            audited(
                env,
                "resident-verified",
                &format!("user:{id}"),
                async |conn| {
                    Ok(
                        palabre_identity::verify(
                            conn,
                            id,
                            Method::Desk,
                            district,
                            Some(staff),
                            now,
                        )
                        .await?,
                    )
                },
            )
            .await?;
        }
        "unverify" => {
            audited(
                env,
                "resident-unverified",
                &format!("user:{id}"),
                async |conn| Ok(palabre_identity::revoke(conn, id, Some(staff), now).await?),
            )
            .await?;
        }
        _ => return Err(Error::NotFound),
    }
    Ok(respond::redirect(&format!("/admin/people/{id}?saved=1")))
}

/// An invitation's link stays valid a week.
const INVITATION_LIFETIME: i64 = 7 * 86_400;

/// `GET /admin/people/invite`: invite a moderator or an administrator by mail.
pub async fn invite_form(env: &Env) -> Result<Response> {
    let entry = Entry::new().with("role", "moderator");
    render_invite(env, &entry, http::StatusCode::OK)
}

fn render_invite(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let roles = [Role::Moderator, Role::Admin]
        .iter()
        .map(|r| (r.as_str().to_string(), role_label(env, r.as_str())))
        .collect();
    let form = FormView::of(locale, entry)
        .input("email", "email", "people-col-email", "off")
        .input("name", "text", "people-col-name", "off")
        .select("role", "people-col-role", roles)
        .hint("people-invite-hint");
    let data = FormPage {
        intro: Some(i18n::t(locale, "people-invite-intro")),
        back: Some(link(env, "/admin/people", "people-title")),
        ..FormPage::new(
            "/admin/people/invite",
            form.view(),
            i18n::t(locale, "people-invite-send"),
        )
    };
    let title = i18n::t(locale, "people-invite-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

/// `POST /admin/people/invite`: a new staff account and a mail with a link to
/// choose its password; an address that already has an account is refused
/// (its role changes on its own page).
pub async fn invite(env: &mut Env) -> Result<Response> {
    env.ctx.require(Role::Admin)?;
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &["email", "name", "role"]);
    let role = match e.get("role") {
        r @ ("moderator" | "admin") => r.to_string(),
        _ => return Err(Error::BadRequest("role")),
    };
    let email = e.check("email", Email::parse);
    let name = e.check("name", palabre_domain::account::display_name);
    let (Some(email), Some(name)) = (email, name) else {
        return render_invite(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    let now = palabre_kit::now();
    let token = tokens::new_token().map_err(|e| Error::Internal(format!("randomness: {e}")))?;
    let locale = env.site.default_locale;
    let site_name = env.site.name.clone();
    let link = env
        .ctx
        .mail_links()?
        .to(&format!("/account/reset/new?token={token}"));
    let invited = db::immediate(&env.conn, async |conn| {
        let Some(id) = store::invite(conn, email.as_str(), &name, &role, now).await? else {
            return Ok::<_, Error>(None);
        };
        store::invitation_token(
            conn,
            id,
            &tokens::hash_token(&token),
            now,
            INVITATION_LIFETIME,
        )
        .await?;
        let mail = Mail {
            to_email: email.as_str(),
            user_id: Some(id),
            locale,
            kind: "invite",
            subject: i18n::t_args(locale, "mail-invite-subject", &[("site", &site_name)]),
            paragraphs: vec![i18n::t_args(
                locale,
                "mail-invite-body",
                &[("role", &role_label_in(locale, &role))],
            )],
            action: Some((i18n::t(locale, "mail-invite-action"), link.clone())),
            signature: site_name.clone(),
        };
        mail::queue(conn, &mail).await?;
        record_in(
            conn,
            &env.ctx,
            "staff-invited",
            &format!("user:{id}:{role}"),
        )
        .await?;
        Ok(Some(id))
    })
    .await?;
    let Some(id) = invited else {
        e.refuse("email", FieldError::EmailTaken);
        return render_invite(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    Ok(respond::redirect(&format!("/admin/people/{id}?saved=1")))
}

fn role_label_in(locale: palabre_domain::Locale, role: &str) -> String {
    i18n::t(locale, &format!("people-role-{role}"))
}
