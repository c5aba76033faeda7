//! Accounts: the first-run setup of an instance, signing up (with email
//! confirmation), signing in and out.
//! Sessions themselves are the gate's: this component only asks for them.

mod handlers;
mod permissions;
mod routes;
mod store;
mod views;

use spin_sdk::http::Request;

const TEMPLATES: &[(&str, &str)] = &[
    ("setup", include_str!("../templates/setup.hbs")),
    ("login", include_str!("../templates/login.hbs")),
    ("signup", include_str!("../templates/signup.hbs")),
    ("notice", include_str!("../templates/notice.hbs")),
    ("account", include_str!("../templates/account.hbs")),
    ("data", include_str!("../templates/data.hbs")),
    ("two_factor", include_str!("../templates/two_factor.hbs")),
    ("recovery", include_str!("../templates/recovery.hbs")),
    ("identities", include_str!("../templates/identities.hbs")),
    ("claim", include_str!("../templates/claim.hbs")),
    (
        "verification",
        include_str!("../templates/verification.hbs"),
    ),
    (
        "provider_button",
        include_str!("../templates/provider_button.hbs"),
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
