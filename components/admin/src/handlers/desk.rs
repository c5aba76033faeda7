//! `/admin/desk` (moderators and administrators): the town-hall desk. For a
//! resident without internet, staff create an account without an email
//! address and verify them in person, at once; the account is a citizen's
//! like any other (its verification says "at the desk", by whom). Staff may
//! give the resident a claim code, later: with it, the resident takes the
//! account online with their email and a password (`/account/claim`). The
//! code is shown once and kept only as a keyed hash (`kit::census`).

use palabre_domain::account::FieldError;
use palabre_domain::verification::{self, Method};
use palabre_identity::CLAIM_DAYS;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::{Error, Response, Result, census, db, i18n, participation, respond};

use crate::Env;
use crate::handlers::{link, record_in};
use crate::store;
use palabre_kit::view::Link;

const SHOWN: i64 = 100;
const FIELDS: [&str; 3] = ["name", "district", "seen"];

pub async fn page(env: &Env) -> Result<Response> {
    render(env, &Entry::new(), http::StatusCode::OK).await
}

async fn render(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let zone = env.site.zone;
    let now = palabre_kit::now();
    let mut districts = vec![(String::new(), i18n::t(locale, "verification-no-district"))];
    districts.extend(
        participation::districts(&env.conn)
            .await?
            .into_iter()
            .map(|(id, name)| (id.to_string(), name)),
    );
    let form = FormView::of(locale, entry)
        .input("name", "text", "desk-field-name", "off")
        .hint("desk-field-name-hint")
        .select("district", "verification-district", districts)
        .optional()
        .checkbox("seen", "verification-desk-seen")
        .view();
    let accounts = palabre_identity::desk_accounts(&env.conn, SHOWN)
        .await?
        .into_iter()
        .map(|a| {
            let state = match (a.claimed_at, a.code_expires_at) {
                (Some(at), _) => i18n::t_args(
                    locale,
                    "desk-claimed",
                    &[("date", &i18n::long_date_in(locale, zone, at))],
                ),
                (None, Some(until)) if until > now => i18n::t_args(
                    locale,
                    "desk-code-until",
                    &[("date", &i18n::long_date_in(locale, zone, until))],
                ),
                _ => i18n::t(locale, "desk-no-code"),
            };
            crate::views::DeskRow {
                id: a.user_id,
                href: format!("/admin/people/{}", a.user_id),
                name: a.name,
                registered: i18n::long_date_in(locale, zone, a.registered_at),
                by: a
                    .by
                    .unwrap_or_else(|| i18n::t(locale, "verification-by-nobody")),
                state,
                can_claim: a.claimed_at.is_none(),
            }
        })
        .collect();
    // After a registration, the account's name (looked up, never the query's text).
    let registered = match env.ctx.query("registered").map(str::parse::<i64>) {
        Some(Ok(id)) => palabre_identity::desk_account(&env.conn, id).await?,
        _ => None,
    };
    let data = crate::views::Desk {
        saved: registered.map(|a| Link {
            href: format!("/admin/people/{}", a.user_id),
            label: i18n::t_args(locale, "desk-registered", &[("name", &a.name)]),
        }),
        form,
        accounts,
        back: link(env, "/admin", "admin-back-to-index"),
    };
    let title = i18n::t(locale, "desk-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "desk", &title, data)
}

/// Registers a resident seen in person: a new account without an email,
/// verified at the desk by this staff member, in one transaction.
pub async fn register(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &FIELDS);
    let name = e.check("name", palabre_domain::account::display_name);
    let districts = participation::districts(&env.conn).await?;
    let district = e.check_optional("district", |v| {
        v.parse::<i64>()
            .ok()
            .filter(|id| districts.iter().any(|(d, _)| d == id))
            .ok_or(FieldError::InvalidChoice)
    });
    if !e.ticked("seen") {
        e.refuse("seen", FieldError::MustAccept);
    }
    let (Some(name), Some(district), true) = (name, district, e.is_valid()) else {
        return render(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let staff = env.ctx.visitor.user_id;
    let now = palabre_kit::now();
    let locale = env.site.default_locale.code();
    let id = db::immediate(&env.conn, async |conn| {
        let id = store::desk_citizen(conn, &name, locale, now).await?;
        palabre_identity::desk_registered(conn, id, staff, now).await?;
        palabre_identity::verify(conn, id, Method::Desk, district, staff, now).await?;
        record_in(conn, &env.ctx, "desk-registered", &format!("user:{id}")).await?;
        Ok::<_, Error>(id)
    })
    .await?;
    Ok(respond::redirect(&format!("/admin/desk?registered={id}")))
}

/// Gives a desk account a new claim code, shown on this page only
/// (`respond::secret`: no cache, no replay store keeps it).
pub async fn claim_code(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let Ok(id) = form.get("person").parse::<i64>() else {
        return Err(Error::BadRequest("person"));
    };
    let key = env.ctx.verification_key()?;
    let link = env.ctx.mail_links()?.to("/account/claim");
    let code =
        census::new_letter_code().map_err(|e| Error::Internal(format!("no randomness: {e}")))?;
    let hash = census::claim_hash(&key, &code)
        .ok_or_else(|| Error::Internal("verification key too short".into()))?;
    let now = palabre_kit::now();
    let given = db::immediate(&env.conn, async |conn| {
        if !palabre_identity::desk_claim_code(conn, id, &hash, now).await? {
            return Ok::<_, Error>(false);
        }
        record_in(conn, &env.ctx, "desk-claim-code", &format!("user:{id}")).await?;
        Ok(true)
    })
    .await?;
    if !given {
        return Err(Error::NotFound);
    }
    let account = palabre_identity::desk_account(&env.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let locale = env.ctx.locale;
    let until = i18n::long_date_in(locale, env.site.zone, now + CLAIM_DAYS * 86_400);
    let data = crate::views::DeskCode {
        name: account.name,
        code: verification::letter_code_printed(&code),
        how: i18n::t_args(
            locale,
            "desk-code-how",
            &[("link", link.as_str()), ("date", &until)],
        ),
        back: crate::handlers::link(env, "/admin/desk", "desk-title"),
    };
    let title = i18n::t(locale, "desk-code-title");
    let page = env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "desk_code",
        &title,
        data,
    )?;
    Ok(respond::secret(page))
}

/// Starts entering for a resident registered at the desk, sitting with this
/// staff member: the public site acts as them (the gate's desk session, an
/// hour at most) until the banner's "end"; what is sent then is theirs,
/// marked as entered at the desk by this staff member, and audited.
pub async fn act(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let Ok(id) = form.get("person").parse::<i64>() else {
        return Err(Error::BadRequest("person"));
    };
    // A claimed account is the resident's own now: they sign in themselves.
    let account = palabre_identity::desk_account(&env.conn, id)
        .await?
        .filter(|a| a.claimed_at.is_none())
        .ok_or(Error::NotFound)?;
    record_in(
        &env.conn,
        &env.ctx,
        "desk-started",
        &format!("user:{}", account.user_id),
    )
    .await?;
    Ok(respond::desk(
        respond::redirect("/"),
        &palabre_kit::desk::Ask::Start(account.user_id),
    ))
}

/// Ends the desk session: the staff member is themselves again.
pub async fn end(env: &mut Env) -> Result<Response> {
    env.submission().await?;
    record_in(&env.conn, &env.ctx, "desk-ended", "").await?;
    Ok(respond::desk(
        respond::redirect("/admin/desk"),
        &palabre_kit::desk::Ask::End,
    ))
}
