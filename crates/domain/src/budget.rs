//! Participatory budgeting: an envelope's voting rule, the check of a ballot
//! against it, the count (most votes first, or the Method of Equal Shares)
//! and the pabulib file anyone can recompute it from.
//!
//! Amounts are whole euros. Everything here is deterministic: the same
//! ballots give the same winners on every machine.

pub mod count;
pub mod pabulib;

use std::fmt;
use std::str::FromStr;

/// Largest envelope, in euros (a city's whole investment budget fits).
pub const MAX_AMOUNT: i64 = 1_000_000_000;
/// Most projects an approval ballot may be limited to.
pub const MAX_APPROVALS: i64 = 100;

/// What a ballot may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ballot {
    /// Any projects whose costs add up to at most the envelope.
    Knapsack,
    /// At most this many projects, whatever they cost.
    Approval(u32),
}

impl Ballot {
    pub fn kind(self) -> &'static str {
        match self {
            Ballot::Knapsack => "knapsack",
            Ballot::Approval(_) => "approval",
        }
    }

    /// From the stored kind and its limit (`max_projects`).
    pub fn of(kind: &str, max: Option<i64>) -> Ballot {
        match (kind, max) {
            ("approval", Some(k)) if k > 0 => {
                Ballot::Approval(u32::try_from(k.min(MAX_APPROVALS)).unwrap_or(1))
            }
            _ => Ballot::Knapsack,
        }
    }
}

/// How winners are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    /// Most votes first while the envelope allows (pabulib's `greedy`).
    Greedy,
    /// The Method of Equal Shares with its completion (pabulib's `equalshares`).
    EqualShares,
}

impl Method {
    pub const ALL: [Method; 2] = [Method::Greedy, Method::EqualShares];

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Greedy => "greedy",
            Method::EqualShares => "equal_shares",
        }
    }

    /// Its name in pabulib's `rule` field.
    pub fn pabulib(self) -> &'static str {
        match self {
            Method::Greedy => "greedy",
            Method::EqualShares => "equalshares",
        }
    }
}

impl FromStr for Method {
    type Err = ();

    fn from_str(s: &str) -> Result<Method, ()> {
        match s.trim() {
            "greedy" => Ok(Method::Greedy),
            "equal_shares" | "equalshares" => Ok(Method::EqualShares),
            _ => Err(()),
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An envelope's rule for ballots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The envelope, in euros.
    pub amount: i64,
    pub ballot: Ballot,
    /// The share of the envelope a ballot must spend at least, in percent
    /// (0: none).
    pub min_percent: i64,
}

impl Rule {
    /// The least a ballot must spend, in euros (rounded up).
    pub fn minimum(&self) -> i64 {
        (self.amount * self.min_percent.clamp(0, 100) + 99) / 100
    }
}

/// Why a ballot is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// No project chosen.
    Empty,
    /// A project that is not on this ballot (another envelope's, not feasible).
    Unknown,
    /// The same project twice.
    Twice,
    /// Over the envelope: `total` euros chosen.
    OverBudget { total: i64 },
    /// More than the approval limit: `count` chosen.
    TooMany { count: usize },
    /// Under the minimum share: `total` euros chosen.
    UnderMinimum { total: i64 },
}

/// Checks a ballot's projects (`chosen`, their costs) against the rule;
/// `eligible` says whether a project may be chosen.
pub fn check(rule: &Rule, chosen: &[(i64, i64, bool)]) -> Result<i64, Refused> {
    if chosen.is_empty() {
        return Err(Refused::Empty);
    }
    let mut ids: Vec<i64> = chosen.iter().map(|c| c.0).collect();
    ids.sort_unstable();
    if ids.windows(2).any(|w| w[0] == w[1]) {
        return Err(Refused::Twice);
    }
    if chosen.iter().any(|c| !c.2) {
        return Err(Refused::Unknown);
    }
    let total: i64 = chosen.iter().map(|c| c.1).sum();
    match rule.ballot {
        Ballot::Knapsack if total > rule.amount => return Err(Refused::OverBudget { total }),
        Ballot::Approval(k) if chosen.len() > k as usize => {
            return Err(Refused::TooMany {
                count: chosen.len(),
            });
        }
        _ => {}
    }
    if total < rule.minimum() {
        return Err(Refused::UnderMinimum { total });
    }
    Ok(total)
}

/// Whether one more project of `cost` still fits a cart of `count` projects
/// worth `total` (the minimum share is only checked at the end).
pub fn fits(rule: &Rule, count: usize, total: i64, cost: i64) -> bool {
    match rule.ballot {
        Ballot::Knapsack => total + cost <= rule.amount,
        Ballot::Approval(k) => count < k as usize,
    }
}

/// A project's feasibility, as the commune's services reviewed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feasibility {
    /// Not reviewed yet: not on the ballot.
    Pending,
    Feasible,
    /// Not feasible, with a public reason: not on the ballot.
    Unfeasible,
}

impl Feasibility {
    pub const ALL: [Feasibility; 3] = [
        Feasibility::Pending,
        Feasibility::Feasible,
        Feasibility::Unfeasible,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Feasibility::Pending => "pending",
            Feasibility::Feasible => "feasible",
            Feasibility::Unfeasible => "unfeasible",
        }
    }
}

impl FromStr for Feasibility {
    type Err = ();

    fn from_str(s: &str) -> Result<Feasibility, ()> {
        Feasibility::ALL
            .into_iter()
            .find(|f| f.as_str() == s.trim())
            .ok_or(())
    }
}

/// A paper ballot's reference, as written on it: 1 to 40 letters, digits,
/// dashes or slashes ("B-0042").
pub fn paper_reference(input: &str) -> Result<String, crate::account::FieldError> {
    let r = input.trim().to_uppercase();
    if r.is_empty() {
        return Err(crate::account::FieldError::Required);
    }
    if r.chars().count() > 40 {
        return Err(crate::account::FieldError::TooLong);
    }
    if !r
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '/')
    {
        return Err(crate::account::FieldError::InvalidCharacters);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNAPSACK: Rule = Rule {
        amount: 100_000,
        ballot: Ballot::Knapsack,
        min_percent: 0,
    };

    #[test]
    fn a_knapsack_ballot_stays_in_the_envelope() {
        assert_eq!(
            check(&KNAPSACK, &[(1, 60_000, true), (2, 40_000, true)]),
            Ok(100_000)
        );
        assert_eq!(
            check(&KNAPSACK, &[(1, 60_000, true), (2, 40_001, true)]),
            Err(Refused::OverBudget { total: 100_001 })
        );
        assert_eq!(check(&KNAPSACK, &[]), Err(Refused::Empty));
        assert_eq!(
            check(&KNAPSACK, &[(1, 10, true), (1, 10, true)]),
            Err(Refused::Twice)
        );
        assert_eq!(check(&KNAPSACK, &[(1, 10, false)]), Err(Refused::Unknown));
    }

    #[test]
    fn an_approval_ballot_counts_projects_not_euros() {
        let rule = Rule {
            ballot: Ballot::Approval(2),
            ..KNAPSACK
        };
        assert_eq!(
            check(&rule, &[(1, 90_000, true), (2, 90_000, true)]),
            Ok(180_000)
        );
        assert_eq!(
            check(&rule, &[(1, 1, true), (2, 1, true), (3, 1, true)]),
            Err(Refused::TooMany { count: 3 })
        );
        assert!(fits(&rule, 1, 90_000, 90_000));
        assert!(!fits(&rule, 2, 2, 1));
    }

    #[test]
    fn the_minimum_share_is_rounded_up() {
        let rule = Rule {
            amount: 1_001,
            min_percent: 50,
            ..KNAPSACK
        };
        assert_eq!(rule.minimum(), 501);
        assert_eq!(
            check(&rule, &[(1, 500, true)]),
            Err(Refused::UnderMinimum { total: 500 })
        );
        assert_eq!(check(&rule, &[(1, 501, true)]), Ok(501));
        assert!(fits(&KNAPSACK, 0, 0, 100_000));
        assert!(!fits(&KNAPSACK, 0, 1, 100_000));
    }

    #[test]
    fn stored_rules_read_back() {
        assert_eq!(Ballot::of("approval", Some(3)), Ballot::Approval(3));
        assert_eq!(Ballot::of("approval", None), Ballot::Knapsack);
        assert_eq!(Ballot::of("knapsack", Some(3)), Ballot::Knapsack);
        for m in Method::ALL {
            assert_eq!(m.as_str().parse::<Method>(), Ok(m));
            assert_eq!(m.pabulib().parse::<Method>(), Ok(m));
        }
        assert_eq!(paper_reference(" b-0042 "), Ok("B-0042".to_string()));
        assert!(paper_reference("a b").is_err());
        assert!(paper_reference("").is_err());
    }
}
