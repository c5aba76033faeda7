//! Who may do what with a proposal, in one place: the proposal's page asks
//! here which buttons and forms to show, and each handler asks the same
//! question before it writes, so the two never disagree.

use palabre_domain::proposal::{self as rules, SupportRefused};

use crate::store::Proposal;

/// The visitor, as the rules see them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Who {
    pub user_id: Option<i64>,
    /// A moderator or an administrator of the commune.
    pub staff: bool,
}

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

impl Who {
    fn is_author(self, p: &Proposal) -> bool {
        self.user_id == Some(p.user_id)
    }

    /// A draft is seen by its author and the staff only.
    pub fn may_see(self, p: &Proposal) -> bool {
        p.published || self.is_author(p) || self.staff
    }

    /// Only the author edits, and only while it is a draft.
    pub fn may_edit(self, p: &Proposal) -> bool {
        self.is_author(p) && !p.published
    }

    /// Only the author publishes (publishing twice changes nothing).
    pub fn may_publish(self, p: &Proposal) -> bool {
        self.is_author(p)
    }

    /// Adding a support: signed in, the process taking proposals (`open`),
    /// the proposal not decided, not one's own, under the process's limit
    /// (`given` supports of `limit`).
    pub fn may_support(
        self,
        p: &Proposal,
        open: bool,
        given: i64,
        limit: Option<i64>,
    ) -> Result<(), SupportRefused> {
        if !p.published || self.user_id.is_none() {
            return Err(SupportRefused::Closed);
        }
        rules::may_support(open, p.status, self.is_author(p), given, limit)
    }

    /// Withdrawing one's support: while supports are taken.
    pub fn may_withdraw_support(self, p: &Proposal, open: bool) -> bool {
        self.user_id.is_some() && p.published && open && p.status.takes_supports()
    }

    /// The commune's answer: staff, on a published proposal.
    pub fn may_answer(self, p: &Proposal) -> bool {
        self.staff && p.published
    }

    /// A milestone: staff, on a proposal accepted and being carried out.
    pub fn may_follow_up(self, p: &Proposal) -> bool {
        self.may_answer(p) && p.status.followed_up()
    }

    /// Suggesting an amended text: someone else than the author, while the
    /// proposal takes supports.
    pub fn may_amend(self, p: &Proposal) -> Result<(), AmendRefused> {
        if !p.published || self.user_id.is_none() {
            return Err(AmendRefused::Unpublished);
        }
        if self.is_author(p) {
            return Err(AmendRefused::Own);
        }
        if !p.status.takes_supports() {
            return Err(AmendRefused::Closed);
        }
        Ok(())
    }

    /// Accepting or rejecting amendments: the author.
    pub fn may_decide_amendments(self, p: &Proposal) -> bool {
        self.is_author(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        }
    }

    const AUTHOR: Who = Who {
        user_id: Some(7),
        staff: false,
    };
    const OTHER: Who = Who {
        user_id: Some(8),
        staff: false,
    };
    const STAFF: Who = Who {
        user_id: Some(9),
        staff: true,
    };
    const NOBODY: Who = Who {
        user_id: None,
        staff: false,
    };

    #[test]
    fn a_draft_is_its_authors_and_the_staffs() {
        let draft = proposal(false, Status::Open);
        assert!(AUTHOR.may_see(&draft) && STAFF.may_see(&draft));
        assert!(!OTHER.may_see(&draft) && !NOBODY.may_see(&draft));
        assert!(AUTHOR.may_edit(&draft) && !STAFF.may_edit(&draft));
        assert!(!AUTHOR.may_edit(&proposal(true, Status::Open)));
    }

    #[test]
    fn supports_follow_the_rules() {
        let p = proposal(true, Status::Open);
        assert_eq!(OTHER.may_support(&p, true, 0, Some(1)), Ok(()));
        assert_eq!(
            OTHER.may_support(&p, true, 1, Some(1)),
            Err(SupportRefused::Limit(1))
        );
        assert_eq!(
            AUTHOR.may_support(&p, true, 0, None),
            Err(SupportRefused::Own)
        );
        assert_eq!(
            OTHER.may_support(&p, false, 0, None),
            Err(SupportRefused::Closed)
        );
        assert!(NOBODY.may_support(&p, true, 0, None).is_err());
        let decided = proposal(true, Status::Accepted);
        assert_eq!(
            OTHER.may_support(&decided, true, 0, None),
            Err(SupportRefused::Decided)
        );
        assert!(!OTHER.may_withdraw_support(&decided, true));
        assert!(OTHER.may_withdraw_support(&p, true));
    }

    #[test]
    fn staff_answer_and_follow_up_accepted_proposals() {
        assert!(STAFF.may_answer(&proposal(true, Status::Open)));
        assert!(!OTHER.may_answer(&proposal(true, Status::Open)));
        assert!(!STAFF.may_answer(&proposal(false, Status::Open)));
        assert!(!STAFF.may_follow_up(&proposal(true, Status::Open)));
        assert!(STAFF.may_follow_up(&proposal(true, Status::Accepted)));
    }

    #[test]
    fn amendments_come_from_others_while_open() {
        let p = proposal(true, Status::Open);
        assert_eq!(OTHER.may_amend(&p), Ok(()));
        assert_eq!(AUTHOR.may_amend(&p), Err(AmendRefused::Own));
        assert_eq!(
            OTHER.may_amend(&proposal(true, Status::Rejected)),
            Err(AmendRefused::Closed)
        );
        assert_eq!(NOBODY.may_amend(&p), Err(AmendRefused::Unpublished));
        assert!(AUTHOR.may_decide_amendments(&p) && !OTHER.may_decide_amendments(&p));
    }
}
