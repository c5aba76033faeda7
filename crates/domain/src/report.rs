//! The pure parts of a process report (bilan): contributions counted week by
//! week, the geometry of its bar charts, and which answers of a question
//! lead. Deterministic: the same rows always give the same report.

use crate::date::Day;

const WEEK: i64 = 7 * 86_400;

/// Counts timestamps (Unix seconds) in the weeks from `from` up to and
/// including `to`: one `(first day of the week, count)` per week, empty
/// weeks included. Timestamps outside are left out (they are counted in the
/// totals, not on the time line).
pub fn weekly(from: Day, to: Day, timestamps: &[i64]) -> Vec<(Day, i64)> {
    let start = from.unix();
    let end = to.unix() + 86_400;
    if end <= start {
        return Vec::new();
    }
    let weeks = usize::try_from((end - start + WEEK - 1) / WEEK).unwrap_or(0);
    let mut counts = vec![0i64; weeks];
    for ts in timestamps {
        if *ts >= start && *ts < end {
            let i = usize::try_from((ts - start) / WEEK).unwrap_or(0);
            if let Some(c) = counts.get_mut(i) {
                *c += 1;
            }
        }
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, n)| (Day::of_unix(start + i as i64 * WEEK), n))
        .collect()
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
        let at = |iso: &str, hour: i64| day(iso).unix() + hour * 3600;
        let ts = [
            at("2026-03-02", 0),
            at("2026-03-08", 23),
            at("2026-03-09", 0),
            at("2026-03-16", 23),
            at("2026-03-17", 0),
            at("2026-03-01", 23),
        ];
        let weeks = weekly(from, to, &ts);
        let got: Vec<(String, i64)> = weeks.iter().map(|(d, n)| (d.iso(), *n)).collect();
        assert_eq!(
            got,
            vec![
                ("2026-03-02".to_string(), 2),
                ("2026-03-09".to_string(), 1),
                ("2026-03-16".to_string(), 1),
            ]
        );
        assert!(weekly(to, from, &ts).is_empty());
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
