//! A provider's signed tokens (JWS compact serialization, RFC 7515): the
//! signature checked against its published keys (a JWK set, RFC 7517), then
//! the claims an OpenID relying party must check (OpenID Connect Core 1.0,
//! 3.1.3.7): issuer, audience (and `azp`), expiry, issue time, nonce, and the
//! level of assurance when the profile asks for one.
//!
//! Only asymmetric algorithms are taken (RS256, ES256): `none` and the HMAC
//! ones, which an attacker who knows a public key could forge with, never are.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde::Deserialize;
use serde_json::Value;

/// Seconds of clock difference tolerated on `exp`, `iat` and `nbf`.
pub const LEEWAY: i64 = 60;
/// An ID token issued longer ago than this is refused, whatever its `exp`.
pub const MAX_AGE: i64 = 600;
/// Longest token taken (a provider's are a few kilobytes).
const MAX_TOKEN: usize = 16 * 1024;

/// One key of a provider's JWK set.
#[derive(Debug, Clone, Deserialize)]
pub struct Jwk {
    pub kty: String,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default, rename = "use")]
    pub usage: Option<String>,
    #[serde(default)]
    pub alg: Option<String>,
    // RSA
    #[serde(default)]
    pub n: Option<String>,
    #[serde(default)]
    pub e: Option<String>,
    // EC
    #[serde(default)]
    pub crv: Option<String>,
    #[serde(default)]
    pub x: Option<String>,
    #[serde(default)]
    pub y: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct JwkSet {
    pub keys: Vec<Jwk>,
}

/// What a token must say.
pub struct Expect<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    /// The nonce sent with the authorization request (an ID token); `None`
    /// for the user info, which carries none.
    pub nonce: Option<&'a str>,
    /// The levels of assurance accepted (`acr`); empty: any, or none.
    pub acr: &'a [String],
    pub now: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenError {
    /// Signed by a key the set does not hold (yet): fetch the set again once.
    UnknownKey,
    /// Anything else: the token is refused; the reason goes to the log.
    Invalid(&'static str),
}

#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    crit: Option<Value>,
}

/// Checks `token`'s signature against `keys`, then its claims against
/// `expect`; gives its claims.
pub fn verify(
    token: &str,
    keys: &JwkSet,
    expect: &Expect<'_>,
) -> Result<serde_json::Map<String, Value>, TokenError> {
    use TokenError::Invalid;
    if token.len() > MAX_TOKEN {
        return Err(Invalid("token too long"));
    }
    let mut parts = token.split('.');
    let (Some(head), Some(body), Some(sig), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Invalid("not a compact JWS"));
    };
    let header: Header = B64
        .decode(head)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(Invalid("unreadable header"))?;
    if header.crit.is_some() {
        return Err(Invalid("critical header extensions"));
    }
    let signature = B64
        .decode(sig)
        .map_err(|_| Invalid("unreadable signature"))?;
    let signed = &token.as_bytes()[..head.len() + 1 + body.len()];
    let candidates: Vec<&Jwk> = keys
        .keys
        .iter()
        .filter(|k| k.usage.as_deref().is_none_or(|u| u == "sig"))
        .filter(|k| k.alg.as_deref().is_none_or(|a| a == header.alg))
        .filter(|k| match (&header.kid, &k.kid) {
            (Some(wanted), Some(kid)) => wanted == kid,
            (Some(_), None) => false,
            (None, _) => true,
        })
        .collect();
    let verified = match header.alg.as_str() {
        "RS256" => candidates
            .iter()
            .filter(|k| k.kty == "RSA")
            .any(|k| rs256(k, signed, &signature)),
        "ES256" => candidates
            .iter()
            .filter(|k| k.kty == "EC")
            .any(|k| es256(k, signed, &signature)),
        _ => return Err(Invalid("algorithm not accepted")),
    };
    if !verified {
        // No key of that name (or kind) may be a new one (a rotation); a key
        // we hold that does not verify is a forgery.
        return Err(if candidates.is_empty() {
            TokenError::UnknownKey
        } else {
            Invalid("bad signature")
        });
    }
    let claims: serde_json::Map<String, Value> = B64
        .decode(body)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(Invalid("unreadable claims"))?;
    check_claims(&claims, expect)?;
    Ok(claims)
}

fn check_claims(
    claims: &serde_json::Map<String, Value>,
    expect: &Expect<'_>,
) -> Result<(), TokenError> {
    use TokenError::Invalid;
    let text = |name: &str| claims.get(name).and_then(Value::as_str);
    let number = |name: &str| claims.get(name).and_then(Value::as_i64);
    if text("iss") != Some(expect.issuer) {
        return Err(Invalid("issuer"));
    }
    if text("sub").is_none_or(|s| s.is_empty() || s.len() > 255) {
        return Err(Invalid("subject"));
    }
    let audiences: Vec<&str> = match claims.get("aud") {
        Some(Value::String(aud)) => vec![aud.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !audiences.contains(&expect.client_id) {
        return Err(Invalid("audience"));
    }
    if audiences.len() > 1 && text("azp") != Some(expect.client_id) {
        return Err(Invalid("authorized party"));
    }
    let now = expect.now;
    if let Some(nonce) = expect.nonce {
        match number("exp") {
            Some(exp) if exp + LEEWAY > now => {}
            _ => return Err(Invalid("expired")),
        }
        match number("iat") {
            Some(iat) if iat <= now + LEEWAY && iat > now - MAX_AGE => {}
            _ => return Err(Invalid("issued at")),
        }
        if text("nonce") != Some(nonce) {
            return Err(Invalid("nonce"));
        }
        if !expect.acr.is_empty() && !text("acr").is_some_and(|a| expect.acr.iter().any(|x| x == a))
        {
            return Err(Invalid("level of assurance"));
        }
    } else if number("exp").is_some_and(|exp| exp + LEEWAY <= now) {
        return Err(Invalid("expired"));
    }
    if number("nbf").is_some_and(|nbf| nbf > now + LEEWAY) {
        return Err(Invalid("not yet valid"));
    }
    Ok(())
}

fn rs256(key: &Jwk, signed: &[u8], signature: &[u8]) -> bool {
    use rsa::signature::Verifier as _;
    let (Some(n), Some(e)) = (key.n.as_deref(), key.e.as_deref()) else {
        return false;
    };
    let (Ok(n), Ok(e)) = (B64.decode(n), B64.decode(e)) else {
        return false;
    };
    let Ok(public) = rsa::RsaPublicKey::new(
        rsa::BigUint::from_bytes_be(&n),
        rsa::BigUint::from_bytes_be(&e),
    ) else {
        return false;
    };
    if n.len() < 256 {
        // Fewer than 2048 bits: not a key to trust.
        return false;
    }
    let verifier = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(public);
    let Ok(signature) = rsa::pkcs1v15::Signature::try_from(signature) else {
        return false;
    };
    verifier.verify(signed, &signature).is_ok()
}

fn es256(key: &Jwk, signed: &[u8], signature: &[u8]) -> bool {
    use p256::ecdsa::signature::Verifier as _;
    if key.crv.as_deref() != Some("P-256") {
        return false;
    }
    let (Some(x), Some(y)) = (key.x.as_deref(), key.y.as_deref()) else {
        return false;
    };
    let (Ok(x), Ok(y)) = (B64.decode(x), B64.decode(y)) else {
        return false;
    };
    if x.len() != 32 || y.len() != 32 {
        return false;
    }
    let point = p256::EncodedPoint::from_affine_coordinates(
        p256::FieldBytes::from_slice(&x),
        p256::FieldBytes::from_slice(&y),
        false,
    );
    let Ok(verifier) = p256::ecdsa::VerifyingKey::from_encoded_point(&point) else {
        return false;
    };
    // JWS carries ECDSA signatures as r ‖ s, 64 bytes.
    let Ok(signature) = p256::ecdsa::Signature::from_slice(signature) else {
        return false;
    };
    verifier.verify(signed, &signature).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::ecdsa::signature::Signer as _;

    const ISSUER: &str = "https://fc.example/api/v2";
    const CLIENT: &str = "palabre-valbrune";

    fn signing_key(seed: u8) -> p256::ecdsa::SigningKey {
        let mut bytes = [7u8; 32];
        bytes[0] = seed;
        p256::ecdsa::SigningKey::from_slice(&bytes).unwrap()
    }

    fn jwk(seed: u8, kid: &str) -> Jwk {
        let point = signing_key(seed).verifying_key().to_encoded_point(false);
        Jwk {
            kty: "EC".into(),
            kid: Some(kid.into()),
            usage: Some("sig".into()),
            alg: Some("ES256".into()),
            n: None,
            e: None,
            crv: Some("P-256".into()),
            x: point.x().map(|x| B64.encode(x)),
            y: point.y().map(|y| B64.encode(y)),
        }
    }

    fn sign(seed: u8, header: Value, claims: Value) -> String {
        let head = B64.encode(serde_json::to_vec(&header).unwrap());
        let body = B64.encode(serde_json::to_vec(&claims).unwrap());
        let input = format!("{head}.{body}");
        let signature: p256::ecdsa::Signature = signing_key(seed).sign(input.as_bytes());
        format!("{input}.{}", B64.encode(signature.to_bytes()))
    }

    fn claims(now: i64) -> Value {
        serde_json::json!({
            "iss": ISSUER, "sub": "s-1", "aud": CLIENT, "exp": now + 60, "iat": now,
            "nonce": "n-1", "acr": "eidas1"
        })
    }

    fn expect(now: i64, acr: &[String]) -> Expect<'_> {
        Expect {
            issuer: ISSUER,
            client_id: CLIENT,
            nonce: Some("n-1"),
            acr,
            now,
        }
    }

    fn with(now: i64, key: &str, value: Value) -> Value {
        let mut c = claims(now);
        c[key] = value;
        c
    }

    #[test]
    fn a_good_token_passes_and_each_wrong_claim_fails() {
        let now = 1_800_000_000;
        let keys = JwkSet {
            keys: vec![jwk(1, "k1")],
        };
        let header = serde_json::json!({"alg": "ES256", "kid": "k1"});
        let acr = vec!["eidas1".to_string()];
        let good = sign(1, header.clone(), claims(now));
        let ok = verify(&good, &keys, &expect(now, &acr)).unwrap();
        assert_eq!(ok["sub"], "s-1");
        let cases = [
            (with(now, "iss", "https://other.example".into()), "issuer"),
            (with(now, "aud", "someone-else".into()), "audience"),
            (
                with(now, "aud", serde_json::json!([CLIENT, "other"])),
                "authorized party",
            ),
            (with(now, "exp", (now - LEEWAY - 1).into()), "expired"),
            (with(now, "iat", (now - MAX_AGE - 1).into()), "issued at"),
            (with(now, "iat", (now + LEEWAY + 5).into()), "issued at"),
            (with(now, "nonce", "n-2".into()), "nonce"),
            (with(now, "acr", "eidas0".into()), "level of assurance"),
            (with(now, "sub", "".into()), "subject"),
            (with(now, "nbf", (now + 3600).into()), "not yet valid"),
        ];
        for (claims, reason) in cases {
            let token = sign(1, header.clone(), claims);
            assert_eq!(
                verify(&token, &keys, &expect(now, &acr)),
                Err(TokenError::Invalid(reason))
            );
        }
        // Without the nonce claim at all.
        let mut no_nonce = claims(now);
        no_nonce.as_object_mut().unwrap().remove("nonce");
        let token = sign(1, header, no_nonce);
        assert_eq!(
            verify(&token, &keys, &expect(now, &acr)),
            Err(TokenError::Invalid("nonce"))
        );
    }

    #[test]
    fn a_forged_or_unsigned_token_fails_and_a_new_key_asks_for_the_set() {
        let now = 1_800_000_000;
        let keys = JwkSet {
            keys: vec![jwk(1, "k1")],
        };
        let acr = Vec::new();
        let expect = expect(now, &acr);
        // Signed by another key under the same kid: a forgery.
        let forged = sign(
            2,
            serde_json::json!({"alg": "ES256", "kid": "k1"}),
            claims(now),
        );
        assert_eq!(
            verify(&forged, &keys, &expect),
            Err(TokenError::Invalid("bad signature"))
        );
        // A kid the set does not hold: fetch the set again.
        let rotated = sign(
            2,
            serde_json::json!({"alg": "ES256", "kid": "k2"}),
            claims(now),
        );
        assert_eq!(
            verify(&rotated, &keys, &expect),
            Err(TokenError::UnknownKey)
        );
        let both = JwkSet {
            keys: vec![jwk(1, "k1"), jwk(2, "k2")],
        };
        assert!(verify(&rotated, &both, &expect).is_ok());
        // Claims changed after signing.
        let good = sign(
            1,
            serde_json::json!({"alg": "ES256", "kid": "k1"}),
            claims(now),
        );
        let mut parts: Vec<&str> = good.split('.').collect();
        let other = B64.encode(serde_json::to_vec(&with(now, "sub", "admin".into())).unwrap());
        parts[1] = &other;
        assert_eq!(
            verify(&parts.join("."), &keys, &expect),
            Err(TokenError::Invalid("bad signature"))
        );
        // alg none, HS256 (the public key as an HMAC secret), junk.
        for alg in ["none", "HS256"] {
            let head = B64.encode(format!(r#"{{"alg":"{alg}","kid":"k1"}}"#));
            let body = B64.encode(serde_json::to_vec(&claims(now)).unwrap());
            let token = format!("{head}.{body}.");
            assert_eq!(
                verify(&token, &keys, &expect),
                Err(TokenError::Invalid("algorithm not accepted"))
            );
        }
        assert!(verify("a.b", &keys, &expect).is_err());
        assert!(verify("!!.!!.!!", &keys, &expect).is_err());
        assert!(verify(&"a".repeat(MAX_TOKEN + 1), &keys, &expect).is_err());
    }
}
