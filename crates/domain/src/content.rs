//! What staff write (news, pages, processes, branding), parsed at the edge.

use crate::Color;
use crate::account::FieldError;
use crate::color::AA_NORMAL_TEXT;
use crate::process::slugify;

/// Longest Markdown body (news, pages, processes), in characters.
pub const MAX_BODY: usize = 100_000;
/// Longest summary.
pub const MAX_SUMMARY: usize = 1_000;
/// Longest title (news, pages, processes, questionnaires, sections), on one line.
pub const MAX_TITLE: usize = 200;
/// Longest name (a commune, a phase), on one line.
pub const MAX_NAME: usize = 120;
/// Longest description (a phase, a discussion's context, a questionnaire's
/// introduction).
pub const MAX_DESCRIPTION: usize = 20_000;
/// Longest question a discussion asks, on one line.
pub const MAX_QUESTION: usize = 300;
/// Longest tagline of the commune, on one line.
pub const MAX_TAGLINE: usize = 200;
/// Longest introduction on the home page.
pub const MAX_INTRO: usize = 2_000;
/// Longest text alternative of an image.
pub const MAX_IMAGE_ALT: usize = 300;
/// Longest question label and help in a questionnaire.
pub const MAX_LABEL: usize = 500;
pub const MAX_HELP: usize = 1_000;
/// Longest reason staff give for a decision (a moderation, a blocked account).
pub const MAX_REASON: usize = 500;
/// Longest list of words that hold a comment for review (one a line).
pub const MAX_HELD_WORDS: usize = 5_000;
/// How many open reports may hide a comment pending review.
pub const REPORT_THRESHOLDS: std::ops::RangeInclusive<i64> = 1..=100;

/// A whole number in `range` (spaces around it allowed).
pub fn whole_number(input: &str, range: std::ops::RangeInclusive<i64>) -> Result<i64, FieldError> {
    input
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or(FieldError::OutOfRange)
}

/// A multi-line text of at most `max` characters, possibly empty: line breaks
/// normalised to `\n`, no other control characters.
pub fn text(input: &str, max: usize) -> Result<String, FieldError> {
    let text = input.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    if text.chars().count() > max {
        return Err(FieldError::TooLong);
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(FieldError::InvalidCharacters);
    }
    Ok(text.to_string())
}

/// Whether a path segment can be an address we made (before any query).
pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Addresses that are pages of their own (`/discussions/new`).
pub const RESERVED_SLUGS: &[&str] = &["new"];

/// The address of a page (`/news/<slug>`): as typed, or made from the title.
pub fn slug(input: &str, title: &str) -> Result<String, FieldError> {
    let typed = input.trim();
    let slug = if typed.is_empty() {
        slugify(title)
    } else {
        typed.to_string()
    };
    let valid = !slug.is_empty()
        && !RESERVED_SLUGS.contains(&slug.as_str())
        && slug.len() <= 120
        && !slug.starts_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(slug)
    } else {
        Err(FieldError::InvalidSlug)
    }
}

/// A brand colour: `#rrggbb`, dark enough for white text on it (WCAG AA).
pub fn brand_color(input: &str) -> Result<Color, FieldError> {
    let color: Color = input.trim().parse().map_err(|_| FieldError::InvalidColor)?;
    if color.contrast(Color::WHITE) < AA_NORMAL_TEXT {
        return Err(FieldError::ContrastTooLow);
    }
    Ok(color)
}

/// Draft or published.
pub fn published(input: &str) -> Result<bool, FieldError> {
    match input.trim() {
        "published" => Ok(true),
        "draft" => Ok(false),
        _ => Err(FieldError::InvalidChoice),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts() {
        assert_eq!(text(" a\r\nb\rc ", 10), Ok("a\nb\nc".to_string()));
        assert_eq!(text("", 10), Ok(String::new()));
        assert_eq!(text("abc", 2), Err(FieldError::TooLong));
        assert_eq!(text("a\u{0}b", 10), Err(FieldError::InvalidCharacters));
        assert_eq!(text("a\tb", 10), Ok("a\tb".to_string()));
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("", "Fête de la musique"),
            Ok("fete-de-la-musique".into())
        );
        assert_eq!(slug(" budget-2026 ", "x"), Ok("budget-2026".into()));
        for bad in ["Budget", "a/b", "é", "-x", "a b"] {
            assert_eq!(slug(bad, "x"), Err(FieldError::InvalidSlug), "{bad}");
        }
        assert_eq!(slug("", "!!!"), Err(FieldError::InvalidSlug));
        assert_eq!(slug("new", "x"), Err(FieldError::InvalidSlug));
        assert_eq!(slug("", "New"), Err(FieldError::InvalidSlug));
    }

    #[test]
    fn brand_colours_must_carry_white_text() {
        assert!(brand_color("#1d4e89").is_ok());
        assert_eq!(brand_color("#ffcc00"), Err(FieldError::ContrastTooLow));
        assert_eq!(brand_color("blue"), Err(FieldError::InvalidColor));
        assert_eq!(brand_color(""), Err(FieldError::InvalidColor));
    }

    #[test]
    fn status() {
        assert_eq!(published("published"), Ok(true));
        assert_eq!(published("draft"), Ok(false));
        assert_eq!(published("live"), Err(FieldError::InvalidChoice));
    }
}
