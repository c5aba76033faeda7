//! One's own account: the hub, the profile, "my data" (GDPR art. 15/20) and
//! deleting the account (art. 17).

use crate::views;
use palabre_domain::Locale;
use palabre_domain::account::{self, FieldError};
use palabre_domain::content;
use palabre_kit::app::Env;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, audit, db, i18n, password, privacy, respond};
use serde_json::json;

use crate::handlers::notice;
use crate::{permissions, store};

pub fn hub(env: &mut Env) -> Result<Response> {
    permissions::signed_in(env)?;
    let locale = env.ctx.locale;
    let mut items = vec![
        ("/account/profile", "profile-title"),
        ("/account/password", "password-title"),
        ("/account/identities", "identities-title"),
        ("/account/verification", "my-verification-title"),
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

const PROFILE: [&str; 5] = ["name", "bio", "locale", "notify_followed", "notify_news"];

/// The profile's form over what is stored.
fn profile_entry(profile: &store::Profile) -> Entry {
    Entry::new()
        .with("name", profile.display_name.as_str())
        .with("bio", profile.bio.as_str())
        .with("locale", profile.locale.as_str())
        .ticked_if("notify_followed", profile.notify_followed)
        .ticked_if("notify_news", profile.notify_news)
}

fn render_profile(
    env: &Env,
    entry: &Entry,
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
    let form = FormView::of(locale, entry)
        .input("name", "text", "field-display-name", "nickname")
        .textarea("bio", "field-bio")
        .optional()
        .hint("bio-hint")
        .select("locale", "field-language", languages)
        .optional()
        .checkbox("notify_followed", "field-notify-followed")
        .optional()
        .checkbox("notify_news", "field-notify-news")
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
    render_profile(env, &profile_entry(&profile), false, http::StatusCode::OK)
}

pub async fn save_profile(env: &mut Env) -> Result<Response> {
    let user_id = permissions::signed_in(env)?;
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &PROFILE);
    let name = e.check("name", account::display_name);
    let bio = e.check("bio", |v| content::text(v, account::MAX_BIO));
    let language = e.check_optional("locale", |v| {
        v.parse::<Locale>().map_err(|_| FieldError::InvalidChoice)
    });
    let (Some(display_name), Some(bio), Some(language)) = (name, bio, language) else {
        return render_profile(env, &e, false, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    let profile = store::Profile {
        display_name,
        bio,
        locale: language.map(|l| l.code().to_string()).unwrap_or_default(),
        notify_followed: e.ticked("notify_followed"),
        notify_news: e.ticked("notify_news"),
    };
    store::update_profile(&env.conn, user_id, &profile).await?;
    // A language just chosen applies to this very page, and to the next
    // ones on this browser (where the switch's choice would win over it).
    if let Some(locale) = language {
        env.ctx.choose_locale(locale);
        env.ctx.visitor.locale = Some(locale);
    }
    render_profile(env, &profile_entry(&profile), true, http::StatusCode::OK)
}

/// `GET /account/data`: what the platform keeps about the person, source by
/// source, in words (GDPR art. 15), with the file for machines (art. 20).
pub async fn data_page(env: &mut Env) -> Result<Response> {
    let user_id = permissions::signed_in(env)?;
    let locale = env.ctx.locale;
    let gathered = privacy::gather(&env.conn, user_id, palabre_features::ALL).await?;
    let sections = privacy::page(locale, &gathered);
    let kept = sections.len();
    let data = views::MyData {
        intro: i18n::t(locale, "data-page-intro"),
        summary: i18n::t_args(
            locale,
            "data-summary",
            &[
                ("count", &kept.to_string()),
                ("empty", &(gathered.len() - kept).to_string()),
            ],
        ),
        json: "/account/data.json".to_string(),
        sections,
    };
    let title = i18n::t(locale, "data-title");
    let page = env.page("data", &title, data)?;
    Ok(respond::cached(page, respond::Cache::NoStore))
}

/// `GET /account/data.json`: everything, table by table, as a download.
pub async fn data(env: &mut Env) -> Result<Response> {
    let user_id = permissions::signed_in(env)?;
    let gathered = privacy::gather(&env.conn, user_id, palabre_features::ALL).await?;
    let export = json!({
        "site": env.site.name,
        "exported_at": palabre_kit::now(),
        "user_id": user_id,
        "tables": privacy::export(&gathered),
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

fn render_delete(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry).input(
        "password",
        "password",
        "field-current-password",
        "current-password",
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
    render_delete(env, &Entry::new(), http::StatusCode::OK)
}

pub async fn delete(env: &mut Env) -> Result<Response> {
    let user_id = permissions::signed_in(env)?;
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &["password"]);
    let stored = store::password_of(&env.conn, user_id).await?;
    if !password::verify(e.get("password"), stored.as_deref()) {
        e.refuse("password", FieldError::WrongPassword);
        return render_delete(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
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
