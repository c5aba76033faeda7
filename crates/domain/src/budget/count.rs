//! The count: which projects an envelope funds, and why each other one is
//! not funded.
//!
//! - **Most votes first** (`greedy`): projects in order of votes (more
//!   first), then cost (cheaper first), then age (the older project, the
//!   smaller id, first). Each is funded if it still fits in what is left of
//!   the envelope; one that does not fit is passed over and the next one is
//!   tried. A project nobody voted for is never funded.
//! - **Method of Equal Shares** (`equal_shares`), as Peters, Pierczyński and
//!   Skowron describe it for approval ballots with cost utilities (the
//!   variant of equalshares.net and pabulib): the envelope is split equally
//!   among the voters; a project is funded when its voters can pay for it
//!   together, each paying the same or all they have left; at each step the
//!   project that asks the least of each of its voters per euro it costs
//!   (the greatest "effective vote count", cost ÷ the largest payment) wins,
//!   ties by the order above. **Completion**: while the funded set leaves
//!   room for a voted project, each voter's share is raised by 1 € (or by a
//!   thousandth of the first share if that is more, at most 10,000 times)
//!   and the method re-run, kept as long as what it funds fits in the
//!   envelope ("add1"); what is still left then goes most votes first.

use super::Method;

/// A project on the ballot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Project {
    pub id: i64,
    /// Euros.
    pub cost: i64,
}

/// What is counted: the envelope, its projects, and each ballot's project ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Instance {
    pub budget: i64,
    pub projects: Vec<Project>,
    pub ballots: Vec<Vec<i64>>,
}

/// Why a project was funded or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Funded by the rule itself.
    Won,
    /// Funded by the Method of Equal Shares' completion (most votes first).
    Completed,
    /// It cost more than what was left at its turn.
    TooExpensive,
    /// Nobody voted for it.
    NoVotes,
}

impl Why {
    pub fn as_str(self) -> &'static str {
        match self {
            Why::Won => "won",
            Why::Completed => "completed",
            Why::TooExpensive => "too_expensive",
            Why::NoVotes => "no_votes",
        }
    }

    pub fn funded(self) -> bool {
        matches!(self, Why::Won | Why::Completed)
    }
}

/// One project's line in the result, in the order of the count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub id: i64,
    pub cost: i64,
    pub votes: u64,
    pub why: Why,
    /// What was left of the envelope at its turn (before it, if funded).
    pub left: i64,
}

/// The result of one method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub method: Method,
    pub lines: Vec<Line>,
    pub spent: i64,
}

impl Outcome {
    pub fn funded(&self) -> Vec<i64> {
        self.lines
            .iter()
            .filter(|l| l.why.funded())
            .map(|l| l.id)
            .collect()
    }
}

/// Counts `instance` by `method`.
pub fn count(instance: &Instance, method: Method) -> Outcome {
    let tally = Tally::of(instance);
    match method {
        Method::Greedy => greedy(&tally),
        Method::EqualShares => equal_shares(&tally),
    }
}

/// The instance with ballots grouped (identical ballots count once, with a
/// weight) and votes counted.
struct Tally {
    budget: i64,
    projects: Vec<Project>,
    votes: Vec<u64>,
    /// Each distinct ballot's weight (how many voters cast it).
    weights: Vec<f64>,
    voters: f64,
    /// For each project, the distinct ballots that chose it.
    approvers: Vec<Vec<usize>>,
}

impl Tally {
    fn of(instance: &Instance) -> Tally {
        let mut projects = instance.projects.clone();
        projects.sort_by_key(|p| p.id);
        projects.dedup_by_key(|p| p.id);
        let index = |id: i64| projects.binary_search_by_key(&id, |p| p.id).ok();
        let mut ballots: Vec<Vec<usize>> = instance
            .ballots
            .iter()
            .map(|b| {
                let mut b: Vec<usize> = b.iter().filter_map(|id| index(*id)).collect();
                b.sort_unstable();
                b.dedup();
                b
            })
            .collect();
        ballots.sort();
        let mut votes = vec![0u64; projects.len()];
        let mut approvers = vec![Vec::new(); projects.len()];
        let mut weights: Vec<f64> = Vec::new();
        let mut previous: Option<&Vec<usize>> = None;
        for b in &ballots {
            for &p in b {
                votes[p] += 1;
            }
            if previous == Some(b) {
                if let Some(w) = weights.last_mut() {
                    *w += 1.0;
                }
                continue;
            }
            let group = weights.len();
            weights.push(1.0);
            for &p in b {
                approvers[p].push(group);
            }
            previous = Some(b);
        }
        Tally {
            budget: instance.budget.max(0),
            projects,
            votes,
            voters: ballots.len() as f64,
            weights,
            approvers,
        }
    }

    /// The order of "most votes first": votes, then cost, then id.
    fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.projects.len()).collect();
        order.sort_by_key(|&p| self.key(p));
        order
    }

    fn key(&self, p: usize) -> (std::cmp::Reverse<u64>, i64, i64) {
        (
            std::cmp::Reverse(self.votes[p]),
            self.projects[p].cost,
            self.projects[p].id,
        )
    }

    fn line(&self, p: usize, why: Why, left: i64) -> Line {
        Line {
            id: self.projects[p].id,
            cost: self.projects[p].cost,
            votes: self.votes[p],
            why,
            left,
        }
    }
}

fn greedy(t: &Tally) -> Outcome {
    let mut left = t.budget;
    let mut lines = Vec::with_capacity(t.projects.len());
    for p in t.order() {
        let why = if t.votes[p] == 0 {
            Why::NoVotes
        } else if t.projects[p].cost <= left {
            Why::Won
        } else {
            Why::TooExpensive
        };
        lines.push(t.line(p, why, left));
        if why == Why::Won {
            left -= t.projects[p].cost;
        }
    }
    Outcome {
        method: Method::Greedy,
        spent: t.budget - left,
        lines,
    }
}

/// Relative tolerance of money comparisons (shares are fractions of euros).
const EPSILON: f64 = 1e-9;
/// Most re-runs of the completion.
const MAX_STEPS: usize = 10_000;

/// The projects the Method of Equal Shares funds when each voter starts with
/// `share` euros, in the order it funds them.
fn equal_shares_with(t: &Tally, share: f64) -> Vec<usize> {
    let mut money: Vec<f64> = vec![share; t.weights.len()];
    // Candidates with the upper bound of their effective vote count (it only
    // falls as voters spend).
    let mut candidates: Vec<(usize, f64)> = (0..t.projects.len())
        .filter(|&p| t.projects[p].cost > 0 && t.votes[p] > 0)
        .map(|p| (p, t.votes[p] as f64))
        .collect();
    let mut funded = Vec::new();
    loop {
        candidates.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| t.key(a.0).cmp(&t.key(b.0)))
        });
        let mut best: Option<(usize, f64)> = None;
        let mut gone = Vec::new();
        for (i, candidate) in candidates.iter_mut().enumerate() {
            let p = candidate.0;
            if let Some((_, best_eff)) = best
                && candidate.1 < best_eff * (1.0 - EPSILON)
            {
                break;
            }
            let cost = t.projects[p].cost as f64;
            let mut payers: Vec<usize> = t.approvers[p].clone();
            let behind: f64 = payers.iter().map(|&g| money[g] * t.weights[g]).sum();
            if behind < cost * (1.0 - EPSILON) {
                gone.push(i);
                continue;
            }
            payers.sort_by(|&a, &b| money[a].total_cmp(&money[b]).then(a.cmp(&b)));
            let mut paid = 0.0;
            let mut sharing: f64 = payers.iter().map(|&g| t.weights[g]).sum();
            let mut eff = None;
            for &g in &payers {
                let payment = (cost - paid) / sharing;
                if payment > money[g] && sharing > t.weights[g] {
                    paid += money[g] * t.weights[g];
                    sharing -= t.weights[g];
                } else {
                    eff = Some(cost / payment);
                    break;
                }
            }
            let Some(eff) = eff else {
                gone.push(i);
                continue;
            };
            candidate.1 = eff;
            let better = match best {
                None => true,
                Some((b, best_eff)) => {
                    eff > best_eff * (1.0 + EPSILON)
                        || (eff >= best_eff * (1.0 - EPSILON) && t.key(p) < t.key(b))
                }
            };
            if better {
                best = Some((p, eff));
            }
        }
        for i in gone.into_iter().rev() {
            candidates.remove(i);
        }
        let Some((p, eff)) = best else {
            return funded;
        };
        let payment = t.projects[p].cost as f64 / eff;
        for &g in &t.approvers[p] {
            money[g] = (money[g] - payment).max(0.0);
        }
        candidates.retain(|c| c.0 != p);
        funded.push(p);
    }
}

fn cost_of(t: &Tally, set: &[usize]) -> i64 {
    set.iter().map(|&p| t.projects[p].cost).sum()
}

fn equal_shares(t: &Tally) -> Outcome {
    let mut funded = Vec::new();
    if t.voters > 0.0 {
        let first = t.budget as f64 / t.voters;
        let step = (first / 1000.0).max(1.0);
        let mut share = first;
        funded = equal_shares_with(t, share);
        for _ in 0..MAX_STEPS {
            let left = t.budget - cost_of(t, &funded);
            let room = (0..t.projects.len())
                .any(|p| t.votes[p] > 0 && !funded.contains(&p) && t.projects[p].cost <= left);
            if !room {
                break;
            }
            share += step;
            let next = equal_shares_with(t, share);
            if cost_of(t, &next) > t.budget {
                break;
            }
            funded = next;
        }
    }
    let mut left = t.budget;
    let mut lines = Vec::with_capacity(t.projects.len());
    for &p in &funded {
        lines.push(t.line(p, Why::Won, left));
        left -= t.projects[p].cost;
    }
    for p in t.order() {
        if funded.contains(&p) {
            continue;
        }
        let why = if t.votes[p] == 0 {
            Why::NoVotes
        } else if t.projects[p].cost <= left {
            Why::Completed
        } else {
            Why::TooExpensive
        };
        lines.push(t.line(p, why, left));
        if why == Why::Completed {
            left -= t.projects[p].cost;
        }
    }
    Outcome {
        method: Method::EqualShares,
        spent: t.budget - left,
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instance(budget: i64, costs: &[i64], ballots: &[(&[i64], usize)]) -> Instance {
        Instance {
            budget,
            projects: costs
                .iter()
                .enumerate()
                .map(|(i, &cost)| Project {
                    id: i as i64 + 1,
                    cost,
                })
                .collect(),
            ballots: ballots
                .iter()
                .flat_map(|(b, n)| std::iter::repeat_n(b.to_vec(), *n))
                .collect(),
        }
    }

    fn whys(o: &Outcome) -> Vec<(i64, Why, i64)> {
        o.lines.iter().map(|l| (l.id, l.why, l.left)).collect()
    }

    #[test]
    fn greedy_passes_over_what_no_longer_fits() {
        // 1: 6 € and 5 votes, 2: 5 € and 4 votes, 3: 4 € and 3 votes, 4: no vote.
        let i = instance(
            10,
            &[6, 5, 4, 1],
            &[(&[1, 2, 3], 3), (&[1, 2], 1), (&[1], 1)],
        );
        let o = count(&i, Method::Greedy);
        assert_eq!(
            whys(&o),
            vec![
                (1, Why::Won, 10),
                (2, Why::TooExpensive, 4),
                (3, Why::Won, 4),
                (4, Why::NoVotes, 0),
            ]
        );
        assert_eq!(o.spent, 10);
        assert_eq!(o.lines[0].votes, 5);
    }

    #[test]
    fn greedy_ties_go_to_the_cheaper_then_the_older() {
        let i = instance(10, &[6, 5, 5], &[(&[1, 2, 3], 2)]);
        assert_eq!(count(&i, Method::Greedy).funded(), vec![2, 3]);
        let i = instance(5, &[5, 5], &[(&[2, 1], 1)]);
        assert_eq!(count(&i, Method::Greedy).funded(), vec![1]);
    }

    #[test]
    fn equal_shares_gives_a_minority_its_share() {
        // 60 voters want 1 and 2, 40 want 3; each costs half the envelope.
        // Greedy funds the majority's two; equal shares funds 1 and 3, the
        // minority's share being found by the completion (40 × 12.5 € ≥ 50 €
        // once each share has grown from 10 € to 13 €).
        let i = instance(100, &[50, 50, 50], &[(&[1, 2], 6), (&[3], 4)]);
        assert_eq!(count(&i, Method::Greedy).funded(), vec![1, 2]);
        let o = count(&i, Method::EqualShares);
        assert_eq!(
            whys(&o),
            vec![
                (1, Why::Won, 100),
                (3, Why::Won, 50),
                (2, Why::TooExpensive, 0)
            ]
        );
        assert_eq!(o.spent, 100);
    }

    #[test]
    fn equal_shares_lets_a_poorer_voter_pay_what_they_have() {
        // Shares of 12 € (48 € for 4 voters). Round 1: project 2 (27 €, voters
        // a, b, c, 9 € each, effective vote count 3). Round 2: project 1
        // (8 €, voters a and d): a has 3 € left and pays it, d pays 5 €, so
        // 8 / 5 = 1.6, which beats project 3 (8 €, d alone: 1). d then has
        // 7 € and cannot pay project 3: the completion raises the shares to
        // 13 €, where everything fits (43 €).
        let i = instance(48, &[8, 27, 8], &[(&[1, 2], 1), (&[2], 2), (&[1, 3], 1)]);
        assert_eq!(
            equal_shares_with(&Tally::of(&i), 12.0),
            vec![1, 0] // indexes: project 2, then project 1
        );
        assert_eq!(count(&i, Method::EqualShares).funded(), vec![2, 1, 3]);
    }

    #[test]
    fn equal_shares_completes_by_raising_the_shares() {
        // One voter, 10 €, wants 1 (7 €) and 2 (4 €): both ask 1 € per euro,
        // the tie goes to the cheaper, and 1 no longer fits.
        let i = instance(10, &[7, 4], &[(&[1, 2], 1)]);
        let o = count(&i, Method::EqualShares);
        assert_eq!(o.funded(), vec![2]);
        assert_eq!(o.spent, 4);
        // Shares of 2 €: 1 (6 €, three voters) is funded; 2 (4 €) and 3 (3 €)
        // have one voter each, who cannot pay. At 3 € each, 3 can be paid:
        // 1 and 3 cost 9 €, which fits, and 2 no longer does.
        let i = instance(10, &[6, 4, 3], &[(&[1], 3), (&[2], 1), (&[3], 1)]);
        let o = count(&i, Method::EqualShares);
        assert_eq!(o.funded(), vec![1, 3]);
        assert_eq!(
            o.lines[2],
            Line {
                id: 2,
                cost: 4,
                votes: 1,
                why: Why::TooExpensive,
                left: 1
            }
        );
    }

    #[test]
    fn nothing_to_count() {
        let i = instance(10, &[5], &[]);
        for m in Method::ALL {
            let o = count(&i, m);
            assert_eq!(o.funded(), Vec::<i64>::new());
            assert_eq!(o.lines[0].why, Why::NoVotes);
        }
        // Unknown projects on a ballot are ignored, duplicates count once.
        let i = instance(10, &[5], &[(&[1, 1, 9], 1)]);
        assert_eq!(count(&i, Method::Greedy).lines[0].votes, 1);
    }
}
