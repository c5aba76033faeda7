//! The public face of a commune: home page, news, static pages, embedded
//! assets and the health check. Reached only through the gate.

mod handlers;
mod routes;
mod store;

use std::sync::OnceLock;

use palabre_kit::{Ctx, Error, Renderer, Site, db};
use spin_sdk::http::Request;

const TEMPLATES: &[(&str, &str)] = &[
    ("home", include_str!("../templates/home.hbs")),
    ("page", include_str!("../templates/page.hbs")),
    ("news_item", include_str!("../templates/news_item.hbs")),
];

/// Templates are parsed once per instance.
fn renderer() -> Result<&'static Renderer, &'static Error> {
    static RENDERER: OnceLock<Result<Renderer, Error>> = OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new(TEMPLATES)).as_ref()
}

/// What every handler gets: the request context, the site and a connection.
pub struct Env {
    pub ctx: Ctx,
    pub site: Site,
    pub conn: db::Connection,
    pub renderer: &'static Renderer,
}

#[spin_sdk::http_service]
async fn handle(request: Request) -> palabre_kit::Response {
    let (parts, _body) = request.into_parts();
    let fallback_ctx = Ctx::new(&parts, palabre_domain::Locale::Fr);
    let renderer = match renderer() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("pages: templates: {e}");
            return palabre_kit::respond::bare_error(
                fallback_ctx.locale,
                http::StatusCode::INTERNAL_SERVER_ERROR,
                "error-500-title",
                "error-500-body",
            );
        }
    };
    // Static assets need no database.
    if let Some(response) = handlers::assets::serve(&parts) {
        return response;
    }
    let conn = match db::open().await {
        Ok(conn) => conn,
        Err(e) => return renderer.error(&fallback_ctx, &Site::default(), &e.into()),
    };
    let site = match Site::load(&conn).await {
        Ok(site) => site,
        Err(e) => return renderer.error(&fallback_ctx, &Site::default(), &e.into()),
    };
    let env = Env {
        ctx: Ctx::new(&parts, site.default_locale),
        site,
        conn,
        renderer,
    };
    match routes::dispatch(&env).await {
        Ok(response) => response,
        Err(e) => env.renderer.error(&env.ctx, &env.site, &e),
    }
}
