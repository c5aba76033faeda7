pub mod claim;
pub mod me;
pub mod new_account;
pub mod oidc;
pub mod password;
pub mod session;
pub mod setup;
pub mod signup;
pub mod two_factor;
pub mod verification;

use palabre_kit::app::Env;
use palabre_kit::db::Connection;
use palabre_kit::mail::{self, Mail};
use palabre_kit::{Response, Result, i18n};

use crate::store;

/// A change to someone's sign-in details, which they are told about by mail
/// (ASVS 6.3.7), so that a change they did not make does not go unnoticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityChange {
    Password,
    TwoFactorOn,
    TwoFactorOff,
}

impl SecurityChange {
    fn message_id(self) -> &'static str {
        match self {
            SecurityChange::Password => "mail-security-password",
            SecurityChange::TwoFactorOn => "mail-security-2fa-enabled",
            SecurityChange::TwoFactorOff => "mail-security-2fa-disabled",
        }
    }
}

/// Who a mail comes from, taken from the request before a transaction starts.
pub struct Letterhead {
    site_name: String,
    /// The way out if it was not them: a link where the site has a public
    /// address for mails (`Ctx::mail_links`), else the notice goes without it
    /// (a change of one's own security never waits on the configuration).
    reset: Option<mail::Link>,
    /// The language when the recipient has not chosen one.
    fallback: palabre_domain::Locale,
}

impl Letterhead {
    pub fn of(env: &Env) -> Letterhead {
        Letterhead {
            site_name: env.site.name.clone(),
            reset: env.ctx.mail_links().ok().map(|l| l.to("/account/reset")),
            fallback: env.ctx.locale,
        }
    }
}

/// Queues the mail telling `user_id` of `change`, in their language, with the
/// way out if it was not them (a password reset ends every session).
pub async fn notify_security_change(
    conn: &Connection,
    from: &Letterhead,
    user_id: i64,
    change: SecurityChange,
) -> Result<()> {
    let site_name = from.site_name.as_str();
    let Some((email, locale)) = store::contact(conn, user_id).await? else {
        return Ok(());
    };
    let locale = locale.and_then(|l| l.parse().ok()).unwrap_or(from.fallback);
    let mail = Mail {
        to_email: &email,
        user_id: Some(user_id),
        locale,
        kind: "security-notice",
        subject: i18n::t_args(locale, "mail-security-subject", &[("site", site_name)]),
        paragraphs: vec![
            i18n::t(locale, change.message_id()),
            i18n::t(locale, "mail-security-not-you"),
        ],
        action: from
            .reset
            .clone()
            .map(|link| (i18n::t(locale, "mail-security-action"), link)),
        signature: site_name.to_string(),
    };
    mail::queue(conn, &mail).await?;
    Ok(())
}

/// A page with a title and one message.
pub fn notice(
    env: &Env,
    title_id: &str,
    body_id: &str,
    status: http::StatusCode,
) -> Result<Response> {
    let title = i18n::t(env.ctx.locale, title_id);
    let data = crate::views::Notice {
        message: i18n::t(env.ctx.locale, body_id),
        heading: title.clone(),
        next: None,
    };
    env.renderer
        .page(&env.ctx, &env.site, status, "notice", &title, data)
}
