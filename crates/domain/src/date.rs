//! Calendar dates from Unix timestamps (UTC), without a date library.

/// (year, month 1–12, day 1–31) of a Unix timestamp, UTC.
pub fn civil_from_unix(seconds: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-from-civil inverse.
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// ISO 8601 date (`YYYY-MM-DD`) for `<time datetime>`.
pub fn iso_date(seconds: i64) -> String {
    let (y, m, d) = civil_from_unix(seconds);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        let cases = [
            (0, (1970, 1, 1)),
            (951_782_400, (2000, 2, 29)),
            (1_772_352_000, (2026, 3, 1)),
            (1_798_761_599, (2026, 12, 31)),
            (-86_400, (1969, 12, 31)),
        ];
        for (ts, expected) in cases {
            assert_eq!(civil_from_unix(ts), expected, "{ts}");
        }
        assert_eq!(iso_date(1_772_352_000), "2026-03-01");
    }
}
