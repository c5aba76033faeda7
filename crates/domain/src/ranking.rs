//! The "best" order of contributions: a public, explainable formula. It reads
//! only what happened to a contribution (reactions, replies, the commune's
//! badges, its age), never who wrote it. `/transparency/ranking` explains it
//! with these very numbers.
//!
//! score = (up × UP − down × DOWN + min(replies, REPLY_CAP) × REPLY
//!          + IMPACT if the commune badged it "impact")
//!         ÷ (1 + age in days ÷ HALF_LIFE_DAYS)
//!
//! The commune's official answer is not scored: it is always shown first.
//! Ties go to the newer contribution, then to the later one written.

use std::cmp::Ordering;

/// The weights of the formula.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Each "up" reaction.
    pub up: f64,
    /// Each "down" reaction (subtracted).
    pub down: f64,
    /// Each reply, up to `reply_cap` of them.
    pub reply: f64,
    pub reply_cap: u32,
    /// The "impact" badge (this contribution changed the project).
    pub impact: f64,
    /// After this many days a contribution's score is halved, after twice as
    /// many it is a third, and so on.
    pub half_life_days: f64,
}

pub const WEIGHTS: Weights = Weights {
    up: 1.0,
    down: 1.0,
    reply: 0.5,
    reply_cap: 10,
    impact: 5.0,
    half_life_days: 14.0,
};

/// What the formula reads about one contribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Signals {
    pub up: u32,
    pub down: u32,
    pub replies: u32,
    pub impact: bool,
    /// Seconds since it was written (negative values count as zero).
    pub age_seconds: i64,
}

/// The points before ageing.
pub fn points(s: &Signals, w: &Weights) -> f64 {
    f64::from(s.up) * w.up - f64::from(s.down) * w.down
        + f64::from(s.replies.min(w.reply_cap)) * w.reply
        + if s.impact { w.impact } else { 0.0 }
}

/// The score: the points, divided as the contribution ages.
pub fn score(s: &Signals, w: &Weights) -> f64 {
    let age_days = s.age_seconds.max(0) as f64 / 86_400.0;
    points(s, w) / (1.0 + age_days / w.half_life_days)
}

/// A contribution's place in "best first" order, with its score computed
/// once (a sort compares each item many times).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BestKey {
    score: f64,
    age_seconds: i64,
    id: i64,
}

impl BestKey {
    pub fn of(s: &Signals, id: i64) -> BestKey {
        BestKey {
            score: score(s, &WEIGHTS),
            age_seconds: s.age_seconds,
            id,
        }
    }

    /// Higher score first, then younger, then the later id.
    pub fn order(&self, other: &BestKey) -> Ordering {
        other
            .score
            .partial_cmp(&self.score)
            .unwrap_or(Ordering::Equal)
            .then(self.age_seconds.cmp(&other.age_seconds))
            .then(other.id.cmp(&self.id))
    }
}

/// "Best first" between two contributions (`id`s break ties: later first).
pub fn best_first(a: (&Signals, i64), b: (&Signals, i64)) -> Ordering {
    BestKey::of(a.0, a.1).order(&BestKey::of(b.0, b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    fn signals(up: u32, down: u32, replies: u32, impact: bool, days: i64) -> Signals {
        Signals {
            up,
            down,
            replies,
            impact,
            age_seconds: days * DAY,
        }
    }

    #[test]
    fn points_add_up_as_documented() {
        assert_eq!(points(&signals(12, 2, 4, false, 0), &WEIGHTS), 12.0);
        assert_eq!(
            points(&signals(0, 0, 50, false, 0), &WEIGHTS),
            5.0,
            "replies are capped"
        );
        assert_eq!(points(&signals(0, 3, 0, true, 0), &WEIGHTS), 2.0);
    }

    #[test]
    fn age_halves_the_score_after_the_half_life() {
        let fresh = signals(10, 0, 0, false, 0);
        let old = signals(10, 0, 0, false, 14);
        assert_eq!(score(&fresh, &WEIGHTS), 10.0);
        assert_eq!(score(&old, &WEIGHTS), 5.0);
        assert!((score(&signals(10, 0, 0, false, 28), &WEIGHTS) - 10.0 / 3.0).abs() < 1e-9);
        assert_eq!(score(&signals(10, 0, 0, false, -5), &WEIGHTS), 10.0);
    }

    #[test]
    fn best_first_orders_by_score_then_recency() {
        let popular = signals(20, 1, 3, false, 2);
        let impact = signals(3, 0, 0, true, 1);
        let new_and_quiet = signals(0, 0, 0, false, 0);
        let disliked = signals(1, 9, 0, false, 0);
        let mut all = [(disliked, 4), (new_and_quiet, 3), (impact, 2), (popular, 1)];
        all.sort_by(|a, b| best_first((&a.0, a.1), (&b.0, b.1)));
        let ids: Vec<i64> = all.iter().map(|(_, id)| *id).collect();
        assert_eq!(ids, vec![1, 2, 3, 4]);
        // Equal scores: the newer first, then the later written.
        let a = signals(1, 0, 0, false, 0);
        assert_eq!(best_first((&a, 1), (&a, 2)), Ordering::Greater);
    }
}
