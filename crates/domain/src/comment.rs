//! The rules of comments, the mechanism every feature shares (discussions now,
//! proposals and news later): replies to depth 3, a stance on top-level
//! comments, one reaction per person, editing within 15 minutes.

use std::str::FromStr;

use crate::account::FieldError;

/// Longest comment, in characters.
pub const MAX_BODY: usize = 5_000;
/// A top-level comment is depth 1; replies go down to this depth.
pub const MAX_DEPTH: u32 = 3;
/// How long after writing a comment its author may still edit it.
pub const EDIT_WINDOW_SECONDS: i64 = 15 * 60;

/// Where a top-level comment stands on the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    For,
    Against,
    Neutral,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::For, Stance::Against, Stance::Neutral];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::For => "for",
            Stance::Against => "against",
            Stance::Neutral => "neutral",
        }
    }
}

impl FromStr for Stance {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Stance, FieldError> {
        Stance::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or(FieldError::InvalidChoice)
    }
}

/// A reaction to a comment (one per person, which they may change).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reaction {
    Up,
    Down,
}

impl Reaction {
    pub fn as_str(self) -> &'static str {
        match self {
            Reaction::Up => "up",
            Reaction::Down => "down",
        }
    }
}

impl FromStr for Reaction {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Reaction, FieldError> {
        match s.trim() {
            "up" => Ok(Reaction::Up),
            "down" => Ok(Reaction::Down),
            _ => Err(FieldError::InvalidChoice),
        }
    }
}

/// A comment's text: not empty, at most [`MAX_BODY`] characters, line breaks
/// normalised, no control characters.
pub fn body(input: &str) -> Result<String, FieldError> {
    let text = crate::content::text(input, MAX_BODY)?;
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    Ok(text)
}

/// The depth of a reply to a comment at `parent_depth`, if replies may go there.
pub fn reply_depth(parent_depth: u32) -> Option<u32> {
    (1..MAX_DEPTH)
        .contains(&parent_depth)
        .then_some(parent_depth + 1)
}

/// A stance is asked of top-level comments only; replies carry none.
pub fn stance_for(depth: u32, typed: &str) -> Result<Option<Stance>, FieldError> {
    if depth > 1 {
        return Ok(None);
    }
    // Saying where one stands is a choice, not an obligation.
    match typed.trim() {
        "" => Ok(None),
        typed => typed.parse().map(Some),
    }
}

/// May the author still edit a comment written at `created_at`?
pub fn editable(created_at: i64, now: i64) -> bool {
    now >= created_at && now - created_at <= EDIT_WINDOW_SECONDS
}

/// What replacing a person's reaction does to a comment's counters: (change
/// of "up", change of "down"). The same reaction twice (a double submit) is
/// still one; another one replaces it; `None` takes it back.
pub fn react(previous: Option<Reaction>, new: Option<Reaction>) -> (i64, i64) {
    let count = |r: Option<Reaction>, which: Reaction| i64::from(r == Some(which));
    (
        count(new, Reaction::Up) - count(previous, Reaction::Up),
        count(new, Reaction::Down) - count(previous, Reaction::Down),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies() {
        assert_eq!(body("  Bonjour\r\n"), Ok("Bonjour".to_string()));
        assert_eq!(body("   "), Err(FieldError::Required));
        assert_eq!(body(&"a".repeat(MAX_BODY + 1)), Err(FieldError::TooLong));
        assert_eq!(
            body(&"é".repeat(MAX_BODY)).map(|b| b.chars().count()),
            Ok(MAX_BODY)
        );
        assert_eq!(body("a\u{7}b"), Err(FieldError::InvalidCharacters));
    }

    #[test]
    fn replies_stop_at_depth_three() {
        assert_eq!(reply_depth(1), Some(2));
        assert_eq!(reply_depth(2), Some(3));
        assert_eq!(reply_depth(3), None);
        assert_eq!(reply_depth(0), None);
    }

    #[test]
    fn stances_on_top_level_only() {
        assert_eq!(stance_for(1, "for"), Ok(Some(Stance::For)));
        assert_eq!(stance_for(1, "maybe"), Err(FieldError::InvalidChoice));
        assert_eq!(stance_for(1, ""), Ok(None), "no position given");
        assert_eq!(stance_for(2, "against"), Ok(None));
    }

    #[test]
    fn edit_window() {
        assert!(editable(1_000, 1_000));
        assert!(editable(1_000, 1_000 + 15 * 60));
        assert!(!editable(1_000, 1_000 + 15 * 60 + 1));
        assert!(!editable(1_000, 999), "not before it was written");
    }

    #[test]
    fn one_reaction_per_person() {
        let (up, down) = (Some(Reaction::Up), Some(Reaction::Down));
        assert_eq!(react(None, up), (1, 0));
        assert_eq!(react(up, up), (0, 0), "twice is still one");
        assert_eq!(react(up, down), (-1, 1));
        assert_eq!(react(down, up), (1, -1));
        assert_eq!(react(down, None), (0, -1), "taken back");
        assert_eq!(react(None, None), (0, 0));
        assert_eq!("up".parse::<Reaction>(), Ok(Reaction::Up));
        assert!("sideways".parse::<Reaction>().is_err());
    }
}
