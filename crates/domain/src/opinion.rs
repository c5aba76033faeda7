//! The opinion map of a discussion (Pol.is-style): participants vote agree /
//! disagree / pass on short statements; the map places each participant by
//! their votes (PCA to two dimensions), groups them (k-means, k from 2 to 5
//! chosen by the silhouette), and finds what sets each group apart and what
//! most groups agree on. Pure computation, deterministic, no I/O.

use crate::account::FieldError;

/// A vote on a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vote {
    Agree,
    Disagree,
    Pass,
}

impl Vote {
    pub const ALL: [Vote; 3] = [Vote::Agree, Vote::Disagree, Vote::Pass];

    pub fn as_str(self) -> &'static str {
        match self {
            Vote::Agree => "agree",
            Vote::Disagree => "disagree",
            Vote::Pass => "pass",
        }
    }

    fn value(self) -> f64 {
        match self {
            Vote::Agree => 1.0,
            Vote::Disagree => -1.0,
            Vote::Pass => 0.0,
        }
    }
}

impl std::str::FromStr for Vote {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Vote, FieldError> {
        Vote::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or(FieldError::InvalidChoice)
    }
}

/// Longest statement, in characters.
pub const MAX_STATEMENT: usize = 140;

/// A statement as submitted: one line (line breaks become spaces, runs of
/// spaces one), not empty, at most [`MAX_STATEMENT`] characters.
pub fn statement(input: &str) -> Result<String, FieldError> {
    if input.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(FieldError::InvalidCharacters);
    }
    let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    if text.chars().count() > MAX_STATEMENT {
        return Err(FieldError::TooLong);
    }
    Ok(text)
}

/// Participants with fewer votes are left off the map (too little to place them).
pub const MIN_VOTES: usize = 3;
/// A statement is a consensus when at least this share of every group agrees
/// (or disagrees).
pub const CONSENSUS_SHARE: f64 = 0.6;

/// The votes: `participants × statements`, `None` where someone did not vote.
pub struct Votes {
    pub participants: usize,
    pub statements: usize,
    cells: Vec<Option<Vote>>,
}

impl Votes {
    pub fn new(participants: usize, statements: usize) -> Votes {
        Votes {
            participants,
            statements,
            cells: vec![None; participants * statements],
        }
    }

    pub fn set(&mut self, participant: usize, statement: usize, vote: Vote) {
        if participant < self.participants && statement < self.statements {
            self.cells[participant * self.statements + statement] = Some(vote);
        }
    }

    pub fn get(&self, participant: usize, statement: usize) -> Option<Vote> {
        self.cells[participant * self.statements + statement]
    }

    fn count(&self, participant: usize) -> usize {
        (0..self.statements)
            .filter(|s| self.get(participant, *s).is_some())
            .count()
    }
}

/// A statement and how strongly it qualifies (a share of agreement, or a gap).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub statement: usize,
    /// For a group: the share of its members who agree (or, when `agree` is
    /// false, disagree). For a consensus: the lowest such share over groups.
    pub share: f64,
    pub agree: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Participants (their indexes in the votes).
    pub members: Vec<usize>,
    /// What this group thinks differently from the others, most telling first.
    pub distinctive: Vec<Scored>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Map {
    /// (participant, x, y, group) for every participant on the map.
    pub points: Vec<(usize, f64, f64, usize)>,
    pub groups: Vec<Group>,
    /// Statements most groups agree (or disagree) on, strongest first.
    pub consensus: Vec<Scored>,
    /// The silhouette of the grouping chosen (−1 to 1; higher is clearer).
    pub silhouette: f64,
}

/// Builds the map; `None` when fewer than four participants can be placed.
pub fn map(votes: &Votes) -> Option<Map> {
    let placed: Vec<usize> = (0..votes.participants)
        .filter(|p| votes.count(*p) >= MIN_VOTES)
        .collect();
    if placed.len() < 4 || votes.statements < 2 {
        return None;
    }
    let coords = project(votes, &placed);
    let (assignment, k, silhouette) = (2..=5usize)
        .filter(|k| *k < placed.len())
        .map(|k| {
            let assignment = kmeans(&coords, k);
            let s = silhouette_of(&coords, &assignment, k);
            (assignment, k, s)
        })
        .fold(
            None::<(Vec<usize>, usize, f64)>,
            |best, candidate| match best {
                Some(b) if b.2 >= candidate.2 => Some(b),
                _ => Some(candidate),
            },
        )?;
    let mut groups: Vec<Group> = (0..k)
        .map(|g| Group {
            members: placed
                .iter()
                .zip(&assignment)
                .filter(|(_, a)| **a == g)
                .map(|(p, _)| *p)
                .collect(),
            distinctive: Vec::new(),
        })
        .filter(|g| !g.members.is_empty())
        .collect();
    let counts = count_votes(votes, &groups);
    let all = total(&counts, votes.statements);
    for (i, group) in groups.iter_mut().enumerate() {
        let others: Vec<Count> = all
            .iter()
            .zip(&counts[i])
            .map(|(t, g)| [t[0] - g[0], t[1] - g[1], t[2] - g[2]])
            .collect();
        group.distinctive = distinctive(&counts[i], &others);
    }
    let consensus = consensus(&counts, votes.statements);
    let group_of = |index: usize| {
        let participant = placed[index];
        groups
            .iter()
            .position(|g| g.members.contains(&participant))
            .unwrap_or(0)
    };
    let points = coords
        .iter()
        .enumerate()
        .map(|(i, (x, y))| (placed[i], *x, *y, group_of(i)))
        .collect();
    Some(Map {
        points,
        groups,
        consensus,
        silhouette,
    })
}

/// The participants' votes projected on the two main axes of disagreement
/// (principal components by power iteration; unvoted cells count as the
/// statement's mean, so they pull nowhere).
fn project(votes: &Votes, placed: &[usize]) -> Vec<(f64, f64)> {
    let m = votes.statements;
    let n = placed.len();
    // Participant by participant (memory order), then statement by statement.
    let mut sums = vec![(0.0f64, 0usize); m];
    for p in placed {
        for (sum, cell) in sums.iter_mut().zip(&votes.cells[p * m..(p + 1) * m]) {
            if let Some(v) = cell {
                sum.0 += v.value();
                sum.1 += 1;
            }
        }
    }
    let means: Vec<f64> = sums
        .iter()
        .map(|(sum, count)| if *count > 0 { sum / *count as f64 } else { 0.0 })
        .collect();
    // Single precision is plenty for a picture, and halves the memory the
    // power iteration streams through (2,000 × 300 votes: 2.4 MB, not 4.8).
    let mut x = vec![0.0f32; n * m];
    for (row, p) in placed.iter().enumerate() {
        let cells = &votes.cells[p * m..(p + 1) * m];
        for (s, cell) in cells.iter().enumerate() {
            x[row * m + s] = cell.map_or(0.0, |v| (v.value() - means[s]) as f32);
        }
    }
    let (first, second) = axes(&x, n, m);
    (0..n)
        .map(|row| {
            let r = &x[row * m..(row + 1) * m];
            (f64::from(dot(r, &first)), f64::from(dot(r, &second)))
        })
        .collect()
}

/// Four running sums instead of one, so that the additions need not wait for
/// each other (a single sum adds the products strictly in order); the same
/// result every run.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let (a4, b4) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f32 = a4
        .remainder()
        .iter()
        .zip(b4.remainder())
        .map(|(x, y)| x * y)
        .sum();
    let sums = a4.zip(b4).fold([0.0f32; 4], |s, (x, y)| {
        [
            s[0] + x[0] * y[0],
            s[1] + x[1] * y[1],
            s[2] + x[2] * y[2],
            s[3] + x[3] * y[3],
        ]
    });
    (sums[0] + sums[1]) + (sums[2] + sums[3]) + tail
}

fn normalise(v: &mut [f32]) -> f32 {
    let norm = dot(v, v).sqrt();
    if norm > 1e-12 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    norm
}

/// Makes `a` and `b` orthonormal (Gram–Schmidt); false when they span no plane.
fn orthonormalise(a: &mut [f32], b: &mut [f32]) -> bool {
    if normalise(a) < 1e-12 {
        return false;
    }
    let d = dot(a, b);
    b.iter_mut().zip(a.iter()).for_each(|(y, x)| *y -= d * x);
    normalise(b) >= 1e-12
}

/// The two main eigenvectors of XᵀX, by subspace iteration: both vectors
/// are improved together, then turned within their plane to its principal
/// axes (Rayleigh–Ritz on the 2 × 2 problem). With three camps the first two
/// eigenvalues are close, and one vector at a time would crawl (the ratio
/// between them sets the pace); the plane settles in a few rounds.
fn axes(x: &[f32], n: usize, m: usize) -> (Vec<f32>, Vec<f32>) {
    // A fixed, uneven start: deterministic, and not orthogonal to the answer
    // in any but contrived cases.
    let mut a: Vec<f32> = (0..m)
        .map(|i| 1.0 + (i as f32 * 0.618_034).fract())
        .collect();
    let mut b: Vec<f32> = (0..m)
        .map(|i| {
            let sign = if i % 2 == 0 { 1.0 } else { -1.0 };
            sign * (1.0 + (i as f32 * 0.414_214).fract())
        })
        .collect();
    if !orthonormalise(&mut a, &mut b) {
        return (vec![0.0; m], vec![0.0; m]);
    }
    for _ in 0..40 {
        // Z = XᵀX [a b], reading each participant's row once.
        let (mut za, mut zb) = (vec![0.0f32; m], vec![0.0f32; m]);
        for row in 0..n {
            let r = &x[row * m..(row + 1) * m];
            let (ya, yb) = (dot(r, &a), dot(r, &b));
            for ((pa, pb), v) in za.iter_mut().zip(zb.iter_mut()).zip(r) {
                *pa += ya * v;
                *pb += yb * v;
            }
        }
        // The principal axes of the plane: H = [a b]ᵀ Z, a 2 × 2 symmetric matrix.
        let (h11, h12, h22) = (dot(&a, &za), dot(&a, &zb), dot(&b, &zb));
        let theta = 0.5 * (2.0 * h12).atan2(h11 - h22);
        let (c, s) = (theta.cos(), theta.sin());
        let mut next_a: Vec<f32> = za.iter().zip(&zb).map(|(p, q)| c * p + s * q).collect();
        let mut next_b: Vec<f32> = za.iter().zip(&zb).map(|(p, q)| c * q - s * p).collect();
        if !orthonormalise(&mut next_a, &mut next_b) {
            // Everyone agrees on everything but one direction: a line, not a plane.
            if normalise(&mut za) < 1e-12 {
                return (vec![0.0; m], vec![0.0; m]);
            }
            return (za, vec![0.0; m]);
        }
        // Eigenvectors have no sign: keep the previous round's, so that the
        // change measures convergence (and the result stays deterministic).
        for (next, previous) in [(&mut next_a, &a), (&mut next_b, &b)] {
            if dot(next, previous) < 0.0 {
                next.iter_mut().for_each(|v| *v = -*v);
            }
        }
        let change: f32 = next_a
            .iter()
            .zip(&a)
            .chain(next_b.iter().zip(&b))
            .map(|(p, q)| (p - q).abs())
            .sum();
        a = next_a;
        b = next_b;
        if change < 1e-4 {
            break;
        }
    }
    (a, b)
}

fn distance2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// k-means with a deterministic farthest-point start.
fn kmeans(points: &[(f64, f64)], k: usize) -> Vec<usize> {
    let mut centres = vec![points[0]];
    while centres.len() < k {
        let farthest = points
            .iter()
            .copied()
            .max_by(|a, b| {
                let da = centres
                    .iter()
                    .map(|c| distance2(*a, *c))
                    .fold(f64::MAX, f64::min);
                let db = centres
                    .iter()
                    .map(|c| distance2(*b, *c))
                    .fold(f64::MAX, f64::min);
                da.total_cmp(&db)
            })
            .unwrap_or(points[0]);
        centres.push(farthest);
    }
    let mut assignment = vec![0; points.len()];
    for _ in 0..100 {
        let mut changed = false;
        for (i, p) in points.iter().enumerate() {
            let nearest = (0..k)
                .min_by(|a, b| distance2(*p, centres[*a]).total_cmp(&distance2(*p, centres[*b])))
                .unwrap_or(0);
            if assignment[i] != nearest {
                assignment[i] = nearest;
                changed = true;
            }
        }
        for (c, centre) in centres.iter_mut().enumerate() {
            let members: Vec<&(f64, f64)> = points
                .iter()
                .zip(&assignment)
                .filter(|(_, a)| **a == c)
                .map(|(p, _)| p)
                .collect();
            if !members.is_empty() {
                let len = members.len() as f64;
                *centre = (
                    members.iter().map(|p| p.0).sum::<f64>() / len,
                    members.iter().map(|p| p.1).sum::<f64>() / len,
                );
            }
        }
        if !changed {
            break;
        }
    }
    assignment
}

/// Points whose silhouette is averaged at most (an evenly spread sample, each
/// measured against every point): enough to choose k, and it keeps the cost
/// linear in the number of participants.
const SILHOUETTE_SAMPLE: usize = 400;

/// The mean silhouette of a grouping (−1 to 1).
fn silhouette_of(points: &[(f64, f64)], assignment: &[usize], k: usize) -> f64 {
    let step = points.len().div_ceil(SILHOUETTE_SAMPLE).max(1);
    let mut total = 0.0;
    let mut measured = 0usize;
    for (i, p) in points.iter().enumerate().step_by(step) {
        measured += 1;
        let mut sums = vec![0.0; k];
        let mut counts = vec![0usize; k];
        for (j, q) in points.iter().enumerate() {
            if i != j {
                sums[assignment[j]] += distance2(*p, *q).sqrt();
                counts[assignment[j]] += 1;
            }
        }
        let own = assignment[i];
        if counts[own] == 0 {
            continue; // alone in its group: silhouette 0
        }
        let a = sums[own] / counts[own] as f64;
        let b = (0..k)
            .filter(|g| *g != own && counts[*g] > 0)
            .map(|g| sums[g] / counts[g] as f64)
            .fold(f64::MAX, f64::min);
        if b < f64::MAX {
            total += (b - a) / a.max(b).max(1e-12);
        }
    }
    total / measured.max(1) as f64
}

/// Votes on one statement: agree, disagree, pass.
type Count = [usize; 3];

/// Every group's votes per statement, counted in one pass over the votes in
/// memory order (participant by participant).
fn count_votes(votes: &Votes, groups: &[Group]) -> Vec<Vec<Count>> {
    groups
        .iter()
        .map(|g| {
            let mut counts = vec![[0usize; 3]; votes.statements];
            for p in &g.members {
                let row = &votes.cells[p * votes.statements..(p + 1) * votes.statements];
                for (count, cell) in counts.iter_mut().zip(row) {
                    match cell {
                        Some(Vote::Agree) => count[0] += 1,
                        Some(Vote::Disagree) => count[1] += 1,
                        Some(Vote::Pass) => count[2] += 1,
                        None => {}
                    }
                }
            }
            counts
        })
        .collect()
}

fn total(counts: &[Vec<Count>], statements: usize) -> Vec<Count> {
    let mut all = vec![[0usize; 3]; statements];
    for group in counts {
        for (t, c) in all.iter_mut().zip(group) {
            for k in 0..3 {
                t[k] += c[k];
            }
        }
    }
    all
}

/// Shares of agreement and disagreement among those who voted, and how many voted.
fn shares(count: &Count) -> (f64, f64, usize) {
    let voted = count[0] + count[1] + count[2];
    if voted == 0 {
        return (0.0, 0.0, 0);
    }
    (
        count[0] as f64 / voted as f64,
        count[1] as f64 / voted as f64,
        voted,
    )
}

/// Statements on which a group differs most from everyone else (at most 3).
fn distinctive(members: &[Count], others: &[Count]) -> Vec<Scored> {
    let mut scored: Vec<(f64, Scored)> = (0..members.len())
        .filter_map(|s| {
            let (agree_in, disagree_in, voted_in) = shares(&members[s]);
            let (agree_out, disagree_out, _) = shares(&others[s]);
            if voted_in < 2 {
                return None;
            }
            let (gap_agree, gap_disagree) = (agree_in - agree_out, disagree_in - disagree_out);
            let (gap, scored) = if gap_agree >= gap_disagree {
                (
                    gap_agree,
                    Scored {
                        statement: s,
                        share: agree_in,
                        agree: true,
                    },
                )
            } else {
                (
                    gap_disagree,
                    Scored {
                        statement: s,
                        share: disagree_in,
                        agree: false,
                    },
                )
            };
            (gap >= 0.3 && scored.share >= 0.5).then_some((gap, scored))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.statement.cmp(&b.1.statement)));
    scored.into_iter().take(3).map(|(_, s)| s).collect()
}

/// Statements every group agrees (or disagrees) on, at least [`CONSENSUS_SHARE`].
fn consensus(counts: &[Vec<Count>], statements: usize) -> Vec<Scored> {
    let mut found: Vec<Scored> = (0..statements)
        .filter_map(|s| {
            let per_group: Vec<(f64, f64, usize)> = counts.iter().map(|g| shares(&g[s])).collect();
            if per_group.iter().any(|(_, _, voted)| *voted == 0) {
                return None;
            }
            let min_agree = per_group.iter().map(|g| g.0).fold(f64::MAX, f64::min);
            let min_disagree = per_group.iter().map(|g| g.1).fold(f64::MAX, f64::min);
            if min_agree >= CONSENSUS_SHARE {
                Some(Scored {
                    statement: s,
                    share: min_agree,
                    agree: true,
                })
            } else if min_disagree >= CONSENSUS_SHARE {
                Some(Scored {
                    statement: s,
                    share: min_disagree,
                    agree: false,
                })
            } else {
                None
            }
        })
        .collect();
    found.sort_by(|a, b| {
        b.share
            .total_cmp(&a.share)
            .then(a.statement.cmp(&b.statement))
    });
    found.truncate(5);
    found
}

#[cfg(test)]
mod tests;
