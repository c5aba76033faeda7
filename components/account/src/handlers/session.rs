//! Signing in and out. The same answer, after the same work, for an unknown
//! email and a wrong password.

use palabre_domain::account::Email;
use palabre_kit::app::Env;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::{Response, Result, audit, i18n, password, respond};

use crate::handlers::two_factor;
use crate::store;

fn render(
    env: &Env,
    entry: &Entry,
    failed: Option<&str>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .input("email", "email", "field-email", "username")
        .input("password", "password", "field-password", "current-password");
    let title = i18n::t(locale, "login-title");
    let providers = env
        .ctx
        .oidc
        .providers
        .iter()
        .map(|p| crate::handlers::oidc::button(locale, *p))
        .collect();
    let data = crate::views::Login {
        form: form.view(),
        failed: failed.map(|id| i18n::t(locale, id)),
        providers,
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "login", &title, data)
}

pub fn login_form(env: &mut Env) -> Result<Response> {
    if env.ctx.visitor.is_signed_in() {
        return Ok(respond::redirect("/"));
    }
    render(env, &Entry::new(), None, http::StatusCode::OK)
}

pub async fn login(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    // One message for the whole form (which part was wrong is not told).
    let entry = Entry::read(&form, &["email"]);
    let typed = entry.get("email");
    let password = form.get("password");
    let email = Email::parse(typed).ok();
    let account = match &email {
        Some(email) => store::account(&env.conn, email.as_str()).await?,
        None => None,
    };
    let hash = account.as_ref().and_then(|a| a.password_hash.as_deref());
    // Always one argon2 verification: against a dummy hash when there is no account.
    let verified = password::verify(password, hash) && account.is_some();
    let ip = env.ctx.client_ip.as_deref();
    let subject = email.as_ref().map_or(typed, Email::as_str);
    match account {
        Some(account) if verified && account.confirmed => {
            two_factor::after_password(env, &account).await
        }
        // The right password proves who asks: telling them to confirm leaks nothing.
        Some(account) if verified => {
            audit::record(&env.conn, Some(account.id), "login-unconfirmed", None, ip).await?;
            render(
                env,
                &entry,
                Some("login-unconfirmed"),
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        _ => {
            audit::record(&env.conn, None, "login-failed", Some(subject), ip).await?;
            render(
                env,
                &entry,
                Some("login-failed"),
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

pub async fn logout(env: &mut Env) -> Result<Response> {
    if let Some(user_id) = env.ctx.visitor.user_id {
        audit::record(
            &env.conn,
            Some(user_id),
            "logout",
            None,
            env.ctx.client_ip.as_deref(),
        )
        .await?;
    }
    Ok(respond::end_session(respond::redirect("/")))
}
