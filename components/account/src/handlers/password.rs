//! Password reset by mail (token stored hashed, single use, one hour) and
//! password change (current password required; ends the other sessions).

use palabre_domain::account::{Email, FieldError};
use palabre_kit::app::Env;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::mail::{self, Mail};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, audit, db, i18n, password, respond, tokens};

use crate::handlers::{Letterhead, SecurityChange, notice, notify_security_change};
use crate::{permissions, store};

const RESET_LIFETIME: i64 = 3600;

fn render_request(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry).input("email", "email", "field-email", "email");
    let title = i18n::t(locale, "reset-title");
    let data = FormPage {
        intro: Some(i18n::t(locale, "reset-intro")),
        ..FormPage::new(
            "/account/reset",
            form.view(),
            i18n::t(locale, "reset-submit"),
        )
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub fn request_form(env: &mut Env) -> Result<Response> {
    render_request(env, &Entry::new(), http::StatusCode::OK)
}

/// Always the same answer; a mail only when the account exists.
pub async fn request(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let mut entry = Entry::read(&form, &["email"]);
    let Some(email) = entry.check("email", Email::parse) else {
        return render_request(env, &entry, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    let site_name = env.site.name.clone();
    // Asked of every request alike, so that the answer tells nothing of the account.
    let links = env.ctx.mail_links()?;
    let fallback = env.ctx.locale;
    db::immediate(&env.conn, async |conn| {
        let Some(account) = store::account(conn, email.as_str()).await? else {
            audit::record(
                conn,
                None,
                "reset-unknown",
                Some(email.as_str()),
                ip.as_deref(),
            )
            .await?;
            return Ok(());
        };
        let locale = account
            .locale
            .as_deref()
            .and_then(|l| l.parse().ok())
            .unwrap_or(fallback);
        let token = tokens::new_token()?;
        store::insert_token(
            conn,
            &store::Secret {
                user_id: account.id,
                purpose: "reset",
                hash: &tokens::hash_token(&token),
                now,
                lifetime: RESET_LIFETIME,
            },
        )
        .await?;
        let mail = Mail {
            to_email: email.as_str(),
            user_id: Some(account.id),
            locale,
            kind: "reset",
            subject: i18n::t_args(locale, "mail-reset-subject", &[("site", &site_name)]),
            paragraphs: vec![i18n::t(locale, "mail-reset-body")],
            action: Some((
                i18n::t(locale, "mail-reset-action"),
                links.to(&format!("/account/reset/new?token={token}")),
            )),
            signature: site_name.clone(),
        };
        mail::queue(conn, &mail).await?;
        audit::record(
            conn,
            Some(account.id),
            "reset-requested",
            None,
            ip.as_deref(),
        )
        .await?;
        Ok::<(), Error>(())
    })
    .await?;
    notice(
        env,
        "reset-sent-title",
        "reset-sent-body",
        http::StatusCode::OK,
    )
}

fn render_new(env: &Env, token: &str, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry).new_password("field-new-password");
    let title = i18n::t(locale, "reset-new-title");
    let data = FormPage {
        token: Some(token.to_string()),
        ..FormPage::new(
            "/account/reset/new",
            form.view(),
            i18n::t(locale, "reset-new-submit"),
        )
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

fn token_failed(env: &Env) -> Result<Response> {
    notice(
        env,
        "confirm-failed-title",
        "reset-failed-body",
        http::StatusCode::NOT_FOUND,
    )
}

pub async fn new_form(env: &mut Env) -> Result<Response> {
    let token = env.ctx.query("token").unwrap_or_default().to_string();
    let valid = tokens::plausible(&token)
        && store::token_valid(
            &env.conn,
            &tokens::hash_token(&token),
            "reset",
            palabre_kit::now(),
        )
        .await?;
    if !valid {
        return token_failed(env);
    }
    render_new(env, &token, &Entry::new(), http::StatusCode::OK)
}

pub async fn set_new(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let token = form.get("token").to_string();
    if !tokens::plausible(&token) {
        return token_failed(env);
    }
    let mut entry = Entry::read(&form, &["password", "confirm"]);
    let Some(new) = entry.new_password() else {
        return render_new(env, &token, &entry, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    let hash = password::hash(&new)?;
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    let from = Letterhead::of(env);
    let user = db::immediate(&env.conn, async |conn| {
        let Some(user_id) =
            store::consume_token(conn, &tokens::hash_token(&token), "reset", now).await?
        else {
            return Ok(None);
        };
        store::set_password(conn, user_id, &hash, now).await?;
        audit::record(conn, Some(user_id), "password-reset", None, ip.as_deref()).await?;
        notify_security_change(conn, &from, user_id, SecurityChange::Password).await?;
        Ok::<_, Error>(Some(user_id))
    })
    .await?;
    let Some(user_id) = user else {
        return token_failed(env);
    };
    // A reset proves the mailbox, not the second factor (ASVS 6.4.3): staff go
    // through the normal sign-in, code step included.
    let (staff, two_factor) = store::factors(&env.conn, user_id).await?;
    if staff || two_factor {
        return notice(
            env,
            "password-changed-title",
            "reset-done-login-body",
            http::StatusCode::OK,
        );
    }
    Ok(respond::start_session(respond::redirect("/"), user_id))
}

fn render_change(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .input(
            "current",
            "password",
            "field-current-password",
            "current-password",
        )
        .new_password("field-new-password");
    let title = i18n::t(locale, "password-title");
    let data = FormPage {
        intro: Some(i18n::t(locale, "password-intro")),
        ..FormPage::new(
            "/account/password",
            form.view(),
            i18n::t(locale, "password-submit"),
        )
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub fn change_form(env: &mut Env) -> Result<Response> {
    permissions::signed_in(env)?;
    render_change(env, &Entry::new(), http::StatusCode::OK)
}

pub async fn change(env: &mut Env) -> Result<Response> {
    let user_id = permissions::signed_in(env)?;
    let form = env.submission().await?;
    let mut entry = Entry::read(&form, &["current", "password", "confirm"]);
    let stored = store::password_of(&env.conn, user_id).await?;
    let current_ok = password::verify(entry.get("current"), stored.as_deref());
    if !current_ok {
        entry.refuse("current", FieldError::WrongPassword);
        let ip = env.ctx.client_ip.as_deref();
        audit::record(&env.conn, Some(user_id), "password-change-failed", None, ip).await?;
    }
    let (Some(new), true) = (entry.new_password(), current_ok) else {
        return render_change(env, &entry, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    let hash = password::hash(&new)?;
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    let from = Letterhead::of(env);
    db::immediate(&env.conn, async |conn| {
        store::set_password(conn, user_id, &hash, now).await?;
        audit::record(conn, Some(user_id), "password-changed", None, ip.as_deref()).await?;
        notify_security_change(conn, &from, user_id, SecurityChange::Password).await?;
        Ok::<(), Error>(())
    })
    .await?;
    // A new session for this browser; every other one is revoked.
    let page = notice(
        env,
        "password-changed-title",
        "password-changed-body",
        http::StatusCode::OK,
    )?;
    Ok(respond::start_session(page, user_id))
}
