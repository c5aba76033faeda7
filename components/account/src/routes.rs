//! The route table of the account component: matched on the path, then on
//! the method (any other method on a known path is 405).

use palabre_kit::app::Env;
use palabre_kit::{Error, Response, Result, methods};

use crate::handlers::{
    claim, me, oidc, password, session, setup, signup, two_factor, verification,
};

pub async fn dispatch(env: &mut Env) -> Result<Response> {
    let path = env.ctx.path.clone();
    match path.as_str() {
        "/setup" => methods!(env;
            Get => setup::form(env).await,
            Post => setup::submit(env).await,
        ),
        "/account/login" => methods!(env;
            Get => session::login_form(env),
            Post => session::login(env).await,
        ),
        "/account/logout" => methods!(env; Post => session::logout(env).await),
        "/account/signup" => methods!(env;
            Get => signup::form(env),
            Post => signup::submit(env).await,
        ),
        "/account/confirm" => methods!(env; Get => signup::confirm(env).await),
        "/account/reset" => methods!(env;
            Get => password::request_form(env),
            Post => password::request(env).await,
        ),
        "/account/reset/new" => methods!(env;
            Get => password::new_form(env).await,
            Post => password::set_new(env).await,
        ),
        "/account/password" => methods!(env;
            Get => password::change_form(env),
            Post => password::change(env).await,
        ),
        "/account" => methods!(env; Get => me::hub(env)),
        "/account/profile" => methods!(env;
            Get => me::profile_form(env).await,
            Post => me::save_profile(env).await,
        ),
        "/account/data" => methods!(env; Get => me::data_page(env).await),
        "/account/data.json" => methods!(env; Get => me::data(env).await),
        "/account/delete" => methods!(env;
            Get => me::delete_form(env),
            Post => me::delete(env).await,
        ),
        "/account/login/2fa" => methods!(env; Post => two_factor::login_code(env).await),
        "/account/login/enrol" => methods!(env; Post => two_factor::login_enrol(env).await),
        "/account/2fa" => methods!(env; Get => two_factor::settings(env).await),
        "/account/2fa/enable" => methods!(env; Post => two_factor::enable(env).await),
        "/account/2fa/disable" => methods!(env; Post => two_factor::disable(env).await),
        "/account/security" => methods!(env;
            Get => two_factor::security_form(env).await,
            Post => two_factor::security_save(env).await,
        ),
        "/account/verification" => methods!(env;
            Get => verification::page(env).await,
            Post => verification::declare(env).await,
        ),
        "/account/verification/census" => {
            methods!(env; Post => verification::census(env).await)
        }
        "/account/verification/letter" => {
            methods!(env; Post => verification::letter(env).await)
        }
        "/account/verification/letter/cancel" => {
            methods!(env; Post => verification::letter_cancel(env).await)
        }
        "/account/verification/letter/code" => {
            methods!(env; Post => verification::letter_code(env).await)
        }
        "/account/claim" => methods!(env;
            Get => claim::form(env),
            Post => claim::submit(env).await,
        ),
        "/account/identities" => methods!(env; Get => oidc::identities(env).await),
        "/account/oidc/link" => methods!(env; Post => oidc::link(env).await),
        p => match palabre_kit::oidc::route(p) {
            Some((provider, "start")) => methods!(env; Post => oidc::start(env, provider)),
            Some((provider, "callback")) => {
                methods!(env; Get => oidc::callback(env, provider).await)
            }
            _ => Err(Error::NotFound),
        },
    }
}
