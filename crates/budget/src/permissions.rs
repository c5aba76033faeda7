//! Who may do what with a participatory budget, in one place: the pages ask
//! here which forms to show, and each handler asks the same before it
//! writes.

use palabre_domain::verification::{self, Level, Missing, Requirement, Standing};
use palabre_kit::Visitor;

use crate::store::Envelope;

/// Why someone may not vote (or change their ballot) now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteRefused {
    /// Not signed in: the page offers to.
    SignIn,
    /// They lack what the vote requires (a confirmed email, a verification
    /// as a resident, of the envelope's district): the page says how to get it.
    Needs(Missing),
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
            VoteRefused::Needs(m) => m.message_id(),
            VoteRefused::Closed => "budget-refused-closed",
            VoteRefused::Final => "budget-refused-final",
        }
    }
}

/// What voting in `e` requires: the process's requirement for the budget
/// tool; a district's envelope, when the vote is for verified residents,
/// is for those of its district.
pub fn requirement(e: &Envelope, process: Requirement) -> Requirement {
    match (process.level, process.district, &e.district) {
        (Level::Verified, None, Some((district, _))) => Requirement {
            level: Level::Verified,
            district: Some(*district),
        },
        _ => process,
    }
}

/// Setting up envelopes and projects, reviewing them, entering paper
/// ballots, counting and publishing: staff.
pub fn may_manage(v: &Visitor) -> bool {
    v.role.is_staff()
}

/// Filling the cart and voting: a signed-in person who meets what the vote
/// requires (`need`: a confirmed email by default, a verified resident where
/// staff ask it), while the vote is open, once (or again, where the envelope
/// lets ballots be changed).
pub fn may_vote(
    v: &Visitor,
    e: &Envelope,
    standing: Standing,
    need: Requirement,
    open: bool,
    voted: bool,
) -> Result<(), VoteRefused> {
    if v.user_id.is_none() {
        return Err(VoteRefused::SignIn);
    }
    if !open {
        return Err(VoteRefused::Closed);
    }
    verification::meets(standing, need).map_err(|m| match m {
        Missing::SignIn => VoteRefused::SignIn,
        m => VoteRefused::Needs(m),
    })?;
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
        let confirmed = Standing {
            signed_in: true,
            confirmed: true,
            verified: None,
        };
        let unconfirmed = Standing {
            confirmed: false,
            ..confirmed
        };
        let need = Requirement::of(Level::Confirmed);
        assert_eq!(
            may_vote(&resident, &e, confirmed, need, true, false),
            Ok(())
        );
        assert_eq!(may_vote(&resident, &e, confirmed, need, true, true), Ok(()));
        assert_eq!(
            may_vote(
                &visitor(None, Role::Citizen),
                &e,
                Standing::default(),
                need,
                true,
                false
            ),
            Err(VoteRefused::SignIn)
        );
        assert_eq!(
            may_vote(&resident, &e, unconfirmed, need, true, false),
            Err(VoteRefused::Needs(Missing::ConfirmEmail))
        );
        assert_eq!(
            may_vote(&resident, &e, confirmed, need, false, false),
            Err(VoteRefused::Closed)
        );
        assert_eq!(
            may_vote(&resident, &envelope(false), confirmed, need, true, true),
            Err(VoteRefused::Final)
        );
        let verified = Requirement::of(Level::Verified);
        assert_eq!(
            may_vote(&resident, &e, confirmed, verified, true, false),
            Err(VoteRefused::Needs(Missing::Verification))
        );
        let of_2 = Standing {
            verified: Some(Some(2)),
            ..confirmed
        };
        assert_eq!(may_vote(&resident, &e, of_2, verified, true, false), Ok(()));
    }

    #[test]
    fn a_district_envelope_is_for_its_verified_residents() {
        let mut e = envelope(true);
        e.district = Some((2, "Les Quais".into()));
        let verified = Requirement::of(Level::Verified);
        assert_eq!(requirement(&e, verified).district, Some(2));
        let confirmed = Requirement::of(Level::Confirmed);
        assert_eq!(
            requirement(&e, confirmed),
            confirmed,
            "no district without verification"
        );
        assert_eq!(requirement(&envelope(true), verified), verified);
        let other = Requirement {
            level: Level::Verified,
            district: Some(5),
        };
        assert_eq!(requirement(&e, other), other, "staff's own choice stands");
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
