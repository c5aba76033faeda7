//! Questionnaires: staff build them (sections, ten question kinds, conditions),
//! people answer section by section (signed in, or anonymously when allowed),
//! and the results are exact and instant (tallies kept as responses come in).

mod handlers;
mod routes;
mod views;
use palabre_questionnaire::store;

use spin_sdk::http::Request;

pub use palabre_kit::app::Env;

const TEMPLATES: &[(&str, &str)] = &[
    (
        "questionnaires",
        include_str!("../templates/questionnaires.hbs"),
    ),
    (
        "questionnaire",
        include_str!("../templates/questionnaire.hbs"),
    ),
    ("section", include_str!("../templates/section.hbs")),
    ("question", include_str!("../templates/question.hbs")),
    ("done", include_str!("../templates/done.hbs")),
    ("results", include_str!("../templates/results.hbs")),
    ("texts", include_str!("../templates/texts.hbs")),
    ("builder", include_str!("../templates/builder.hbs")),
    ("preview", include_str!("../templates/preview.hbs")),
    ("notice", include_str!("../templates/notice.hbs")),
];

#[spin_sdk::http_service]
async fn handle(request: Request) -> palabre_kit::Response {
    palabre_kit::app::serve(
        request,
        TEMPLATES,
        |_| None,
        async |env| routes::dispatch(env).await,
    )
    .await
}
