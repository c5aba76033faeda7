//! The census list's matching, as the admin (the import) and account (a
//! resident's declaration) components share it: a row and a declaration meet
//! on a keyed hash of `palabre_domain::verification::census_identity`. The
//! key is the gate's (derived from the session key, never stored): it hands
//! it, in `KEY_HEADER`, to the two routes that hash, so that a copy of the
//! database alone reveals nothing of the list.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Request header with the census key (the gate sets it on the import and
/// on a resident's declaration only).
pub const KEY_HEADER: &str = "palabre-census-key";
/// The paths that receive it.
pub const PATHS: [&str; 2] = ["/admin/verification/census", "/account/verification/census"];

/// What is stored of a row, and looked up for a declaration: HMAC-SHA256 of
/// the identity under the key, in hex; `None` without a key.
pub fn hash(key: &str, identity: &str) -> Option<String> {
    if key.len() < 16 {
        return None;
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).ok()?;
    mac.update(b"census\0");
    mac.update(identity.as_bytes());
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
    }
}
