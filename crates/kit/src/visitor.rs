//! The verified visitor, as the gate passes it to a feature in one header.
//!
//! `palabre-visitor: v1 uid=<id|-> role=<role> locale=<code|-> csrf=<token> desk=<id|->`
//!
//! `desk`: the staff member entering what this visitor, a resident sitting
//! with them at the town-hall desk, says (the gate's desk session; `-`
//! otherwise). Features keep it with the contribution (`entered_by`).
//!
//! The gate strips every incoming `palabre-*` header before it sets this one, so
//! a feature can trust it; a missing or malformed header means an anonymous
//! visitor without a CSRF token (forms then cannot be submitted).

use palabre_domain::{Locale, Role};

pub const VISITOR_HEADER: &str = "palabre-visitor";
/// Response header by which a feature asks the gate to start a session for a user id.
pub const SET_SESSION_HEADER: &str = "palabre-set-session";
/// Response header by which a feature asks the gate to end the current session.
pub const END_SESSION_HEADER: &str = "palabre-end-session";
/// Response header by which the back-office's desk asks the gate to start
/// (`start <resident id>`) or end (`end`) the current session's desk session.
pub const DESK_HEADER: &str = "palabre-desk";
/// Request header with the site's public origin (scheme and authority), set by the gate.
pub const ORIGIN_HEADER: &str = "palabre-origin";
/// Request header with the origin links in mails are made under: the
/// configured `base_url`, or (only while none is configured) a loopback
/// origin the request was sent to. Absent otherwise: no mail with a link.
pub const MAIL_ORIGIN_HEADER: &str = "palabre-mail-origin";
/// Request header the gate sets when the commune configured a valid
/// `base_url` (the admin says so when it did not).
pub const BASE_URL_HEADER: &str = "palabre-base-url";
/// Request header with the form's claimed idempotency key (`scope key`),
/// set by the gate: the feature's transactions record with it that the
/// form's effect is written (`db::Connection::answers_form`).
pub const ONCE_HEADER: &str = "palabre-once";
/// Request header with the client's address as the gate established it
/// (`kit::client`: the runtime's peer, or behind the commune's trusted
/// proxies the nearest hop they vouch for).
pub const CLIENT_HEADER: &str = "palabre-client-addr";
/// Set by a feature on a page rendered for nobody in particular (anonymous,
/// public): the gate may answer the same request with it for a short while.
pub const PUBLIC_HEADER: &str = "palabre-public";
/// Set by the gate on a write over a rate limit: the seconds to wait. The
/// feature never runs the write: kit's `app::serve` answers 429 with the site's
/// page, the real wait, and what was typed kept in a form to send again.
pub const TOO_MANY_HEADER: &str = "palabre-too-many";
/// Name of the hidden form field that carries the CSRF token.
pub const CSRF_FIELD: &str = "_csrf";
/// Header alternative to the form field, for scripts.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// The form field holding a form's idempotency key: drawn afresh each time
/// the form is rendered, so a replayed or double-clicked submit has one
/// effect (the gate answers the copy with the first answer).
pub const ONCE_FIELD: &str = "_once";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Visitor {
    pub user_id: Option<i64>,
    pub role: Role,
    /// The account's preferred language, when signed in and set.
    pub locale: Option<Locale>,
    pub csrf: String,
    /// At the town-hall desk: the staff member entering for this resident.
    pub desk: Option<i64>,
}

impl Visitor {
    pub fn anonymous(csrf: String) -> Visitor {
        Visitor {
            csrf,
            ..Visitor::default()
        }
    }

    pub fn is_signed_in(&self) -> bool {
        self.user_id.is_some()
    }

    pub fn to_header(&self) -> String {
        format!(
            "v1 uid={} role={} locale={} csrf={} desk={}",
            self.user_id
                .map_or_else(|| "-".to_string(), |id| id.to_string()),
            self.role,
            self.locale.map_or("-", Locale::code),
            if self.csrf.is_empty() {
                "-"
            } else {
                &self.csrf
            },
            self.desk
                .map_or_else(|| "-".to_string(), |id| id.to_string()),
        )
    }

    /// Parses the header; `None` for anything that is not exactly what the gate writes.
    pub fn parse(header: &str) -> Option<Visitor> {
        let mut parts = header.split(' ');
        if parts.next()? != "v1" {
            return None;
        }
        let mut field = |name: &str| -> Option<String> {
            let (k, v) = parts.next()?.split_once('=')?;
            (k == name).then(|| v.to_string())
        };
        let uid = field("uid")?;
        let role = field("role")?;
        let locale = field("locale")?;
        let csrf = field("csrf")?;
        let desk = field("desk")?;
        if parts.next().is_some() {
            return None;
        }
        let user_id = match uid.as_str() {
            "-" => None,
            id => Some(id.parse::<i64>().ok().filter(|id| *id > 0)?),
        };
        let role: Role = role.parse().ok()?;
        // A signed-in visitor always has a role above visitor, and vice versa.
        if user_id.is_some() == (role == Role::Visitor) {
            return None;
        }
        let locale = match locale.as_str() {
            "-" => None,
            code => Some(code.parse().ok()?),
        };
        let csrf = if csrf == "-" { String::new() } else { csrf };
        if !csrf
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return None;
        }
        // Only a signed-in resident is entered for, by someone else.
        let desk = match desk.as_str() {
            "-" => None,
            id => Some(id.parse::<i64>().ok().filter(|id| *id > 0)?),
        };
        if desk.is_some() && (user_id.is_none() || desk == user_id) {
            return None;
        }
        Some(Visitor {
            user_id,
            role,
            locale,
            csrf,
            desk,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let visitors = [
            Visitor::anonymous("tok-en_1".into()),
            Visitor::anonymous(String::new()),
            Visitor {
                user_id: Some(7),
                role: Role::Admin,
                locale: Some(Locale::De),
                csrf: "abc".into(),
                desk: None,
            },
            Visitor {
                user_id: Some(12),
                role: Role::Citizen,
                locale: Some(Locale::Fr),
                csrf: "abc".into(),
                desk: Some(7),
            },
        ];
        for v in visitors {
            assert_eq!(Visitor::parse(&v.to_header()), Some(v));
        }
    }

    #[test]
    fn rejects_anything_else() {
        let cases = [
            "",
            "v2 uid=- role=visitor locale=- csrf=-",
            "v1 uid=- role=admin locale=- csrf=-",
            "v1 uid=3 role=visitor locale=- csrf=-",
            "v1 uid=0 role=citizen locale=- csrf=-",
            "v1 uid=x role=citizen locale=- csrf=-",
            "v1 uid=3 role=king locale=- csrf=-",
            "v1 uid=3 role=citizen locale=xx csrf=-",
            "v1 uid=3 role=citizen locale=fr csrf=a<b",
            "v1 uid=3 role=citizen locale=fr csrf=a extra=1",
            "v1 role=citizen uid=3 locale=fr csrf=a",
            "v1 uid=3 role=citizen locale=fr",
            "v1 uid=3 role=citizen locale=fr csrf=a",
            "v1 uid=- role=visitor locale=- csrf=- desk=7",
            "v1 uid=7 role=citizen locale=- csrf=- desk=7",
            "v1 uid=3 role=citizen locale=- csrf=- desk=0",
        ];
        for case in cases {
            assert_eq!(Visitor::parse(case), None, "{case}");
        }
    }
}
