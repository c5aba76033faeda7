//! The route table of the account component.

use http::Method;
use palabre_kit::app::Env;
use palabre_kit::{Error, Response, Result};

use crate::handlers::{me, password, session, setup, signup, two_factor};

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let method = env.ctx.method.clone();
    match (method, env.ctx.path.as_str()) {
        (Method::GET | Method::HEAD, "/setup") => setup::form(env).await,
        (Method::POST, "/setup") => setup::submit(env).await,
        (Method::GET | Method::HEAD, "/account/login") => session::login_form(env),
        (Method::POST, "/account/login") => session::login(env).await,
        (Method::POST, "/account/logout") => session::logout(env).await,
        (Method::GET | Method::HEAD, "/account/signup") => signup::form(env),
        (Method::POST, "/account/signup") => signup::submit(env).await,
        (Method::GET | Method::HEAD, "/account/confirm") => signup::confirm(env).await,
        (Method::GET | Method::HEAD, "/account/reset") => password::request_form(env),
        (Method::POST, "/account/reset") => password::request(env).await,
        (Method::GET | Method::HEAD, "/account/reset/new") => password::new_form(env).await,
        (Method::POST, "/account/reset/new") => password::set_new(env).await,
        (Method::GET | Method::HEAD, "/account/password") => password::change_form(env),
        (Method::POST, "/account/password") => password::change(env).await,
        (Method::GET | Method::HEAD, "/account") => me::hub(env),
        (Method::GET | Method::HEAD, "/account/profile") => me::profile_form(env).await,
        (Method::POST, "/account/profile") => me::save_profile(env).await,
        (Method::GET | Method::HEAD, "/account/data") => me::data(env).await,
        (Method::GET | Method::HEAD, "/account/delete") => me::delete_form(env),
        (Method::POST, "/account/delete") => me::delete(env).await,
        (Method::POST, "/account/login/2fa") => two_factor::login_code(env).await,
        (Method::POST, "/account/login/enrol") => two_factor::login_enrol(env).await,
        (Method::GET | Method::HEAD, "/account/2fa") => two_factor::settings(env).await,
        (Method::POST, "/account/2fa/enable") => two_factor::enable(env).await,
        (Method::POST, "/account/2fa/disable") => two_factor::disable(env).await,
        (Method::GET | Method::HEAD, "/account/security") => two_factor::security_form(env).await,
        (Method::POST, "/account/security") => two_factor::security_save(env).await,
        (
            _,
            "/setup" | "/account/login" | "/account/logout" | "/account/signup"
            | "/account/confirm",
        ) => Err(Error::MethodNotAllowed),
        _ => Err(Error::NotFound),
    }
}
