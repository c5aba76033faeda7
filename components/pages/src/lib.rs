//! The public face of a commune: home page, news, static pages, embedded
//! assets and the health check. Reached only through the gate.

mod api_store;
mod handlers;
mod ical;
mod report_store;
mod routes;
mod store;
mod views;

use spin_sdk::http::Request;

pub use palabre_kit::app::Env;

const TEMPLATES: &[(&str, &str)] = &[
    ("home", include_str!("../templates/home.hbs")),
    ("page", include_str!("../templates/page.hbs")),
    ("news", include_str!("../templates/news.hbs")),
    ("news_item", include_str!("../templates/news_item.hbs")),
    ("processes", include_str!("../templates/processes.hbs")),
    ("process", include_str!("../templates/process.hbs")),
    (
        "notifications",
        include_str!("../templates/notifications.hbs"),
    ),
    (
        "activity_list",
        include_str!("../templates/activity_list.hbs"),
    ),
    ("profile", include_str!("../templates/profile.hbs")),
    ("search", include_str!("../templates/search.hbs")),
    ("ranking", include_str!("../templates/ranking.hbs")),
    ("report", include_str!("../templates/report.hbs")),
    (
        "transparency",
        include_str!("../templates/transparency.hbs"),
    ),
    (
        "process_card",
        include_str!("../templates/process_card.hbs"),
    ),
];

#[spin_sdk::http_service]
async fn handle(request: Request) -> palabre_kit::Response {
    palabre_kit::app::serve(request, TEMPLATES, handlers::assets::serve, async |env| {
        routes::dispatch(env).await
    })
    .await
}
