//! Discussions: a question the commune puts to citizens, answered with
//! comments (kit::comments) the community rates and the commune badges.

mod handlers;
mod routes;
mod store;

use std::sync::OnceLock;

use palabre_kit::{Error, Renderer};
use spin_sdk::http::Request;

pub use palabre_kit::app::Env;

const TEMPLATES: &[(&str, &str)] = &[
    ("discussions", include_str!("../templates/discussions.hbs")),
    ("discussion", include_str!("../templates/discussion.hbs")),
    ("comment", include_str!("../templates/comment.hbs")),
];

fn renderer() -> Result<&'static Renderer, &'static Error> {
    static RENDERER: OnceLock<Result<Renderer, Error>> = OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new(TEMPLATES)).as_ref()
}

#[spin_sdk::http_service]
async fn handle(request: Request) -> palabre_kit::Response {
    palabre_kit::app::serve(
        request,
        renderer(),
        |_| None,
        async |env| routes::dispatch(env).await,
    )
    .await
}
