//! Brand colours: `#rrggbb` only, with the WCAG 2.1 contrast ratio so that a
//! commune cannot pick colours its citizens cannot read.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a colour of the form #rrggbb: {0:?}")]
pub struct BadColor(pub String);

/// WCAG 2.1 AA minimum for normal text.
pub const AA_NORMAL_TEXT: f64 = 4.5;

impl Color {
    pub const WHITE: Color = Color {
        r: 255,
        g: 255,
        b: 255,
    };

    /// Relative luminance (WCAG 2.1, sRGB).
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// Contrast ratio between two colours, from 1.0 to 21.0.
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

impl FromStr for Color {
    type Err = BadColor;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadColor(s.to_string());
        let hex = s.trim().strip_prefix('#').ok_or_else(bad)?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        Ok(Color {
            r: byte(0)?,
            g: byte(2)?,
            b: byte(4)?,
        })
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let c: Color = "#1A5F7a".parse().unwrap();
        assert_eq!(c.to_string(), "#1a5f7a");
        for bad in ["1a5f7a", "#1a5f7", "#1a5f7g", "#fff", "", "#1a5f7a0", "red"] {
            assert!(bad.parse::<Color>().is_err(), "{bad}");
        }
    }

    #[test]
    fn contrast_ratios_match_wcag() {
        let black: Color = "#000000".parse().unwrap();
        assert!((black.contrast(Color::WHITE) - 21.0).abs() < 1e-9);
        assert!((Color::WHITE.contrast(Color::WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes AA on white (4.54:1).
        let grey: Color = "#767676".parse().unwrap();
        assert!(grey.contrast(Color::WHITE) >= AA_NORMAL_TEXT);
        let light: Color = "#777777".parse().unwrap();
        assert!(light.contrast(Color::WHITE) < AA_NORMAL_TEXT);
    }
}
