//! Who may take part in each tool of a process: signed in, email confirmed,
//! or verified resident (optionally of one district). The features ask
//! `palabre_identity` before each binding write.

use palabre_domain::account::FieldError;
use palabre_domain::process::Tool;
use palabre_domain::verification::{Level, Requirement};

use super::*;
use crate::handlers::audited;

/// Each tool's two fields: its level, and its district.
fn fields(tool: Tool) -> (&'static str, &'static str) {
    match tool {
        Tool::Discussion => ("level_discussion", "district_discussion"),
        Tool::Questionnaire => ("level_questionnaire", "district_questionnaire"),
        Tool::Proposal => ("level_proposal", "district_proposal"),
        Tool::Budget => ("level_budget", "district_budget"),
    }
}

const FIELDS: [&str; 8] = [
    "level_discussion",
    "district_discussion",
    "level_questionnaire",
    "district_questionnaire",
    "level_proposal",
    "district_proposal",
    "level_budget",
    "district_budget",
];

async fn render(env: &Env, id: i64, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let process = store::process(&env.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut levels = vec![(String::new(), i18n::t(locale, "verification-level-default"))];
    levels.extend(Level::ALL.iter().map(|l| {
        (
            l.as_str().to_string(),
            i18n::t(locale, &format!("verification-level-{}", l.as_str())),
        )
    }));
    let mut districts = vec![(String::new(), i18n::t(locale, "verification-any-district"))];
    districts.extend(
        store::districts(&env.conn)
            .await?
            .into_iter()
            .map(|(id, name)| (id.to_string(), name)),
    );
    let mut form = FormView::of(locale, entry);
    for tool in Tool::ALL {
        let (level, district) = fields(tool);
        form = form
            .select(level, &format!("tool-{}", tool.as_str()), levels.clone())
            .optional()
            .select(district, "verification-field-district", districts.clone())
            .optional()
            .hint("verification-field-district-hint");
    }
    let data = view::FormPage {
        saved: saved_notice(env),
        intro: Some(i18n::t(locale, "verification-levels-intro")),
        back: Some(view::Link::new(
            format!("/admin/processes/{id}"),
            process.title.clone(),
        )),
        ..view::FormPage::new(
            format!("/admin/processes/{id}/participation"),
            form.view(),
            i18n::t(locale, "admin-save"),
        )
    };
    let title = i18n::t(locale, "verification-levels-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

/// `GET /admin/processes/<id>/participation`.
pub async fn levels_form(env: &Env, id: i64) -> Result<Response> {
    let mut entry = Entry::new();
    for (tool, need) in palabre_identity::choices(&env.conn, id).await? {
        let (level, district) = fields(tool);
        entry = entry
            .with(level, need.map(|n| n.level.as_str()).unwrap_or_default())
            .with(
                district,
                need.and_then(|n| n.district)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            );
    }
    render(env, id, &entry, http::StatusCode::OK).await
}

/// `POST /admin/processes/<id>/participation`: each tool's level, checked;
/// a district only for verified residents.
pub async fn levels_save(env: &mut Env, id: i64) -> Result<Response> {
    store::process(&env.conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let form = env.submission().await?;
    let mut entry = Entry::read(&form, &FIELDS);
    let rows = store::districts(&env.conn).await?;
    let mut needs = Vec::new();
    for tool in Tool::ALL {
        let (level, district) = fields(tool);
        // Empty: the tool's own rule.
        let chosen = entry.check(level, |v| match v {
            "" => Ok(None),
            v => v
                .parse::<Level>()
                .map(Some)
                .map_err(|_| FieldError::InvalidChoice),
        });
        let place = entry.choice(district, &rows);
        if let (Some(l), Some(Some(_))) = (chosen, place)
            && l != Some(Level::Verified)
        {
            entry.refuse(district, FieldError::InvalidChoice);
        }
        if let (Some(level), Some(district)) = (chosen, place) {
            needs.push((tool, level.map(|level| Requirement { level, district })));
        }
    }
    if !entry.is_valid() || needs.len() != Tool::ALL.len() {
        return render(env, id, &entry, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let now = palabre_kit::now();
    audited(
        env,
        "process-participation",
        &format!("process:{id}"),
        async |conn| {
            for (tool, need) in &needs {
                palabre_identity::set_requirement(conn, id, *tool, *need, now).await?;
            }
            Ok(())
        },
    )
    .await?;
    Ok(saved(&format!("/admin/processes/{id}/participation")))
}
