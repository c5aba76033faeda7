//! Two-factor sign-in for staff (TOTP, RFC 6238) with recovery codes. Between
//! the password and the code, a short-lived challenge (its token in the form,
//! its hash in the database) stands for "the password was right".

use palabre_domain::account::FieldError;
use palabre_kit::app::Env;
use palabre_kit::forms::{Entry, FormView, TICKED};
use palabre_kit::{Error, Response, Result, audit, db, i18n, respond, tokens, totp};

use crate::handlers::{Letterhead, SecurityChange, notice, notify_security_change};
use crate::permissions;
use crate::store::{self, Account};

/// How long the code step may take after the password step.
const CHALLENGE_LIFETIME: i64 = 5 * 60;
const RECOVERY_CODES: usize = 10;
pub const REQUIRE_SETTING: &str = "security.require_staff_2fa";

async fn required_for_staff(env: &Env) -> Result<bool> {
    Ok(store::setting(&env.conn, REQUIRE_SETTING).await?.as_deref() == Some("true"))
}

/// What the page of a code step shows.
struct Step<'a> {
    title: &'a str,
    intro: &'a str,
    action: &'a str,
    token: Option<&'a str>,
    /// (base32 secret, account) when a new secret is to be scanned.
    enrol: Option<(&'a str, &'a str)>,
    error: Option<FieldError>,
    submit: &'a str,
}

impl<'a> Step<'a> {
    /// The code step of a sign-in.
    fn sign_in(token: &'a str, error: Option<FieldError>) -> Step<'a> {
        Step {
            title: "totp-title",
            intro: "totp-intro",
            action: "/account/login/2fa",
            token: Some(token),
            enrol: None,
            error,
            submit: "login-submit",
        }
    }

    /// Enrolment during a sign-in, when staff must use two-step verification.
    fn sign_in_enrol(
        token: &'a str,
        secret: &'a str,
        account: &'a str,
        error: Option<FieldError>,
    ) -> Step<'a> {
        Step {
            title: "totp-enrol-title",
            intro: "totp-required-intro",
            action: "/account/login/enrol",
            token: Some(token),
            enrol: Some((secret, account)),
            error,
            submit: "totp-enable-submit",
        }
    }

    /// The settings page while two-step verification is off: a secret to scan.
    fn turn_on(secret: &'a str, account: &'a str, error: Option<FieldError>) -> Step<'a> {
        Step {
            title: "totp-settings-title",
            intro: "totp-off-intro",
            action: "/account/2fa/enable",
            token: None,
            enrol: Some((secret, account)),
            error,
            submit: "totp-enable-submit",
        }
    }

    /// The settings page while it is on: a code to turn it off.
    fn turn_off(error: Option<FieldError>) -> Step<'a> {
        Step {
            title: "totp-settings-title",
            intro: "totp-on-intro",
            action: "/account/2fa/disable",
            token: None,
            enrol: None,
            error,
            submit: "totp-disable-submit",
        }
    }
}

fn render_step(env: &Env, step: &Step<'_>, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut entry = Entry::new();
    if let Some(error) = step.error {
        entry.refuse("code", error);
    }
    let form =
        FormView::of(locale, &entry).input("code", "text", "field-totp-code", "one-time-code");
    let (qr, secret) = match step.enrol {
        Some((secret, account)) => {
            let uri = totp::uri(&env.site.name, account, secret);
            let qr = totp::qr_svg(&uri, &i18n::t(locale, "totp-qr-label"))
                .ok_or(Error::Internal("qr code".into()))?;
            (Some(qr), Some(secret.to_string()))
        }
        None => (None, None),
    };
    let title = i18n::t(locale, step.title);
    let data = crate::views::TwoFactor {
        intro: i18n::t(locale, step.intro),
        action: step.action.to_string(),
        token: step.token.map(str::to_string),
        qr,
        secret,
        form: form.view(),
        submit: i18n::t(locale, step.submit),
    };
    // A challenge token in the form, or a two-step secret: kept nowhere.
    let page = env
        .renderer
        .page(&env.ctx, &env.site, status, "two_factor", &title, data)?;
    Ok(respond::secret(page))
}

/// After a right password: a code step, an enrolment, or the session.
pub async fn after_password(env: &mut Env, account: &Account) -> Result<Response> {
    let must_enrol = account.staff && !account.two_factor && required_for_staff(env).await?;
    if !account.two_factor && !must_enrol {
        audit::record(
            &env.conn,
            Some(account.id),
            "login",
            None,
            env.ctx.client_ip.as_deref(),
        )
        .await?;
        return Ok(respond::start_session(respond::redirect("/"), account.id));
    }
    let token = tokens::new_token()?;
    let now = palabre_kit::now();
    let purpose = if must_enrol { "enrol" } else { "totp" };
    let secret = if must_enrol {
        Some(totp::new_secret()?)
    } else {
        None
    };
    // The challenge and, for an enrolment, its pending secret: together.
    db::immediate(&env.conn, async |conn| {
        let challenge = store::Secret {
            user_id: account.id,
            purpose,
            hash: &tokens::hash_token(&token),
            now,
            lifetime: CHALLENGE_LIFETIME,
        };
        store::insert_challenge(conn, &challenge).await?;
        if let Some(secret) = &secret {
            store::set_pending(conn, account.id, secret).await?;
        }
        Ok::<_, Error>(())
    })
    .await?;
    let Some(secret) = secret else {
        let step = Step::sign_in(&token, None);
        return render_step(env, &step, http::StatusCode::OK);
    };
    let email = store::totp_of(&env.conn, account.id)
        .await?
        .map(|t| t.email)
        .unwrap_or_default();
    let step = Step::sign_in_enrol(&token, &secret, &email, None);
    render_step(env, &step, http::StatusCode::OK)
}

fn normalize_recovery(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Checks a TOTP code (or, at sign-in, a recovery code) for a user.
/// Whether `typed` is the account's current code (or, where allowed, one
/// of its recovery codes), spending it; inside the caller's transaction.
async fn code_ok(
    conn: &db::Connection,
    user_id: i64,
    typed: &str,
    allow_recovery: bool,
) -> Result<bool> {
    let Some(state) = store::totp_of(conn, user_id).await? else {
        return Ok(false);
    };
    let now = palabre_kit::now();
    if let Some(secret) = &state.secret
        && let Some(step) = totp::verify(secret, typed, now, state.last_step)
    {
        return Ok(store::totp_step(conn, user_id, step).await?);
    }
    if allow_recovery {
        let hash = tokens::hash_token(&normalize_recovery(typed));
        return Ok(store::use_recovery(conn, user_id, &hash, now).await?);
    }
    Ok(false)
}

fn challenge_expired(env: &Env) -> Result<Response> {
    notice(
        env,
        "totp-expired-title",
        "totp-expired-body",
        http::StatusCode::UNPROCESSABLE_ENTITY,
    )
}

/// A submitted code step: the challenge it answers and the typed code.
struct CodeStep {
    token: String,
    typed: String,
    challenge_id: i64,
    user_id: i64,
    now: i64,
}

/// Reads a code-step form; `None` when its challenge is unknown, used or expired.
async fn code_step(env: &mut Env, purpose: &str) -> Result<Option<CodeStep>> {
    let form = env.submission().await?;
    let token = form.get("token").to_string();
    let typed = form.get("code").to_string();
    let now = palabre_kit::now();
    if !tokens::plausible(&token) {
        return Ok(None);
    }
    let found = store::challenge(&env.conn, &tokens::hash_token(&token), purpose, now).await?;
    Ok(found.map(|(challenge_id, user_id)| CodeStep {
        token,
        typed,
        challenge_id,
        user_id,
        now,
    }))
}

/// `POST /account/login/2fa`: the code step of a sign-in.
pub async fn login_code(env: &mut Env) -> Result<Response> {
    let Some(CodeStep {
        token,
        typed,
        challenge_id,
        user_id,
        now,
    }) = code_step(env, "totp").await?
    else {
        return challenge_expired(env);
    };
    let ip = env.ctx.client_ip.clone();
    // The code spent, the challenge used and the audit line: together.
    let outcome = db::immediate(&env.conn, async |conn| {
        if !code_ok(conn, user_id, &typed, true).await? {
            store::challenge_failed(conn, challenge_id).await?;
            audit::record(conn, Some(user_id), "login-2fa-failed", None, ip.as_deref()).await?;
            return Ok(Some(false));
        }
        if !store::challenge_used(conn, challenge_id, now).await? {
            return Ok(None);
        }
        audit::record(conn, Some(user_id), "login", Some("2fa"), ip.as_deref()).await?;
        Ok::<_, Error>(Some(true))
    })
    .await?;
    match outcome {
        Some(true) => Ok(respond::start_session(respond::redirect("/"), user_id)),
        Some(false) => {
            let step = Step::sign_in(&token, Some(FieldError::WrongCode));
            render_step(env, &step, http::StatusCode::UNPROCESSABLE_ENTITY)
        }
        None => challenge_expired(env),
    }
}

/// New recovery codes: shown once, stored hashed.
async fn issue_recovery_codes(conn: &db::Connection, user_id: i64) -> Result<Vec<String>> {
    // 24 base32 characters: 120 bits, enough for a plain SHA-256 at rest (ASVS 6.5.2).
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let raw = totp::new_secret()?;
        codes.push(raw[..24].to_string());
    }
    let hashes: Vec<String> = codes.iter().map(|c| tokens::hash_token(c)).collect();
    store::replace_recovery(conn, user_id, &hashes).await?;
    Ok(codes
        .iter()
        .map(|c| {
            (0..6)
                .map(|i| &c[i * 4..i * 4 + 4])
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect())
}

fn render_recovery(env: &Env, codes: &[String]) -> Result<Response> {
    let locale = env.ctx.locale;
    let title = i18n::t(locale, "totp-recovery-title");
    let data = crate::views::Recovery {
        intro: i18n::t(locale, "totp-recovery-intro"),
        codes: codes.to_vec(),
    };
    let page = env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "recovery",
        &title,
        data,
    )?;
    Ok(respond::secret(page))
}

/// Turns the pending secret on if `typed` is a valid code for it; at an
/// enrolment during sign-in, uses its `challenge` and records the sign-in in
/// the same transaction. `Ok(None)`: a wrong code, or a challenge already used.
async fn confirm_pending(
    env: &Env,
    user_id: i64,
    typed: &str,
    challenge: Option<i64>,
) -> Result<Option<Vec<String>>> {
    let Some(state) = store::totp_of(&env.conn, user_id).await? else {
        return Ok(None);
    };
    let Some(pending) = state.pending else {
        return Ok(None);
    };
    let now = palabre_kit::now();
    let Some(step) = totp::verify(&pending, typed, now, 0) else {
        return Ok(None);
    };
    let ip = env.ctx.client_ip.clone();
    let from = Letterhead::of(env);
    db::immediate(&env.conn, async |conn| {
        if let Some(id) = challenge
            && !store::challenge_used(conn, id, now).await?
        {
            return Ok(None);
        }
        store::enable_totp(conn, user_id, step, now).await?;
        let codes = issue_recovery_codes(conn, user_id).await?;
        audit::record(conn, Some(user_id), "2fa-enabled", None, ip.as_deref()).await?;
        notify_security_change(conn, &from, user_id, SecurityChange::TwoFactorOn).await?;
        if challenge.is_some() {
            let how = Some("2fa-enrolled");
            audit::record(conn, Some(user_id), "login", how, ip.as_deref()).await?;
        }
        Ok::<_, Error>(Some(codes))
    })
    .await
}

/// `POST /account/login/enrol`: staff who must use two-factor sign-in enrol
/// before their first session.
pub async fn login_enrol(env: &mut Env) -> Result<Response> {
    let Some(CodeStep {
        token,
        typed,
        challenge_id,
        user_id,
        now,
    }) = code_step(env, "enrol").await?
    else {
        return challenge_expired(env);
    };
    let Some(codes) = confirm_pending(env, user_id, &typed, Some(challenge_id)).await? else {
        if store::challenge(&env.conn, &tokens::hash_token(&token), "enrol", now)
            .await?
            .is_none()
        {
            return challenge_expired(env);
        }
        store::challenge_failed(&env.conn, challenge_id).await?;
        let state = store::totp_of(&env.conn, user_id).await?;
        let (pending, email) = state
            .map(|s| (s.pending.unwrap_or_default(), s.email))
            .unwrap_or_default();
        let step = Step::sign_in_enrol(&token, &pending, &email, Some(FieldError::WrongCode));
        return render_step(env, &step, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    Ok(respond::start_session(
        render_recovery(env, &codes)?,
        user_id,
    ))
}

/// `GET /account/2fa`: status, and a new secret to scan when it is off.
pub async fn settings(env: &mut Env) -> Result<Response> {
    let user_id = permissions::staff(env)?;
    let state = store::totp_of(&env.conn, user_id)
        .await?
        .ok_or(Error::NotFound)?;
    if state.secret.is_some() {
        let step = Step::turn_off(None);
        return render_step(env, &step, http::StatusCode::OK);
    }
    let secret = totp::new_secret()?;
    store::set_pending(&env.conn, user_id, &secret).await?;
    let step = Step::turn_on(&secret, &state.email, None);
    render_step(env, &step, http::StatusCode::OK)
}

pub async fn enable(env: &mut Env) -> Result<Response> {
    let user_id = permissions::staff(env)?;
    let form = env.submission().await?;
    let typed = form.get("code").to_string();
    match confirm_pending(env, user_id, &typed, None).await? {
        Some(codes) => render_recovery(env, &codes),
        None => {
            let state = store::totp_of(&env.conn, user_id)
                .await?
                .ok_or(Error::NotFound)?;
            let pending = state.pending.unwrap_or_default();
            let step = Step::turn_on(&pending, &state.email, Some(FieldError::WrongCode));
            render_step(env, &step, http::StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

pub async fn disable(env: &mut Env) -> Result<Response> {
    let user_id = permissions::staff(env)?;
    let form = env.submission().await?;
    let typed = form.get("code").to_string();
    if required_for_staff(env).await? {
        return Err(Error::Forbidden);
    }
    let ip = env.ctx.client_ip.clone();
    let from = Letterhead::of(env);
    let off = db::immediate(&env.conn, async |conn| {
        if !code_ok(conn, user_id, &typed, false).await? {
            return Ok(false);
        }
        store::disable_totp(conn, user_id).await?;
        audit::record(conn, Some(user_id), "2fa-disabled", None, ip.as_deref()).await?;
        notify_security_change(conn, &from, user_id, SecurityChange::TwoFactorOff).await?;
        Ok::<_, Error>(true)
    })
    .await?;
    if !off {
        let step = Step::turn_off(Some(FieldError::WrongCode));
        return render_step(env, &step, http::StatusCode::UNPROCESSABLE_ENTITY);
    }
    notice(
        env,
        "totp-settings-title",
        "totp-disabled-body",
        http::StatusCode::OK,
    )
}

fn render_security(env: &Env, required: bool, saved: bool) -> Result<Response> {
    let locale = env.ctx.locale;
    let entry = Entry::new().ticked_if("require_staff_2fa", required);
    let form = FormView::of(locale, &entry)
        .checkbox("require_staff_2fa", "field-require-staff-2fa")
        .optional();
    let title = i18n::t(locale, "security-title");
    let data = palabre_kit::view::FormPage {
        intro: Some(i18n::t(locale, "security-intro")),
        saved: saved.then(|| i18n::t(locale, "profile-saved")),
        ..palabre_kit::view::FormPage::new(
            "/account/security",
            form.view(),
            i18n::t(locale, "profile-submit"),
        )
    };
    env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "form_page",
        &title,
        data,
    )
}

/// `GET /account/security`: instance-wide security settings (administrators).
pub async fn security_form(env: &mut Env) -> Result<Response> {
    permissions::admin(env)?;
    let required = required_for_staff(env).await?;
    render_security(env, required, false)
}

pub async fn security_save(env: &mut Env) -> Result<Response> {
    let user_id = permissions::admin(env)?;
    let form = env.submission().await?;
    let required = form.get("require_staff_2fa") == TICKED;
    let value = if required { "true" } else { "false" };
    let ip = env.ctx.client_ip.clone();
    db::immediate(&env.conn, async |conn| {
        palabre_kit::Site::set(conn, REQUIRE_SETTING, value).await?;
        audit::record(
            conn,
            Some(user_id),
            "2fa-requirement",
            Some(value),
            ip.as_deref(),
        )
        .await?;
        Ok::<(), Error>(())
    })
    .await?;
    render_security(env, required, true)
}
