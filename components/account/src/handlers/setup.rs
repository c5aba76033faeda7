//! First run: on an instance without an administrator, `/setup` asks for the
//! commune's name, its default language and the first admin account; once
//! done, it is a 404 forever.

use palabre_domain::Locale;
use palabre_domain::account::{self, FieldError};
use palabre_kit::app::Env;
use palabre_kit::forms::FormView;
use palabre_kit::{Error, Response, Result, audit, db, form, i18n, password, respond};

use crate::handlers::new_account;
use crate::{permissions, store};

#[derive(Default)]
struct Input {
    commune: String,
    locale: String,
    account: new_account::Input,
}

#[derive(Default)]
struct Errors {
    commune: Option<FieldError>,
    locale: Option<FieldError>,
    account: new_account::Errors,
}

fn view(env: &Env, input: &Input, errors: &Errors) -> FormView {
    let locale = env.ctx.locale;
    let languages = Locale::ALL
        .iter()
        .map(|l| (l.code().to_string(), l.native_name().to_string()))
        .collect();
    let selected = if input.locale.is_empty() {
        locale.code()
    } else {
        &input.locale
    };
    let form = FormView::new(locale)
        .input(
            "commune",
            "text",
            "field-commune-name",
            &input.commune,
            "organization",
            errors.commune,
        )
        .select(
            "locale",
            "field-default-locale",
            languages,
            selected,
            errors.locale,
        );
    input.account.fields(form, &errors.account, "name")
}

fn render(env: &Env, input: &Input, errors: &Errors, status: http::StatusCode) -> Result<Response> {
    let form = view(env, input, errors);
    let title = i18n::t(env.ctx.locale, "setup-title");
    let data = crate::views::FormOnly { form: form.view() };
    env.renderer
        .page(&env.ctx, &env.site, status, "setup", &title, data)
}

pub async fn form(env: &mut Env) -> Result<Response> {
    permissions::setup_open(env).await?;
    render(
        env,
        &Input::default(),
        &Errors::default(),
        http::StatusCode::OK,
    )
}

pub async fn submit(env: &mut Env) -> Result<Response> {
    permissions::setup_open(env).await?;
    let pairs = env.form().await?;
    let get = |name: &str| form::field(&pairs, name).unwrap_or_default().to_string();
    let input = Input {
        commune: get("commune"),
        locale: get("locale"),
        account: new_account::Input::read(&pairs),
    };
    let mut errors = Errors::default();
    let commune = account::line(&input.commune, palabre_domain::content::MAX_NAME)
        .map_err(|e| errors.commune = Some(e))
        .ok();
    let locale = input
        .locale
        .parse::<Locale>()
        .map_err(|_| errors.locale = Some(FieldError::InvalidChoice))
        .ok();
    let valid = input.account.check(&mut errors.account);
    let (
        Some(commune),
        Some(locale),
        Some(new_account::Valid {
            name,
            email,
            password,
        }),
    ) = (commune, locale, valid)
    else {
        return render(env, &input, &errors, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    if store::account(&env.conn, email.as_str()).await?.is_some() {
        errors.account.email = Some(FieldError::EmailTaken);
        return render(env, &input, &errors, http::StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Hash before taking the write lock: argon2 is deliberately slow.
    let hash = password::hash(password)?;
    let ip = env.ctx.client_ip.clone();
    let admin = store::NewUser {
        email: email.as_str(),
        display_name: &name,
        locale: locale.code(),
        password_hash: &hash,
    };
    let user_id = db::immediate(&env.conn, async |conn| {
        // Two people racing through the setup: the second one finds it done.
        if store::has_admin(conn).await? {
            return Err(Error::NotFound);
        }
        palabre_kit::Site::set(conn, "commune.name", &commune).await?;
        palabre_kit::Site::set(conn, "commune.default_locale", locale.code()).await?;
        let id = store::insert_admin(conn, &admin, palabre_kit::now()).await?;
        audit::record(conn, Some(id), "setup", Some(email.as_str()), ip.as_deref()).await?;
        Ok(id)
    })
    .await?;
    Ok(respond::start_session(respond::redirect("/"), user_id))
}
