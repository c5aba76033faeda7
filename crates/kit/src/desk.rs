//! The town-hall desk's sessions (shared table `desk_sessions`): a staff
//! member enters, for a resident sitting with them, what the resident says.
//! The back-office starts and ends one (`/admin/desk`); the gate reads it on
//! each request of the staff member's session and, on the public site only,
//! acts as the resident (`Visitor::desk` names the staff member); features
//! keep that name with what they write (`entered_by`), and the gate writes
//! every write of the session in the audit log.

use crate::db::{self, Connection, DbResult, Value};

/// How long a desk session lasts without being ended (a resident's visit).
pub const LASTS: i64 = 3600;

/// The audit log's word for a write entered at the desk.
pub const ENTERED: &str = "desk-entered";

const START: &str = "INSERT OR REPLACE INTO desk_sessions \
     (session_id, staff_id, resident_id, started_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?4 + ?5)";
const END: &str = "DELETE FROM desk_sessions WHERE session_id = ? RETURNING resident_id";
const RESIDENT: &str = "SELECT resident_id FROM desk_sessions WHERE session_id = ? AND staff_id = ? AND expires_at > ?";
const NAME: &str = "SELECT display_name FROM users WHERE id = ? AND deleted_at IS NULL";

/// What the back-office asks of the gate (`visitor::DESK_HEADER`).
#[derive(Debug, PartialEq, Eq)]
pub enum Ask {
    Start(i64),
    End,
}

impl Ask {
    pub fn to_header(&self) -> String {
        match self {
            Ask::Start(id) => format!("start {id}"),
            Ask::End => "end".to_string(),
        }
    }

    pub fn parse(value: &str) -> Option<Ask> {
        match value.split_once(' ') {
            Some(("start", id)) => id.parse().ok().filter(|id| *id > 0).map(Ask::Start),
            None if value == "end" => Some(Ask::End),
            _ => None,
        }
    }
}

/// Whether a desk session acts on `path`: the public site, not the
/// back-office (where the desk session is ended) nor the staff member's own
/// account and sign-in.
pub fn acts_on(path: &str) -> bool {
    let under = |root: &str| path == root || path.starts_with(&format!("{root}/"));
    !(under("/admin") || under("/account") || under("/setup"))
}

/// Starts (or moves to another resident) the desk session of a staff
/// member's session. The caller checked the resident may be entered for.
pub async fn start(
    conn: &Connection,
    session_id: &str,
    staff_id: i64,
    resident_id: i64,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        START,
        vec![
            Value::text(session_id),
            Value::Integer(staff_id),
            Value::Integer(resident_id),
            Value::Integer(now),
            Value::Integer(LASTS),
        ],
    )
    .await
}

/// Ends it; the resident it was for, if one was.
pub async fn end(conn: &Connection, session_id: &str) -> DbResult<Option<i64>> {
    Ok(db::query_one(conn, END, vec![Value::text(session_id)])
        .await?
        .map(|r| db::int(&r, 0)))
}

/// The resident a staff member's session enters for now, if any.
pub async fn resident(
    conn: &Connection,
    session_id: &str,
    staff_id: i64,
    now: i64,
) -> DbResult<Option<i64>> {
    Ok(db::query_one(
        conn,
        RESIDENT,
        vec![
            Value::text(session_id),
            Value::Integer(staff_id),
            Value::Integer(now),
        ],
    )
    .await?
    .map(|r| db::int(&r, 0)))
}

/// The resident's public name, for the desk's banner.
pub async fn name(conn: &Connection, resident_id: i64) -> DbResult<Option<String>> {
    Ok(db::query_one(conn, NAME, vec![Value::Integer(resident_id)])
        .await?
        .map(|r| db::text(&r, 0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acts_on_the_public_site_only() {
        for path in [
            "/",
            "/discussions/quais",
            "/budgets/1/vote",
            "/notifications",
            "/administration",
        ] {
            assert!(acts_on(path), "{path}");
        }
        for path in [
            "/admin",
            "/admin/desk/end",
            "/account",
            "/account/logout",
            "/setup",
        ] {
            assert!(!acts_on(path), "{path}");
        }
    }

    #[test]
    fn asks_round_trip() {
        for ask in [Ask::Start(12), Ask::End] {
            assert_eq!(Ask::parse(&ask.to_header()), Some(ask));
        }
        for bad in ["", "start", "start 0", "start x", "end 1", "stop"] {
            assert_eq!(Ask::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn its_statements_fit_the_schema() {
        let conn = crate::testing::schema();
        for sql in [START, END, RESIDENT, NAME] {
            conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
    }
}
