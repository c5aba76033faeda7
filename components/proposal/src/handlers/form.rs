//! A proposal's form: a new one in a process, or a draft edited.

use palabre_domain::proposal::{self as rules};
use palabre_kit::forms::{Entry, FormView, Submission};
use palabre_kit::respond::{self};
use palabre_kit::{Error, Response, Result, db, i18n, images};

use super::*;
use crate::Env;
use crate::store::{self, Input, Process, Proposal};
use palabre_kit::view::{FormPage, Link};

/// The form's fields, as [`Entry::read`] reads them (the image's are read
/// by `images::Change::read`).
const FIELDS: [&str; 7] = [
    "title",
    "body",
    "category",
    "district",
    "address",
    "latitude",
    "longitude",
];

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
    entry: &Entry,
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
    let form = FormView::of(locale, entry)
        .input("title", "text", "proposal-field-title", "off")
        .hint("proposal-field-title-hint")
        .textarea("body", "proposal-field-body")
        .hint("proposal-field-body-hint")
        .select("category", "proposal-field-category", categories)
        .optional()
        .select("district", "proposal-field-district", districts)
        .input(
            "address",
            "text",
            "proposal-field-address",
            "street-address",
        )
        .optional()
        .hint("proposal-field-address-hint")
        .input("latitude", "text", "proposal-field-latitude", "off")
        .optional()
        .input("longitude", "text", "proposal-field-longitude", "off")
        .optional()
        .hint("proposal-field-location-hint");
    let image = images::shown(&env.conn, image).await?;
    let form = images::fields(form, image.as_ref());
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

/// The form's values, checked: what to save, with the image change to apply
/// (`current`: the draft's image), or the entry with its messages.
async fn check(
    env: &Env,
    form: &Submission,
    current: Option<i64>,
) -> Result<std::result::Result<(Input, images::Change), Entry>> {
    let mut e = Entry::read(form, &FIELDS);
    let image = images::Change::read(form, current, &mut e);
    let title = e.check("title", rules::title);
    let body = e.check("body", rules::body);
    let address = e
        .check_optional("address", |v| {
            palabre_domain::account::line(v, rules::MAX_ADDRESS)
        })
        .map(Option::unwrap_or_default);
    // The message goes beside the first of the two coordinates.
    let longitude = e.get("longitude").to_string();
    let location = e.check("latitude", |v| rules::location(v, &longitude));
    let categories = store::categories(&env.conn).await?;
    let category_id = e.choice("category", &categories);
    let districts = store::districts(&env.conn).await?;
    let district_id = e.choice("district", &districts);
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

/// Proposals are submitted while a phase with the proposal tool is under way.
async fn open_process(env: &Env) -> Result<Process> {
    let process = process_of_query(env).await?;
    let today = today();
    if store::tool_open(&env.conn, process.id, &today).await? {
        return Ok(process);
    }
    let locale = env.ctx.locale;
    let message = match store::next_opening(&env.conn, process.id, &today).await? {
        Some(day) => i18n::t_args(
            locale,
            "proposal-opens-on",
            &[
                ("process", &process.title),
                ("date", &i18n::day(locale, day)),
            ],
        ),
        None => i18n::t_args(
            locale,
            "proposal-submissions-closed",
            &[("process", &process.title)],
        ),
    };
    Err(Error::Closed {
        title: "proposal-not-open-title",
        message,
    })
}

pub async fn new_form(env: &Env) -> Result<Response> {
    let process = open_process(env).await?;
    if env.ctx.visitor.user_id.is_none() {
        return Ok(respond::redirect("/account/login"));
    }
    render_form(
        env,
        Place::new_in(&process),
        &Entry::new(),
        http::StatusCode::OK,
    )
    .await
}

pub async fn create(env: &mut Env) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    let process = open_process(env).await?;
    let form = env.submission().await?;
    let (mut input, image) = match check(env, &form, None).await? {
        Ok(checked) => checked,
        Err(e) => {
            return render_form(
                env,
                Place::new_in(&process),
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
        Ok::<_, Error>(
            store::create(
                conn,
                process.id,
                (user_id, env.ctx.visitor.desk),
                &input,
                shuffle,
                now,
            )
            .await?,
        )
    })
    .await?;
    Ok(respond::redirect(&format!("/proposals/{id}")))
}

pub async fn edit_form(env: &Env, raw_id: &str) -> Result<Response> {
    let p = visible(env, raw_id).await?;
    if !permissions::may_edit(&env.ctx.visitor, &p) {
        return Err(Error::Forbidden);
    }
    let image_alt = images::shown(&env.conn, p.image_id).await?.map(|i| i.alt);
    let entry = Entry::new()
        .with("title", p.title.clone())
        .with("body", p.body.clone())
        .with(
            "category",
            p.category
                .as_ref()
                .map(|c| c.0.to_string())
                .unwrap_or_default(),
        )
        .with(
            "district",
            p.district
                .as_ref()
                .map(|d| d.0.to_string())
                .unwrap_or_default(),
        )
        .with("address", p.address.clone())
        .with(
            "latitude",
            p.location.map(|l| l.0.to_string()).unwrap_or_default(),
        )
        .with(
            "longitude",
            p.location.map(|l| l.1.to_string()).unwrap_or_default(),
        )
        .with("image_alt", image_alt.unwrap_or_default());
    render_form(env, Place::draft(&p), &entry, http::StatusCode::OK).await
}

pub async fn edit(env: &mut Env, raw_id: &str) -> Result<Response> {
    let p = visible(env, raw_id).await?;
    if !permissions::may_edit(&env.ctx.visitor, &p) {
        return Err(Error::Forbidden);
    }
    let form = env.submission().await?;
    match check(env, &form, p.image_id).await? {
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
                &e,
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
