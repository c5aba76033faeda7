//! Verified residents: the level a participation tool requires of a person,
//! the ways a person is verified as living in the commune, and the rule that
//! says whether someone meets a requirement (and if not, what they lack, so
//! that the page can say how to get it).

use std::str::FromStr;

/// What a tool of a process asks of a participant, from the least.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// An account, signed in.
    SignedIn,
    /// An account whose email address is confirmed.
    Confirmed,
    /// A resident the commune verified (by one of its methods).
    Verified,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::SignedIn, Level::Confirmed, Level::Verified];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::SignedIn => "signed_in",
            Level::Confirmed => "confirmed",
            Level::Verified => "verified",
        }
    }
}

impl FromStr for Level {
    type Err = ();

    fn from_str(s: &str) -> Result<Level, ()> {
        Level::ALL.into_iter().find(|l| l.as_str() == s).ok_or(())
    }
}

/// How a resident was verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A FranceConnect identity and a declared address in the commune.
    FranceConnect,
    /// Declared details matching a row of the commune's list.
    Census,
    /// A code sent by post to the declared address, typed back.
    Letter,
    /// In person, at the town hall's desk, by authorised staff.
    Desk,
}

impl Method {
    pub const ALL: [Method; 4] = [
        Method::FranceConnect,
        Method::Census,
        Method::Letter,
        Method::Desk,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Method::FranceConnect => "franceconnect",
            Method::Census => "census",
            Method::Letter => "letter",
            Method::Desk => "desk",
        }
    }
}

impl FromStr for Method {
    type Err = ();

    fn from_str(s: &str) -> Result<Method, ()> {
        Method::ALL.into_iter().find(|m| m.as_str() == s).ok_or(())
    }
}

/// What a tool requires: a level and, for a verified resident, optionally
/// a district (a district's envelope, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirement {
    pub level: Level,
    pub district: Option<i64>,
}

impl Requirement {
    pub const fn of(level: Level) -> Requirement {
        Requirement {
            level,
            district: None,
        }
    }
}

/// Where a person stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    pub signed_in: bool,
    pub confirmed: bool,
    /// Verified as a resident: `Some(district)` (the district they were
    /// verified in, if any).
    pub verified: Option<Option<i64>>,
}

/// What a person lacks to meet a requirement, in the order they get it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    SignIn,
    ConfirmEmail,
    Verification,
    /// Verified, but in another district than the one required.
    District,
}

impl Missing {
    /// The catalogue id of what the page says.
    pub fn message_id(self) -> &'static str {
        match self {
            Missing::SignIn => "verification-missing-sign-in",
            Missing::ConfirmEmail => "verification-missing-email",
            Missing::Verification => "verification-missing-resident",
            Missing::District => "verification-missing-district",
        }
    }
}

/// Whether `who` meets `need`.
pub fn meets(who: Standing, need: Requirement) -> Result<(), Missing> {
    if !who.signed_in {
        return Err(Missing::SignIn);
    }
    if need.level >= Level::Confirmed && !who.confirmed {
        return Err(Missing::ConfirmEmail);
    }
    if need.level >= Level::Verified {
        let Some(district) = who.verified else {
            return Err(Missing::Verification);
        };
        if let Some(required) = need.district
            && district != Some(required)
        {
            return Err(Missing::District);
        }
    }
    Ok(())
}

/// How many postal codes a commune may list.
pub const MAX_POSTAL_CODES: usize = 50;

/// One postal code, as a resident types it: four or five digits (France,
/// Germany; Belgium, Switzerland, Austria), spaces around it ignored.
pub fn postal_code(input: &str) -> Result<String, crate::account::FieldError> {
    use crate::account::FieldError;
    let code = input.trim();
    if code.is_empty() {
        return Err(FieldError::Required);
    }
    if (4..=5).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code.to_string())
    } else {
        Err(FieldError::InvalidPostalCode)
    }
}

/// The commune's postal codes as staff type them ("41000, 41350"), each
/// once, in the order typed; empty: none (the FranceConnect method is off).
pub fn postal_codes(input: &str) -> Result<Vec<String>, crate::account::FieldError> {
    let mut codes: Vec<String> = Vec::new();
    for part in input
        .split([',', ';', ' ', '\n'])
        .filter(|p| !p.trim().is_empty())
    {
        let code = postal_code(part)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.len() > MAX_POSTAL_CODES {
        return Err(crate::account::FieldError::TooLong);
    }
    Ok(codes)
}

/// The letters of a name as a census list and a resident may both write
/// it: lower case, without accents, every run of spaces, hyphens and
/// apostrophes one space ("Le Gall-Hervé" and "le gall herve" are one).
pub fn census_name(input: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in input.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' | 'ý' => 'y',
            'ñ' => 'n',
            'æ' => {
                out.push('a');
                'e'
            }
            'œ' => {
                out.push('o');
                'e'
            }
            'ß' => {
                out.push('s');
                's'
            }
            c => c,
        };
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// A birth date as lists write it (`JJ/MM/AAAA`, `AAAA-MM-JJ`), as
/// `AAAA-MM-JJ`.
pub fn census_birth_date(input: &str) -> Result<String, crate::account::FieldError> {
    use crate::account::FieldError;
    let text = input.trim();
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (*y, *m, *d),
        [d, m, y] if y.len() == 4 => (*y, *m, *d),
        _ => return Err(FieldError::InvalidDate),
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(FieldError::InvalidDate);
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(FieldError::InvalidDate),
    };
    if !(1900..=2100).contains(&y) || d == 0 || d > days {
        return Err(FieldError::InvalidDate);
    }
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

/// What a census row and a resident's declaration are matched on (through
/// a keyed hash, never kept in clear): family name, given name, birth date,
/// postal code, each as [`census_name`], [`census_birth_date`] and
/// [`postal_code`] read them.
pub fn census_identity(
    family: &str,
    given: &str,
    birth: &str,
    postal: &str,
) -> Result<String, crate::account::FieldError> {
    use crate::account::FieldError;
    let (family, given) = (census_name(family), census_name(given));
    if family.is_empty() || given.is_empty() {
        return Err(FieldError::Required);
    }
    if family.len() > 120 || given.len() > 120 {
        return Err(FieldError::TooLong);
    }
    Ok(format!(
        "{family}\n{given}\n{}\n{}",
        census_birth_date(birth)?,
        postal_code(postal)?
    ))
}

/// The characters of a letter code: capitals and digits that no one
/// misreads on paper (no 0/O, 1/I).
pub const LETTER_ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// A letter code's length: 10 characters of 32, 50 bits (typed back at most
/// five times an hour, so nobody guesses one).
pub const LETTER_CODE_LEN: usize = 10;

/// A letter code made of random bytes (one character each, from the 5 low bits).
pub fn letter_code(random: &[u8; LETTER_CODE_LEN]) -> String {
    random
        .iter()
        .map(|b| LETTER_ALPHABET[usize::from(b & 31)] as char)
        .collect()
}

/// A code as printed: two groups of five (`ABCDE-FGHJK`).
pub fn letter_code_printed(code: &str) -> String {
    let (a, b) = code.split_at(code.len().min(5));
    format!("{a}-{b}")
}

/// A code as typed back: case, spaces and dashes do not matter; a character
/// never printed (0, O, 1, I, an accent) makes it another code.
pub fn letter_code_typed(input: &str) -> Result<String, crate::account::FieldError> {
    use crate::account::FieldError;
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if code.is_empty() {
        return Err(FieldError::Required);
    }
    if code.chars().count() != LETTER_CODE_LEN
        || !code.bytes().all(|b| LETTER_ALPHABET.contains(&b))
    {
        return Err(FieldError::NotTheLetterCode);
    }
    Ok(code)
}

/// The town hall's address as printed on the letters: up to six lines of
/// up to 80 characters, blank lines dropped; empty turns the letters off.
pub fn letter_sender(input: &str) -> Result<String, crate::account::FieldError> {
    use crate::account::FieldError;
    let lines: Vec<&str> = input
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > 6 || lines.iter().any(|l| l.chars().count() > 80) {
        return Err(FieldError::TooLong);
    }
    if lines.iter().any(|l| l.chars().any(char::is_control)) {
        return Err(FieldError::InvalidCharacters);
    }
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sender_is_a_few_short_lines() {
        use crate::account::FieldError;
        assert_eq!(
            letter_sender("  Mairie de Blois \r\n\n 9 place Saint-Louis\n41000 Blois "),
            Ok("Mairie de Blois\n9 place Saint-Louis\n41000 Blois".to_string())
        );
        assert_eq!(letter_sender(" \n "), Ok(String::new()));
        assert_eq!(letter_sender(&"a\n".repeat(7)), Err(FieldError::TooLong));
        assert_eq!(letter_sender(&"a".repeat(81)), Err(FieldError::TooLong));
        assert_eq!(letter_sender("a\u{7}b"), Err(FieldError::InvalidCharacters));
    }

    #[test]
    fn letter_codes_print_in_two_groups_and_read_back_however_typed() {
        use crate::account::FieldError;
        let code = letter_code(&[0, 1, 2, 31, 32, 63, 100, 200, 7, 8]);
        assert_eq!(code.len(), LETTER_CODE_LEN);
        assert!(code.bytes().all(|b| LETTER_ALPHABET.contains(&b)));
        assert_eq!(&code[..4], "ABC9");
        let printed = letter_code_printed(&code);
        assert_eq!(printed.len(), 11);
        assert_eq!(letter_code_typed(&printed), Ok(code.clone()));
        let typed = format!(" {} ", printed.to_lowercase().replace('-', " "));
        assert_eq!(letter_code_typed(&typed), Ok(code));
        assert_eq!(letter_code_typed("  "), Err(FieldError::Required));
        assert_eq!(
            letter_code_typed("ABCDE-FGHJ"),
            Err(FieldError::NotTheLetterCode)
        );
        assert_eq!(
            letter_code_typed("ABCDE-FGHJ0"),
            Err(FieldError::NotTheLetterCode)
        );
        assert_eq!(
            letter_code_typed("ABCDÉ-FGHJK"),
            Err(FieldError::NotTheLetterCode)
        );
    }

    const NOBODY: Standing = Standing {
        signed_in: false,
        confirmed: false,
        verified: None,
    };

    #[test]
    fn each_level_asks_what_the_one_below_does_and_more() {
        let signed = Standing {
            signed_in: true,
            ..NOBODY
        };
        let confirmed = Standing {
            confirmed: true,
            ..signed
        };
        let resident = Standing {
            verified: Some(None),
            ..confirmed
        };
        let of_3 = Standing {
            verified: Some(Some(3)),
            ..confirmed
        };
        let cases = [
            (
                NOBODY,
                Requirement::of(Level::SignedIn),
                Err(Missing::SignIn),
            ),
            (signed, Requirement::of(Level::SignedIn), Ok(())),
            (
                signed,
                Requirement::of(Level::Confirmed),
                Err(Missing::ConfirmEmail),
            ),
            (confirmed, Requirement::of(Level::Confirmed), Ok(())),
            (
                confirmed,
                Requirement::of(Level::Verified),
                Err(Missing::Verification),
            ),
            (resident, Requirement::of(Level::Verified), Ok(())),
            (
                resident,
                Requirement {
                    level: Level::Verified,
                    district: Some(3),
                },
                Err(Missing::District),
            ),
            (
                of_3,
                Requirement {
                    level: Level::Verified,
                    district: Some(3),
                },
                Ok(()),
            ),
            (
                of_3,
                Requirement {
                    level: Level::Verified,
                    district: Some(4),
                },
                Err(Missing::District),
            ),
            // A district asked at a lower level is not checked.
            (
                confirmed,
                Requirement {
                    level: Level::Confirmed,
                    district: Some(4),
                },
                Ok(()),
            ),
        ];
        for (who, need, expected) in cases {
            assert_eq!(meets(who, need), expected, "{who:?} {need:?}");
        }
    }

    #[test]
    fn names_round_trip() {
        for l in Level::ALL {
            assert_eq!(l.as_str().parse::<Level>(), Ok(l));
        }
        for m in Method::ALL {
            assert_eq!(m.as_str().parse::<Method>(), Ok(m));
        }
        assert!("root".parse::<Level>().is_err());
    }
}

#[cfg(test)]
mod postal_tests {
    use super::*;
    use crate::account::FieldError;

    #[test]
    fn postal_codes_are_four_or_five_digits_each_once() {
        assert_eq!(
            postal_codes(" 41000, 41350;41000 \n 1000"),
            Ok(vec!["41000".into(), "41350".into(), "1000".into()])
        );
        assert_eq!(postal_codes(""), Ok(vec![]));
        assert_eq!(
            postal_codes("41000, Blois"),
            Err(FieldError::InvalidPostalCode)
        );
        assert_eq!(postal_code("410000"), Err(FieldError::InvalidPostalCode));
        assert_eq!(postal_code("  "), Err(FieldError::Required));
        let many: Vec<String> = (10000..10051).map(|n| n.to_string()).collect();
        assert_eq!(postal_codes(&many.join(",")), Err(FieldError::TooLong));
    }
}

#[cfg(test)]
mod census_tests {
    use super::*;
    use crate::account::FieldError;

    #[test]
    fn a_list_and_a_resident_write_the_same_person_alike() {
        assert_eq!(census_name("  Le Gall-Hervé "), "le gall herve");
        assert_eq!(census_name("LE GALL  HERVE"), "le gall herve");
        assert_eq!(census_name("N'Diaye"), "n diaye");
        assert_eq!(census_name("Œuvray Straße"), "oeuvray strasse");
        assert_eq!(census_birth_date("07/03/1984"), Ok("1984-03-07".into()));
        assert_eq!(census_birth_date("1984-03-07"), Ok("1984-03-07".into()));
        assert_eq!(
            census_birth_date("29/02/2023"),
            Err(FieldError::InvalidDate)
        );
        assert_eq!(census_birth_date("29/02/2024"), Ok("2024-02-29".into()));
        assert_eq!(
            census_birth_date("7 mars 1984"),
            Err(FieldError::InvalidDate)
        );
        assert_eq!(
            census_identity("Dupré", "Hélène", "07/03/1984", "41000"),
            census_identity("DUPRE", "helene", "1984-03-07", " 41000 ")
        );
        assert_ne!(
            census_identity("Dupré", "Hélène", "07/03/1984", "41000"),
            census_identity("Dupré", "Hélène", "07/03/1985", "41000")
        );
        assert_eq!(
            census_identity("", "Hélène", "07/03/1984", "41000"),
            Err(FieldError::Required)
        );
    }
}
