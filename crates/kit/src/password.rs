//! Password hashing: argon2id with OWASP's parameters (m = 19456 KiB, t = 2, p = 1),
//! stored in the PHC string format so the parameters travel with each hash.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

pub const MEMORY_KIB: u32 = 19_456;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;

/// A hash of a password nobody knows, verified when an email is unknown so that
/// an unknown account and a wrong password take the same time.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$cGFsYWJyZS1kdW1teS1zYWx0$3mZbbxx9ABb/tCFKkyPEBNotP7wVV6d9+sUxhJtWQFk";

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("no randomness for a salt: {0}")]
    Random(String),
    #[error("argon2: {0}")]
    Hash(String),
}

fn hasher() -> Result<Argon2<'static>, PasswordError> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .map_err(|e| PasswordError::Hash(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password with a fresh random salt.
pub fn hash(password: &str) -> Result<String, PasswordError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| PasswordError::Random(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| PasswordError::Hash(e.to_string()))?;
    hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Checks a password against a stored hash (`None`: unknown account, checked
/// against a dummy hash all the same). A malformed stored hash never matches.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let (hash, real) = match stored {
        Some(h) => (h, true),
        None => (DUMMY_HASH, false),
    };
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    matches && real
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_carry_their_parameters() {
        let h = hash("arbre à palabres").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("arbre à palabres", Some(&h)));
        assert!(!verify("arbre a palabres", Some(&h)));
        assert_ne!(h, hash("arbre à palabres").unwrap(), "salted");
    }

    #[test]
    fn unknown_accounts_and_bad_hashes_never_match() {
        assert!(
            PasswordHash::new(DUMMY_HASH).is_ok(),
            "the dummy hash must parse, or timing differs"
        );
        assert!(!verify("anything", None));
        assert!(!verify("anything", Some("not a hash")));
        assert!(!verify("", Some("")));
    }
}
