pub mod me;
pub mod new_account;
pub mod password;
pub mod session;
pub mod setup;
pub mod signup;
pub mod two_factor;

use palabre_kit::app::Env;
use palabre_kit::{Response, Result, i18n};
use serde_json::json;

/// A page with a title and one message.
pub fn notice(
    env: &Env,
    title_id: &str,
    body_id: &str,
    status: http::StatusCode,
) -> Result<Response> {
    let title = i18n::t(env.ctx.locale, title_id);
    let data = json!({ "heading": title, "message": i18n::t(env.ctx.locale, body_id) });
    env.renderer
        .page(&env.ctx, &env.site, status, "notice", &title, data)
}
