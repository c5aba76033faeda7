//! The pure parts of a process report (bilan): the weeks its contributions
//! are counted in, the geometry of its bar charts, and which answers of a question
//! lead. Deterministic: the same rows always give the same report.

use crate::date::Day;

const WEEK: i64 = 7 * 86_400;

/// The weeks from `from` up to and including `to`, as Unix seconds: the
/// start of the first, and the end of the last (exclusive). A week `i`
/// holds the times `t` with `(t - start) / WEEK == i`.
pub fn span(from: Day, to: Day) -> (i64, i64) {
    (from.unix(), to.unix() + 86_400)
}

/// Every week of the span with its count (`counted`: `(week index, count)`
/// pairs, in any order; weeks not given count 0): one `(first day, count)`
/// per week, empty weeks included.
pub fn weekly(from: Day, to: Day, counted: &[(i64, i64)]) -> Vec<(Day, i64)> {
    let (start, end) = span(from, to);
    if end <= start {
        return Vec::new();
    }
    let weeks = (end - start + WEEK - 1) / WEEK;
    (0..weeks)
        .map(|i| {
            let n = counted
                .iter()
                .filter(|(w, _)| *w == i)
                .map(|(_, n)| n)
                .sum();
            (Day::of_unix(start + i * WEEK), n)
        })
        .collect()
}

/// The week index of a time (see [`span`]), as the report's query computes it.
pub fn week_of(start: i64, t: i64) -> i64 {
    (t - start) / WEEK
}

/// A bar of a column chart, in the chart's own units.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
}

/// Height of the bars' area of a column chart.
pub const CHART_HEIGHT: i64 = 120;

/// Columns for counts, side by side, the tallest `CHART_HEIGHT` high, each
/// `width` wide with a gap of a fifth of it; a count above zero is at least
/// one unit high, so it never looks like nothing.
pub fn columns(counts: &[i64], width: i64) -> Vec<Column> {
    let top = counts.iter().copied().max().unwrap_or(0).max(1);
    let gap = (width / 5).max(1);
    counts
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let height = if *n > 0 {
                (n * CHART_HEIGHT / top).max(1)
            } else {
                0
            };
            Column {
                x: i as i64 * (width + gap),
                y: CHART_HEIGHT - height,
                width,
                height,
            }
        })
        .collect()
}

/// The lines that lead: the indexes of the highest count, every one of them
/// when several tie; none when nothing was chosen.
pub fn leading(counts: &[i64]) -> Vec<usize> {
    let top = counts.iter().copied().max().unwrap_or(0);
    if top == 0 {
        return Vec::new();
    }
    counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n == top)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> Day {
        Day::parse(iso).unwrap()
    }

    #[test]
    fn weeks_cover_the_span_and_count_what_falls_in_them() {
        let from = day("2026-03-02");
        let to = day("2026-03-16");
        let (start, end) = span(from, to);
        let at = |iso: &str, hour: i64| day(iso).unix() + hour * 3600;
        // What the query does: times in [start, end), by week index.
        let times = [
            at("2026-03-02", 0),
            at("2026-03-08", 23),
            at("2026-03-09", 0),
            at("2026-03-16", 23),
            at("2026-03-17", 0),
            at("2026-03-01", 23),
        ];
        let mut counted: Vec<(i64, i64)> = Vec::new();
        for t in times.iter().filter(|t| **t >= start && **t < end) {
            let w = week_of(start, *t);
            match counted.iter_mut().find(|(i, _)| *i == w) {
                Some((_, n)) => *n += 1,
                None => counted.push((w, 1)),
            }
        }
        let weeks = weekly(from, to, &counted);
        let got: Vec<(String, i64)> = weeks.iter().map(|(d, n)| (d.iso(), *n)).collect();
        assert_eq!(
            got,
            vec![
                ("2026-03-02".to_string(), 2),
                ("2026-03-09".to_string(), 1),
                ("2026-03-16".to_string(), 1),
            ]
        );
        assert!(weekly(to, from, &counted).is_empty());
        // A week the query did not return counts 0.
        let sparse = weekly(from, to, &[(2, 5)]);
        assert_eq!(
            sparse.iter().map(|w| w.1).collect::<Vec<_>>(),
            vec![0, 0, 5]
        );
    }

    #[test]
    fn columns_scale_to_the_tallest() {
        let c = columns(&[0, 5, 10, 1_000], 10);
        assert_eq!(c[0].height, 0);
        assert_eq!(c[3].height, CHART_HEIGHT);
        assert_eq!(c[3].y, 0);
        assert_eq!(c[1].height, 1, "a small count stays visible");
        assert_eq!(c[1].x, 12);
        assert!(columns(&[], 10).is_empty());
        assert_eq!(columns(&[0, 0], 10)[1].height, 0);
    }

    #[test]
    fn ties_lead_together() {
        assert_eq!(leading(&[9, 9, 3, 9]), vec![0, 1, 3]);
        assert_eq!(leading(&[1, 4, 2]), vec![1]);
        assert!(leading(&[0, 0]).is_empty());
        assert!(leading(&[]).is_empty());
    }
}
