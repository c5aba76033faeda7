//! The staff's side: an envelope's settings, its projects and their
//! feasibility review, paper ballots.

use palabre_domain::account::{FieldError, line};
use palabre_domain::budget::{
    self as rules, Ballot, Feasibility, MAX_AMOUNT, MAX_APPROVALS, Method,
};
use palabre_domain::content;
use palabre_kit::activity::{self, Activity};
use palabre_kit::app::{audited, link};
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::participation::districts;
use palabre_kit::respond;
use palabre_kit::view::{FormPage, Link};
use palabre_kit::{Error, Response, Result, follow_up, i18n, images};

use super::*;
use crate::store::{EnvelopeInput, ProjectInput, Voter};

fn require_staff(env: &Env) -> Result<()> {
    env.ctx.require_signed_in()?;
    if permissions::may_manage(&env.ctx.visitor) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

fn with_none(env: &Env, rows: &[(i64, String)], none_id: &str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), i18n::t(env.ctx.locale, none_id))];
    options.extend(rows.iter().map(|(id, name)| (id.to_string(), name.clone())));
    options
}

const ENVELOPE_FIELDS: [&str; 9] = [
    "name",
    "description",
    "district",
    "amount",
    "ballot",
    "max_projects",
    "min_percent",
    "method",
    "changeable",
];

async fn render_envelope(
    env: &Env,
    process: &store::Process,
    current: Option<&Envelope>,
    entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let districts = districts(&env.conn).await?;
    let locked = current.is_some_and(|e| e.ballots > 0);
    let ballots = ["knapsack", "approval"]
        .iter()
        .map(|b| {
            (
                b.to_string(),
                i18n::t(locale, &format!("budget-ballot-{b}")),
            )
        })
        .collect();
    let methods = Method::ALL
        .iter()
        .map(|m| {
            (
                m.as_str().to_string(),
                i18n::t(
                    locale,
                    &format!("budget-method-{}", m.as_str().replace('_', "-")),
                ),
            )
        })
        .collect();
    let mut form = FormView::of(locale, entry)
        .input("name", "text", "budget-field-name", "off")
        .textarea("description", "budget-field-description")
        .optional()
        .hint("admin-field-markdown-hint")
        .select(
            "district",
            "budget-field-district",
            with_none(env, &districts, "budget-whole-commune"),
        )
        .optional();
    if !locked {
        form = form
            .input("amount", "text", "budget-field-amount", "off")
            .hint("budget-field-amount-hint")
            .select("ballot", "budget-field-ballot", ballots)
            .input("max_projects", "text", "budget-field-max-projects", "off")
            .optional()
            .hint("budget-field-max-projects-hint")
            .input("min_percent", "text", "budget-field-min-percent", "off")
            .optional()
            .hint("budget-field-min-percent-hint");
    }
    let form = form
        .select("method", "budget-field-method", methods)
        .hint("budget-field-method-hint")
        .checkbox("changeable", "budget-field-changeable")
        .optional();
    let (title, action, back) = match current {
        Some(e) => (
            i18n::t(locale, "budget-settings"),
            format!("/budgets/{}/settings", e.id),
            Link::new(format!("/budgets/{}", e.id), e.name.clone()),
        ),
        None => (
            i18n::t(locale, "budget-new-title"),
            format!("/budgets/new?process={}", process.slug),
            Link::new(
                format!("/budgets?process={}", process.slug),
                process.title.clone(),
            ),
        ),
    };
    let data = FormPage {
        back: Some(back),
        intro: Some(i18n::t(
            locale,
            if locked {
                "budget-settings-locked"
            } else {
                "budget-settings-intro"
            },
        )),
        ..FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

async fn process_of(env: &Env, current: Option<&Envelope>) -> Result<store::Process> {
    let slug = match current {
        Some(e) => e.process_slug.clone(),
        None => env.ctx.query("process").unwrap_or_default().to_string(),
    };
    if !content::is_slug(&slug) {
        return Err(Error::NotFound);
    }
    store::process_by_slug(&env.conn, &slug)
        .await?
        .ok_or(Error::NotFound)
}

pub async fn envelope_form(env: &mut Env, raw: Option<&str>) -> Result<Response> {
    require_staff(env)?;
    let current = match raw {
        Some(raw) => Some(envelope(env, raw).await?),
        None => None,
    };
    let process = process_of(env, current.as_ref()).await?;
    let entry = match &current {
        Some(e) => Entry::new()
            .with("name", e.name.as_str())
            .with("description", e.description.as_str())
            .with(
                "district",
                e.district
                    .as_ref()
                    .map(|d| d.0.to_string())
                    .unwrap_or_default(),
            )
            .with("amount", e.amount.to_string())
            .with("ballot", e.ballot.kind())
            .with(
                "max_projects",
                match e.ballot {
                    Ballot::Approval(k) => k.to_string(),
                    Ballot::Knapsack => String::new(),
                },
            )
            .with(
                "min_percent",
                if e.min_percent > 0 {
                    e.min_percent.to_string()
                } else {
                    String::new()
                },
            )
            .with("method", e.method.as_str())
            .ticked_if("changeable", e.changeable),
        None => Entry::new()
            .with("ballot", "knapsack")
            .with("method", "greedy")
            .ticked_if("changeable", true),
    };
    render_envelope(
        env,
        &process,
        current.as_ref(),
        &entry,
        http::StatusCode::OK,
    )
    .await
}

/// Whole euros, spaces and a trailing "€" allowed ("250 000 €").
fn amount(v: &str) -> std::result::Result<i64, FieldError> {
    let digits: String = v
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{202f}' && *c != '\u{a0}')
        .collect();
    content::whole_number(&digits, 1..=MAX_AMOUNT)
}

pub async fn save_envelope(env: &mut Env, raw: Option<&str>) -> Result<Response> {
    require_staff(env)?;
    let current = match raw {
        Some(raw) => Some(envelope(env, raw).await?),
        None => None,
    };
    let process = process_of(env, current.as_ref()).await?;
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &ENVELOPE_FIELDS);
    if let Some(c) = current.as_ref().filter(|c| c.ballots > 0) {
        // Fixed once ballots exist: the form does not show them.
        e.set("amount", c.amount.to_string());
        e.set("ballot", c.ballot.kind());
        e.set(
            "max_projects",
            match c.ballot {
                Ballot::Approval(k) => k.to_string(),
                Ballot::Knapsack => String::new(),
            },
        );
        e.set("min_percent", c.min_percent.to_string());
    }
    let name = e.check("name", |v| line(v, 120));
    let description = e.check("description", |v| {
        content::text(v, content::MAX_DESCRIPTION)
    });
    let district_rows = districts(&env.conn).await?;
    let district_id = e.choice("district", &district_rows);
    let amount = e.check("amount", amount);
    let kind = e.check("ballot", |v| match v.trim() {
        k @ ("knapsack" | "approval") => Ok(k.to_string()),
        _ => Err(FieldError::InvalidChoice),
    });
    let max = e.check_optional("max_projects", |v| {
        content::whole_number(v, 1..=MAX_APPROVALS)
    });
    if kind.as_deref() == Some("approval") && max == Some(None) {
        e.refuse("max_projects", FieldError::Required);
    }
    let min_percent = e.check_optional("min_percent", |v| content::whole_number(v, 0..=100));
    let method = e.check("method", |v| {
        v.parse::<Method>().map_err(|_| FieldError::InvalidChoice)
    });
    let changeable = e.ticked("changeable");
    let (
        Some(name),
        Some(description),
        Some(district_id),
        Some(amount),
        Some(kind),
        Some(max),
        Some(min_percent),
        Some(method),
        true,
    ) = (
        name,
        description,
        district_id,
        amount,
        kind,
        max,
        min_percent,
        method,
        e.is_valid(),
    )
    else {
        return render_envelope(
            env,
            &process,
            current.as_ref(),
            &e,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let input = EnvelopeInput {
        name,
        description,
        district_id,
        amount,
        ballot: Ballot::of(&kind, max),
        min_percent: min_percent.unwrap_or(0),
        method,
        changeable,
    };
    let now = palabre_kit::now();
    let id = match &current {
        Some(c) => {
            let id = c.id;
            audited(
                env,
                "budget-envelope-edit",
                &format!("budget:{id}"),
                async |conn| {
                    store::update_envelope(conn, id, &input, now).await?;
                    Ok(id)
                },
            )
            .await?
        }
        None => {
            let process_id = process.id;
            audited(
                env,
                "budget-envelope-create",
                &format!("process:{process_id}"),
                async |conn| Ok(store::create_envelope(conn, process_id, &input, now).await?),
            )
            .await?
        }
    };
    Ok(respond::redirect(&format!("/budgets/{id}")))
}

/// The project form's fields, as [`Entry::read`] reads them (the image's are
/// read by `images::Change::read`).
const PROJECT_FIELDS: [&str; 11] = [
    "title",
    "body",
    "cost",
    "district",
    "category",
    "address",
    "latitude",
    "longitude",
    "proposal",
    "feasibility",
    "review",
];

struct ProjectForm<'a> {
    envelope: &'a Envelope,
    current: Option<&'a store::Project>,
}

async fn render_project(
    env: &Env,
    f: &ProjectForm<'_>,
    entry: &Entry,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let districts = districts(&env.conn).await?;
    let categories = palabre_proposal::read::categories(&env.conn).await?;
    let proposals = proposal_choices(env, f).await?;
    let feasibility = Feasibility::ALL
        .iter()
        .map(|s| {
            (
                s.as_str().to_string(),
                i18n::t(locale, &format!("budget-feasibility-{}", s.as_str())),
            )
        })
        .collect();
    let form = FormView::of(locale, entry)
        .select(
            "proposal",
            "budget-field-proposal",
            with_none(env, &proposals, "budget-no-proposal"),
        )
        .optional()
        .hint("budget-field-proposal-hint")
        .input("title", "text", "budget-field-title", "off")
        .textarea("body", "budget-field-body")
        .hint("admin-field-markdown-hint")
        .input("cost", "text", "budget-field-cost", "off")
        .hint("budget-field-amount-hint")
        .select(
            "district",
            "budget-field-district",
            with_none(env, &districts, "budget-whole-commune"),
        )
        .optional()
        .select(
            "category",
            "budget-field-category",
            with_none(env, &categories, "budget-no-category"),
        )
        .optional()
        .input("address", "text", "budget-field-address", "street-address")
        .optional()
        .input("latitude", "text", "proposal-field-latitude", "off")
        .optional()
        .input("longitude", "text", "proposal-field-longitude", "off")
        .optional()
        .hint("budget-field-location-hint")
        .select("feasibility", "budget-field-feasibility", feasibility)
        .hint("budget-field-feasibility-hint")
        .textarea("review", "budget-field-review")
        .optional()
        .hint("budget-field-review-hint");
    let image = images::shown(&env.conn, f.current.and_then(|p| p.image_id)).await?;
    let form = images::fields(form, image.as_ref());
    let e = f.envelope;
    let centre = match f.current.and_then(|p| p.location) {
        Some(at) => Some(at),
        None => palabre_proposal::read::centre(&env.conn, e.process_id).await?,
    };
    let (title, action) = match f.current {
        Some(p) => (
            i18n::t(locale, "budget-project-edit"),
            format!("/budgets/{}/projects/{}/edit", e.id, p.id),
        ),
        None => (
            i18n::t(locale, "budget-project-new"),
            format!("/budgets/{}/projects/new", e.id),
        ),
    };
    let data = FormPage {
        with_map: Some(palabre_kit::map::view(centre, 14)),
        image: image.map(Into::into),
        back: Some(Link::new(format!("/budgets/{}", e.id), e.name.clone())),
        intro: Some(i18n::t(locale, "budget-project-intro")),
        preview: f.current.map(|p| {
            link(
                env,
                &format!("/budgets/{}/projects/{}", e.id, p.id),
                "budget-project-see",
            )
        }),
        ..FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

/// The accepted proposals of the process not yet made projects (and the
/// current one's).
async fn proposal_choices(env: &Env, f: &ProjectForm<'_>) -> Result<Vec<(i64, String)>> {
    let used = store::proposals_used(&env.conn).await?;
    let own = f.current.and_then(|p| p.proposal_id);
    Ok(
        palabre_proposal::read::accepted(&env.conn, f.envelope.process_id)
            .await?
            .into_iter()
            .filter(|(id, _)| !used.contains(id) || own == Some(*id))
            .collect(),
    )
}

pub async fn project_form(env: &mut Env, raw_e: &str, raw_p: Option<&str>) -> Result<Response> {
    require_staff(env)?;
    let e = envelope(env, raw_e).await?;
    let current = match raw_p {
        Some(raw) => Some(project_in(env, &e, raw).await?),
        None => None,
    };
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let entry = match &current {
        Some(p) => Entry::new()
            .with("title", p.title.as_str())
            .with("body", p.body.as_str())
            .with("cost", p.cost.to_string())
            .with("district", opt(p.district.as_ref().map(|d| d.0)))
            .with("category", opt(p.category_id))
            .with("address", p.address.as_str())
            .with(
                "latitude",
                p.location.map(|l| l.0.to_string()).unwrap_or_default(),
            )
            .with(
                "longitude",
                p.location.map(|l| l.1.to_string()).unwrap_or_default(),
            )
            .with("proposal", opt(p.proposal_id))
            .with("feasibility", p.feasibility.as_str())
            .with("review", p.review.as_str()),
        None => {
            // Started from an accepted proposal (`?proposal=`): its text.
            let from = match env
                .ctx
                .query("proposal")
                .and_then(|v| v.parse::<i64>().ok())
            {
                Some(id) => palabre_proposal::read::origin(&env.conn, id)
                    .await?
                    .map(|o| (id, o)),
                None => None,
            };
            match from {
                Some((id, o)) => Entry::new()
                    .with("title", o.title)
                    .with("body", o.body)
                    .with("district", opt(o.district_id))
                    .with("category", opt(o.category_id))
                    .with("address", o.address)
                    .with(
                        "latitude",
                        o.location.map(|l| l.0.to_string()).unwrap_or_default(),
                    )
                    .with(
                        "longitude",
                        o.location.map(|l| l.1.to_string()).unwrap_or_default(),
                    )
                    .with("proposal", id.to_string())
                    .with("feasibility", "pending"),
                None => Entry::new().with("feasibility", "pending"),
            }
        }
    };
    let f = ProjectForm {
        envelope: &e,
        current: current.as_ref(),
    };
    render_project(env, &f, &entry, http::StatusCode::OK).await
}

pub async fn save_project(env: &mut Env, raw_e: &str, raw_p: Option<&str>) -> Result<Response> {
    require_staff(env)?;
    let e = envelope(env, raw_e).await?;
    let current = match raw_p {
        Some(raw) => Some(project_in(env, &e, raw).await?),
        None => None,
    };
    let form = env.submission().await?;
    let mut entry = Entry::read(&form, &PROJECT_FIELDS);
    let image = images::Change::read(&form, current.as_ref().and_then(|p| p.image_id), &mut entry);
    let title = entry.check("title", |v| line(v, 150));
    let body = entry.check("body", |v| {
        let t = content::text(v, 20_000)?;
        if t.trim().is_empty() {
            Err(FieldError::Required)
        } else {
            Ok(t)
        }
    });
    let cost = entry.check("cost", amount);
    if let (Some(p), Some(c)) = (&current, cost)
        && p.votes > 0
        && p.cost != c
    {
        entry.refuse("cost", FieldError::FixedByVotes);
    }
    let district_rows = districts(&env.conn).await?;
    let district_id = entry.choice("district", &district_rows);
    let categories = palabre_proposal::read::categories(&env.conn).await?;
    let category_id = entry.choice("category", &categories);
    let address = entry.check("address", |v| {
        line(v, 300).or_else(|e| {
            if v.trim().is_empty() {
                Ok(String::new())
            } else {
                Err(e)
            }
        })
    });
    // The message goes beside the first of the two coordinates.
    let longitude = entry.get("longitude").to_string();
    let location = entry.check("latitude", |v| {
        palabre_domain::proposal::location(v, &longitude)
    });
    let f = ProjectForm {
        envelope: &e,
        current: current.as_ref(),
    };
    let proposals = proposal_choices(env, &f).await?;
    let proposal_id = entry.choice("proposal", &proposals);
    let feasibility = entry.check("feasibility", |v| {
        v.parse::<Feasibility>()
            .map_err(|_| FieldError::InvalidChoice)
    });
    let review = entry.check("review", |v| content::text(v, 2000));
    if feasibility == Some(Feasibility::Unfeasible)
        && review.as_deref().is_some_and(|r| r.trim().is_empty())
    {
        entry.refuse("review", FieldError::Required);
    }
    // A project on ballots already cast stays on them.
    if let Some(p) = &current
        && p.votes > 0
        && feasibility.is_some_and(|f| f != Feasibility::Feasible)
    {
        entry.refuse("feasibility", FieldError::FixedByVotes);
    }
    let (
        Some(title),
        Some(body),
        Some(cost),
        Some(district_id),
        Some(category_id),
        Some(address),
        Some(location),
        Some(image),
        Some(proposal_id),
        Some(feasibility),
        Some(review),
        true,
    ) = (
        title,
        body,
        cost,
        district_id,
        category_id,
        address,
        location,
        image,
        proposal_id,
        feasibility,
        review,
        entry.is_valid(),
    )
    else {
        return render_project(env, &f, &entry, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let mut input = ProjectInput {
        title: title.clone(),
        body,
        cost,
        district_id,
        category_id,
        proposal_id,
        address,
        location,
        image_id: None,
    };
    let uploader = env.ctx.visitor.user_id;
    let now = palabre_kit::now();
    let previous = current
        .as_ref()
        .map(|p| (p.id, p.proposal_id, p.feasibility, p.review.clone(), p.cost));
    let origin = match proposal_id {
        Some(id) if previous.as_ref().is_none_or(|p| p.1 != Some(id)) => {
            let author = palabre_proposal::read::origin(&env.conn, id)
                .await?
                .map(|o| o.user_id);
            let supporters = palabre_proposal::read::supporters(&env.conn, id).await?;
            Some((author, supporters))
        }
        _ => None,
    };
    let (envelope_id, process_id) = (e.id, e.process_id);
    let id = audited(
        env,
        "budget-project-save",
        &format!("budget:{envelope_id}"),
        async |conn| {
            input.image_id = image.apply(conn, uploader).await?;
            let id = match &previous {
                Some((id, ..)) => {
                    store::update_project(conn, *id, &input, now).await?;
                    *id
                }
                None => store::create_project(conn, envelope_id, &input, now).await?,
            };
            let reviewed_again = previous
                .as_ref()
                .is_none_or(|p| p.2 != feasibility || p.3 != review || p.4 != cost);
            if reviewed_again {
                store::review(conn, id, feasibility, &review, cost, now).await?;
            }
            // The proposal's author and supporters hear that it became a project.
            if let Some((author, supporters)) = &origin {
                let url = format!("/budgets/{envelope_id}/projects/{id}");
                let activity_id = activity::record(
                    conn,
                    &Activity {
                        actor_id: None,
                        kind: "budget-project-from-proposal",
                        process_id: Some(process_id),
                        title: &title,
                        url: &url,
                        public: true,
                        followed: None,
                    },
                )
                .await?;
                for user in author.iter().chain(supporters.iter()) {
                    activity::notify(conn, *user, activity_id).await?;
                }
            }
            Ok(id)
        },
    )
    .await?;
    Ok(respond::redirect(&format!(
        "/budgets/{envelope_id}/projects/{id}"
    )))
}

/// `POST /budgets/<e>/projects/<p>/milestones` (staff): a dated step of a
/// winning project's carrying out, with how far it has come; the followers
/// of the process hear of it, and the author and supporters of the proposal
/// it came from.
pub async fn milestone(env: &mut Env, raw_e: &str, raw_p: &str) -> Result<Response> {
    let user_id = env.ctx.require_signed_in()?;
    require_staff(env)?;
    let e = envelope(env, raw_e).await?;
    let p = project_in(env, &e, raw_p).await?;
    let form = env.submission().await?;
    let funded = e.published_at.is_some() && store::funded(&env.conn, &e, p.id).await?;
    if !permissions::may_follow_up(&env.ctx.visitor, &e, funded) {
        return Err(Error::Closed {
            title: "milestone-add",
            message: i18n::t(env.ctx.locale, "budget-milestone-not-funded"),
        });
    }
    let mut entry = Entry::read(&form, &follow_up::FIELDS);
    let m = match palabre_domain::proposal::milestone(
        entry.get("date"),
        entry.get("percent"),
        entry.get("body"),
    ) {
        Ok(m) => m,
        Err(error) => {
            let (field, error) = error.field();
            entry.refuse(field, error);
            return show_project(
                env,
                &e,
                &p,
                Some(&entry),
                http::StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let now = palabre_kit::now();
    let url = format!("/budgets/{}/projects/{}#follow-up", e.id, p.id);
    let people = match p.proposal_id {
        Some(id) => {
            let mut people = palabre_proposal::read::supporters(&env.conn, id).await?;
            if let Some(o) = palabre_proposal::read::origin(&env.conn, id).await? {
                people.push(o.user_id);
            }
            people
        }
        None => Vec::new(),
    };
    audited(
        env,
        "budget-project-milestone",
        &format!("budget:{}", e.id),
        async |conn| {
            follow_up::add(conn, store::MILESTONES, p.id, &m, user_id, now).await?;
            let activity_id = activity::record(
                conn,
                &Activity {
                    actor_id: None,
                    kind: "budget-project-milestone",
                    process_id: Some(e.process_id),
                    title: &p.title,
                    url: &url,
                    public: true,
                    followed: None,
                },
            )
            .await?;
            for person in &people {
                activity::notify(conn, *person, activity_id).await?;
            }
            Ok(())
        },
    )
    .await?;
    Ok(respond::redirect(&url))
}

/// The paper form, with what was typed and the messages it earned.
struct PaperEntry {
    reference: String,
    district: String,
    projects: Vec<i64>,
    reference_error: Option<String>,
    projects_error: Option<String>,
}

async fn render_paper(
    env: &Env,
    e: &Envelope,
    typed: &PaperEntry,
    saved: Option<String>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let w = window(env, e).await?;
    let projects = store::projects(&env.conn, e.id).await?;
    let mut districts_options = vec![views::Choice {
        value: String::new(),
        label: i18n::t(locale, "budget-paper-no-district"),
        selected: typed.district.is_empty(),
    }];
    districts_options.extend(districts(&env.conn).await?.into_iter().map(|(id, name)| {
        views::Choice {
            selected: typed.district == id.to_string(),
            value: id.to_string(),
            label: name,
        }
    }));
    let mut errors = Vec::new();
    if let Some(m) = &typed.reference_error {
        errors.push(Link::new("#reference", m.clone()));
    }
    if let Some(m) = &typed.projects_error {
        errors.push(Link::new("#projects", m.clone()));
    }
    let entered = store::paper_ballots(&env.conn, e.id, 20)
        .await?
        .into_iter()
        .map(|(reference, district, total, at)| views::PaperRow {
            reference,
            district,
            total: i18n::euros(locale, total),
            when: i18n::date_time(locale, at),
        })
        .collect();
    let data = views::Paper {
        back: Link::new(format!("/budgets/{}", e.id), e.name.clone()),
        action: format!("/budgets/{}/paper", e.id),
        rule: rule_text(env, e),
        saved,
        errors,
        reference: typed.reference.clone(),
        reference_error: typed.reference_error.clone(),
        districts: districts_options,
        projects: projects
            .iter()
            .filter(|p| p.on_ballot())
            .map(|p| views::PaperChoice {
                id: p.id,
                title: p.title.clone(),
                cost: i18n::euros(locale, p.cost),
                checked: typed.projects.contains(&p.id),
            })
            .collect(),
        projects_error: typed.projects_error.clone(),
        entered,
        count: i18n::t_args(
            locale,
            "budget-paper-count",
            &[("count", &e.paper_ballots.to_string())],
        ),
        closed: (!permissions::may_enter_paper(&env.ctx.visitor, w.open, w.closed_days_ago))
            .then(|| i18n::t(locale, "budget-paper-closed")),
    };
    env.renderer.page(
        &env.ctx,
        &env.site,
        status,
        "paper",
        &i18n::t(locale, "budget-paper-title"),
        data,
    )
}

pub async fn paper_form(env: &mut Env, raw: &str) -> Result<Response> {
    require_staff(env)?;
    let e = envelope(env, raw).await?;
    let saved = env
        .ctx
        .query("saved")
        .filter(|r| !r.is_empty())
        .map(|r| i18n::t_args(env.ctx.locale, "budget-paper-saved", &[("reference", r)]));
    let typed = PaperEntry {
        reference: String::new(),
        district: String::new(),
        projects: Vec::new(),
        reference_error: None,
        projects_error: None,
    };
    render_paper(env, &e, &typed, saved, http::StatusCode::OK).await
}

pub async fn save_paper(env: &mut Env, raw: &str) -> Result<Response> {
    let staff_id = env.ctx.require_signed_in()?;
    require_staff(env)?;
    let e = envelope(env, raw).await?;
    let form = env.submission().await?;
    let locale = env.ctx.locale;
    let mut typed = PaperEntry {
        reference: form.get("reference").to_string(),
        district: form.get("district").trim().to_string(),
        projects: form
            .all("project")
            .iter()
            .filter_map(|v| v.parse().ok())
            .collect(),
        reference_error: None,
        projects_error: None,
    };
    let w = window(env, &e).await?;
    if !permissions::may_enter_paper(&env.ctx.visitor, w.open, w.closed_days_ago) {
        return render_paper(env, &e, &typed, None, http::StatusCode::FORBIDDEN).await;
    }
    let reference = match rules::paper_reference(&typed.reference) {
        Ok(r) => Some(r),
        Err(err) => {
            typed.reference_error = Some(i18n::t(locale, err.message_id()));
            None
        }
    };
    let district_rows = districts(&env.conn).await?;
    let district_id = typed
        .district
        .parse::<i64>()
        .ok()
        .filter(|id| district_rows.iter().any(|d| d.0 == *id));
    let projects = store::projects(&env.conn, e.id).await?;
    let chosen: Vec<(i64, i64, bool)> = typed
        .projects
        .iter()
        .map(|id| {
            projects
                .iter()
                .find(|p| p.id == *id)
                .map_or((*id, 0, false), |p| (p.id, p.cost, p.on_ballot()))
        })
        .collect();
    let total = match rules::check(&e.rule(), &chosen) {
        Ok(total) => Some(total),
        Err(r) => {
            typed.projects_error = Some(super::ballot::refusal_text(env, &e, r));
            None
        }
    };
    let (Some(reference), Some(total)) = (reference, total) else {
        return render_paper(
            env,
            &e,
            &typed,
            None,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = palabre_kit::now();
    let ids: Vec<i64> = chosen.iter().map(|c| c.0).collect();
    let envelope_id = e.id;
    let r = reference.clone();
    let subject = format!("budget:{envelope_id}:{reference}");
    // The audit line only with a ballot stored (a reference entered twice
    // stores nothing).
    let stored = palabre_kit::db::immediate(&env.conn, async |conn| {
        let stored = store::cast(
            conn,
            envelope_id,
            Voter::Paper {
                reference: &r,
                entered_by: staff_id,
            },
            district_id,
            &ids,
            total,
            now,
        )
        .await?;
        if stored {
            palabre_kit::app::record_in(conn, &env.ctx, "budget-paper-ballot", &subject).await?;
        }
        Ok::<_, Error>(stored)
    })
    .await?;
    if !stored {
        typed.reference_error = Some(i18n::t(locale, "budget-paper-duplicate"));
        return render_paper(
            env,
            &e,
            &typed,
            None,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    Ok(respond::redirect(&format!(
        "/budgets/{envelope_id}/paper?saved={reference}"
    )))
}
