//! A question's results from its tallies: counts and shares, means and
//! medians, Borda scores, matrix lines.

use std::collections::HashMap;

use super::*;

/// One line of a choice result: how many chose it, and the share of the
/// people who answered the question (multiple choice: shares add up to more
/// than 100 %, since each option is counted, not each combination).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub count: i64,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Summary {
    /// Free text: only how many answered (the texts are listed to staff).
    Text,
    /// Single, multiple, yes/no: one line per option, then "other" if offered.
    Choices(Vec<Line>),
    /// A scale: one line per value from 1, the mean and the median.
    Scale {
        lines: Vec<Line>,
        mean: f64,
        median: f64,
    },
    Number {
        mean: f64,
        median: f64,
        min: f64,
        max: f64,
    },
    /// Dates: the earliest and latest months, and a line per month.
    Dates(Vec<(String, i64)>),
    /// Borda score per option (first place n − 1 points … last 0), options
    /// in their original order; `ranks[option][rank]` counts.
    Ranking {
        scores: Vec<i64>,
        ranks: Vec<Vec<i64>>,
    },
    /// Counts per row and column.
    Matrix(Vec<Vec<Line>>),
}

/// A question's results: how many answered, and the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub answered: i64,
    pub summary: Summary,
}

fn percent(count: i64, of: i64) -> f64 {
    if of == 0 {
        0.0
    } else {
        count as f64 * 100.0 / of as f64
    }
}

/// The median of a distribution given as (value, count), values ascending.
pub fn median(dist: &[(f64, i64)]) -> Option<f64> {
    let total: i64 = dist.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let nth = |k: i64| {
        let mut seen = 0;
        for (v, n) in dist {
            seen += n;
            if seen > k {
                return *v;
            }
        }
        dist.last().map_or(0.0, |d| d.0)
    };
    Some(if total % 2 == 1 {
        nth(total / 2)
    } else {
        (nth(total / 2 - 1) + nth(total / 2)) / 2.0
    })
}

/// The results of a question from its tallies (bucket → count).
pub fn results(q: &Question, tallies: &HashMap<String, i64>) -> Results {
    let n = |key: &str| tallies.get(key).copied().unwrap_or(0);
    let answered = n("answered");
    let line = |count: i64| Line {
        count,
        percent: percent(count, answered),
    };
    let summary = match q.kind {
        Kind::ShortText | Kind::LongText => Summary::Text,
        Kind::Single | Kind::Multiple => {
            let mut lines: Vec<Line> = (0..q.options.len())
                .map(|i| line(n(&format!("o{i}"))))
                .collect();
            if q.other {
                lines.push(line(n("other")));
            }
            Summary::Choices(lines)
        }
        Kind::YesNo => Summary::Choices(vec![line(n("yes")), line(n("no"))]),
        Kind::Scale => {
            let top = q.scale_top();
            let dist: Vec<(f64, i64)> =
                (1..=top).map(|v| (v as f64, n(&format!("v{v}")))).collect();
            let total: i64 = dist.iter().map(|d| d.1).sum();
            let sum: f64 = dist.iter().map(|(v, c)| v * *c as f64).sum();
            Summary::Scale {
                lines: dist.iter().map(|(_, c)| line(*c)).collect(),
                mean: if total > 0 { sum / total as f64 } else { 0.0 },
                median: median(&dist).unwrap_or(0.0),
            }
        }
        Kind::Number => {
            let mut dist: Vec<(f64, i64)> = tallies
                .iter()
                .filter_map(|(k, c)| Some((k.strip_prefix('n')?.parse::<f64>().ok()?, *c)))
                .filter(|(_, c)| *c > 0)
                .collect();
            dist.sort_by(|a, b| a.0.total_cmp(&b.0));
            let total: i64 = dist.iter().map(|d| d.1).sum();
            let sum: f64 = dist.iter().map(|(v, c)| v * *c as f64).sum();
            Summary::Number {
                mean: if total > 0 { sum / total as f64 } else { 0.0 },
                median: median(&dist).unwrap_or(0.0),
                min: dist.first().map_or(0.0, |d| d.0),
                max: dist.last().map_or(0.0, |d| d.0),
            }
        }
        Kind::Date => {
            let mut months: Vec<(String, i64)> = tallies
                .iter()
                .filter_map(|(k, c)| Some((k.strip_prefix('d')?.to_string(), *c)))
                .filter(|(_, c)| *c > 0)
                .collect();
            months.sort();
            Summary::Dates(months)
        }
        Kind::Ranking => {
            let size = q.options.len();
            let ranks: Vec<Vec<i64>> = (0..size)
                .map(|o| (0..size).map(|r| n(&format!("r{o}:{r}"))).collect())
                .collect();
            let scores = ranks
                .iter()
                .map(|by_rank| {
                    by_rank
                        .iter()
                        .enumerate()
                        .map(|(rank, c)| c * (size - 1 - rank) as i64)
                        .sum()
                })
                .collect();
            Summary::Ranking { scores, ranks }
        }
        Kind::Matrix => Summary::Matrix(
            (0..q.rows.len())
                .map(|row| {
                    let counts: Vec<i64> = (0..q.options.len())
                        .map(|col| n(&format!("m{row}:{col}")))
                        .collect();
                    let in_row: i64 = counts.iter().sum();
                    counts
                        .iter()
                        .map(|c| Line {
                            count: *c,
                            percent: percent(*c, in_row),
                        })
                        .collect()
                })
                .collect(),
        ),
    };
    Results { answered, summary }
}
