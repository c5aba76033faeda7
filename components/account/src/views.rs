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

    /// `notice.hbs`: a message and nothing else (a link sent, a link used).
    pub struct Notice {
        pub heading: String,
        pub message: String,
    }

    /// `login.hbs`.
    pub struct Login {
        pub form: Form,
        pub failed: Option<String>,
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

#[cfg(test)]
mod tests {
    use palabre_kit::render::{Case, check_views};

    #[test]
    fn every_template_renders_with_its_view() {
        check_views(
            crate::TEMPLATES,
            &[
                Case::of::<super::Account>("account"),
                Case::of::<super::Notice>("notice"),
                Case::of::<super::Login>("login"),
                Case::of::<super::FormOnly>("signup"),
                Case::of::<super::FormOnly>("setup"),
                Case::of::<super::TwoFactor>("two_factor"),
                Case::of::<super::Recovery>("recovery"),
            ],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
}
