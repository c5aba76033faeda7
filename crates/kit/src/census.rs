//! The verification key's hashes, as the admin and account components share
//! them. A census row and a resident's declaration meet on a keyed hash of
//! `palabre_domain::verification::census_identity`; a letter's code is kept
//! only as its keyed hash until typed back. The key is the gate's (derived
//! from the session key, never stored): it hands it, in `KEY_HEADER`, to the
//! routes that hash, so that a copy of the database alone reveals nothing of
//! the list, and no code.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Request header with the verification key (the gate sets it on the routes
/// of `PATHS` only).
pub const KEY_HEADER: &str = "palabre-census-key";
/// The paths that receive it: the census import and a resident's
/// declaration; the letters' printing and a code typed back; a desk
/// account's claim code, given and typed back.
pub const PATHS: [&str; 6] = [
    "/admin/verification/census",
    "/account/verification/census",
    "/admin/verification/letters/print",
    "/account/verification/letter/code",
    "/admin/desk/claim-code",
    "/account/claim",
];

/// What is stored of a row, and looked up for a declaration: HMAC-SHA256 of
/// the identity under the key, in hex; `None` without a key.
pub fn hash(key: &str, identity: &str) -> Option<String> {
    keyed(key, b"census\0", identity)
}

/// What is stored of a letter's code (`verification::letter_code`), and
/// looked up for a code typed back.
pub fn letter_hash(key: &str, code: &str) -> Option<String> {
    keyed(key, b"letter\0", code)
}

/// What is stored of a desk account's claim code (same shape as a letter's).
pub fn claim_hash(key: &str, code: &str) -> Option<String> {
    keyed(key, b"claim\0", code)
}

/// A fresh letter code (or claim code), from the system's randomness.
pub fn new_letter_code() -> Result<String, getrandom::Error> {
    let mut random = [0u8; palabre_domain::verification::LETTER_CODE_LEN];
    getrandom::fill(&mut random)?;
    Ok(palabre_domain::verification::letter_code(&random))
}

fn keyed(key: &str, label: &[u8], text: &str) -> Option<String> {
    if key.len() < 16 {
        return None;
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).ok()?;
    mac.update(label);
    mac.update(text.as_bytes());
    Some(
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    )
}

/// The key of this request, when the gate gave one.
pub fn key_of(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get(KEY_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .filter(|k| k.len() >= 16)
}

#[cfg(test)]
mod tests {
    use super::hash;

    #[test]
    fn the_hash_needs_the_key_and_depends_on_it() {
        let a = hash("0123456789abcdef0123", "dupre\nhelene\n1984-03-07\n41000").unwrap();
        let b = hash("0123456789abcdef0124", "dupre\nhelene\n1984-03-07\n41000").unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(!a.contains("dupre"));
        assert_eq!(hash("short", "x"), None);
        let code = super::letter_hash("0123456789abcdef0123", "dupre\nhelene\n1984-03-07\n41000");
        assert_ne!(
            code.as_deref(),
            Some(a.as_str()),
            "each use has its own label"
        );
    }
}
