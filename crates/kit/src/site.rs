//! The commune's identity and branding, from the shared `settings` table.

use palabre_domain::home::{Block, blocks_from_setting};
use palabre_domain::{Color, Locale, Zone};

use crate::db::{self, Connection, DbResult};

/// The settings, and the content revision (one query for both).
const SELECT_SETTINGS: &str = "SELECT key, value FROM settings \
     UNION ALL SELECT 'content.revision', n FROM content_revision";

/// The pre-moderation list as typed (one word or phrase a line), cleaned:
/// trimmed, lower case, no empty lines, no duplicates.
pub fn held_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for line in text.lines() {
        let word = line.trim().to_lowercase();
        if !word.is_empty() && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// The first held word `text` contains (case-insensitive, whole words).
pub fn held_word<'a>(words: &'a [String], text: &str) -> Option<&'a str> {
    let text = text.to_lowercase();
    words.iter().map(String::as_str).find(|word| {
        text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// The setting that holds the commune's time zone (an IANA name of `Zone::ALL`).
pub const ZONE: &str = "commune.time_zone";
/// The setting that holds the commune's postal codes (`41000,41350`).
pub const POSTAL_CODES: &str = "identity.postal_codes";
/// The setting that holds the town hall's postal address, printed as the
/// sender of the letter codes (empty: letters are not offered).
pub const LETTER_SENDER: &str = "identity.letter_sender";

/// The zone of a commune that has not chosen one, from its language.
pub fn default_zone(locale: Locale) -> Zone {
    match locale {
        Locale::Fr => Zone::Paris,
        Locale::En => Zone::London,
        Locale::De => Zone::Berlin,
    }
}

/// Open reports that hide a comment pending review, unless the commune says otherwise.
pub const DEFAULT_REPORT_THRESHOLD: i64 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Empty until the commune is set up.
    pub name: String,
    pub tagline: String,
    pub default_locale: Locale,
    /// Where the commune's clocks are (`commune.time_zone`): dates and times
    /// are shown in it, and phases open and close at its midnight.
    pub zone: Zone,
    pub primary: Color,
    pub secondary: Color,
    pub logo_url: String,
    /// The site's icon and its type.
    pub favicon_url: String,
    pub favicon_type: String,
    pub intro: String,
    /// The home page's blocks, in order (`home.blocks`).
    pub home_blocks: Vec<Block>,
    /// Bumped by every change to what public pages show (`content_revision`).
    pub revision: i64,
    /// Open reports that hide a comment pending review (`moderation.report_threshold`).
    pub report_threshold: i64,
    /// Words that hold a comment for review (`moderation.keywords`, one a line), lower case.
    pub held_words: Vec<String>,
    /// The commune's postal codes: a resident signed in with FranceConnect
    /// who declares an address under one of them is verified (`identity`).
    pub postal_codes: Vec<String>,
    /// The town hall's address on the letter codes, one line each (`LETTER_SENDER`).
    pub letter_sender: String,
    /// Days the audit log is kept (`retention.audit_days`).
    pub audit_days: i64,
}

impl Default for Site {
    fn default() -> Self {
        Site {
            name: String::from("Palabre"),
            tagline: String::new(),
            default_locale: Locale::Fr,
            zone: Zone::Paris,
            primary: Color {
                r: 0x1d,
                g: 0x4e,
                b: 0x89,
            },
            secondary: Color {
                r: 0x8a,
                g: 0x3b,
                b: 0x12,
            },
            logo_url: crate::assets::url("logo.svg"),
            favicon_url: crate::assets::url("favicon.svg"),
            favicon_type: "image/svg+xml".to_string(),
            intro: String::new(),
            home_blocks: Block::ALL.to_vec(),
            revision: 0,
            report_threshold: DEFAULT_REPORT_THRESHOLD,
            held_words: Vec::new(),
            postal_codes: Vec::new(),
            letter_sender: String::new(),
            audit_days: crate::retention::audit_days(None),
        }
    }
}

impl Site {
    /// Whether residents may ask for a letter code: the town hall's address
    /// to print as sender, and postal codes to send to.
    pub fn offers_letters(&self) -> bool {
        !self.letter_sender.trim().is_empty() && !self.postal_codes.is_empty()
    }

    /// Builds the site from (key, value) pairs; unknown keys are ignored and
    /// invalid values fall back to defaults (they are validated when written).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Site {
        let mut site = Site::default();
        let mut zone = None;
        for (key, value) in pairs {
            match key {
                "commune.name" if !value.trim().is_empty() => site.name = value.to_string(),
                "commune.tagline" => site.tagline = value.to_string(),
                ZONE => zone = value.parse().ok(),
                "commune.default_locale" => {
                    if let Ok(l) = value.parse() {
                        site.default_locale = l;
                    }
                }
                "brand.primary" => {
                    if let Ok(c) = value.parse() {
                        site.primary = c;
                    }
                }
                "brand.secondary" => {
                    if let Ok(c) = value.parse() {
                        site.secondary = c;
                    }
                }
                "brand.logo" if value.starts_with('/') && !value.starts_with("//") => {
                    site.logo_url = value.to_string()
                }
                "brand.favicon" if value.starts_with("/images/") => {
                    site.favicon_url = value.to_string()
                }
                "brand.favicon_type" if crate::images::Kind::from_content_type(value).is_some() => {
                    site.favicon_type = value.to_string()
                }
                "home.intro" => site.intro = value.to_string(),
                "home.blocks" => site.home_blocks = blocks_from_setting(Some(value)),
                "content.revision" => site.revision = value.parse().unwrap_or(0),
                "moderation.keywords" => site.held_words = held_words(value),
                POSTAL_CODES => {
                    site.postal_codes =
                        palabre_domain::verification::postal_codes(value).unwrap_or_default()
                }
                LETTER_SENDER => site.letter_sender = value.to_string(),
                crate::retention::AUDIT_DAYS => {
                    site.audit_days = crate::retention::audit_days(Some(value))
                }
                "moderation.report_threshold" => {
                    if let Ok(n) = value.parse::<i64>()
                        && palabre_domain::content::REPORT_THRESHOLDS.contains(&n)
                    {
                        site.report_threshold = n;
                    }
                }
                _ => {}
            }
        }
        site.zone = zone.unwrap_or_else(|| default_zone(site.default_locale));
        site
    }

    /// Writes one setting (the one way every component changes the site).
    pub async fn set(conn: &Connection, key: &str, value: &str) -> DbResult<()> {
        db::exec(
            conn,
            "INSERT INTO settings (key, value) VALUES (?, ?) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            vec![crate::db::Value::text(key), crate::db::Value::text(value)],
        )
        .await
    }

    pub async fn load(conn: &Connection) -> DbResult<Site> {
        let rows = db::query(conn, SELECT_SETTINGS, Vec::new()).await?;
        let pairs: Vec<(String, String)> = rows
            .iter()
            .map(|r| {
                // The revision comes back as a number.
                let value = match db::opt_text(r, 1) {
                    Some(text) => text,
                    None => db::int(r, 1).to_string(),
                };
                (db::text(r, 0), value)
            })
            .collect();
        Ok(Site::from_pairs(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        ))
    }

    /// The brand stylesheet: CSS custom properties from the commune's colours.
    pub fn brand_css(&self) -> String {
        format!(
            ":root {{ --brand-primary: {}; --brand-secondary: {}; }}\n",
            self.primary, self.secondary
        )
    }

    /// Versioned by its content, so it can be cached as immutable.
    pub fn brand_css_url(&self) -> String {
        format!("/brand.css?v={}", self.brand_version())
    }

    pub fn brand_version(&self) -> String {
        format!(
            "{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
            self.primary.r,
            self.primary.g,
            self.primary.b,
            self.secondary.r,
            self.secondary.g,
            self.secondary.b
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn held_words_match_whole_words_in_any_case() {
        let words = super::held_words("  Arnaque \n\nARNAQUE\nmot de passe\n");
        assert_eq!(words, vec!["arnaque", "mot de passe"]);
        assert_eq!(super::held_word(&words, "Une ARNAQUE !"), Some("arnaque"));
        assert_eq!(
            super::held_word(&words, "Donnez votre mot de passe"),
            Some("mot de passe")
        );
        assert_eq!(super::held_word(&words, "arnaques"), None);
        assert_eq!(super::held_word(&words, "rien"), None);
    }

    use super::*;

    #[test]
    fn reads_settings_with_fallbacks() {
        let site = Site::from_pairs([
            ("commune.name", "Valbrune"),
            ("commune.default_locale", "de"),
            ("brand.primary", "#123456"),
            ("brand.secondary", "not a colour"),
            ("brand.logo", "//evil.example/x.png"),
            ("other", "ignored"),
        ]);
        assert_eq!(site.name, "Valbrune");
        assert_eq!(site.default_locale, Locale::De);
        assert_eq!(site.primary.to_string(), "#123456");
        assert_eq!(site.secondary, Site::default().secondary);
        assert_eq!(site.logo_url, Site::default().logo_url);
        assert!(site.brand_css().contains("--brand-primary: #123456"));
        assert!(site.brand_css_url().starts_with("/brand.css?v=123456"));
    }

    #[test]
    fn default_brand_colours_pass_aa_on_white() {
        let site = Site::default();
        for c in [site.primary, site.secondary] {
            assert!(c.contrast(Color::WHITE) >= palabre_domain::color::AA_NORMAL_TEXT);
        }
    }
}
