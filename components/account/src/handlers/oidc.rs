//! Signing in with an OpenID provider, the account's side. The gate did the
//! protocol and tells what it verified (`ctx.oidc`); here the identity finds
//! its account, and the sign-in ends as a password sign-in ends
//! (`two_factor::after_password`: staff still give their code):
//!
//! - an identity already linked signs its account in;
//! - a signed-in person adds it to their account (one account, several
//!   identities; one identity, one account);
//! - a first sign-in whose email has an account links to it only once that
//!   account's password is typed (an email alone never hands an account
//!   over, ASVS 6.8); an account without a password is told to sign in its
//!   own way first and add the identity then;
//! - otherwise a new account is made, its email confirmed when the provider
//!   vouches for it.

use palabre_domain::account::{self, FieldError};
use palabre_kit::app::Env;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::oidc::{Failure, Provider, SignedIn};
use palabre_kit::{Error, Response, Result, audit, db, i18n, password, respond, tokens};

use crate::handlers::{notice, two_factor};
use crate::store;

/// How long a pending link waits for its password, in seconds.
const LINK_LIFETIME: i64 = 900;

/// The page for a sign-in that gave no identity: what happened, and the
/// other ways in. Nothing was created.
pub fn failed(env: &Env, failure: Failure) -> Result<Response> {
    let locale = env.ctx.locale;
    let title = i18n::t(locale, "oidc-failure-title");
    let data = crate::views::Notice {
        heading: title.clone(),
        message: i18n::t(locale, &failure.message_id()),
        next: Some(palabre_kit::app::link(
            env,
            "/account/login",
            "oidc-back-to-login",
        )),
    };
    env.renderer.page(
        &env.ctx,
        &env.site,
        failure.status(),
        "notice",
        &title,
        data,
    )
}

/// A start the gate did not send on: the provider is off, or unreachable.
pub fn start(env: &mut Env, provider: Provider) -> Result<Response> {
    let failure = env
        .ctx
        .oidc
        .failure
        .unwrap_or(if env.ctx.oidc.providers.contains(&provider) {
            Failure::Unavailable
        } else {
            Failure::NotConfigured
        });
    failed(env, failure)
}

/// The provider's return, as the gate verified it.
pub async fn callback(env: &mut Env, provider: Provider) -> Result<Response> {
    if let Some(failure) = env.ctx.oidc.failure {
        return failed(env, failure);
    }
    let Some(signed_in) = env
        .ctx
        .oidc
        .signed_in
        .clone()
        .filter(|s| s.provider == provider)
    else {
        return failed(env, Failure::Expired);
    };
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    let owner = store::identity_owner(&env.conn, provider.id(), &signed_in.subject).await?;
    match (owner, env.ctx.visitor.user_id) {
        (Some(owner), Some(me)) if owner != me => notice(
            env,
            "oidc-failure-title",
            "oidc-identity-taken",
            http::StatusCode::CONFLICT,
        ),
        (Some(_), Some(_)) => {
            store::touch_identity(&env.conn, &signed_in, now).await?;
            Ok(respond::redirect("/account/identities"))
        }
        (Some(owner), None) => {
            // Its last use is a step of its own, before the sign-in's.
            store::touch_identity(&env.conn, &signed_in, now).await?;
            env.conn.step_done();
            let Some(account) = store::account_by_id(&env.conn, owner).await? else {
                return failed(env, Failure::Expired);
            };
            two_factor::after_password(env, &account).await
        }
        (None, Some(me)) => {
            db::immediate(&env.conn, async |conn| {
                store::insert_identity(conn, me, &signed_in, now).await?;
                audit::record(
                    conn,
                    Some(me),
                    "identity-linked",
                    Some(provider.id()),
                    ip.as_deref(),
                )
                .await?;
                Ok::<_, Error>(())
            })
            .await?;
            Ok(respond::redirect("/account/identities"))
        }
        (None, None) => first_sign_in(env, signed_in, now).await,
    }
}

async fn first_sign_in(env: &mut Env, signed_in: SignedIn, now: i64) -> Result<Response> {
    let email = match signed_in.email.as_deref().map(account::Email::parse) {
        Some(Ok(email)) if signed_in.email_verified => email,
        _ => return failed(env, Failure::NoEmail),
    };
    let ip = env.ctx.client_ip.clone();
    if let Some(existing) = store::account(&env.conn, email.as_str()).await? {
        if existing.password_hash.is_none() {
            return notice(
                env,
                "oidc-link-title",
                "oidc-link-no-password",
                http::StatusCode::CONFLICT,
            );
        }
        let token = tokens::new_token()?;
        let token_hash = tokens::hash_token(&token);
        db::immediate(&env.conn, async |conn| {
            store::insert_link(
                conn,
                &token_hash,
                existing.id,
                &signed_in,
                now,
                now + LINK_LIFETIME,
            )
            .await?;
            Ok::<_, Error>(())
        })
        .await?;
        return link_form(env, &token, signed_in.provider, None, http::StatusCode::OK);
    }
    let name = display_name(env, &signed_in);
    let locale = env.ctx.locale.code().to_string();
    let created = db::immediate(&env.conn, async |conn| {
        let Some(user_id) =
            store::insert_oidc_citizen(conn, email.as_str(), &name, &locale, now).await?
        else {
            return Ok::<_, Error>(None);
        };
        store::insert_identity(conn, user_id, &signed_in, now).await?;
        audit::record(
            conn,
            Some(user_id),
            "signup-oidc",
            Some(signed_in.provider.id()),
            ip.as_deref(),
        )
        .await?;
        Ok(Some(user_id))
    })
    .await?;
    env.conn.step_done();
    // An account with this email appeared meanwhile: start again.
    let Some(user_id) = created else {
        return failed(env, Failure::Expired);
    };
    let Some(account) = store::account_by_id(&env.conn, user_id).await? else {
        return failed(env, Failure::Expired);
    };
    two_factor::after_password(env, &account).await
}

/// The public name of a new account: the given name and the family name's
/// initial ("Hélène D."), which the person may change in their profile; the
/// full name is never shown unasked.
fn display_name(env: &Env, signed_in: &SignedIn) -> String {
    let given = signed_in.given_name.as_deref().unwrap_or("").trim();
    let initial = signed_in
        .family_name
        .as_deref()
        .and_then(|f| f.trim().chars().next())
        .map(|c| format!(" {}.", c.to_uppercase()))
        .unwrap_or_default();
    let name: String = format!("{given}{initial}")
        .trim()
        .chars()
        .take(80)
        .collect();
    account::display_name(&name)
        .map(|n| n.to_string())
        .unwrap_or_else(|_| i18n::t(env.ctx.locale, "oidc-default-name"))
}

fn link_form(
    env: &Env,
    token: &str,
    provider: Provider,
    error: Option<FieldError>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut entry = Entry::new();
    if let Some(error) = error {
        entry.refuse("password", error);
    }
    let form = FormView::of(locale, &entry).input(
        "password",
        "password",
        "field-password",
        "current-password",
    );
    let title = i18n::t(locale, "oidc-link-title");
    let provider_name = i18n::t(locale, &format!("oidc-provider-{}", provider.id()));
    let data = crate::views::TwoFactor {
        intro: i18n::t_args(locale, "oidc-link-intro", &[("provider", &provider_name)]),
        action: "/account/oidc/link".to_string(),
        token: Some(token.to_string()),
        qr: None,
        secret: None,
        form: form.view(),
        submit: i18n::t(locale, "oidc-link-submit"),
    };
    let page = env
        .renderer
        .page(&env.ctx, &env.site, status, "two_factor", &title, data)?;
    // The link's token is in the page: kept nowhere.
    Ok(respond::secret(page))
}

/// The password of the account a first sign-in's email names: right, the
/// identity joins it and the account is signed in; wrong, asked again
/// (five tries a quarter of an hour, the gate's `oidc-link` limit).
pub async fn link(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let token = form.get("token").trim().to_string();
    let typed = form.get("password").to_string();
    let now = palabre_kit::now();
    let pending = if tokens::plausible(&token) {
        store::pending_link(&env.conn, &tokens::hash_token(&token), now).await?
    } else {
        None
    };
    let Some((user_id, signed_in)) = pending else {
        return failed(env, Failure::Expired);
    };
    let hash = store::password_of(&env.conn, user_id).await?;
    let ip = env.ctx.client_ip.clone();
    if !password::verify(&typed, hash.as_deref()) {
        audit::record(
            &env.conn,
            Some(user_id),
            "identity-link-failed",
            Some(signed_in.provider.id()),
            ip.as_deref(),
        )
        .await?;
        return link_form(
            env,
            &token,
            signed_in.provider,
            Some(FieldError::WrongPassword),
            http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let token_hash = tokens::hash_token(&token);
    db::immediate(&env.conn, async |conn| {
        store::end_link(conn, &token_hash).await?;
        store::insert_identity(conn, user_id, &signed_in, now).await?;
        audit::record(
            conn,
            Some(user_id),
            "identity-linked",
            Some(signed_in.provider.id()),
            ip.as_deref(),
        )
        .await?;
        Ok::<_, Error>(())
    })
    .await?;
    env.conn.step_done();
    let Some(account) = store::account_by_id(&env.conn, user_id).await? else {
        return failed(env, Failure::Expired);
    };
    two_factor::after_password(env, &account).await
}

/// `/account/identities`: the ways a person signs in, and the providers they
/// may add.
pub async fn identities(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let locale = env.ctx.locale;
    let linked = store::identities_of(&env.conn, user_id).await?;
    let zone = env.site.zone;
    let rows = linked
        .iter()
        .map(
            |(provider, created_at, last_used_at)| crate::views::IdentityRow {
                provider: i18n::t(locale, &format!("oidc-provider-{provider}")),
                since: i18n::date_time_in(locale, zone, *created_at),
                last_used: i18n::date_time_in(locale, zone, *last_used_at),
            },
        )
        .collect();
    let add = env
        .ctx
        .oidc
        .providers
        .iter()
        .filter(|p| !linked.iter().any(|(id, _, _)| id == p.id()))
        .map(|p| button(locale, *p))
        .collect();
    let has_password = store::password_of(&env.conn, user_id).await?.is_some();
    let intro = if has_password {
        "identities-intro"
    } else {
        "identities-intro-no-password"
    };
    let title = i18n::t(locale, "identities-title");
    let data = crate::views::Identities {
        intro: i18n::t(locale, intro),
        rows,
        add,
    };
    env.page("identities", &title, data)
}

/// A "sign in with …" button.
pub fn button(locale: palabre_domain::Locale, provider: Provider) -> crate::views::ProviderButton {
    crate::views::ProviderButton {
        action: provider.start_path(),
        label: i18n::t(locale, &format!("oidc-sign-in-{}", provider.id())),
        franceconnect: provider == Provider::FranceConnect,
    }
}
