//! Signing in and out. The same answer, after the same work, for an unknown
//! email and a wrong password.

use palabre_domain::account::Email;
use palabre_kit::app::Env;
use palabre_kit::forms::FormView;
use palabre_kit::{Response, Result, audit, form, i18n, password, respond};
use serde_json::json;

use crate::store;

fn render(env: &Env, email: &str, failed: bool, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::new(locale)
        .input("email", "email", "field-email", email, "username", None)
        .input(
            "password",
            "password",
            "field-password",
            "",
            "current-password",
            None,
        );
    let title = i18n::t(locale, "login-title");
    let data = json!({
        "form": form.to_json(),
        "failed": failed.then(|| i18n::t(locale, "login-failed")),
    });
    env.renderer
        .page(&env.ctx, &env.site, status, "login", &title, data)
}

pub fn login_form(env: &mut Env) -> Result<Response> {
    if env.ctx.visitor.is_signed_in() {
        return Ok(respond::redirect("/"));
    }
    render(env, "", false, http::StatusCode::OK)
}

pub async fn login(env: &mut Env) -> Result<Response> {
    let pairs = env.form().await?;
    let typed = form::field(&pairs, "email").unwrap_or_default().to_string();
    let password = form::field(&pairs, "password").unwrap_or_default();
    let email = Email::parse(&typed).ok();
    let account = match &email {
        Some(email) => store::credentials(&env.conn, email.as_str()).await?,
        None => None,
    };
    let hash = account.as_ref().and_then(|(_, hash)| hash.as_deref());
    // Always one argon2 verification: against a dummy hash when there is no account.
    let verified = password::verify(password, hash) && account.is_some();
    let ip = env.ctx.client_ip.as_deref();
    match account {
        Some((user_id, _)) if verified => {
            audit::record(&env.conn, Some(user_id), "login", None, ip).await?;
            Ok(respond::start_session(respond::redirect("/"), user_id))
        }
        _ => {
            let subject = email.as_ref().map_or(typed.as_str(), Email::as_str);
            audit::record(&env.conn, None, "login-failed", Some(subject), ip).await?;
            render(env, &typed, true, http::StatusCode::UNPROCESSABLE_ENTITY)
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
