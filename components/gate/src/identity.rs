//! Who is asking: the session cookie verified against the account, or a
//! pre-session for an anonymous visitor, and the CSRF token bound to it.

use palabre_domain::{Locale, Role};
use palabre_kit::ctx;
use palabre_kit::db::{self, Value};
use palabre_kit::session::{self, Key, PRESESSION_COOKIE, SESSION_COOKIE, SessionClaims};
use palabre_kit::visitor::Visitor;

const SELECT_USER: &str = "SELECT role, locale, sessions_valid_after, \
     EXISTS (SELECT 1 FROM ended_sessions WHERE session_id = ?), blocked_at IS NOT NULL \
     FROM users WHERE id = ? AND deleted_at IS NULL";

/// What the gate learned about the visitor.
pub(crate) struct Identity {
    pub(crate) visitor: Visitor,
    /// The signed-in session, if any.
    pub(crate) session: Option<SessionClaims>,
    /// A session cookie that must be cleared (invalid, expired or revoked).
    pub(crate) clear_session: bool,
    /// Pre-session id to set as a new cookie (anonymous visitor without one).
    pub(crate) new_presession: Option<String>,
    /// What the CSRF token is bound to.
    pub(crate) binding: Option<String>,
    /// The session with a fresh `last seen`, to re-issue (idle timeout).
    pub(crate) refreshed: Option<SessionClaims>,
    /// The signed-in account is blocked.
    pub(crate) blocked: bool,
}

pub(crate) async fn identify(headers: &http::HeaderMap, path: &str, key: Option<&Key>) -> Identity {
    let mut identity = Identity {
        visitor: Visitor::default(),
        session: None,
        clear_session: false,
        new_presession: None,
        binding: None,
        refreshed: None,
        blocked: false,
    };
    if let (Some(key), Some(cookie)) = (key, ctx::cookie(headers, SESSION_COOKIE)) {
        let now = palabre_kit::now();
        let claims = session::verify(key, cookie, now).ok();
        let user = match &claims {
            Some(claims) => lookup_user(claims.user_id, Some(&claims.session_id)).await,
            None => None,
        };
        match (claims, user) {
            (Some(claims), Some(user)) if session_alive(&claims, &user, now) => {
                identity.visitor.user_id = Some(claims.user_id);
                identity.visitor.role = user.role;
                identity.visitor.locale = user.locale;
                identity.blocked = user.blocked;
                identity.binding = Some(claims.session_id.clone());
                if now - claims.seen_at >= user.role.session_refresh_seconds() {
                    identity.refreshed = Some(SessionClaims {
                        seen_at: now,
                        ..claims.clone()
                    });
                }
                identity.session = Some(claims);
            }
            _ => identity.clear_session = true,
        }
    }
    if identity.visitor.role.is_staff() && palabre_kit::desk::acts_on(path) {
        at_the_desk(&mut identity).await;
    }
    if identity.session.is_none() {
        match ctx::cookie(headers, PRESESSION_COOKIE).filter(|v| session::plausible_id(v)) {
            Some(pre) => identity.binding = Some(pre.to_string()),
            None => match session::random_id() {
                Ok(id) => identity.new_presession = Some(id),
                Err(e) => eprintln!("gate: no randomness for a pre-session: {e}"),
            },
        }
    }
    if let (Some(key), Some(binding)) = (
        key,
        identity
            .binding
            .as_deref()
            .or(identity.new_presession.as_deref()),
    ) {
        identity.visitor.csrf = session::csrf_token(key, binding);
    }
    identity
}

/// A staff member's session with a desk session under way acts, on the
/// public site, as the resident sitting with them: their account, role and
/// state, the staff member named in `desk` (the CSRF token stays the
/// session's own). A resident gone or blocked since: the staff member
/// stays themselves.
async fn at_the_desk(identity: &mut Identity) {
    let (Some(staff), Some(session)) = (identity.visitor.user_id, identity.session.as_ref()) else {
        return;
    };
    let found = async {
        let conn = db::open().await?;
        palabre_kit::desk::resident(&conn, &session.session_id, staff, palabre_kit::now()).await
    };
    let resident = match found.await {
        Ok(Some(resident)) => resident,
        Ok(None) => return,
        Err(e) => {
            eprintln!("gate: the desk session: {e}");
            return;
        }
    };
    match lookup_user(resident, None).await {
        Some(user) if user.role == Role::Citizen && !user.blocked => {
            identity.visitor.user_id = Some(resident);
            identity.visitor.role = user.role;
            identity.visitor.desk = Some(staff);
        }
        _ => {}
    }
}

/// What the gate needs to know of a signed-in user.
pub(crate) struct User {
    pub(crate) role: Role,
    pub(crate) locale: Option<Locale>,
    /// Sessions issued before this instant are revoked.
    pub(crate) sessions_valid_after: i64,
    /// The session asked about was ended (log out).
    pub(crate) session_ended: bool,
    /// Blocked by the commune's staff: reads only.
    pub(crate) blocked: bool,
}

/// A verified cookie still opens a session: not revoked (logout everywhere,
/// password or role change, deletion), not idle for longer than the role allows.
pub(crate) fn session_alive(claims: &SessionClaims, user: &User, now: i64) -> bool {
    claims.issued_at >= user.sessions_valid_after
        && !user.session_ended
        && now - claims.seen_at <= user.role.session_idle_seconds()
        && user.role != Role::Visitor
}

/// The user's role and language, unless the account is gone; and whether
/// `session_id` was ended.
pub(crate) async fn lookup_user(user_id: i64, session_id: Option<&str>) -> Option<User> {
    let conn = match db::open().await {
        Ok(conn) => conn,
        Err(e) => {
            eprintln!("gate: cannot open the database for a session: {e}");
            return None;
        }
    };
    let params = vec![
        Value::text(session_id.unwrap_or("")),
        Value::Integer(user_id),
    ];
    let row = match db::query_one(&conn, SELECT_USER, params).await {
        Ok(row) => row?,
        Err(e) => {
            eprintln!("gate: user lookup failed: {e}");
            return None;
        }
    };
    Some(User {
        role: db::text(&row, 0).parse().ok()?,
        locale: db::opt_text(&row, 1).and_then(|l| l.parse().ok()),
        sessions_valid_after: db::int(&row, 2),
        session_ended: db::int(&row, 3) == 1,
        blocked: db::int(&row, 4) == 1,
    })
}
