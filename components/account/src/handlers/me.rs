//! One's own account: the hub, the profile, "my data" (GDPR art. 15/20) and
//! deleting the account (art. 17).

use crate::views;
use palabre_domain::Locale;
use palabre_domain::account::{self, FieldError};
use palabre_kit::app::Env;
use palabre_kit::forms::FormView;
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, audit, db, form, i18n, password, privacy, respond};
use serde_json::json;

use crate::handlers::notice;
use crate::{permissions, store};

pub fn hub(env: &mut Env) -> Result<Response> {
    permissions::signed_in(env)?;
    let locale = env.ctx.locale;
    let mut items = vec![
        ("/account/profile", "profile-title"),
        ("/account/password", "password-title"),
    ];
    if permissions::staff(env).is_ok() {
        items.push(("/account/2fa", "totp-settings-title"));
    }
    if permissions::admin(env).is_ok() {
        items.push(("/account/security", "security-title"));
    }
    items.extend([
        ("/account/data", "data-title"),
        ("/account/delete", "delete-title"),
    ]);
    let links = items
        .iter()
        .map(|(href, id)| palabre_kit::app::link(env, href, id))
        .collect();
    let title = i18n::t(locale, "account-title");
    let data = views::Account {
        intro: i18n::t(locale, "account-intro"),
        links,
    };
    env.page("account", &title, data)
}

#[derive(Default)]
struct Errors {
    name: Option<FieldError>,
    bio: Option<FieldError>,
    locale: Option<FieldError>,
}

fn render_profile(
    env: &Env,
    profile: &store::Profile,
    errors: &Errors,
    saved: bool,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut languages = vec![(String::new(), i18n::t(locale, "language-site-default"))];
    languages.extend(
        Locale::ALL
            .iter()
            .map(|l| (l.code().to_string(), l.native_name().to_string())),
    );
    let form = FormView::new(locale)
        .input(
            "name",
            "text",
            "field-display-name",
            &profile.display_name,
            "nickname",
            errors.name,
        )
        .textarea("bio", "field-bio", &profile.bio, errors.bio)
        .optional()
        .hint("bio-hint")
        .select(
            "locale",
            "field-language",
            languages,
            &profile.locale,
            errors.locale,
        )
        .optional()
        .checkbox(
            "notify_followed",
            "field-notify-followed",
            profile.notify_followed,
            None,
        )
        .optional()
        .checkbox(
            "notify_news",
            "field-notify-news",
            profile.notify_news,
            None,
        )
        .optional();
    let title = i18n::t(locale, "profile-title");
    let data = FormPage {
        saved: saved.then(|| i18n::t(locale, "profile-saved")),
        ..FormPage::new(
            "/account/profile",
            form.view(),
            i18n::t(locale, "profile-submit"),
        )
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn profile_form(env: &mut Env) -> Result<Response> {
    let user_id = permissions::signed_in(env)?;
    let profile = store::profile_of(&env.conn, user_id)
        .await?
        .ok_or(Error::NotFound)?;
    render_profile(
        env,
        &profile,
        &Errors::default(),
        false,
        http::StatusCode::OK,
    )
}

pub async fn save_profile(env: &mut Env) -> Result<Response> {
    let user_id = permissions::signed_in(env)?;
    let pairs = env.form().await?;
    let get = |name: &str| form::field(&pairs, name).unwrap_or_default().to_string();
    let mut profile = store::Profile {
        display_name: get("name"),
        bio: get("bio").trim().replace("\r\n", "\n"),
        locale: get("locale"),
        notify_followed: get("notify_followed") == "yes",
        notify_news: get("notify_news") == "yes",
    };
    let mut errors = Errors::default();
    match account::display_name(&profile.display_name) {
        Ok(name) => profile.display_name = name,
        Err(e) => errors.name = Some(e),
    }
    if profile.bio.chars().count() > 1000 {
        errors.bio = Some(FieldError::TooLong);
    } else if profile
        .bio
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        errors.bio = Some(FieldError::InvalidCharacters);
    }
    if !profile.locale.is_empty() && profile.locale.parse::<Locale>().is_err() {
        errors.locale = Some(FieldError::InvalidChoice);
    }
    if errors.name.is_some() || errors.bio.is_some() || errors.locale.is_some() {
        return render_profile(
            env,
            &profile,
            &errors,
            false,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    store::update_profile(&env.conn, user_id, &profile).await?;
    // A language just chosen applies to this very page (the gate reads the
    // account's per request, so the next pages follow).
    if let Ok(locale) = profile.locale.parse::<Locale>() {
        env.ctx.locale = locale;
        env.ctx.visitor.locale = Some(locale);
    }
    render_profile(env, &profile, &errors, true, http::StatusCode::OK)
}

pub async fn data(env: &mut Env) -> Result<Response> {
    let user_id = permissions::signed_in(env)?;
    let tables = privacy::export(&env.conn, user_id, palabre_features::ALL).await?;
    let export = json!({
        "site": env.site.name,
        "exported_at": palabre_kit::now(),
        "user_id": user_id,
        "tables": tables,
    });
    audit::record(
        &env.conn,
        Some(user_id),
        "data-exported",
        None,
        env.ctx.client_ip.as_deref(),
    )
    .await?;
    Ok(respond::download(
        "application/json",
        "my-data.json",
        export.to_string().into_bytes(),
    ))
}

fn render_delete(
    env: &Env,
    error: Option<FieldError>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::new(locale).input(
        "password",
        "password",
        "field-current-password",
        "",
        "current-password",
        error,
    );
    let title = i18n::t(locale, "delete-title");
    let data = FormPage {
        intro: Some(i18n::t(locale, "delete-intro")),
        danger: true,
        ..FormPage::new(
            "/account/delete",
            form.view(),
            i18n::t(locale, "delete-submit"),
        )
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub fn delete_form(env: &mut Env) -> Result<Response> {
    permissions::signed_in(env)?;
    render_delete(env, None, http::StatusCode::OK)
}

pub async fn delete(env: &mut Env) -> Result<Response> {
    let user_id = permissions::signed_in(env)?;
    let pairs = env.form().await?;
    let typed = form::field(&pairs, "password").unwrap_or_default();
    let stored = store::password_of(&env.conn, user_id).await?;
    if !password::verify(typed, stored.as_deref()) {
        return render_delete(
            env,
            Some(FieldError::WrongPassword),
            http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    if store::is_last_admin(&env.conn, user_id).await? {
        return Err(Error::Forbidden);
    }
    db::immediate(&env.conn, async |conn| {
        privacy::erase(conn, user_id, palabre_features::ALL).await?;
        audit::record(conn, Some(user_id), "account-deleted", None, None).await?;
        Ok::<(), Error>(())
    })
    .await?;
    // The page that says so is already a signed-out visitor's.
    let csrf = std::mem::take(&mut env.ctx.visitor.csrf);
    env.ctx.visitor = palabre_kit::visitor::Visitor::anonymous(csrf);
    let page = notice(env, "deleted-title", "deleted-body", http::StatusCode::OK)?;
    Ok(respond::end_session(page))
}
