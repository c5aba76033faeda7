//! What the account pages show: one struct a template (the forms use kit's
//! `FormPage`).

use palabre_kit::forms::Form;
use palabre_kit::view::Link;

palabre_kit::views! {
    /// `account.hbs`: where a person manages their account.
    pub struct Account {
        pub intro: String,
        pub links: Vec<Link>,
    }

    /// `data.hbs`: "my data", in words, with the file for machines.
    pub struct MyData {
        pub intro: String,
        pub summary: String,
        pub json: String,
        pub sections: Vec<palabre_kit::privacy::Section>,
    }

    /// `notice.hbs`: a message and nothing else (a link sent, a link used).
    pub struct Notice {
        pub heading: String,
        pub message: String,
        /// Where to go on (a failed sign-in: back to the sign-in page).
        pub next: Option<Link>,
    }

    /// `login.hbs`.
    pub struct Login {
        pub form: Form,
        pub failed: Option<String>,
        /// The commune's OpenID providers (FranceConnect first).
        pub providers: Vec<ProviderButton>,
    }

    /// A "sign in with …" form (a POST, so that no other site starts one).
    pub struct ProviderButton {
        pub action: String,
        pub label: String,
        /// Drawn as FranceConnect's own button asks.
        pub franceconnect: bool,
    }

    /// `verification.hbs`: where a person stands as a resident.
    pub struct Verification {
        /// How and when they were verified, if they are.
        pub verified: Option<String>,
        /// The address to declare (signed in with FranceConnect).
        pub form: Option<Form>,
        /// FranceConnect is offered but not yet linked: its button.
        pub sign_in_first: Option<ProviderButton>,
        /// The details to match against the census list, when it has rows.
        pub census: Option<Form>,
        /// A code by post, when the commune sends letters.
        pub letter: Option<Letter>,
        pub desk: String,
    }

    /// The letter code's part of `verification.hbs`.
    pub struct Letter {
        /// Where the letter asked for stands.
        pub status: Option<String>,
        /// The form to ask for one (none asked yet).
        pub ask: Option<Form>,
        /// The field for its code (printed and sent).
        pub code: Option<Form>,
    }

    /// `identities.hbs`: the ways a person signs in.
    pub struct Identities {
        pub intro: String,
        pub rows: Vec<IdentityRow>,
        pub add: Vec<ProviderButton>,
    }

    pub struct IdentityRow {
        pub provider: String,
        pub since: String,
        pub last_used: String,
    }

    /// `claim.hbs`: a desk account taken online.
    pub struct Claim {
        pub intro: String,
        pub form: Form,
    }

    /// `signup.hbs` and `setup.hbs`: a form alone.
    pub struct FormOnly {
        pub form: Form,
    }

    /// `two_factor.hbs`: a code to type, and at enrolment the secret with
    /// its QR code (an SVG drawn by `kit::totp`).
    pub struct TwoFactor {
        pub intro: String,
        pub action: String,
        pub token: Option<String>,
        pub qr: Option<String>,
        pub secret: Option<String>,
        pub form: Form,
        pub submit: String,
    }

    /// `recovery.hbs`: the recovery codes, shown once.
    pub struct Recovery {
        pub intro: String,
        pub codes: Vec<String>,
    }
}

palabre_kit::template_test!(crate::TEMPLATES, {
    "account" => Account,
    "data" => MyData,
    "notice" => Notice,
    "login" => Login,
    "identities" => Identities,
    "claim" => Claim,
    "verification" => Verification,
    "provider_button" => ProviderButton,
    "signup" => FormOnly,
    "setup" => FormOnly,
    "two_factor" => TwoFactor,
    "recovery" => Recovery,
});
