//! Who may do what with a participatory budget, in one place: the pages ask
//! here which forms to show, and each handler asks the same before it
//! writes.

use palabre_kit::Visitor;

use crate::store::Envelope;

/// Why someone may not vote (or change their ballot) now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteRefused {
    /// Not signed in: the page offers to.
    SignIn,
    /// The account's email address is not confirmed yet.
    Unconfirmed,
    /// The vote is not open (not yet, or over).
    Closed,
    /// Already voted, and this envelope's ballots cannot be changed.
    Final,
}

impl VoteRefused {
    /// The catalogue id of what the page says.
    pub fn message_id(self) -> &'static str {
        match self {
            VoteRefused::SignIn => "budget-refused-sign-in",
            VoteRefused::Unconfirmed => "budget-refused-unconfirmed",
            VoteRefused::Closed => "budget-refused-closed",
            VoteRefused::Final => "budget-refused-final",
        }
    }
}

/// Setting up envelopes and projects, reviewing them, entering paper
/// ballots, counting and publishing: staff.
pub fn may_manage(v: &Visitor) -> bool {
    v.role.is_staff()
}

/// Filling the cart and voting: a signed-in resident whose email address is
/// confirmed, while the vote is open, once (or again, where the envelope
/// lets ballots be changed).
pub fn may_vote(
    v: &Visitor,
    e: &Envelope,
    confirmed: bool,
    open: bool,
    voted: bool,
) -> Result<(), VoteRefused> {
    if v.user_id.is_none() {
        return Err(VoteRefused::SignIn);
    }
    if !open {
        return Err(VoteRefused::Closed);
    }
    if !confirmed {
        return Err(VoteRefused::Unconfirmed);
    }
    if voted && !e.changeable {
        return Err(VoteRefused::Final);
    }
    Ok(())
}

/// The results: public once staff published them; staff see the count
/// before.
pub fn may_see_results(v: &Visitor, e: &Envelope) -> bool {
    e.published_at.is_some() || may_manage(v)
}

/// Paper ballots are entered while the vote is open, and for a week after
/// it closed (the town hall's boxes are counted after the last day).
pub fn may_enter_paper(v: &Visitor, open: bool, closed_days_ago: Option<i64>) -> bool {
    may_manage(v) && (open || closed_days_ago.is_some_and(|d| (0..=7).contains(&d)))
}

/// The dated follow-up of a project: staff, once the results are public,
/// for a project funded by the envelope's method.
pub fn may_follow_up(v: &Visitor, e: &Envelope, funded: bool) -> bool {
    may_manage(v) && e.published_at.is_some() && funded
}

#[cfg(test)]
mod tests {
    use super::*;
    use palabre_domain::Role;
    use palabre_domain::budget::{Ballot, Method};

    fn envelope(changeable: bool) -> Envelope {
        Envelope {
            id: 1,
            process_id: 1,
            process_slug: "b".into(),
            process_title: "B".into(),
            name: "E".into(),
            description: String::new(),
            district: None,
            amount: 100,
            ballot: Ballot::Knapsack,
            min_percent: 0,
            method: Method::Greedy,
            changeable,
            ballots: 0,
            paper_ballots: 0,
            counted_at: None,
            counted_ballots: None,
            published_at: None,
        }
    }

    fn visitor(id: Option<i64>, role: Role) -> Visitor {
        Visitor {
            user_id: id,
            role,
            ..Visitor::default()
        }
    }

    #[test]
    fn who_votes() {
        let resident = visitor(Some(7), Role::Citizen);
        let e = envelope(true);
        assert_eq!(may_vote(&resident, &e, true, true, false), Ok(()));
        assert_eq!(may_vote(&resident, &e, true, true, true), Ok(()));
        assert_eq!(
            may_vote(&visitor(None, Role::Citizen), &e, false, true, false),
            Err(VoteRefused::SignIn)
        );
        assert_eq!(
            may_vote(&resident, &e, false, true, false),
            Err(VoteRefused::Unconfirmed)
        );
        assert_eq!(
            may_vote(&resident, &e, true, false, false),
            Err(VoteRefused::Closed)
        );
        assert_eq!(
            may_vote(&resident, &envelope(false), true, true, true),
            Err(VoteRefused::Final)
        );
    }

    #[test]
    fn staff_manage_and_see_the_count_first() {
        let staff = visitor(Some(1), Role::Moderator);
        let resident = visitor(Some(7), Role::Citizen);
        let mut e = envelope(true);
        assert!(may_manage(&staff) && !may_manage(&resident));
        assert!(may_see_results(&staff, &e) && !may_see_results(&resident, &e));
        e.published_at = Some(1);
        assert!(may_see_results(&resident, &e));
        assert!(may_enter_paper(&staff, true, None));
        assert!(may_enter_paper(&staff, false, Some(7)));
        assert!(!may_enter_paper(&staff, false, Some(8)));
        assert!(!may_enter_paper(&staff, false, None));
        assert!(!may_enter_paper(&resident, true, None));
    }

    #[test]
    fn only_published_winners_are_followed_up_and_by_staff() {
        let staff = visitor(Some(1), Role::Moderator);
        let resident = visitor(Some(7), Role::Citizen);
        let mut e = envelope(true);
        assert!(!may_follow_up(&staff, &e, true));
        e.published_at = Some(1);
        assert!(may_follow_up(&staff, &e, true));
        assert!(!may_follow_up(&staff, &e, false));
        assert!(!may_follow_up(&resident, &e, true));
    }
}
