//! Processes (concertations) and their phases: status derived from dates,
//! progress, the participation tools a phase opens, and the rules staff input
//! must follow.

use std::fmt;
use std::str::FromStr;

use crate::account::FieldError;
use crate::date::Day;

/// Where a process (or a phase) stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Upcoming,
    Open,
    Closed,
}

impl Status {
    /// Dates are inclusive: open from the first day to the last one.
    pub fn on(starts: Day, ends: Day, today: Day) -> Status {
        if today < starts {
            Status::Upcoming
        } else if today > ends {
            Status::Closed
        } else {
            Status::Open
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Open => "open",
            Status::Closed => "closed",
        }
    }
}

/// How far along a process is, in whole percent of its days.
pub fn progress_percent(starts: Day, ends: Day, today: Day) -> u8 {
    let total = starts.days_until(ends) + 1;
    let done = (starts.days_until(today) + 1).clamp(0, total);
    if total <= 0 {
        return 100;
    }
    u8::try_from(done * 100 / total).unwrap_or(100)
}

/// A participation tool a phase can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tool {
    Discussion,
    Questionnaire,
    Proposal,
    /// A participatory budget's vote.
    Budget,
}

impl Tool {
    pub const ALL: [Tool; 4] = [
        Tool::Discussion,
        Tool::Questionnaire,
        Tool::Proposal,
        Tool::Budget,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Tool::Discussion => "discussion",
            Tool::Questionnaire => "questionnaire",
            Tool::Proposal => "proposal",
            Tool::Budget => "budget",
        }
    }
}

impl FromStr for Tool {
    type Err = ();

    fn from_str(s: &str) -> Result<Tool, ()> {
        Tool::ALL
            .into_iter()
            .find(|t| t.as_str() == s.trim())
            .ok_or(())
    }
}

impl fmt::Display for Tool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The tools stored as a comma-separated list (`discussion,proposal`); unknown
/// names are ignored, order and duplicates normalised.
pub fn tools_from_list(list: &str) -> Vec<Tool> {
    let mut tools: Vec<Tool> = list.split(',').filter_map(|t| t.parse().ok()).collect();
    tools.sort();
    tools.dedup();
    tools
}

pub fn tools_to_list(tools: &[Tool]) -> String {
    let mut sorted = tools.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// A span of days, checked: a real start, a real end, not before the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub starts: Day,
    pub ends: Day,
}

/// Which of the two dates is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanError {
    Start(FieldError),
    End(FieldError),
}

impl Span {
    pub fn parse(starts: &str, ends: &str) -> Result<Span, SpanError> {
        let start = Day::parse(starts).ok_or(SpanError::Start(FieldError::InvalidDate))?;
        let end = Day::parse(ends).ok_or(SpanError::End(FieldError::InvalidDate))?;
        if end < start {
            return Err(SpanError::End(FieldError::EndBeforeStart));
        }
        Ok(Span {
            starts: start,
            ends: end,
        })
    }

    /// Does `inner` lie within this span?
    pub fn contains(self, inner: Span) -> bool {
        inner.starts >= self.starts && inner.ends <= self.ends
    }

    pub fn status(self, today: Day) -> Status {
        Status::on(self.starts, self.ends, today)
    }
}

/// A slug for a URL from a title: lowercase ASCII letters, digits and dashes,
/// accents folded (`Réaménagement des quais` → `reamenagement-des-quais`).
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed: String = out.trim_matches('-').chars().take(80).collect();
    trimmed.trim_end_matches('-').to_string()
}

/// Folds the accented letters of French and German to ASCII.
fn fold(c: char) -> Vec<char> {
    let s: &str = match c {
        'à' | 'â' | 'á' | 'À' | 'Â' | 'Á' => "a",
        'ä' | 'Ä' => "ae",
        'ç' | 'Ç' => "c",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'Î' | 'Ï' => "i",
        'ô' | 'Ô' => "o",
        'ö' | 'Ö' => "oe",
        'ù' | 'û' | 'Ù' | 'Û' => "u",
        'ü' | 'Ü' => "ue",
        'ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        other => return vec![other],
    };
    s.chars().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn status_follows_inclusive_dates() {
        let (a, b) = (day("2026-03-01"), day("2026-03-31"));
        assert_eq!(Status::on(a, b, day("2026-02-28")), Status::Upcoming);
        assert_eq!(Status::on(a, b, a), Status::Open);
        assert_eq!(Status::on(a, b, b), Status::Open);
        assert_eq!(Status::on(a, b, day("2026-04-01")), Status::Closed);
    }

    #[test]
    fn progress_counts_days() {
        let (a, b) = (day("2026-03-01"), day("2026-03-10"));
        assert_eq!(progress_percent(a, b, day("2026-02-01")), 0);
        assert_eq!(progress_percent(a, b, a), 10);
        assert_eq!(progress_percent(a, b, day("2026-03-05")), 50);
        assert_eq!(progress_percent(a, b, b), 100);
        assert_eq!(progress_percent(a, b, day("2027-01-01")), 100);
        assert_eq!(progress_percent(a, a, a), 100);
    }

    #[test]
    fn tools_lists() {
        assert_eq!(
            tools_from_list("proposal, discussion,nonsense,proposal"),
            vec![Tool::Discussion, Tool::Proposal]
        );
        assert_eq!(tools_from_list(""), Vec::<Tool>::new());
        assert_eq!(
            tools_to_list(&[Tool::Proposal, Tool::Discussion]),
            "discussion,proposal"
        );
    }

    #[test]
    fn spans_refuse_dates_out_of_order() {
        let span = Span::parse("2026-03-01", "2026-06-30").unwrap();
        assert_eq!(
            Span::parse("2026-03-10", "2026-03-01"),
            Err(SpanError::End(FieldError::EndBeforeStart))
        );
        assert_eq!(
            Span::parse("2026-02-30", "2026-03-01"),
            Err(SpanError::Start(FieldError::InvalidDate))
        );
        assert_eq!(
            Span::parse("2026-03-01", ""),
            Err(SpanError::End(FieldError::InvalidDate))
        );
        assert!(span.contains(Span::parse("2026-03-01", "2026-03-15").unwrap()));
        assert!(!span.contains(Span::parse("2026-02-27", "2026-03-15").unwrap()));
        assert_eq!(span.status(day("2026-04-01")), Status::Open);
    }

    #[test]
    fn slugs_from_titles() {
        assert_eq!(
            slugify("Réaménagement des quais de Loire !"),
            "reamenagement-des-quais-de-loire"
        );
        assert_eq!(slugify("Straßenbahn für Köln"), "strassenbahn-fuer-koeln");
        assert_eq!(slugify("  --  "), "");
        assert_eq!(slugify("Œuvre 2026"), "oeuvre-2026");
        assert!(slugify(&"mot ".repeat(60)).len() <= 80);
        assert!(!slugify(&"mot ".repeat(60)).ends_with('-'));
    }
}
