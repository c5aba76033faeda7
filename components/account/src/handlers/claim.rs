//! `/account/claim`: a resident registered at the town-hall desk takes their
//! account online. Staff gave them a claim code (`/admin/desk`); with it,
//! they choose their public name, give their email and a password, and are
//! signed in; the address is confirmed by the usual link. The code is
//! checked first (five tries an hour from one address: the gate's
//! `claim-ip` bucket), so only its holder learns whether an email already
//! has an account.

use palabre_domain::account::FieldError;
use palabre_domain::verification;
use palabre_kit::app::Env;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::{Error, Response, Result, audit, census, db, i18n, password, respond};

use crate::handlers::{new_account, signup};
use crate::store;

fn render(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .input("claim_code", "text", "claim-field-code", "off")
        .hint("claim-field-code-hint");
    let form = new_account::fields(form, "nickname");
    let title = i18n::t(locale, "claim-title");
    let data = crate::views::Claim {
        intro: i18n::t(locale, "claim-intro"),
        form: form.view(),
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "claim", &title, data)
}

pub fn form(env: &Env) -> Result<Response> {
    if env.ctx.visitor.is_signed_in() {
        return Ok(respond::redirect("/account"));
    }
    render(env, &Entry::new(), http::StatusCode::OK)
}

enum Outcome {
    Claimed(i64),
    WrongCode,
    EmailTaken,
}

pub async fn submit(env: &mut Env) -> Result<Response> {
    if env.ctx.visitor.is_signed_in() {
        return Ok(respond::redirect("/account"));
    }
    let form = env.submission().await?;
    let mut entry = Entry::read(
        &form,
        &[new_account::FIELDS.as_slice(), &["claim_code"]].concat(),
    );
    let code = entry.check("claim_code", |v| {
        verification::letter_code_typed(v).map_err(|e| match e {
            FieldError::NotTheLetterCode => FieldError::NotTheClaimCode,
            other => other,
        })
    });
    let valid = new_account::check(&mut entry);
    let (Some(code), Some(valid)) = (code, valid) else {
        return render(env, &entry, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    let key = env.ctx.verification_key()?;
    let hash = census::claim_hash(&key, &code)
        .ok_or_else(|| Error::Internal("verification key too short".into()))?;
    let password_hash = password::hash(&valid.password)?;
    let links = env.ctx.mail_links()?;
    let site_name = env.site.name.clone();
    let locale = env.ctx.locale;
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    let email = valid.email.as_str();
    let outcome = db::immediate(&env.conn, async |conn| {
        let Some(user_id) = palabre_identity::desk_account_by_code(conn, &hash, now).await? else {
            audit::record(conn, None, "desk-claim-refused", None, ip.as_deref()).await?;
            return Ok::<_, Error>(Outcome::WrongCode);
        };
        if store::account(conn, email).await?.is_some() {
            return Ok(Outcome::EmailTaken);
        }
        let account = store::ClaimedAccount {
            email,
            display_name: &valid.name,
            password_hash: &password_hash,
            locale: locale.code(),
        };
        if !store::claim_desk_account(conn, user_id, &account).await?
            || !palabre_identity::desk_claimed(conn, user_id, now).await?
        {
            return Err(Error::Internal("desk account changed meanwhile".into()));
        }
        signup::send_confirmation(
            conn,
            &links,
            &site_name,
            user_id,
            email,
            &valid.name,
            locale,
            now,
        )
        .await?;
        audit::record(
            conn,
            Some(user_id),
            "desk-account-claimed",
            Some(email),
            ip.as_deref(),
        )
        .await?;
        Ok(Outcome::Claimed(user_id))
    })
    .await?;
    match outcome {
        Outcome::Claimed(user_id) => Ok(respond::start_session(
            respond::redirect("/account/verification"),
            user_id,
        )),
        Outcome::WrongCode => {
            entry.refuse("claim_code", FieldError::NotTheClaimCode);
            render(env, &entry, http::StatusCode::UNPROCESSABLE_ENTITY)
        }
        Outcome::EmailTaken => {
            entry.refuse("email", FieldError::EmailTaken);
            render(env, &entry, http::StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
