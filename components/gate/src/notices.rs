//! The one mail the gate queues itself: telling an account's owner that
//! sign-ins to their account are being refused (too many tries), since the
//! rate limits that refuse them live here.

use palabre_domain::Locale;
use palabre_kit::db::{self, Connection, DbResult, Value};
use palabre_kit::mail::{self, Links, Mail};
use palabre_kit::ratelimit::{self, Limit};
use palabre_kit::session::{self, Key};
use palabre_kit::site::Site;

use crate::MESSAGES;

const OWNER: &str = "SELECT id, locale FROM users \
     WHERE email = ? AND deleted_at IS NULL AND email_confirmed_at IS NOT NULL";

/// Once an hour at most per account: a notice, not a flood.
const ONCE_AN_HOUR: Limit = Limit {
    max: 1,
    window_seconds: 3600,
};

/// Queues the notice for the owner of `email` (nobody when no confirmed
/// account has it), in their language, with the way to a new password
/// where the site has a public address for mails.
pub async fn sign_ins_refused(
    conn: &Connection,
    key: &Key,
    email: &str,
    mail_origin: Option<&str>,
    fallback: Locale,
    now: i64,
) -> DbResult<()> {
    let told = format!(
        "login-told:{}",
        session::pseudonym(key, "rate-limit", email)
    );
    if ratelimit::hit(conn, &told, ONCE_AN_HOUR, now)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let Some(row) = db::query_one(conn, OWNER, vec![Value::text(email)]).await? else {
        return Ok(());
    };
    let locale = db::opt_text(&row, 1)
        .and_then(|l| l.parse().ok())
        .unwrap_or(fallback);
    let site = Site::load(conn).await?;
    let t = |id: &str| MESSAGES.t(locale, id);
    let mail = Mail {
        to_email: email,
        user_id: Some(db::int(&row, 0)),
        locale,
        kind: "sign-ins-refused",
        subject: MESSAGES.t_args(
            locale,
            "gate-mail-sign-ins-subject",
            &[("site", &site.name)],
        ),
        paragraphs: vec![t("gate-mail-sign-ins-body"), t("gate-mail-sign-ins-advice")],
        action: Links::under(mail_origin)
            .ok()
            .map(|links| (t("gate-mail-sign-ins-action"), links.to("/account/reset"))),
        signature: site.name.clone(),
    };
    mail::queue(conn, &mail).await?;
    Ok(())
}
