//! Discussions: a question the commune puts to citizens, answered with
//! comments (kit::comments) the community rates and the commune badges.

mod handlers;
use palabre_discussion::opinion;
mod routes;
mod views;
use palabre_discussion::{permissions, store};

use spin_sdk::http::Request;

pub use palabre_kit::app::Env;

const TEMPLATES: &[(&str, &str)] = &[
    ("discussions", include_str!("../templates/discussions.hbs")),
    ("discussion", include_str!("../templates/discussion.hbs")),
    ("opinion", include_str!("../templates/opinion.hbs")),
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
