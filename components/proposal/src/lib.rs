//! Citizen proposals: submitted in a process phase that allows them (a draft
//! first, shown with similar proposals), supported once per person with an
//! exact counter and a threshold, and answered by the commune.

mod handlers;
mod routes;
mod views;
use palabre_proposal::permissions;
use palabre_proposal::store;

use spin_sdk::http::Request;

pub use palabre_kit::app::Env;

const TEMPLATES: &[(&str, &str)] = &[
    ("proposals", include_str!("../templates/proposals.hbs")),
    ("proposal", include_str!("../templates/proposal.hbs")),
    (
        "proposals_map",
        include_str!("../templates/proposals_map.hbs"),
    ),
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
