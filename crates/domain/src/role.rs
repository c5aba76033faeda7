//! Who a visitor is to the platform.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Role {
    /// Not signed in.
    #[default]
    Visitor,
    Citizen,
    Moderator,
    Admin,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown role: {0:?}")]
pub struct UnknownRole(pub String);

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Visitor => "visitor",
            Role::Citizen => "citizen",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn is_staff(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }

    /// A session ends after this long without activity (seconds): 14 days for
    /// citizens, 30 minutes for staff.
    pub fn session_idle_seconds(self) -> i64 {
        if self.is_staff() {
            30 * 60
        } else {
            14 * 24 * 3600
        }
    }

    /// A session ends this long after sign-in, active or not (seconds): 90 days
    /// for citizens, 12 hours for staff.
    pub fn session_absolute_seconds(self) -> i64 {
        if self.is_staff() {
            12 * 3600
        } else {
            90 * 24 * 3600
        }
    }

    /// How stale the cookie's `last seen` may get before the gate refreshes it:
    /// small against the idle timeout, large enough not to re-sign every request.
    pub fn session_refresh_seconds(self) -> i64 {
        if self.is_staff() { 60 } else { 3600 }
    }

    /// True when this role has at least the rights of `other`.
    pub fn at_least(self, other: Role) -> bool {
        self >= other
    }
}

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "visitor" => Ok(Role::Visitor),
            "citizen" => Ok(Role::Citizen),
            "moderator" => Ok(Role::Moderator),
            "admin" => Ok(Role::Admin),
            other => Err(UnknownRole(other.to_string())),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_order() {
        for role in [Role::Visitor, Role::Citizen, Role::Moderator, Role::Admin] {
            assert_eq!(role.as_str().parse(), Ok(role));
        }
        assert!(Role::Admin.at_least(Role::Moderator));
        assert!(!Role::Citizen.at_least(Role::Moderator));
        assert!(Role::Moderator.is_staff() && !Role::Citizen.is_staff());
        assert!("Admin".parse::<Role>().is_err());
        assert_eq!(Role::Citizen.session_idle_seconds(), 14 * 86_400);
        assert_eq!(Role::Citizen.session_absolute_seconds(), 90 * 86_400);
        assert_eq!(Role::Admin.session_idle_seconds(), 1_800);
        assert_eq!(Role::Moderator.session_absolute_seconds(), 43_200);
        for role in [Role::Citizen, Role::Moderator, Role::Admin] {
            assert!(role.session_refresh_seconds() * 10 <= role.session_idle_seconds());
        }
    }
}
