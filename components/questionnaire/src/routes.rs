//! The route table of the questionnaire component.

use http::Method;
use palabre_kit::{Error, Response, Result};

use crate::Env;
use crate::handlers::{self, answer, build, export, results};

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let get = matches!(env.ctx.method, Method::GET | Method::HEAD);
    let post = env.ctx.method == Method::POST;
    match segments.as_slice() {
        // Public pages that depend on nobody: kept for anonymous visitors.
        ["questionnaires"] if get => {
            palabre_kit::app::public_page(env, async |env| handlers::list(env).await).await
        }
        ["questionnaires", "new"] if get => build::settings_form(env, None).await,
        ["questionnaires", "new"] if post => build::save_settings(env, None).await,
        ["questionnaires", slug] if get => handlers::show(env, slug).await,
        ["questionnaires", slug, "answer"] if get => answer::section_page(env, slug).await,
        ["questionnaires", slug, "answer"] if post => answer::save(env, slug).await,
        ["questionnaires", slug, "done"] if get => answer::done(env, slug).await,
        ["questionnaires", slug, "results"] if get => {
            let slug = slug.to_string();
            palabre_kit::app::public_page(env, async |env| results::page(env, &slug).await).await
        }
        ["questionnaires", slug, "results", id] if get => results::texts(env, slug, id).await,
        ["questionnaires", slug, "export.csv"] if get => export::csv(env, slug).await,
        ["questionnaires", slug, "export.json"] if get => export::json(env, slug, false).await,
        ["questionnaires", slug, "open-data.json"] if get => export::json(env, slug, true).await,
        ["questionnaires", slug, "edit"] if get => build::builder(env, slug).await,
        ["questionnaires", slug, "preview"] if get => build::preview(env, slug).await,
        ["questionnaires", slug, "settings"] if get => build::settings_form(env, Some(slug)).await,
        ["questionnaires", slug, "settings"] if post => build::save_settings(env, Some(slug)).await,
        ["questionnaires", slug, "new-version"] if post => build::new_version(env, slug).await,
        ["questionnaires", slug, "sections"] if post => build::add_section(env, slug).await,
        ["questionnaires", slug, "sections", id] if get => build::section_form(env, slug, id).await,
        ["questionnaires", slug, "sections", id] if post => {
            build::save_section(env, slug, id).await
        }
        ["questionnaires", slug, "questions", "new"] if get => {
            build::question_form(env, slug, None).await
        }
        ["questionnaires", slug, "questions", "new"] if post => {
            build::save_question(env, slug, None).await
        }
        ["questionnaires", slug, "questions", id] if get => {
            build::question_form(env, slug, Some(id)).await
        }
        ["questionnaires", slug, "questions", id] if post => {
            build::save_question(env, slug, Some(id)).await
        }
        [
            "questionnaires",
            slug,
            kind @ ("sections" | "questions"),
            id,
            action @ ("move" | "delete"),
        ] if post => build::rearrange(env, slug, kind, id, action).await,
        _ if get => Err(Error::NotFound),
        ["questionnaires", ..] => Err(Error::MethodNotAllowed),
        _ => Err(Error::NotFound),
    }
}
