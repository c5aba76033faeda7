//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30 s) for
//! staff two-factor sign-in, base32 secrets (RFC 4648) and the enrolment QR
//! code as inline SVG (no image request, no JavaScript).

use hmac::{Hmac, Mac};
use sha1::Sha1;

pub const PERIOD: i64 = 30;
pub const DIGITS: u32 = 6;
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new 160-bit secret, base32.
pub fn new_secret() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes)?;
    Ok(base32_encode(&bytes))
}

pub fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            out.push(ALPHABET[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = ALPHABET
            .iter()
            .position(|&a| a as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            out.push((buffer >> (bits - 8)) as u8);
            bits -= 8;
        }
    }
    Some(out)
}

/// The code for a time step (HOTP of RFC 4226 with `digits` digits).
pub fn code_at(secret: &[u8], step: i64, digits: u32) -> Option<u32> {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).ok()?;
    mac.update(&step.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[19] & 0x0f);
    let binary = (u32::from(hash[offset]) & 0x7f) << 24
        | u32::from(hash[offset + 1]) << 16
        | u32::from(hash[offset + 2]) << 8
        | u32::from(hash[offset + 3]);
    Some(binary % 10u32.pow(digits))
}

/// Seconds into a new step during which the previous step's code is still
/// accepted (the time it takes to type and send it).
pub const GRACE: i64 = 5;

/// Checks a typed code against the secret at `now`: a code lives for its
/// 30-second step (ASVS 6.5.5), plus a few seconds of grace, and only for a
/// step later than `last_step` (used once, ASVS 6.5.1). Returns the step.
pub fn verify(secret_b32: &str, typed: &str, now: i64, last_step: i64) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS as usize || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let wanted: u32 = typed.parse().ok()?;
    let secret = base32_decode(secret_b32)?;
    let current = now.div_euclid(PERIOD);
    let first = if now.rem_euclid(PERIOD) < GRACE {
        current - 1
    } else {
        current
    };
    (first..=current)
        .filter(|step| *step > last_step)
        .find(|step| code_at(&secret, *step, DIGITS) == Some(wanted))
}

/// The `otpauth://` URI authenticator apps read from the QR code.
pub fn uri(issuer: &str, account: &str, secret_b32: &str) -> String {
    let enc = crate::form::encode_component;
    format!(
        "otpauth://totp/{}:{}?secret={secret_b32}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={PERIOD}",
        enc(issuer),
        enc(account),
        enc(issuer)
    )
}

/// The QR code of `text` as an accessible inline SVG (described by `label`).
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    let qr = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let border = 4;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let dim = size + border * 2;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {dim} {dim}\" width=\"240\" height=\"240\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>",
        crate::respond::escape(label)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6238_vectors() {
        // RFC 6238 appendix B, SHA-1 seed, 8 digits.
        let secret = b"12345678901234567890";
        let cases = [
            (59, 94_287_082),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ];
        for (time, code) in cases {
            assert_eq!(code_at(secret, time / PERIOD, 8), Some(code), "{time}");
        }
    }

    #[test]
    fn base32_round_trip() {
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32_decode("MZXW6YTBOI").unwrap(), b"foobar");
        assert_eq!(base32_decode("mzxw 6ytb oi======").unwrap(), b"foobar");
        assert!(base32_decode("M1").is_none());
        let secret = new_secret().unwrap();
        assert_eq!(secret.len(), 32);
        assert_eq!(base32_decode(&secret).unwrap().len(), 20);
    }

    #[test]
    fn verification_window_and_replay() {
        let secret = base32_encode(b"12345678901234567890");
        let now = 1_111_111_111; // 1 s into its step
        let step = now / PERIOD;
        let code = |s: i64| format!("{:06}", code_at(b"12345678901234567890", s, 6).unwrap());
        assert_eq!(verify(&secret, &code(step), now, 0), Some(step));
        assert_eq!(
            verify(&secret, &code(step - 1), now, 0),
            Some(step - 1),
            "grace"
        );
        assert_eq!(
            verify(&secret, &code(step - 1), now + 10, 0),
            None,
            "a step lives 30 s"
        );
        assert_eq!(
            verify(&secret, &code(step + 1), now, 0),
            None,
            "no code from the future"
        );
        assert_eq!(verify(&secret, &code(step - 2), now, 0), None, "too old");
        assert_eq!(verify(&secret, &code(step), now, step), None, "replayed");
        assert_eq!(verify(&secret, "12 34", now, 0), None);
        assert_eq!(verify(&secret, "abcdef", now, 0), None);
        let spaced = code(step);
        assert_eq!(
            verify(
                &secret,
                &format!("{} {}", &spaced[..3], &spaced[3..]),
                now,
                0
            ),
            Some(step)
        );
    }

    #[test]
    fn enrolment_uri_and_qr() {
        let u = uri("Ville d'Été", "anne@example.org", "ABC");
        assert_eq!(
            u,
            "otpauth://totp/Ville%20d%27%C3%89t%C3%A9:anne%40example.org?secret=ABC&issuer=Ville%20d%27%C3%89t%C3%A9&algorithm=SHA1&digits=6&period=30"
        );
        let svg = qr_svg(&u, "QR <code>").unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("aria-label=\"QR &lt;code&gt;\""));
    }
}
