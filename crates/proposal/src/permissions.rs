//! Who may do what with a proposal, in one place: the proposal's page asks
//! here which buttons and forms to show, and each handler asks the same
//! question before it writes, so the two never disagree.

use palabre_domain::proposal::{self as rules, SupportRefused};
use palabre_kit::Visitor;

use crate::store::Proposal;

/// Why an amendment is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmendRefused {
    /// Not published: there is nothing public to amend.
    Unpublished,
    /// The author edits their own text instead.
    Own,
    /// The proposal no longer takes changes (it was decided).
    Closed,
}

fn is_author(v: &Visitor, p: &Proposal) -> bool {
    v.user_id == Some(p.user_id)
}

/// A draft is seen by its author and the staff only.
pub fn may_see(v: &Visitor, p: &Proposal) -> bool {
    p.published || is_author(v, p) || v.role.is_staff()
}

/// Only the author edits, and only while it is a draft.
pub fn may_edit(v: &Visitor, p: &Proposal) -> bool {
    is_author(v, p) && !p.published
}

/// Only the author deletes a draft; a published proposal stays (it has
/// supports, comments, answers).
pub fn may_discard(v: &Visitor, p: &Proposal) -> bool {
    is_author(v, p) && !p.published
}

/// Only the author publishes (publishing twice changes nothing).
pub fn may_publish(v: &Visitor, p: &Proposal) -> bool {
    is_author(v, p)
}

/// Adding a support: signed in, the process taking proposals (`open`),
/// the proposal not decided, not one's own, under the process's limit
/// (`given` supports of `limit`).
pub fn may_support(
    v: &Visitor,
    p: &Proposal,
    open: bool,
    given: i64,
    limit: Option<i64>,
) -> Result<(), SupportRefused> {
    if !p.published || v.user_id.is_none() {
        return Err(SupportRefused::Closed);
    }
    rules::may_support(open, p.status, is_author(v, p), given, limit)
}

/// Withdrawing one's support: while supports are taken.
pub fn may_withdraw_support(v: &Visitor, p: &Proposal, open: bool) -> bool {
    v.user_id.is_some() && p.published && open && p.status.takes_supports()
}

/// The commune's answer: staff, on a published proposal.
pub fn may_answer(v: &Visitor, p: &Proposal) -> bool {
    v.role.is_staff() && p.published
}

/// A milestone: staff, on a proposal accepted and being carried out.
pub fn may_follow_up(v: &Visitor, p: &Proposal) -> bool {
    may_answer(v, p) && p.status.followed_up()
}

/// Suggesting an amended text: someone else than the author, while the
/// proposal takes supports.
pub fn may_amend(v: &Visitor, p: &Proposal) -> Result<(), AmendRefused> {
    if !p.published || v.user_id.is_none() {
        return Err(AmendRefused::Unpublished);
    }
    if is_author(v, p) {
        return Err(AmendRefused::Own);
    }
    if !p.status.takes_supports() {
        return Err(AmendRefused::Closed);
    }
    Ok(())
}

/// Accepting or rejecting amendments: the author.
pub fn may_decide_amendments(v: &Visitor, p: &Proposal) -> bool {
    is_author(v, p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use palabre_domain::Role;
    use palabre_domain::proposal::Status;

    fn proposal(published: bool, status: Status) -> Proposal {
        Proposal {
            id: 1,
            process_id: 1,
            user_id: 7,
            author: "A".into(),
            title: "T".into(),
            body: "B".into(),
            category: None,
            district: None,
            address: String::new(),
            location: None,
            published,
            status,
            supports: 0,
            threshold_reached: false,
            published_at: None,
            created_at: 0,
            image_id: None,
            comments: 0,
            entered_at_desk: false,
        }
    }

    fn visitor(user_id: Option<i64>, role: Role) -> Visitor {
        Visitor {
            user_id,
            role,
            ..Visitor::default()
        }
    }

    fn author() -> Visitor {
        visitor(Some(7), Role::Citizen)
    }

    fn other() -> Visitor {
        visitor(Some(8), Role::Citizen)
    }

    fn staff() -> Visitor {
        visitor(Some(9), Role::Moderator)
    }

    fn nobody() -> Visitor {
        visitor(None, Role::Visitor)
    }

    #[test]
    fn a_draft_is_its_authors_and_the_staffs() {
        let draft = proposal(false, Status::Open);
        assert!(may_see(&author(), &draft) && may_see(&staff(), &draft));
        assert!(!may_see(&other(), &draft) && !may_see(&nobody(), &draft));
        assert!(may_edit(&author(), &draft) && !may_edit(&staff(), &draft));
        assert!(!may_edit(&author(), &proposal(true, Status::Open)));
    }

    #[test]
    fn supports_follow_the_rules() {
        let p = proposal(true, Status::Open);
        assert_eq!(may_support(&other(), &p, true, 0, Some(1)), Ok(()));
        assert_eq!(
            may_support(&other(), &p, true, 1, Some(1)),
            Err(SupportRefused::Limit(1))
        );
        assert_eq!(
            may_support(&author(), &p, true, 0, None),
            Err(SupportRefused::Own)
        );
        assert_eq!(
            may_support(&other(), &p, false, 0, None),
            Err(SupportRefused::Closed)
        );
        assert!(may_support(&nobody(), &p, true, 0, None).is_err());
        let decided = proposal(true, Status::Accepted);
        assert_eq!(
            may_support(&other(), &decided, true, 0, None),
            Err(SupportRefused::Decided)
        );
        assert!(!may_withdraw_support(&other(), &decided, true));
        assert!(may_withdraw_support(&other(), &p, true));
    }

    #[test]
    fn staff_answer_and_follow_up_accepted_proposals() {
        assert!(may_answer(&staff(), &proposal(true, Status::Open)));
        assert!(!may_answer(&other(), &proposal(true, Status::Open)));
        assert!(!may_answer(&staff(), &proposal(false, Status::Open)));
        assert!(!may_follow_up(&staff(), &proposal(true, Status::Open)));
        assert!(may_follow_up(&staff(), &proposal(true, Status::Accepted)));
    }

    #[test]
    fn amendments_come_from_others_while_open() {
        let p = proposal(true, Status::Open);
        assert_eq!(may_amend(&other(), &p), Ok(()));
        assert_eq!(may_amend(&author(), &p), Err(AmendRefused::Own));
        assert_eq!(
            may_amend(&other(), &proposal(true, Status::Rejected)),
            Err(AmendRefused::Closed)
        );
        assert_eq!(may_amend(&nobody(), &p), Err(AmendRefused::Unpublished));
        assert!(may_decide_amendments(&author(), &p) && !may_decide_amendments(&other(), &p));
    }
}
