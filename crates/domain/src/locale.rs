//! The languages Palabre speaks. French first.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Fr,
    En,
    De,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unsupported language: {0:?}")]
pub struct UnknownLocale(pub String);

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Fr, Locale::En, Locale::De];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    /// The language's own name, as shown in a language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::En => "English",
            Locale::De => "Deutsch",
        }
    }

    /// Picks the best supported language from an `Accept-Language` header
    /// (RFC 9110 §12.5.4), honouring q-values; `None` when nothing matches.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(u16, usize, Locale)> = None;
        for (index, item) in header.split(',').enumerate() {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let mut quality: u16 = 1000;
            for param in parts {
                if let Some(q) = param.trim().strip_prefix("q=") {
                    quality = parse_quality(q).unwrap_or(0);
                }
            }
            if quality == 0 {
                continue;
            }
            let primary = tag.split('-').next().unwrap_or("");
            let Ok(locale) = primary.parse::<Locale>() else {
                continue;
            };
            // Highest quality wins; on a tie, the earlier entry wins.
            let better = match best {
                None => true,
                Some((q, i, _)) => quality > q || (quality == q && index < i),
            };
            if better {
                best = Some((quality, index, locale));
            }
        }
        best.map(|(_, _, locale)| locale)
    }
}

fn parse_quality(text: &str) -> Option<u16> {
    let value: f32 = text.trim().parse().ok()?;
    if !(0.0..=1.0).contains(&value) {
        return None;
    }
    Some((value * 1000.0).round() as u16)
}

impl FromStr for Locale {
    type Err = UnknownLocale;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" => Ok(Locale::Fr),
            "en" => Ok(Locale::En),
            "de" => Ok(Locale::De),
            other => Err(UnknownLocale(other.to_string())),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes() {
        assert_eq!("fr".parse(), Ok(Locale::Fr));
        assert_eq!(" EN ".parse(), Ok(Locale::En));
        assert_eq!("de".parse(), Ok(Locale::De));
        assert!("es".parse::<Locale>().is_err());
        assert!("".parse::<Locale>().is_err());
    }

    #[test]
    fn accept_language_negotiation() {
        let cases = [
            ("fr-FR,fr;q=0.9,en;q=0.8", Some(Locale::Fr)),
            ("en-GB,en;q=0.9", Some(Locale::En)),
            ("es-ES,de;q=0.5,en;q=0.7", Some(Locale::En)),
            ("de-CH", Some(Locale::De)),
            ("es, it", None),
            ("en;q=0, de;q=0.1", Some(Locale::De)),
            ("fr;q=0.5, en;q=0.5", Some(Locale::Fr)),
            ("*", None),
            ("", None),
            ("en;q=abc", None),
        ];
        for (header, expected) in cases {
            assert_eq!(Locale::from_accept_language(header), expected, "{header}");
        }
    }
}
