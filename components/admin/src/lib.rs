//! The back-office (`/admin`): the commune's administrators brand the site,
//! arrange the home page, and write news, pages and processes with their
//! phases. Every route checks the role server-side; every write is CSRF-checked
//! by the gate and recorded in the audit log.

mod handlers;
mod routes;
mod store;
mod views;

use spin_sdk::http::Request;

pub use palabre_kit::app::Env;

const TEMPLATES: &[(&str, &str)] = &[
    ("admin_index", include_str!("../templates/admin_index.hbs")),
    ("admin_list", include_str!("../templates/admin_list.hbs")),
    ("moderation", include_str!("../templates/moderation.hbs")),
    ("log", include_str!("../templates/log.hbs")),
    ("desk", include_str!("../templates/desk.hbs")),
    ("desk_code", include_str!("../templates/desk_code.hbs")),
    ("exports", include_str!("../templates/exports.hbs")),
    ("letters", include_str!("../templates/letters.hbs")),
    ("people", include_str!("../templates/people.hbs")),
    ("person", include_str!("../templates/person.hbs")),
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
