//! Signing up and confirming the email address. The answer to a sign-up is the
//! same whether the address is new or already has an account (which then gets
//! a warning mail instead), after the same work (one argon2 hash).

use palabre_domain::account::FieldError;
use palabre_kit::app::Env;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::mail::{self, Mail};
use palabre_kit::{Error, Response, Result, audit, db, i18n, password, respond, tokens};

use crate::handlers::{new_account, notice};
use crate::store;

/// How long a confirmation link works.
const CONFIRM_LIFETIME: i64 = 48 * 3600;

fn render(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = new_account::fields(FormView::of(locale, entry), "nickname")
        .checkbox("terms", "field-accept-terms");
    let title = i18n::t(locale, "signup-title");
    let data = crate::views::FormOnly { form: form.view() };
    env.renderer
        .page(&env.ctx, &env.site, status, "signup", &title, data)
}

pub fn form(env: &mut Env) -> Result<Response> {
    if env.ctx.visitor.is_signed_in() {
        return Ok(respond::redirect("/"));
    }
    render(env, &Entry::new(), http::StatusCode::OK)
}

pub async fn submit(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let mut entry = Entry::read(
        &form,
        &[new_account::FIELDS.as_slice(), &["terms"]].concat(),
    );
    let valid = new_account::check(&mut entry);
    if !entry.ticked("terms") {
        entry.refuse("terms", FieldError::MustAccept);
    }
    let (
        Some(new_account::Valid {
            name,
            email,
            password,
        }),
        true,
    ) = (valid, entry.is_valid())
    else {
        return render(env, &entry, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    // Hashed in every case, so that both answers take as long.
    let hash = password::hash(&password)?;
    let locale = env.ctx.locale;
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    let site_name = env.site.name.clone();
    // Both mails carry a link: none is queued without the site's public address.
    let links = env.ctx.mail_links()?;
    db::immediate(&env.conn, async |conn| {
        if let Some(existing) = store::account(conn, email.as_str()).await? {
            let to_locale = existing
                .locale
                .as_deref()
                .and_then(|l| l.parse().ok())
                .unwrap_or(locale);
            let mail = Mail {
                to_email: email.as_str(),
                user_id: Some(existing.id),
                locale: to_locale,
                kind: "signup-existing",
                subject: i18n::t_args(to_locale, "mail-existing-subject", &[("site", &site_name)]),
                paragraphs: vec![i18n::t(to_locale, "mail-existing-body")],
                action: Some((
                    i18n::t(to_locale, "login-title"),
                    links.to("/account/login"),
                )),
                signature: site_name.clone(),
            };
            mail::queue(conn, &mail).await?;
            audit::record(
                conn,
                None,
                "signup-existing",
                Some(email.as_str()),
                ip.as_deref(),
            )
            .await?;
            return Ok(());
        }
        let citizen = store::NewUser {
            email: email.as_str(),
            display_name: &name,
            locale: locale.code(),
            password_hash: &hash,
        };
        let user_id = store::insert_citizen(conn, &citizen, now).await?;
        send_confirmation(
            conn,
            &links,
            &site_name,
            user_id,
            email.as_str(),
            &name,
            locale,
            now,
        )
        .await?;
        audit::record(
            conn,
            Some(user_id),
            "signup",
            Some(email.as_str()),
            ip.as_deref(),
        )
        .await?;
        Ok(())
    })
    .await?;
    notice(
        env,
        "signup-sent-title",
        "signup-sent-body",
        http::StatusCode::OK,
    )
}

/// Queues the mail with the link that confirms `email` for `user_id` (a new
/// account, or a desk account its resident claimed). In the caller's
/// transaction.
#[allow(clippy::too_many_arguments)]
pub async fn send_confirmation(
    conn: &db::Connection,
    links: &mail::Links,
    site_name: &str,
    user_id: i64,
    email: &str,
    name: &str,
    locale: palabre_domain::Locale,
    now: i64,
) -> Result<()> {
    let token = tokens::new_token()?;
    store::insert_token(
        conn,
        &store::Secret {
            user_id,
            purpose: "confirm",
            hash: &tokens::hash_token(&token),
            now,
            lifetime: CONFIRM_LIFETIME,
        },
    )
    .await?;
    let mail = Mail {
        to_email: email,
        user_id: Some(user_id),
        locale,
        kind: "confirm",
        subject: i18n::t_args(locale, "mail-confirm-subject", &[("site", site_name)]),
        paragraphs: vec![i18n::t_args(locale, "mail-confirm-body", &[("name", name)])],
        action: Some((
            i18n::t(locale, "mail-confirm-action"),
            links.to(&format!("/account/confirm?token={token}")),
        )),
        signature: site_name.to_string(),
    };
    mail::queue(conn, &mail).await?;
    Ok(())
}

/// `/account/confirm?token=…`: confirms the address and signs the person in.
pub async fn confirm(env: &mut Env) -> Result<Response> {
    let token = env.ctx.query("token").unwrap_or_default().to_string();
    if !tokens::plausible(&token) {
        return notice(
            env,
            "confirm-failed-title",
            "confirm-failed-body",
            http::StatusCode::NOT_FOUND,
        );
    }
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    let confirmed = db::immediate(&env.conn, async |conn| {
        let Some(user_id) =
            store::consume_token(conn, &tokens::hash_token(&token), "confirm", now).await?
        else {
            return Ok(None);
        };
        store::confirm_email(conn, user_id, now).await?;
        audit::record(conn, Some(user_id), "email-confirmed", None, ip.as_deref()).await?;
        Ok::<_, Error>(Some(user_id))
    })
    .await?;
    match confirmed {
        Some(user_id) => Ok(respond::start_session(respond::redirect("/"), user_id)),
        None => notice(
            env,
            "confirm-failed-title",
            "confirm-failed-body",
            http::StatusCode::NOT_FOUND,
        ),
    }
}
