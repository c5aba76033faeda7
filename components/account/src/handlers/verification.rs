//! `/account/verification`: where a person stands as a resident, and how to
//! become a verified one. With FranceConnect (an identity the State vouches
//! for) and an address declared under one of the commune's postal codes, at
//! once; otherwise at the town-hall desk. The declared address is checked,
//! not kept: the verification records the method, the district chosen, and
//! when (`palabre_identity`).

use palabre_domain::account::FieldError;
use palabre_domain::verification::{self, Method};
use palabre_kit::app::Env;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::oidc::Provider;
use palabre_kit::{Error, Response, Result, audit, db, i18n, participation, respond};

use crate::handlers::oidc::button;
use crate::store;

const FIELDS: [&str; 3] = ["address", "postal_code", "district"];
const MAX_ADDRESS: usize = 200;

/// Can this person be verified here with FranceConnect: the commune lists
/// its postal codes and offers FranceConnect; `Some(true)` once they signed
/// in with it.
async fn franceconnect(env: &Env, user_id: i64) -> Result<Option<bool>> {
    if env.site.postal_codes.is_empty()
        || !env.ctx.oidc.providers.contains(&Provider::FranceConnect)
    {
        return Ok(None);
    }
    let linked = store::identities_of(&env.conn, user_id).await?;
    Ok(Some(
        linked
            .iter()
            .any(|(p, _, _)| p == Provider::FranceConnect.id()),
    ))
}

const CENSUS_FIELDS: [&str; 4] = [
    "family_name",
    "given_name",
    "birth_date",
    "census_postal_code",
];

pub async fn page(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    render(
        env,
        user_id,
        &Entry::new(),
        &Entry::new(),
        http::StatusCode::OK,
    )
    .await
}

async fn render(
    env: &Env,
    user_id: i64,
    entry: &Entry,
    census_entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let current = palabre_identity::current(&env.conn, user_id).await?;
    let verified = current.as_ref().map(|v| {
        let method = i18n::t(
            locale,
            &format!("verification-method-{}", v.method.as_str()),
        );
        let when = i18n::date_time_in(locale, env.site.zone, v.at);
        match &v.district {
            Some((_, district)) => i18n::t_args(
                locale,
                "my-verification-you-are-of",
                &[("method", &method), ("when", &when), ("district", district)],
            ),
            None => i18n::t_args(
                locale,
                "my-verification-you-are",
                &[("method", &method), ("when", &when)],
            ),
        }
    });
    let fc = if current.is_some() {
        None
    } else {
        franceconnect(env, user_id).await?
    };
    let form = match fc {
        Some(true) => {
            let districts = participation::districts(&env.conn).await?;
            let mut options = vec![(
                String::new(),
                i18n::t(locale, "my-verification-no-district"),
            )];
            options.extend(
                districts
                    .into_iter()
                    .map(|(id, name)| (id.to_string(), name)),
            );
            Some(
                FormView::of(locale, entry)
                    .input(
                        "address",
                        "text",
                        "my-verification-field-address",
                        "street-address",
                    )
                    .input(
                        "postal_code",
                        "text",
                        "my-verification-field-postal-code",
                        "postal-code",
                    )
                    .hint("my-verification-field-postal-code-hint")
                    .select("district", "my-verification-field-district", options)
                    .optional()
                    .view(),
            )
        }
        _ => None,
    };
    let sign_in_first = (fc == Some(false)).then(|| button(locale, Provider::FranceConnect));
    let census = if current.is_none() && palabre_identity::census_open(&env.conn).await? > 0 {
        Some(
            FormView::of(locale, census_entry)
                .input(
                    "family_name",
                    "text",
                    "my-verification-field-family-name",
                    "family-name",
                )
                .input(
                    "given_name",
                    "text",
                    "my-verification-field-given-name",
                    "given-name",
                )
                .input(
                    "birth_date",
                    "date",
                    "my-verification-field-birth-date",
                    "bday",
                )
                .hint("my-verification-field-birth-date-hint")
                .input(
                    "census_postal_code",
                    "text",
                    "my-verification-field-postal-code",
                    "postal-code",
                )
                .view(),
        )
    } else {
        None
    };
    let title = i18n::t(locale, "my-verification-title");
    let data = crate::views::Verification {
        verified,
        form,
        sign_in_first,
        census,
        desk: i18n::t(locale, "my-verification-desk"),
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "verification", &title, data)
}

/// A resident signed in with FranceConnect declares their address.
pub async fn declare(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let form = env.submission().await?;
    if palabre_identity::current(&env.conn, user_id)
        .await?
        .is_some()
    {
        return Ok(respond::redirect("/account/verification"));
    }
    if franceconnect(env, user_id).await? != Some(true) {
        return Err(Error::Forbidden);
    }
    let mut e = Entry::read(&form, &FIELDS);
    let address = e.check("address", |v| palabre_domain::account::line(v, MAX_ADDRESS));
    let codes = env.site.postal_codes.clone();
    let code = e.check("postal_code", |v| {
        let code = verification::postal_code(v)?;
        if codes.contains(&code) {
            Ok(code)
        } else {
            Err(FieldError::OutsideCommune)
        }
    });
    let districts = participation::districts(&env.conn).await?;
    let district = e.check_optional("district", |v| {
        v.parse::<i64>()
            .ok()
            .filter(|id| districts.iter().any(|(d, _)| d == id))
            .ok_or(FieldError::InvalidChoice)
    });
    let (Some(_), Some(_), Some(district)) = (address, code, district) else {
        return render(
            env,
            user_id,
            &e,
            &Entry::new(),
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    db::immediate(&env.conn, async |conn| {
        palabre_identity::verify(conn, user_id, Method::FranceConnect, district, None, now).await?;
        audit::record(
            conn,
            Some(user_id),
            "resident-verified",
            Some("franceconnect"),
            ip.as_deref(),
        )
        .await?;
        Ok::<_, Error>(())
    })
    .await?;
    Ok(respond::redirect("/account/verification"))
}

/// A resident's details against the census list: a row not used yet that
/// matches verifies them, in its district, and becomes theirs.
pub async fn census(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let form = env.submission().await?;
    if palabre_identity::current(&env.conn, user_id)
        .await?
        .is_some()
    {
        return Ok(respond::redirect("/account/verification"));
    }
    let key = env
        .ctx
        .census_key
        .clone()
        .ok_or_else(|| Error::Internal("the gate gave no census key".into()))?;
    let mut e = Entry::read(&form, &CENSUS_FIELDS);
    e.check("family_name", |v| palabre_domain::account::line(v, 120));
    e.check("given_name", |v| palabre_domain::account::line(v, 120));
    e.check("birth_date", verification::census_birth_date);
    e.check("census_postal_code", verification::postal_code);
    let identity = verification::census_identity(
        e.get("family_name"),
        e.get("given_name"),
        e.get("birth_date"),
        e.get("census_postal_code"),
    );
    let identity = match identity {
        Ok(identity) if e.is_valid() => identity,
        _ => {
            let status = http::StatusCode::UNPROCESSABLE_ENTITY;
            return render(env, user_id, &Entry::new(), &e, status).await;
        }
    };
    let hash = palabre_kit::census::hash(&key, &identity)
        .ok_or_else(|| Error::Internal("census key too short".into()))?;
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    let verified = db::immediate(&env.conn, async |conn| {
        let Some(district) = palabre_identity::claim_census(conn, &hash, user_id, now).await?
        else {
            audit::record(conn, Some(user_id), "census-no-match", None, ip.as_deref()).await?;
            return Ok::<_, Error>(false);
        };
        palabre_identity::verify(conn, user_id, Method::Census, district, None, now).await?;
        audit::record(
            conn,
            Some(user_id),
            "resident-verified",
            Some("census"),
            ip.as_deref(),
        )
        .await?;
        Ok(true)
    })
    .await?;
    if !verified {
        e.refuse("family_name", FieldError::NotOnTheList);
        return render(
            env,
            user_id,
            &Entry::new(),
            &e,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    Ok(respond::redirect("/account/verification"))
}
