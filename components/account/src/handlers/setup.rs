//! First run: on an instance without an administrator, `/setup` asks for the
//! commune's name, its default language and the first admin account; once
//! done, it is a 404 forever.

use palabre_domain::Locale;
use palabre_domain::account::{self, FieldError};
use palabre_kit::app::Env;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::{Error, Response, Result, audit, db, i18n, password, respond};

use crate::handlers::new_account;
use crate::{permissions, store};

fn view(env: &Env, entry: &Entry) -> FormView {
    let locale = env.ctx.locale;
    let languages = Locale::ALL
        .iter()
        .map(|l| (l.code().to_string(), l.native_name().to_string()))
        .collect();
    let form = FormView::of(locale, entry)
        .input("commune", "text", "field-commune-name", "organization")
        .select("locale", "field-default-locale", languages);
    new_account::fields(form, "name")
}

fn render(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let form = view(env, entry);
    let title = i18n::t(env.ctx.locale, "setup-title");
    let data = crate::views::FormOnly { form: form.view() };
    env.renderer
        .page(&env.ctx, &env.site, status, "setup", &title, data)
}

pub async fn form(env: &mut Env) -> Result<Response> {
    permissions::setup_open(env).await?;
    // The language the person reads the page in, unless they choose another.
    let entry = Entry::new().with("locale", env.ctx.locale.code());
    render(env, &entry, http::StatusCode::OK)
}

pub async fn submit(env: &mut Env) -> Result<Response> {
    permissions::setup_open(env).await?;
    let form = env.submission().await?;
    let mut e = Entry::read(
        &form,
        &[new_account::FIELDS.as_slice(), &["commune", "locale"]].concat(),
    );
    let commune = e.check("commune", |v| {
        account::line(v, palabre_domain::content::MAX_NAME)
    });
    let locale = e.check("locale", |v| {
        v.parse::<Locale>().map_err(|_| FieldError::InvalidChoice)
    });
    let valid = new_account::check(&mut e);
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
        return render(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    if store::account(&env.conn, email.as_str()).await?.is_some() {
        e.refuse("email", FieldError::EmailTaken);
        return render(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Hash before taking the write lock: argon2 is deliberately slow.
    let hash = password::hash(&password)?;
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
