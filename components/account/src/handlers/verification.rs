//! `/account/verification`: where a person stands as a resident, and how to
//! become a verified one. With FranceConnect (an identity the State vouches
//! for) and an address declared under one of the commune's postal codes, at
//! once; with the census list; with a code the town hall sends by post (the
//! address is kept until the code is typed back); otherwise at the
//! town-hall desk. The declared address is checked,
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
    render(env, user_id, &Forms::default(), http::StatusCode::OK).await
}

/// What each form of the page shows (a refused one, its entry).
#[derive(Default)]
struct Forms {
    franceconnect: Entry,
    census: Entry,
    letter: Entry,
}

async fn render(
    env: &Env,
    user_id: i64,
    forms: &Forms,
    status: http::StatusCode,
) -> Result<Response> {
    let (entry, census_entry) = (&forms.franceconnect, &forms.census);
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
            let options = district_options(env).await?;
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
    let letter = if current.is_none() && env.site.offers_letters() {
        Some(letter_view(env, user_id, &forms.letter).await?)
    } else {
        None
    };
    let title = i18n::t(locale, "my-verification-title");
    let data = crate::views::Verification {
        verified,
        form,
        sign_in_first,
        census,
        letter,
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
        let forms = Forms {
            franceconnect: e,
            ..Forms::default()
        };
        return render(env, user_id, &forms, http::StatusCode::UNPROCESSABLE_ENTITY).await;
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
    let key = env.ctx.verification_key()?;
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
            let forms = Forms {
                census: e,
                ..Forms::default()
            };
            return render(env, user_id, &forms, http::StatusCode::UNPROCESSABLE_ENTITY).await;
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
        let forms = Forms {
            census: e,
            ..Forms::default()
        };
        return render(env, user_id, &forms, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    Ok(respond::redirect("/account/verification"))
}

const LETTER_FIELDS: [&str; 5] = [
    "recipient",
    "letter_address",
    "letter_postal_code",
    "town",
    "letter_district",
];

/// The districts to choose from, "I don't know" first.
async fn district_options(env: &Env) -> Result<Vec<(String, String)>> {
    let locale = env.ctx.locale;
    let mut options = vec![(
        String::new(),
        i18n::t(locale, "my-verification-no-district"),
    )];
    options.extend(
        participation::districts(&env.conn)
            .await?
            .into_iter()
            .map(|(id, name)| (id.to_string(), name)),
    );
    Ok(options)
}

/// The letter's part of the page: the form to ask for one; once asked, where
/// it stands; once printed, the field for its code.
async fn letter_view(env: &Env, user_id: i64, entry: &Entry) -> Result<crate::views::Letter> {
    let locale = env.ctx.locale;
    let zone = env.site.zone;
    let now = palabre_kit::now();
    let open = palabre_identity::open_letter(&env.conn, user_id, now).await?;
    let Some(open) = open else {
        let form = FormView::of(locale, entry)
            .input(
                "recipient",
                "text",
                "my-verification-field-recipient",
                "name",
            )
            .hint("my-verification-field-recipient-hint")
            .input(
                "letter_address",
                "text",
                "my-verification-field-address",
                "street-address",
            )
            .input(
                "letter_postal_code",
                "text",
                "my-verification-field-postal-code",
                "postal-code",
            )
            .hint("my-verification-field-postal-code-hint")
            .input(
                "town",
                "text",
                "my-verification-field-town",
                "address-level2",
            )
            .select(
                "letter_district",
                "my-verification-field-district",
                district_options(env).await?,
            )
            .optional()
            .view();
        return Ok(crate::views::Letter {
            status: None,
            ask: Some(form),
            code: None,
        });
    };
    let (status, code) = match (open.printed_at, open.expires_at) {
        (Some(printed), Some(expires)) => {
            let status = i18n::t_args(
                locale,
                "my-verification-letter-sent",
                &[
                    ("date", &i18n::long_date_in(locale, zone, printed)),
                    ("expires", &i18n::long_date_in(locale, zone, expires)),
                ],
            );
            let form = FormView::of(locale, entry)
                .input(
                    "letter_code",
                    "text",
                    "my-verification-field-letter-code",
                    "one-time-code",
                )
                .hint("my-verification-field-letter-code-hint")
                .view();
            (status, Some(form))
        }
        _ => (
            i18n::t_args(
                locale,
                "my-verification-letter-asked",
                &[
                    ("date", &i18n::long_date_in(locale, zone, open.requested_at)),
                    ("place", &format!("{} {}", open.postal_code, open.town)),
                ],
            ),
            None,
        ),
    };
    Ok(crate::views::Letter {
        status: Some(status),
        ask: None,
        code,
    })
}

/// Whether this person may use the letters now: not verified yet, and the
/// commune offers them.
async fn letters_for(env: &Env, user_id: i64) -> Result<bool> {
    if !env.site.offers_letters() {
        return Err(Error::NotFound);
    }
    Ok(palabre_identity::current(&env.conn, user_id)
        .await?
        .is_none())
}

/// A resident asks for a letter at their address in the commune (a new one
/// replaces the one asked before).
pub async fn letter(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let form = env.submission().await?;
    if !letters_for(env, user_id).await? {
        return Ok(respond::redirect("/account/verification"));
    }
    let mut e = Entry::read(&form, &LETTER_FIELDS);
    let recipient = e.check("recipient", |v| palabre_domain::account::line(v, 120));
    let address = e.check("letter_address", |v| {
        palabre_domain::account::line(v, MAX_ADDRESS)
    });
    let codes = env.site.postal_codes.clone();
    let postal_code = e.check("letter_postal_code", |v| {
        let code = verification::postal_code(v)?;
        if codes.contains(&code) {
            Ok(code)
        } else {
            Err(FieldError::OutsideCommune)
        }
    });
    let town = e.check("town", |v| palabre_domain::account::line(v, 80));
    let districts = participation::districts(&env.conn).await?;
    let district = e.check_optional("letter_district", |v| {
        v.parse::<i64>()
            .ok()
            .filter(|id| districts.iter().any(|(d, _)| d == id))
            .ok_or(FieldError::InvalidChoice)
    });
    let (Some(recipient), Some(address), Some(postal_code), Some(town), Some(district)) =
        (recipient, address, postal_code, town, district)
    else {
        let forms = Forms {
            letter: e,
            ..Forms::default()
        };
        return render(env, user_id, &forms, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let to = palabre_identity::LetterAddress {
        recipient,
        address,
        postal_code,
        town,
        district,
    };
    let now = palabre_kit::now();
    let locale = env.ctx.locale.code();
    let ip = env.ctx.client_ip.clone();
    db::immediate(&env.conn, async |conn| {
        palabre_identity::request_letter(conn, user_id, locale, &to, now).await?;
        audit::record(conn, Some(user_id), "letter-requested", None, ip.as_deref()).await?;
        Ok::<_, Error>(())
    })
    .await?;
    Ok(respond::redirect("/account/verification"))
}

/// A resident cancels the letter they asked for (not received, moved).
pub async fn letter_cancel(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    env.submission().await?;
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    db::immediate(&env.conn, async |conn| {
        palabre_identity::cancel_letter(conn, user_id, now).await?;
        audit::record(conn, Some(user_id), "letter-cancelled", None, ip.as_deref()).await?;
        Ok::<_, Error>(())
    })
    .await?;
    Ok(respond::redirect("/account/verification"))
}

/// The code of a letter, typed back: the person's own printed letter, not
/// expired, verifies them in the district they gave (five tries an hour:
/// the gate's `letter-user` bucket).
pub async fn letter_code(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let form = env.submission().await?;
    if !letters_for(env, user_id).await? {
        return Ok(respond::redirect("/account/verification"));
    }
    let key = env.ctx.verification_key()?;
    let mut e = Entry::read(&form, &["letter_code"]);
    let code = e.check("letter_code", verification::letter_code_typed);
    let Some(code) = code else {
        let forms = Forms {
            letter: e,
            ..Forms::default()
        };
        return render(env, user_id, &forms, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let hash = palabre_kit::census::letter_hash(&key, &code)
        .ok_or_else(|| Error::Internal("verification key too short".into()))?;
    let now = palabre_kit::now();
    let ip = env.ctx.client_ip.clone();
    let verified = db::immediate(&env.conn, async |conn| {
        let Some(district) = palabre_identity::claim_letter(conn, user_id, &hash, now).await?
        else {
            audit::record(
                conn,
                Some(user_id),
                "letter-code-refused",
                None,
                ip.as_deref(),
            )
            .await?;
            return Ok::<_, Error>(false);
        };
        palabre_identity::verify(conn, user_id, Method::Letter, district, None, now).await?;
        audit::record(
            conn,
            Some(user_id),
            "resident-verified",
            Some("letter"),
            ip.as_deref(),
        )
        .await?;
        Ok(true)
    })
    .await?;
    if !verified {
        e.refuse("letter_code", FieldError::NotTheLetterCode);
        let forms = Forms {
            letter: e,
            ..Forms::default()
        };
        return render(env, user_id, &forms, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    Ok(respond::redirect("/account/verification"))
}
