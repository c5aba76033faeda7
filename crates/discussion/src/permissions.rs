//! Who may do what with a discussion, in one place: its pages ask here which
//! forms to show, and each handler asks the same before it writes.

use palabre_domain::process::Status;
use palabre_kit::Visitor;

use crate::store::Discussion;

/// Where the discussion stands today (its dates).
pub fn status(d: &Discussion) -> Status {
    palabre_kit::participation::status_of(&d.opens_on, &d.closes_on)
}

/// A draft is seen by the commune's staff only.
pub fn may_see(v: &Visitor, d: &Discussion) -> bool {
    d.published || v.role.is_staff()
}

/// Published and between its dates: comments, statements and votes are taken.
pub fn is_open(d: &Discussion) -> bool {
    d.published && status(d) == Status::Open
}

/// Commenting, adding a statement, voting on one: signed in, while open.
pub fn may_take_part(v: &Visitor, d: &Discussion) -> bool {
    v.is_signed_in() && is_open(d)
}

/// Following: signed in, once published.
pub fn may_follow(v: &Visitor, d: &Discussion) -> bool {
    v.is_signed_in() && d.published
}

/// Staff's statements are accepted at once, and staff settle the others.
pub fn may_moderate(v: &Visitor) -> bool {
    v.role.is_staff()
}

#[cfg(test)]
mod tests {
    use super::*;
    use palabre_domain::Role;

    fn discussion(published: bool, opens_on: &str, closes_on: &str) -> Discussion {
        Discussion {
            id: 1,
            slug: "d".into(),
            question: "Q".into(),
            context: String::new(),
            opens_on: opens_on.into(),
            closes_on: closes_on.into(),
            published,
            process: None,
            comments_count: 0,
            opinion_map: false,
        }
    }

    fn visitor(user_id: Option<i64>, role: Role) -> Visitor {
        Visitor {
            user_id,
            role,
            ..Visitor::default()
        }
    }

    #[test]
    fn drafts_are_the_staffs_and_only_an_open_discussion_takes_part() {
        let resident = visitor(Some(7), Role::Citizen);
        let staff = visitor(Some(9), Role::Moderator);
        let nobody = visitor(None, Role::Visitor);
        let draft = discussion(false, "2000-01-01", "2999-12-31");
        assert!(!may_see(&resident, &draft) && may_see(&staff, &draft));
        assert!(!may_take_part(&staff, &draft) && !may_follow(&resident, &draft));
        let open = discussion(true, "2000-01-01", "2999-12-31");
        assert!(may_see(&nobody, &open) && may_take_part(&resident, &open));
        assert!(!may_take_part(&nobody, &open) && may_follow(&resident, &open));
        let closed = discussion(true, "2000-01-01", "2000-12-31");
        assert!(!may_take_part(&resident, &closed) && may_follow(&resident, &closed));
        assert!(may_moderate(&staff) && !may_moderate(&resident));
    }
}
