//! Account fields, parsed once at the edge: email, display name, password policy.

use std::fmt;

/// Why a field was refused; `message_id` is the i18n key shown beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("required")]
    Required,
    #[error("too long")]
    TooLong,
    #[error("invalid email")]
    InvalidEmail,
    #[error("invalid characters")]
    InvalidCharacters,
    #[error("password too short")]
    PasswordTooShort,
    #[error("password too long")]
    PasswordTooLong,
    #[error("password too common")]
    PasswordTooCommon,
    #[error("passwords differ")]
    PasswordsDiffer,
    #[error("email already used")]
    EmailTaken,
    #[error("unsupported choice")]
    InvalidChoice,
    #[error("must be accepted")]
    MustAccept,
    #[error("wrong current password")]
    WrongPassword,
    #[error("wrong code")]
    WrongCode,
    #[error("invalid date")]
    InvalidDate,
    #[error("end before start")]
    EndBeforeStart,
    #[error("outside the process dates")]
    OutsideProcess,
    #[error("phases outside these dates")]
    PhasesOutside,
    #[error("the process is a draft")]
    ProcessDraft,
    #[error("not a percentage")]
    InvalidPercent,
    #[error("invalid address")]
    InvalidSlug,
    #[error("address already used")]
    SlugTaken,
    #[error("invalid colour")]
    InvalidColor,
    #[error("contrast too low")]
    ContrastTooLow,
    #[error("image too large")]
    ImageTooLarge,
    #[error("not a PNG, JPEG or WebP image")]
    ImageType,
    #[error("broken image")]
    ImageBroken,
    #[error("already there")]
    Duplicate,
    #[error("not a place on Earth")]
    InvalidLocation,
    #[error("not a whole number in the range")]
    OutOfRange,
    #[error("fewer than two choices")]
    TooFewOptions,
    #[error("fixed once votes were cast")]
    FixedByVotes,
    #[error("not a postal code")]
    InvalidPostalCode,
    #[error("a postal code of another commune")]
    OutsideCommune,
    #[error("on no row of the census list")]
    NotOnTheList,
    #[error("not the code of a letter")]
    NotTheLetterCode,
    #[error("not a claim code")]
    NotTheClaimCode,
}

impl FieldError {
    pub fn message_id(self) -> &'static str {
        match self {
            FieldError::Required => "field-required",
            FieldError::TooLong => "field-too-long",
            FieldError::InvalidEmail => "field-invalid-email",
            FieldError::InvalidCharacters => "field-invalid-characters",
            FieldError::PasswordTooShort => "password-too-short",
            FieldError::PasswordTooLong => "password-too-long",
            FieldError::PasswordTooCommon => "password-too-common",
            FieldError::PasswordsDiffer => "password-mismatch",
            FieldError::EmailTaken => "email-taken",
            FieldError::InvalidChoice => "field-invalid-choice",
            FieldError::MustAccept => "must-accept",
            FieldError::WrongPassword => "current-password-wrong",
            FieldError::WrongCode => "wrong-code",
            FieldError::InvalidDate => "field-invalid-date",
            FieldError::EndBeforeStart => "field-end-before-start",
            FieldError::OutsideProcess => "field-outside-process",
            FieldError::PhasesOutside => "field-phases-outside",
            FieldError::ProcessDraft => "field-process-draft",
            FieldError::InvalidPercent => "field-invalid-percent",
            FieldError::InvalidSlug => "field-invalid-slug",
            FieldError::SlugTaken => "field-slug-taken",
            FieldError::InvalidColor => "field-invalid-color",
            FieldError::ContrastTooLow => "field-contrast-too-low",
            FieldError::ImageTooLarge => "field-image-too-large",
            FieldError::ImageType => "field-image-type",
            FieldError::ImageBroken => "field-image-broken",
            FieldError::Duplicate => "field-duplicate",
            FieldError::InvalidLocation => "field-invalid-location",
            FieldError::OutOfRange => "field-out-of-range",
            FieldError::TooFewOptions => "field-too-few-options",
            FieldError::FixedByVotes => "field-fixed-by-votes",
            FieldError::InvalidPostalCode => "field-invalid-postal-code",
            FieldError::OutsideCommune => "field-postal-code-outside",
            FieldError::NotOnTheList => "field-not-on-the-list",
            FieldError::NotTheLetterCode => "field-not-the-letter-code",
            FieldError::NotTheClaimCode => "field-not-the-claim-code",
        }
    }
}

/// An email address, trimmed and lower-cased (addresses are compared without case).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, FieldError> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(FieldError::Required);
        }
        if email.len() > 254 {
            return Err(FieldError::TooLong);
        }
        let (local, domain) = email.split_once('@').ok_or(FieldError::InvalidEmail)?;
        let valid = !local.is_empty()
            && local.len() <= 64
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !email
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
            && !domain.contains('@')
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if valid {
            Ok(Email(email))
        } else {
            Err(FieldError::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A single-line text of 1..=`max` characters without control characters.
pub fn line(input: &str, max: usize) -> Result<String, FieldError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    if text.chars().count() > max {
        return Err(FieldError::TooLong);
    }
    if text.chars().any(char::is_control) {
        return Err(FieldError::InvalidCharacters);
    }
    Ok(text.to_string())
}

/// A person's public name.
pub fn display_name(input: &str) -> Result<String, FieldError> {
    line(input, MAX_DISPLAY_NAME)
}

/// Longest public name, on one line.
pub const MAX_DISPLAY_NAME: usize = 80;
/// Longest text a person writes about themselves on their profile.
pub const MAX_BIO: usize = 1_000;

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

const COMMON: &str = include_str!("../data/common-passwords.txt");

fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    let list: Vec<&str> = COMMON.lines().collect();
    list.binary_search(&lower.as_str()).is_ok()
}

/// A new password: 8 to 128 characters, not among the most common ones.
/// (Characters, not bytes: "é" counts once.) Returns it unchanged.
pub fn new_password<'a>(password: &'a str, confirmation: &str) -> Result<&'a str, FieldError> {
    let length = password.chars().count();
    if length == 0 {
        return Err(FieldError::Required);
    }
    if length < PASSWORD_MIN {
        return Err(FieldError::PasswordTooShort);
    }
    if length > PASSWORD_MAX {
        return Err(FieldError::PasswordTooLong);
    }
    if is_common(password) {
        return Err(FieldError::PasswordTooCommon);
    }
    if password != confirmation {
        return Err(FieldError::PasswordsDiffer);
    }
    Ok(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse("  Marie.Curie@Example.ORG ").unwrap().as_str(),
            "marie.curie@example.org"
        );
        for bad in [
            "", "a", "a@b", "@b.fr", "a@.fr", "a@b.", "a b@c.fr", "a@b..fr", "a@b@c.fr",
            "<a@b.fr>", "a@b_c.fr",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Email::parse(&format!("{}@x.fr", "a".repeat(65))),
            Err(FieldError::InvalidEmail)
        );
        assert_eq!(
            Email::parse(&format!("a@{}.fr", "b".repeat(260))),
            Err(FieldError::TooLong)
        );
    }

    #[test]
    fn names() {
        assert_eq!(display_name("  Anne  ").unwrap(), "Anne");
        assert_eq!(display_name(" "), Err(FieldError::Required));
        assert_eq!(display_name(&"é".repeat(81)), Err(FieldError::TooLong));
        assert!(display_name(&"é".repeat(80)).is_ok());
        assert_eq!(display_name("a\u{0}b"), Err(FieldError::InvalidCharacters));
    }

    #[test]
    fn passwords() {
        assert_eq!(new_password("", ""), Err(FieldError::Required));
        assert_eq!(
            new_password("short7!", "short7!"),
            Err(FieldError::PasswordTooShort)
        );
        assert_eq!(
            new_password("password", "password"),
            Err(FieldError::PasswordTooCommon)
        );
        assert_eq!(
            new_password("PassWord", "PassWord"),
            Err(FieldError::PasswordTooCommon)
        );
        assert_eq!(
            new_password("iloveyou2", "iloveyou2"),
            Err(FieldError::PasswordTooCommon)
        );
        assert_eq!(
            new_password(&"x".repeat(129), &"x".repeat(129)),
            Err(FieldError::PasswordTooLong)
        );
        assert_eq!(
            new_password("arbre à palabres", "arbre a palabres"),
            Err(FieldError::PasswordsDiffer)
        );
        assert_eq!(
            new_password("arbre à palabres", "arbre à palabres"),
            Ok("arbre à palabres")
        );
        assert_eq!(new_password("éééééééé", "éééééééé"), Ok("éééééééé"));
    }

    #[test]
    fn the_list_is_sorted_for_binary_search() {
        let list: Vec<&str> = COMMON.lines().collect();
        assert!(list.len() > 3000);
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(
            list.iter()
                .all(|p| p.chars().count() >= PASSWORD_MIN && *p == p.to_lowercase())
        );
    }
}
