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

#[cfg(test)]
mod tests {
    use super::*;

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
