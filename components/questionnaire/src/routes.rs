//! The route table of the questionnaire component: matched on the path, then
//! on the method (any other method on a known path is 405).

use palabre_kit::{Error, Response, Result, methods};

use crate::Env;
use crate::handlers::{self, answer, build, export, results};

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        // Public pages that depend on nobody: kept for anonymous visitors.
        ["questionnaires"] => methods!(env; Get => {
            palabre_kit::app::public_page(env, async |env| handlers::list(env).await).await
        }),
        ["questionnaires", "new"] => methods!(env;
            Get => build::settings_form(env, None).await,
            Post => build::save_settings(env, None).await,
        ),
        ["questionnaires", slug] => methods!(env; Get => handlers::show(env, slug).await),
        ["questionnaires", slug, "answer"] => methods!(env;
            Get => answer::section_page(env, slug).await,
            Post => answer::save(env, slug).await,
        ),
        ["questionnaires", slug, "done"] => methods!(env; Get => answer::done(env, slug).await),
        ["questionnaires", slug, "results"] => methods!(env; Get => {
            let slug = slug.to_string();
            palabre_kit::app::public_page(env, async |env| results::page(env, &slug).await).await
        }),
        ["questionnaires", slug, "results", id] => {
            methods!(env; Get => results::texts(env, slug, id).await)
        }
        ["questionnaires", slug, "export.csv"] => {
            methods!(env; Get => export::csv(env, slug).await)
        }
        ["questionnaires", slug, "export.json"] => {
            methods!(env; Get => export::json(env, slug, false).await)
        }
        ["questionnaires", slug, "open-data.json"] => {
            methods!(env; Get => export::json(env, slug, true).await)
        }
        ["questionnaires", slug, "edit"] => methods!(env; Get => build::builder(env, slug).await),
        ["questionnaires", slug, "preview"] => {
            methods!(env; Get => build::preview(env, slug).await)
        }
        ["questionnaires", slug, "settings"] => methods!(env;
            Get => build::settings_form(env, Some(slug)).await,
            Post => build::save_settings(env, Some(slug)).await,
        ),
        ["questionnaires", slug, "new-version"] => {
            methods!(env; Post => build::new_version(env, slug).await)
        }
        ["questionnaires", slug, "sections"] => {
            methods!(env; Post => build::add_section(env, slug).await)
        }
        ["questionnaires", slug, "sections", id] => methods!(env;
            Get => build::section_form(env, slug, id).await,
            Post => build::save_section(env, slug, id).await,
        ),
        ["questionnaires", slug, "questions", "new"] => methods!(env;
            Get => build::question_form(env, slug, None).await,
            Post => build::save_question(env, slug, None).await,
        ),
        ["questionnaires", slug, "questions", id] => methods!(env;
            Get => build::question_form(env, slug, Some(id)).await,
            Post => build::save_question(env, slug, Some(id)).await,
        ),
        [
            "questionnaires",
            slug,
            kind @ ("sections" | "questions"),
            id,
            action @ ("move" | "delete"),
        ] => methods!(env; Post => build::rearrange(env, slug, kind, id, action).await),
        _ => Err(Error::NotFound),
    }
}
