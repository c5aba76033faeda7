//! Citizen proposals: what a proposal holds, the commune's statuses, the
//! rules of supports (one per person, an optional limit per process, the
//! threshold), and the list's orders with their keyset cursors. No I/O.

use std::fmt;
use std::str::FromStr;

use crate::account::{FieldError, line};

pub const MAX_TITLE: usize = 150;
pub const MAX_BODY: usize = 20_000;
pub const MAX_ADDRESS: usize = 300;

/// Where the commune stands on a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Published, no answer yet.
    Open,
    Review,
    Accepted,
    Rejected,
    Progress,
    Done,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Open,
        Status::Review,
        Status::Accepted,
        Status::Rejected,
        Status::Progress,
        Status::Done,
    ];
    /// What staff may set (a proposal is open until they answer).
    pub const ANSWERS: [Status; 5] = [
        Status::Review,
        Status::Accepted,
        Status::Rejected,
        Status::Progress,
        Status::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Review => "review",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
            Status::Progress => "progress",
            Status::Done => "done",
        }
    }

    /// Supports are taken while the commune has not decided.
    pub fn takes_supports(self) -> bool {
        matches!(self, Status::Open | Status::Review)
    }
}

impl FromStr for Status {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Status, FieldError> {
        Status::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or(FieldError::InvalidChoice)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A staff answer: the status, and the public text (required to reject).
pub fn answer(status: &str, body: &str) -> Result<(Status, String), AnswerError> {
    let status: Status = status.parse().map_err(|_| AnswerError::Status)?;
    if status == Status::Open {
        return Err(AnswerError::Status);
    }
    let body = crate::content::text(body, 10_000).map_err(AnswerError::Body)?;
    if status == Status::Rejected && body.is_empty() {
        return Err(AnswerError::ReasonRequired);
    }
    Ok((status, body))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    Status,
    Body(FieldError),
    ReasonRequired,
}

impl Status {
    /// A proposal the commune accepted, whose carrying out it follows up.
    pub fn followed_up(self) -> bool {
        matches!(self, Status::Accepted | Status::Progress | Status::Done)
    }
}

/// A step of an accepted proposal's carrying out, as staff post it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub on: crate::date::Day,
    pub percent: i64,
    pub body: String,
}

/// Longest milestone text, in characters.
pub const MAX_MILESTONE: usize = 2_000;

/// Which field of a milestone is wrong, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneError {
    Date(FieldError),
    Percent(FieldError),
    Body(FieldError),
}

impl MilestoneError {
    /// The form field the error belongs beside, and the error.
    pub fn field(self) -> (&'static str, FieldError) {
        match self {
            MilestoneError::Date(e) => ("date", e),
            MilestoneError::Percent(e) => ("percent", e),
            MilestoneError::Body(e) => ("body", e),
        }
    }
}

/// A milestone from its form: a real date, a whole percentage from 0 to
/// 100 (a "%" may follow), and a text of one to 2,000 characters.
pub fn milestone(date: &str, percent: &str, body: &str) -> Result<Milestone, MilestoneError> {
    let on = match date.trim() {
        "" => return Err(MilestoneError::Date(FieldError::Required)),
        d => crate::date::Day::parse(d).ok_or(MilestoneError::Date(FieldError::InvalidDate))?,
    };
    let percent = match percent.trim().trim_end_matches('%').trim() {
        "" => return Err(MilestoneError::Percent(FieldError::Required)),
        p => p
            .parse::<i64>()
            .ok()
            .filter(|p| (0..=100).contains(p))
            .ok_or(MilestoneError::Percent(FieldError::InvalidPercent))?,
    };
    let body = crate::content::text(body, MAX_MILESTONE).map_err(MilestoneError::Body)?;
    if body.is_empty() {
        return Err(MilestoneError::Body(FieldError::Required));
    }
    Ok(Milestone { on, percent, body })
}

/// A location chosen on the map (both coordinates, or neither).
pub fn location(lat: &str, lon: &str) -> Result<Option<(f64, f64)>, FieldError> {
    match (lat.trim(), lon.trim()) {
        ("", "") => Ok(None),
        (a, b) => {
            let parse = |s: &str| {
                s.replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
            };
            match (parse(a), parse(b)) {
                (Some(lat), Some(lon))
                    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
                {
                    Ok(Some((lat, lon)))
                }
                _ => Err(FieldError::InvalidLocation),
            }
        }
    }
}

/// A proposal's title: one line, at most [`MAX_TITLE`] characters.
pub fn title(input: &str) -> Result<String, FieldError> {
    line(input, MAX_TITLE)
}

/// A proposal's text (Markdown): not empty, at most [`MAX_BODY`] characters.
pub fn body(input: &str) -> Result<String, FieldError> {
    let text = crate::content::text(input, MAX_BODY)?;
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    Ok(text)
}

/// Why a support is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportRefused {
    /// The phase allowing supports is not under way.
    Closed,
    /// The commune decided: supports are over.
    Decided,
    /// Authors do not support their own proposal.
    Own,
    /// The person used all the supports the process allows.
    Limit(i64),
}

/// Whether `user` may add a support. `given` is how many supports they gave
/// in this process already.
pub fn may_support(
    open: bool,
    status: Status,
    own: bool,
    given: i64,
    limit: Option<i64>,
) -> Result<(), SupportRefused> {
    if !open {
        return Err(SupportRefused::Closed);
    }
    if !status.takes_supports() {
        return Err(SupportRefused::Decided);
    }
    if own {
        return Err(SupportRefused::Own);
    }
    if let Some(limit) = limit
        && given >= limit
    {
        return Err(SupportRefused::Limit(limit));
    }
    Ok(())
}

/// Whether a support just took the count over the threshold.
pub fn crossed(before: i64, after: i64, threshold: Option<i64>) -> bool {
    threshold.is_some_and(|t| before < t && after >= t)
}

/// The orders of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Newest,
    Supported,
    /// Supports weighed against age, by [`best`]: the public formula.
    Best,
    /// A fixed shuffle, entered at the visitor's own point: stable for them.
    Random,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Newest, Sort::Supported, Sort::Best, Sort::Random];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Supported => "supported",
            Sort::Best => "best",
            Sort::Random => "random",
        }
    }

    pub fn parse(raw: Option<&str>) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| Some(s.as_str()) == raw)
            .unwrap_or(Sort::Newest)
    }
}

/// 2025-01-01, where the recency term of [`best`] starts.
pub const BEST_EPOCH: i64 = 1_735_689_600;
/// Ten times more supports are worth this much recency (two weeks).
pub const BEST_TENFOLD_SECONDS: f64 = 1_209_600.0;

/// log₁₀ drawn straight between powers of ten (exact at 1, 10, 100…):
/// what plain SQL arithmetic can compute.
pub fn log10_between_powers(n: i64) -> f64 {
    let n = n.max(1);
    let digits = n.to_string().len() as u32;
    let power = 10_i64.pow(digits - 1);
    f64::from(digits - 1) + (n - power) as f64 / (9 * power) as f64
}

/// The "best" order's score: `10⁶ × (L(supports + 1) + (published_at −
/// 2025-01-01) / 14 days)`, rounded, with L from [`log10_between_powers`].
/// The database keeps the same value (migration 0019's triggers); the
/// transparency page publishes the formula.
pub fn best(supports: i64, published_at: i64) -> i64 {
    let score = log10_between_powers(supports.max(0) + 1)
        + (published_at - BEST_EPOCH) as f64 / BEST_TENFOLD_SECONDS;
    (1_000_000.0 * score).round() as i64
}

/// Where the next page starts: the last row's sort key and id
/// (`<key>.<id>`, both integers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub key: i64,
    pub id: i64,
}

impl Cursor {
    pub fn encode(self) -> String {
        format!("{}.{}", self.key, self.id)
    }

    pub fn decode(raw: &str) -> Option<Cursor> {
        let (key, id) = raw.split_once('.')?;
        Some(Cursor {
            key: key.parse().ok()?,
            id: id.parse().ok().filter(|id: &i64| *id > 0)?,
        })
    }
}

/// A visitor's entry point in the shuffle, from something stable of theirs
/// (a hash of their pre-session or account): 0 to 2³¹ − 1.
pub fn seed_of(stable: &str) -> i64 {
    // FNV-1a: small, stable across builds and machines.
    let mut h: u32 = 0x811c_9dc5;
    for b in stable.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    i64::from(h >> 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>(), Ok(s));
        }
        assert!(Status::Open.takes_supports() && Status::Review.takes_supports());
        assert!(!Status::Accepted.takes_supports() && !Status::Rejected.takes_supports());
        assert_eq!(answer("rejected", "  "), Err(AnswerError::ReasonRequired));
        assert_eq!(
            answer("rejected", "Hors compétence communale."),
            Ok((Status::Rejected, "Hors compétence communale.".into()))
        );
        assert_eq!(
            answer("accepted", ""),
            Ok((Status::Accepted, String::new()))
        );
        assert_eq!(answer("open", "x"), Err(AnswerError::Status));
        assert_eq!(answer("maybe", "x"), Err(AnswerError::Status));
    }

    #[test]
    fn supports() {
        assert_eq!(may_support(true, Status::Open, false, 0, None), Ok(()));
        assert_eq!(
            may_support(false, Status::Open, false, 0, None),
            Err(SupportRefused::Closed)
        );
        assert_eq!(
            may_support(true, Status::Accepted, false, 0, None),
            Err(SupportRefused::Decided)
        );
        assert_eq!(
            may_support(true, Status::Open, true, 0, None),
            Err(SupportRefused::Own)
        );
        assert_eq!(
            may_support(true, Status::Open, false, 3, Some(3)),
            Err(SupportRefused::Limit(3))
        );
        assert_eq!(may_support(true, Status::Open, false, 2, Some(3)), Ok(()));
        assert!(crossed(9, 10, Some(10)));
        assert!(!crossed(10, 11, Some(10)));
        assert!(!crossed(9, 10, None));
    }

    #[test]
    fn fields() {
        assert_eq!(title(&"a".repeat(151)), Err(FieldError::TooLong));
        assert_eq!(title(" Des bancs "), Ok("Des bancs".into()));
        assert_eq!(body("  "), Err(FieldError::Required));
        assert_eq!(location("", ""), Ok(None));
        assert_eq!(location("47,39", "0.68"), Ok(Some((47.39, 0.68))));
        assert_eq!(location("91", "0"), Err(FieldError::InvalidLocation));
        assert_eq!(location("47", ""), Err(FieldError::InvalidLocation));
        assert_eq!(location("NaN", "1"), Err(FieldError::InvalidLocation));
    }

    #[test]
    fn cursors_and_seeds() {
        let c = Cursor { key: -5, id: 42 };
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        assert_eq!(Cursor::decode("x.1"), None);
        assert_eq!(Cursor::decode("1.0"), None);
        assert_eq!(Cursor::decode("12"), None);
        assert_eq!(Sort::parse(Some("supported")), Sort::Supported);
        assert_eq!(Sort::parse(Some("nope")), Sort::Newest);
        assert_eq!(Sort::parse(Some("best")), Sort::Best);
        assert_eq!(seed_of("abc"), seed_of("abc"));
        assert_ne!(seed_of("abc"), seed_of("abd"));
        assert!((0..=i64::from(i32::MAX)).contains(&seed_of("anything")));
    }

    #[test]
    fn best_weighs_ten_times_the_supports_against_two_weeks() {
        assert_eq!(log10_between_powers(1), 0.0);
        assert_eq!(log10_between_powers(10), 1.0);
        assert_eq!(log10_between_powers(55), 1.5);
        assert_eq!(log10_between_powers(1000), 3.0);
        let t = BEST_EPOCH + 30 * 86_400;
        // Nine supports (L(10) = 1) equal two weeks of recency.
        assert_eq!(best(9, t), best(0, t + 1_209_600));
        assert!(best(10, t) > best(9, t));
        assert!(best(0, t + 1) > best(0, t));
        assert_eq!(best(0, BEST_EPOCH), 0);
    }

    #[test]
    fn milestones_are_checked_field_by_field() {
        let m = milestone("2026-05-04", " 60 % ", "Véhicule livré.").unwrap();
        assert_eq!(
            (m.on.iso(), m.percent, m.body.as_str()),
            ("2026-05-04".to_string(), 60, "Véhicule livré.")
        );
        assert_eq!(
            milestone("", "10", "x"),
            Err(MilestoneError::Date(FieldError::Required))
        );
        assert_eq!(
            milestone("2026-02-30", "10", "x"),
            Err(MilestoneError::Date(FieldError::InvalidDate))
        );
        assert_eq!(
            milestone("2026-05-04", "", "x"),
            Err(MilestoneError::Percent(FieldError::Required))
        );
        for bad in ["101", "-1", "5.5", "abc", "1e2"] {
            assert_eq!(
                milestone("2026-05-04", bad, "x"),
                Err(MilestoneError::Percent(FieldError::InvalidPercent)),
                "{bad}"
            );
        }
        assert_eq!(
            milestone("2026-05-04", "0", "  "),
            Err(MilestoneError::Body(FieldError::Required))
        );
        let long = "é".repeat(MAX_MILESTONE + 1);
        assert_eq!(
            milestone("2026-05-04", "100", &long),
            Err(MilestoneError::Body(FieldError::TooLong))
        );
        assert!(milestone("2026-05-04", "100", &"é".repeat(MAX_MILESTONE)).is_ok());
    }

    #[test]
    fn only_accepted_proposals_are_followed_up() {
        let followed: Vec<Status> = Status::ANSWERS
            .iter()
            .copied()
            .filter(|s| s.followed_up())
            .collect();
        assert_eq!(
            followed,
            vec![Status::Accepted, Status::Progress, Status::Done]
        );
        assert!(!Status::Open.followed_up());
    }
}
