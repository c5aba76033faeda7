//! A proposal's form: a new one in a process, or a draft edited.

use palabre_domain::account::FieldError;
use palabre_domain::proposal::{self as rules};
use palabre_kit::forms::{FormView, Submission};
use palabre_kit::respond::{self};
use palabre_kit::{Error, Response, Result, db, i18n, images};

use super::*;
use crate::Env;
use crate::store::{self, Input, Process, Proposal};
use palabre_kit::view::{FormPage, Link};

struct Values {
    title: String,
    body: String,
    category: String,
    district: String,
    address: String,
    latitude: String,
    longitude: String,
    image_alt: String,
}

#[derive(Default)]
struct Errors {
    title: Option<FieldError>,
    body: Option<FieldError>,
    category: Option<FieldError>,
    district: Option<FieldError>,
    address: Option<FieldError>,
    location: Option<FieldError>,
    image: Option<FieldError>,
    image_alt: Option<FieldError>,
}

/// Where a form is: a new proposal in a process, or a draft being edited.
struct Place {
    process_id: i64,
    action: String,
    back: Link,
    image: Option<i64>,
}

impl Place {
    fn new_in(process: &Process) -> Place {
        Place {
            process_id: process.id,
            action: format!("/proposals/new?process={}", process.slug),
            back: Link::new(
                format!("/proposals?process={}", process.slug),
                process.title.clone(),
            ),
            image: None,
        }
    }

    fn draft(p: &Proposal) -> Place {
        Place {
            process_id: p.process_id,
            action: format!("/proposals/{}/edit", p.id),
            back: Link::new(format!("/proposals/{}", p.id), p.title.clone()),
            image: p.image_id,
        }
    }
}

async fn render_form(
    env: &Env,
    place: Place,
    v: &Values,
    e: &Errors,
    status: http::StatusCode,
) -> Result<Response> {
    let Place {
        process_id,
        action,
        back,
        image,
    } = place;
    let locale = env.ctx.locale;
    let centre = store::centre(&env.conn, process_id).await?;
    let mut categories = vec![(String::new(), i18n::t(locale, "proposal-no-category"))];
    categories.extend(
        store::categories(&env.conn)
            .await?
            .into_iter()
            .map(|(id, n)| (id.to_string(), n)),
    );
    let mut districts = vec![(String::new(), i18n::t(locale, "process-scope-commune"))];
    districts.extend(
        store::districts(&env.conn)
            .await?
            .into_iter()
            .map(|(id, n)| (id.to_string(), n)),
    );
    let form = FormView::new(locale)
        .input(
            "title",
            "text",
            "proposal-field-title",
            &v.title,
            "off",
            e.title,
        )
        .hint("proposal-field-title-hint")
        .textarea("body", "proposal-field-body", &v.body, e.body)
        .hint("admin-field-markdown-hint")
        .select(
            "category",
            "proposal-field-category",
            categories,
            &v.category,
            e.category,
        )
        .select(
            "district",
            "proposal-field-district",
            districts,
            &v.district,
            e.district,
        )
        .input(
            "address",
            "text",
            "proposal-field-address",
            &v.address,
            "street-address",
            e.address,
        )
        .optional()
        .hint("proposal-field-address-hint")
        .input(
            "latitude",
            "text",
            "proposal-field-latitude",
            &v.latitude,
            "off",
            e.location,
        )
        .optional()
        .input(
            "longitude",
            "text",
            "proposal-field-longitude",
            &v.longitude,
            "off",
            None,
        )
        .optional()
        .hint("proposal-field-location-hint");
    let image = images::shown(&env.conn, image).await?;
    let form = images::fields(form, image.as_ref(), &v.image_alt, (e.image, e.image_alt));
    let data = FormPage {
        with_map: Some(palabre_kit::map::view(centre, 14)),
        image: image.map(Into::into),
        intro: Some(i18n::t(locale, "proposal-form-intro")),
        back: Some(back),
        ..FormPage::new(action, form.view(), i18n::t(locale, "proposal-save-draft"))
    };
    let title = i18n::t(locale, "proposal-new-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

fn blank() -> Values {
    Values {
        title: String::new(),
        body: String::new(),
        category: String::new(),
        district: String::new(),
        address: String::new(),
        latitude: String::new(),
        longitude: String::new(),
        image_alt: String::new(),
    }
}

/// The form's values, checked: what to save, with the image change to apply
/// (`current`: the draft's image).
async fn check(
    env: &Env,
    v: &Values,
    form: &Submission,
    current: Option<i64>,
) -> Result<std::result::Result<(Input, images::Change), Errors>> {
    let mut e = Errors::default();
    let image = images::Change::read(form, current, &mut e.image, &mut e.image_alt);
    let title = rules::title(&v.title).map_err(|x| e.title = Some(x)).ok();
    let body = rules::body(&v.body).map_err(|x| e.body = Some(x)).ok();
    let address = if v.address.trim().is_empty() {
        Some(String::new())
    } else {
        palabre_domain::account::line(&v.address, rules::MAX_ADDRESS)
            .map_err(|x| e.address = Some(x))
            .ok()
    };
    let location = rules::location(&v.latitude, &v.longitude)
        .map_err(|x| e.location = Some(x))
        .ok();
    let categories = store::categories(&env.conn).await?;
    let category_id = listed(&v.category, &categories, &mut e.category);
    let districts = store::districts(&env.conn).await?;
    let district_id = listed(&v.district, &districts, &mut e.district);
    Ok(
        match (
            title,
            body,
            address,
            location,
            category_id,
            district_id,
            image,
        ) {
            (
                Some(title),
                Some(body),
                Some(address),
                Some(location),
                Some(category_id),
                Some(district_id),
                Some(image),
            ) => Ok((
                Input {
                    title,
                    body,
                    category_id,
                    district_id,
                    address,
                    location,
                    image_id: None,
                },
                image,
            )),
            _ => Err(e),
        },
    )
}

/// An optional choice among `(id, name)` rows: `Some(None)` when empty,
/// `None` (with the error set) when not one of them.
fn listed(raw: &str, all: &[(i64, String)], error: &mut Option<FieldError>) -> Option<Option<i64>> {
    match raw.trim() {
        "" => Some(None),
        raw => match raw
            .parse::<i64>()
            .ok()
            .filter(|id| all.iter().any(|c| c.0 == *id))
        {
            Some(id) => Some(Some(id)),
            None => {
                *error = Some(FieldError::InvalidChoice);
                None
            }
        },
    }
}

fn read(form: &Submission) -> Values {
    Values {
        title: form.get("title").to_string(),
        body: form.get("body").to_string(),
        category: form.get("category").to_string(),
        district: form.get("district").to_string(),
        address: form.get("address").to_string(),
        latitude: form.get("latitude").to_string(),
        longitude: form.get("longitude").to_string(),
        image_alt: form.get("image_alt").to_string(),
    }
}

/// Proposals are submitted while a phase with the proposal tool is under way.
async fn open_process(env: &Env) -> Result<Process> {
    let process = process_of_query(env).await?;
    if !store::tool_open(&env.conn, process.id, &today()).await? {
        return Err(Error::NotFound);
    }
    Ok(process)
}

pub async fn new_form(env: &Env) -> Result<Response> {
    let process = open_process(env).await?;
    if env.ctx.visitor.user_id.is_none() {
        return Ok(respond::redirect("/account/login"));
    }
    render_form(
        env,
        Place::new_in(&process),
        &blank(),
        &Errors::default(),
        http::StatusCode::OK,
    )
    .await
}

pub async fn create(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let process = open_process(env).await?;
    let form = env.submission().await?;
    let v = read(&form);
    let (mut input, image) = match check(env, &v, &form, None).await? {
        Ok(checked) => checked,
        Err(e) => {
            return render_form(
                env,
                Place::new_in(&process),
                &v,
                &e,
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let now = palabre_kit::now();
    let shuffle = rules::seed_of(&format!("{user_id}-{now}-{}", input.title));
    // The photo and the proposal, together.
    let id = db::immediate(&env.conn, async |conn| {
        input.image_id = image.apply(conn, env.ctx.visitor.user_id).await?;
        Ok::<_, Error>(store::create(conn, process.id, user_id, &input, shuffle, now).await?)
    })
    .await?;
    Ok(respond::redirect(&format!("/proposals/{id}")))
}

pub async fn edit_form(env: &Env, raw_id: &str) -> Result<Response> {
    let p = visible(env, raw_id).await?;
    if !permissions::may_edit(&env.ctx.visitor, &p) {
        return Err(Error::Forbidden);
    }
    let v = Values {
        title: p.title.clone(),
        body: p.body.clone(),
        category: p
            .category
            .as_ref()
            .map(|c| c.0.to_string())
            .unwrap_or_default(),
        district: p
            .district
            .as_ref()
            .map(|d| d.0.to_string())
            .unwrap_or_default(),
        address: p.address.clone(),
        latitude: p.location.map(|l| l.0.to_string()).unwrap_or_default(),
        longitude: p.location.map(|l| l.1.to_string()).unwrap_or_default(),
        image_alt: images::shown(&env.conn, p.image_id)
            .await?
            .map(|i| i.alt)
            .unwrap_or_default(),
    };
    render_form(
        env,
        Place::draft(&p),
        &v,
        &Errors::default(),
        http::StatusCode::OK,
    )
    .await
}

pub async fn edit(env: &mut Env, raw_id: &str) -> Result<Response> {
    let p = visible(env, raw_id).await?;
    if !permissions::may_edit(&env.ctx.visitor, &p) {
        return Err(Error::Forbidden);
    }
    let form = env.submission().await?;
    let v = read(&form);
    match check(env, &v, &form, p.image_id).await? {
        Ok((mut input, image)) => {
            db::immediate(&env.conn, async |conn| {
                input.image_id = image.apply(conn, env.ctx.visitor.user_id).await?;
                Ok::<_, Error>(store::update(conn, p.id, &input, palabre_kit::now()).await?)
            })
            .await?;
            Ok(respond::redirect(&format!("/proposals/{}", p.id)))
        }
        Err(e) => {
            render_form(
                env,
                Place::draft(&p),
                &v,
                &e,
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
