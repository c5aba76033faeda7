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

/// RFC 3339 date and time in UTC (`2026-03-02T09:05:00Z`), for open data.
pub fn timestamp(seconds: i64) -> String {
    let secs = seconds.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        iso_date(seconds),
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}

/// Days since 1970-01-01 of a civil date (the inverse of [`civil_from_unix`]).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A calendar day (`YYYY-MM-DD`), the unit of process and phase dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Days since 1970-01-01.
    days: i64,
}

impl Day {
    /// Parses `YYYY-MM-DD` (a real date, years 1900–2999).
    pub fn parse(input: &str) -> Option<Day> {
        let input = input.trim();
        let bytes = input.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year: i64 = input.get(0..4)?.parse().ok()?;
        let month: u32 = input.get(5..7)?.parse().ok()?;
        let day: u32 = input.get(8..10)?.parse().ok()?;
        if !(1900..=2999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let days = days_from_civil(year, month, day);
        // 31 February does not come back as itself.
        (civil_from_unix(days * 86_400) == (year, month, day)).then_some(Day { days })
    }

    /// The day (UTC) of a Unix timestamp.
    pub fn of_unix(seconds: i64) -> Day {
        Day {
            days: seconds.div_euclid(86_400),
        }
    }

    /// Midnight UTC of this day, as a Unix timestamp.
    pub fn unix(self) -> i64 {
        self.days * 86_400
    }

    pub fn next(self) -> Day {
        Day {
            days: self.days + 1,
        }
    }

    pub fn prev(self) -> Day {
        Day {
            days: self.days - 1,
        }
    }

    /// The day `n` days later (earlier when `n` is negative).
    pub fn plus_days(self, n: i64) -> Day {
        Day {
            days: self.days + n,
        }
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Day) -> i64 {
        other.days - self.days
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        iso_date(self.unix())
    }

    /// `YYYYMMDD`, as iCalendar writes dates.
    pub fn compact(self) -> String {
        self.iso().replace('-', "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_in_utc() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp(1_772_442_300), "2026-03-02T09:05:00Z");
        assert_eq!(timestamp(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn days_parse_and_round_trip() {
        let day = Day::parse("2026-03-01").unwrap();
        assert_eq!(day.unix(), 1_772_323_200);
        assert_eq!(day.iso(), "2026-03-01");
        assert_eq!(day.compact(), "20260301");
        assert_eq!(Day::parse("2024-02-29").unwrap().next().iso(), "2024-03-01");
        assert_eq!(Day::of_unix(1_772_323_200 + 86_399), day);
        assert_eq!(day.days_until(Day::parse("2026-12-31").unwrap()), 305);
        for bad in [
            "",
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "26-03-01",
            "2026/03/01",
            "2026-3-1",
            "１２３４-01-01",
            "3000-01-01",
            "2026-03-01x",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert!(Day::parse(" 2026-03-01 ").is_some());
        for days in [-800_000, -1, 0, 1, 20_000, 400_000] {
            let (y, m, d) = civil_from_unix(days * 86_400);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

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
