//! Participatory budgeting: a process's envelopes and their projects, the
//! ballot as a cart that works without JavaScript (checked here, confirmed in
//! one step, one per person), paper ballots entered by staff, and results
//! counted by a published rule with the anonymised ballots to recompute them.

mod handlers;
mod routes;
mod views;
use palabre_budget::permissions;
use palabre_budget::store;

use spin_sdk::http::Request;

pub use palabre_kit::app::Env;

const TEMPLATES: &[(&str, &str)] = &[
    ("budgets", include_str!("../templates/budgets.hbs")),
    ("envelope", include_str!("../templates/envelope.hbs")),
    ("project", include_str!("../templates/project.hbs")),
    ("results", include_str!("../templates/results.hbs")),
    ("paper", include_str!("../templates/paper.hbs")),
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
