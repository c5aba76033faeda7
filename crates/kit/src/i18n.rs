//! Fluent catalogues (fr, en, de), shared by every component. Bundles are
//! parsed once per instance; a missing message falls back to French, then to
//! its id (and the catalogue test makes sure that never happens).

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use palabre_domain::date::Day;
use palabre_domain::{Locale, Zone};

/// The catalogues, gzipped by kit's build.rs (a quarter of their 150 KB in
/// every component), inflated when a language is first used in an instance.
pub(crate) const SOURCES: [Source; 3] = [
    Source::Gzip(include_bytes!(concat!(env!("OUT_DIR"), "/fr.ftl.gz"))),
    Source::Gzip(include_bytes!(concat!(env!("OUT_DIR"), "/en.ftl.gz"))),
    Source::Gzip(include_bytes!(concat!(env!("OUT_DIR"), "/de.ftl.gz"))),
];

/// A catalogue's Fluent text, as embedded.
#[derive(Clone, Copy)]
pub enum Source {
    Text(&'static str),
    Gzip(&'static [u8]),
}

impl Source {
    /// The embedded bytes (what a build's fingerprint hashes).
    pub(crate) fn embedded(self) -> &'static [u8] {
        match self {
            Source::Text(text) => text.as_bytes(),
            Source::Gzip(bytes) => bytes,
        }
    }

    fn text(self) -> String {
        match self {
            Source::Text(text) => text.to_string(),
            Source::Gzip(bytes) => crate::assets::gunzip(bytes)
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_else(|| {
                    eprintln!("i18n: a catalogue does not inflate");
                    String::new()
                }),
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

/// A set of catalogues (fr, en, de), each parsed on first use. Pages use the
/// whole one ([`t`]); the gate, which only shows error pages, carries a
/// catalogue of those messages alone (cut from the same files at build time).
pub struct Catalogue {
    sources: [Source; 3],
    bundles: [OnceLock<Bundle>; 3],
}

/// Every message.
static FULL: Catalogue = Catalogue::new(SOURCES);

/// The catalogue of every message.
pub fn full() -> &'static Catalogue {
    &FULL
}

fn slot(locale: Locale) -> usize {
    match locale {
        Locale::Fr => 0,
        Locale::En => 1,
        Locale::De => 2,
    }
}

impl Catalogue {
    /// Catalogues in the order fr, en, de.
    pub const fn new(sources: [Source; 3]) -> Catalogue {
        Catalogue {
            sources,
            bundles: [OnceLock::new(), OnceLock::new(), OnceLock::new()],
        }
    }

    fn build(&self, locale: Locale) -> Bundle {
        let langid: unic_langid::LanguageIdentifier = locale.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        let resource = match FluentResource::try_new(self.sources[slot(locale)].text()) {
            Ok(r) => r,
            Err((r, errors)) => {
                eprintln!("i18n: {} catalogue has errors: {errors:?}", locale.code());
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            eprintln!("i18n: {} catalogue conflicts: {errors:?}", locale.code());
        }
        bundle
    }

    fn format(&self, locale: Locale, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundles[slot(locale)].get_or_init(|| self.build(locale));
        let message = bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            eprintln!("i18n: {id} ({}): {errors:?}", locale.code());
        }
        Some(text.into_owned())
    }

    /// The message `id` in `locale` with named arguments (French when the
    /// language lacks it, the id itself when French does too).
    pub fn t_args(&self, locale: Locale, id: &str, args: &[(&str, &str)]) -> String {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::new();
            for (name, value) in args {
                a.set(*name, fluent_value(value));
            }
            a
        });
        self.format(locale, id, fluent_args.as_ref())
            .or_else(|| self.format(Locale::Fr, id, fluent_args.as_ref()))
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` in `locale`.
    pub fn t(&self, locale: Locale, id: &str) -> String {
        self.t_args(locale, id, &[])
    }
}

/// The message `id` in `locale`.
pub fn t(locale: Locale, id: &str) -> String {
    FULL.t(locale, id)
}

/// An argument as Fluent sees it: whole numbers as numbers (so that plural
/// forms apply: `{ $count -> [one] … *[other] … }`), anything else as text.
fn fluent_value(value: &str) -> FluentValue<'static> {
    let canonical = !value.is_empty() && (value == "0" || !value.starts_with(['0', '+']));
    match value.parse::<i64>() {
        Ok(n) if canonical => FluentValue::from(n),
        _ => FluentValue::from(value.to_string()),
    }
}

/// The message `id` in `locale` with named arguments.
pub fn t_args(locale: Locale, id: &str, args: &[(&str, &str)]) -> String {
    FULL.t_args(locale, id, args)
}

/// Message ids defined in a catalogue (for completeness checks).
pub fn message_ids(locale: Locale) -> Vec<String> {
    SOURCES[slot(locale)]
        .text()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && l.contains(" = "))
        .filter_map(|l| l.split(" = ").next().map(|id| id.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_every_language() {
        let fr = message_ids(Locale::Fr);
        assert!(fr.len() > 20);
        for locale in [Locale::En, Locale::De] {
            let ids = message_ids(locale);
            for id in &fr {
                assert!(ids.contains(id), "{id} missing in {}", locale.code());
            }
            for id in &ids {
                assert!(fr.contains(id), "{id} in {} but not in fr", locale.code());
            }
        }
    }

    #[test]
    fn no_message_is_defined_twice() {
        for locale in Locale::ALL {
            let mut ids = message_ids(locale);
            ids.sort();
            let twice: Vec<&String> = ids
                .windows(2)
                .filter(|w| w[0] == w[1])
                .map(|w| &w[0])
                .collect();
            assert!(twice.is_empty(), "{twice:?} twice in {}", locale.code());
        }
    }

    #[test]
    fn every_message_formats() {
        for locale in Locale::ALL {
            for id in message_ids(locale) {
                let text = FULL.format(locale, &id, None);
                assert!(
                    text.is_some_and(|t| !t.is_empty()),
                    "{id} ({})",
                    locale.code()
                );
            }
        }
    }

    #[test]
    fn translates_with_arguments_and_falls_back() {
        assert_eq!(t(Locale::De, "nav-home"), "Startseite");
        assert_eq!(t(Locale::En, "nav-home"), "Home");
        assert_eq!(
            t_args(Locale::Fr, "published-on", &[("date", "1 mars 2026")]),
            "Publié le 1 mars 2026"
        );
        assert_eq!(t(Locale::En, "no-such-message"), "no-such-message");
    }
}

/// A calendar day written out in full in `locale` ("1 mars 2026", "March 1, 2026", "1. März 2026").
/// A day without its year, where the year is plain ("2 mars"): a chart's axis.
pub fn short_day(locale: Locale, day: Day) -> String {
    let (_, month, day) = palabre_domain::date::civil_from_unix(day.unix());
    let month_name = t(locale, &format!("month-{month}"));
    t_args(
        locale,
        "date-short",
        &[("day", &day.to_string()), ("month", &month_name)],
    )
}

pub fn day(locale: Locale, day: Day) -> String {
    let (year, month, day) = palabre_domain::date::civil_from_unix(day.unix());
    let month_name = t(locale, &format!("month-{month}"));
    t_args(
        locale,
        "date-long",
        &[
            ("day", &day.to_string()),
            ("month", &month_name),
            ("year", &year.to_string()),
        ],
    )
}

/// A stored day (`YYYY-MM-DD`) written out in full; anything else as it is.
pub fn day_text(locale: Locale, iso: &str) -> String {
    Day::parse(iso).map_or_else(|| iso.to_string(), |d| day(locale, d))
}

/// A month written out (`2026-11` → "novembre 2026", "November 2026",
/// "November 2026"); anything else comes back as it was.
pub fn month(locale: Locale, year_month: &str) -> String {
    let parsed = year_month.split_once('-').and_then(|(y, m)| {
        let year = y.parse::<i64>().ok().filter(|_| y.len() == 4)?;
        let month = m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?;
        Some((year, month))
    });
    match parsed {
        Some((year, month)) => t_args(
            locale,
            "date-month",
            &[
                ("month", &t(locale, &format!("month-{month}"))),
                ("year", &year.to_string()),
            ],
        ),
        None => year_month.to_string(),
    }
}

/// The commune's day of the instant `unix_seconds`, written out in full.
pub fn long_date(locale: Locale, unix_seconds: i64) -> String {
    long_date_in(locale, crate::zone(), unix_seconds)
}

/// The commune's date and time of an instant ("1 décembre 2026 à 15:05").
pub fn date_time(locale: Locale, unix_seconds: i64) -> String {
    date_time_in(locale, crate::zone(), unix_seconds)
}

/// The commune's time of day of an instant ("15:05").
pub fn clock(unix_seconds: i64) -> String {
    clock_in(crate::zone(), unix_seconds)
}

/// The commune's day of an instant as `YYYY-MM-DD`, for `<time datetime>`
/// and the spreadsheets' date columns.
pub fn iso_day(unix_seconds: i64) -> String {
    crate::zone().day(unix_seconds).iso()
}

/// The day of an instant in `zone`, written out in full.
pub fn long_date_in(locale: Locale, zone: Zone, unix_seconds: i64) -> String {
    day(locale, zone.day(unix_seconds))
}

/// The time of day in `zone`, 24-hour ("15:05"), as every language Palabre
/// speaks writes it.
pub fn clock_in(zone: Zone, unix_seconds: i64) -> String {
    let seconds = zone.local(unix_seconds).rem_euclid(86_400);
    format!("{:02}:{:02}", seconds / 3600, seconds % 3600 / 60)
}

/// The date and time of an instant in `zone` ("1 décembre 2026 à 15:05",
/// "December 1, 2026 at 15:05", "1. Dezember 2026 um 15:05").
pub fn date_time_in(locale: Locale, zone: Zone, unix_seconds: i64) -> String {
    t_args(
        locale,
        "date-time",
        &[
            ("date", &long_date_in(locale, zone, unix_seconds)),
            ("time", &clock_in(zone, unix_seconds)),
        ],
    )
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn local_clock() {
        // 2026-03-02 14:05:59 UTC is 15:05 in Paris (winter), 14:05 in London.
        let at = 1_772_323_200 + 86_400 + 14 * 3600 + 5 * 60 + 59;
        assert_eq!(clock_in(Zone::Paris, at), "15:05");
        assert_eq!(clock_in(Zone::London, at), "14:05");
        assert_eq!(clock_in(Zone::Utc, -60), "23:59");
        assert_eq!(
            date_time_in(Locale::Fr, Zone::Paris, at),
            "2 mars 2026 à 15:05"
        );
        assert_eq!(
            date_time_in(Locale::En, Zone::Paris, at),
            "March 2, 2026 at 15:05"
        );
        assert_eq!(
            date_time_in(Locale::De, Zone::Paris, at),
            "2. März 2026 um 15:05"
        );
    }

    #[test]
    fn months() {
        assert_eq!(month(Locale::Fr, "2026-11"), "novembre 2026");
        assert_eq!(month(Locale::De, "2026-03"), "März 2026");
        assert_eq!(month(Locale::En, "2026-13"), "2026-13");
    }

    #[test]
    fn long_dates() {
        let march_first = Day::parse("2026-03-01").unwrap();
        assert_eq!(day(Locale::Fr, march_first), "1 mars 2026");
        assert_eq!(day(Locale::En, march_first), "March 1, 2026");
        assert_eq!(day(Locale::De, march_first), "1. März 2026");
        // 28 February 23:30 UTC is already 1 March in Paris.
        assert_eq!(
            long_date_in(Locale::Fr, Zone::Paris, march_first.unix() - 1_800),
            "1 mars 2026"
        );
        assert_eq!(
            long_date_in(Locale::Fr, Zone::Utc, march_first.unix() - 1_800),
            "28 février 2026"
        );
    }
}

/// Whole euros as `locale` writes them: "12 500 €" (a narrow no-break space
/// between thousands, a no-break space before the sign), "€12,500",
/// "12.500 €".
pub fn euros(locale: Locale, amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let separator = match locale {
        Locale::Fr => '\u{202f}',
        Locale::En => ',',
        Locale::De => '.',
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    let sign = if amount < 0 { "-" } else { "" };
    match locale {
        Locale::En => format!("{sign}€{grouped}"),
        Locale::Fr | Locale::De => format!("{sign}{grouped}\u{a0}€"),
    }
}

#[cfg(test)]
mod euro_tests {
    use super::*;

    #[test]
    fn euros_in_each_language() {
        assert_eq!(euros(Locale::Fr, 250_000), "250\u{202f}000\u{a0}€");
        assert_eq!(euros(Locale::En, 1_234_567), "€1,234,567");
        assert_eq!(euros(Locale::De, 999), "999\u{a0}€");
        assert_eq!(euros(Locale::De, -1000), "-1.000\u{a0}€");
    }
}
