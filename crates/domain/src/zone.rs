//! The commune's time zone: the offset from UTC at any instant, daylight
//! saving included, without a time-zone database.
//!
//! A commune picks its zone from [`Zone::ALL`]: the zones of metropolitan and
//! overseas France and of the countries whose communes speak French, English
//! or German. Each follows one of three rules, as the IANA database has them
//! since 2007 (the European Union's since 1996):
//! - the European rule: summer time from the last Sunday of March to the last
//!   Sunday of October, changing at 01:00 UTC;
//! - the North American rule (Saint-Pierre-et-Miquelon): from the second
//!   Sunday of March to the first Sunday of November, at 02:00 local time;
//! - a fixed offset (the overseas departments and territories but
//!   Saint-Pierre-et-Miquelon).
//!
//! Instants before those years get today's rule: Palabre shows dates of the
//! consultations it holds, not of the past century.

use std::fmt;
use std::str::FromStr;

use crate::date::{Day, civil_from_unix, days_from_civil};

/// How a zone's offset changes through the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// Never changes.
    Fixed,
    /// Summer time (one hour more) from the last Sunday of March to the last
    /// Sunday of October, at 01:00 UTC.
    European,
    /// Summer time from the second Sunday of March to the first Sunday of
    /// November, at 02:00 local time.
    NorthAmerican,
}

macro_rules! zones {
    ($( $(#[$attr:meta])* $variant:ident => $name:literal, $minutes:expr, $rule:ident; )+) => {
        /// A time zone a commune can be in, by its IANA name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum Zone { $( $(#[$attr])* $variant ),+ }

        impl Zone {
            /// Every zone offered, in the order the back-office lists them.
            pub const ALL: &'static [Zone] = &[ $( Zone::$variant ),+ ];

            /// The IANA name (`Europe/Paris`), as stored and shown.
            pub fn name(self) -> &'static str {
                match self { $( Zone::$variant => $name ),+ }
            }

            /// The offset from UTC outside summer time, in seconds.
            fn standard(self) -> i64 {
                match self { $( Zone::$variant => $minutes * 60 ),+ }
            }

            fn rule(self) -> Rule {
                match self { $( Zone::$variant => Rule::$rule ),+ }
            }
        }
    };
}

zones! {
    #[default]
    Paris => "Europe/Paris", 60, European;
    Brussels => "Europe/Brussels", 60, European;
    Luxembourg => "Europe/Luxembourg", 60, European;
    Monaco => "Europe/Monaco", 60, European;
    Zurich => "Europe/Zurich", 60, European;
    Berlin => "Europe/Berlin", 60, European;
    Vienna => "Europe/Vienna", 60, European;
    London => "Europe/London", 0, European;
    Dublin => "Europe/Dublin", 0, European;
    Guadeloupe => "America/Guadeloupe", -240, Fixed;
    Martinique => "America/Martinique", -240, Fixed;
    Cayenne => "America/Cayenne", -180, Fixed;
    Miquelon => "America/Miquelon", -180, NorthAmerican;
    Reunion => "Indian/Reunion", 240, Fixed;
    Mayotte => "Indian/Mayotte", 180, Fixed;
    Noumea => "Pacific/Noumea", 660, Fixed;
    Tahiti => "Pacific/Tahiti", -600, Fixed;
    Wallis => "Pacific/Wallis", 720, Fixed;
    Utc => "UTC", 0, Fixed;
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown time zone: {0:?}")]
pub struct UnknownZone(pub String);

impl FromStr for Zone {
    type Err = UnknownZone;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Zone::ALL
            .iter()
            .copied()
            .find(|z| z.name() == s.trim())
            .ok_or_else(|| UnknownZone(s.to_string()))
    }
}

/// The day of the month of the `nth` Sunday (1-based) of `month`, or of the
/// last one when `nth` is 0.
fn sunday(year: i64, month: u32, nth: u32) -> u32 {
    // 1970-01-01 was a Thursday: day 0 is weekday 4 (Sunday = 0).
    let weekday = |day: u32| (days_from_civil(year, month, day) + 4).rem_euclid(7);
    if nth == 0 {
        let next = if month == 12 {
            days_from_civil(year + 1, 1, 1)
        } else {
            days_from_civil(year, month + 1, 1)
        };
        let last = (next - days_from_civil(year, month, 1)) as u32;
        last - weekday(last) as u32
    } else {
        let first = (7 - weekday(1) as u32) % 7 + 1;
        first + 7 * (nth - 1)
    }
}

impl Zone {
    /// The offset from UTC at the instant `unix`, in seconds.
    pub fn offset_at(self, unix: i64) -> i64 {
        let standard = self.standard();
        let summer = match self.rule() {
            Rule::Fixed => false,
            Rule::European => {
                let (year, _, _) = civil_from_unix(unix);
                let starts = days_from_civil(year, 3, sunday(year, 3, 0)) * 86_400 + 3_600;
                let ends = days_from_civil(year, 10, sunday(year, 10, 0)) * 86_400 + 3_600;
                (starts..ends).contains(&unix)
            }
            Rule::NorthAmerican => {
                let (year, _, _) = civil_from_unix(unix + standard);
                // 02:00 standard time in March, 02:00 summer time in November.
                let starts =
                    days_from_civil(year, 3, sunday(year, 3, 2)) * 86_400 + 7_200 - standard;
                let ends =
                    days_from_civil(year, 11, sunday(year, 11, 1)) * 86_400 + 3_600 - standard;
                (starts..ends).contains(&unix)
            }
        };
        standard + if summer { 3_600 } else { 0 }
    }

    /// The wall-clock time at `unix`, as seconds since 1970-01-01 00:00
    /// local time (feed it to the UTC calendar functions).
    pub fn local(self, unix: i64) -> i64 {
        unix + self.offset_at(unix)
    }

    /// The local calendar day at `unix`.
    pub fn day(self, unix: i64) -> Day {
        Day::of_unix(self.local(unix))
    }

    /// The instant the local day `day` begins (its midnight in this zone).
    pub fn midnight(self, day: Day) -> i64 {
        let wall = day.unix();
        // Midnight in standard time, at most an hour from the real one: no
        // rule of these zones changes the clock between 23:00 and 01:00.
        wall - self.offset_at(wall - self.standard())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(iso: &str, hour: i64, minute: i64) -> i64 {
        Day::parse(iso).unwrap().unix() + hour * 3_600 + minute * 60
    }

    #[test]
    fn names_round_trip() {
        for zone in Zone::ALL {
            assert_eq!(zone.name().parse::<Zone>(), Ok(*zone));
        }
        assert!("Mars/Olympus".parse::<Zone>().is_err());
        assert_eq!(Zone::default(), Zone::Paris);
    }

    #[test]
    fn sundays() {
        assert_eq!(sunday(2026, 3, 0), 29);
        assert_eq!(sunday(2026, 10, 0), 25);
        assert_eq!(sunday(2027, 3, 0), 28);
        assert_eq!(sunday(2026, 3, 2), 8);
        assert_eq!(sunday(2026, 11, 1), 1);
        assert_eq!(sunday(2024, 3, 0), 31);
        assert_eq!(sunday(2025, 11, 1), 2);
    }

    #[test]
    fn paris_changes_at_one_utc() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(Zone::Paris.offset_at(at("2026-03-29", 0, 59)), 3_600);
        assert_eq!(Zone::Paris.offset_at(at("2026-03-29", 1, 0)), 7_200);
        assert_eq!(Zone::Paris.offset_at(at("2026-10-25", 0, 59)), 7_200);
        assert_eq!(Zone::Paris.offset_at(at("2026-10-25", 1, 0)), 3_600);
        assert_eq!(Zone::London.offset_at(at("2026-07-01", 12, 0)), 3_600);
        assert_eq!(Zone::London.offset_at(at("2026-12-01", 12, 0)), 0);
    }

    #[test]
    fn local_days_and_midnights() {
        // 1 December 2026, 23:30 UTC is already 2 December in Paris.
        assert_eq!(
            Zone::Paris.day(at("2026-12-01", 23, 30)).iso(),
            "2026-12-02"
        );
        assert_eq!(Zone::Utc.day(at("2026-12-01", 23, 30)).iso(), "2026-12-01");
        let day = |iso| Day::parse(iso).unwrap();
        assert_eq!(
            Zone::Paris.midnight(day("2026-12-02")),
            at("2026-12-01", 23, 0)
        );
        assert_eq!(
            Zone::Paris.midnight(day("2026-07-14")),
            at("2026-07-13", 22, 0)
        );
        // The day summer time starts begins in winter time.
        assert_eq!(
            Zone::Paris.midnight(day("2026-03-29")),
            at("2026-03-28", 23, 0)
        );
        assert_eq!(
            Zone::Reunion.midnight(day("2026-07-14")),
            at("2026-07-13", 20, 0)
        );
        assert_eq!(
            Zone::Tahiti.midnight(day("2026-07-14")),
            at("2026-07-14", 10, 0)
        );
        for zone in Zone::ALL {
            for iso in ["2026-01-15", "2026-03-29", "2026-10-25", "2026-11-01"] {
                let m = zone.midnight(day(iso));
                assert_eq!(zone.day(m).iso(), iso, "{zone} {iso}");
                assert_eq!(zone.day(m - 1), day(iso).prev(), "{zone} {iso}");
            }
        }
    }

    #[test]
    fn miquelon_follows_the_north_american_rule() {
        // 2026: from 8 March 02:00 (-03) to 1 November 02:00 (-02).
        let z = Zone::Miquelon;
        assert_eq!(z.offset_at(at("2026-03-08", 4, 59)), -10_800);
        assert_eq!(z.offset_at(at("2026-03-08", 5, 0)), -7_200);
        assert_eq!(z.offset_at(at("2026-11-01", 3, 59)), -7_200);
        assert_eq!(z.offset_at(at("2026-11-01", 4, 0)), -10_800);
    }
}
