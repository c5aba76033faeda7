//! The fields every new account has (public name, email, password and its
//! confirmation), read, checked and shown the same way by `/setup` and sign-up.

use palabre_domain::account::{self, Email, FieldError};
use palabre_kit::form;
use palabre_kit::forms::FormView;

#[derive(Default)]
pub struct Input {
    pub name: String,
    pub email: String,
    pub password: String,
    pub confirm: String,
}

#[derive(Default)]
pub struct Errors {
    pub name: Option<FieldError>,
    pub email: Option<FieldError>,
    pub password: Option<FieldError>,
}

/// The checked values.
pub struct Valid<'a> {
    pub name: String,
    pub email: Email,
    pub password: &'a str,
}

impl Input {
    pub fn read(pairs: &[(String, String)]) -> Input {
        let get = |name: &str| form::field(pairs, name).unwrap_or_default().to_string();
        Input {
            name: get("name"),
            email: get("email"),
            password: get("password"),
            confirm: get("confirm"),
        }
    }

    /// The checked values, or `None` with every problem in `errors`.
    pub fn check(&self, errors: &mut Errors) -> Option<Valid<'_>> {
        let name = account::display_name(&self.name)
            .map_err(|e| errors.name = Some(e))
            .ok();
        let email = Email::parse(&self.email)
            .map_err(|e| errors.email = Some(e))
            .ok();
        let password = account::new_password(&self.password, &self.confirm)
            .map_err(|e| errors.password = Some(e))
            .ok();
        Some(Valid {
            name: name?,
            email: email?,
            password: password?,
        })
    }

    /// Appends the fields to a form.
    pub fn fields(
        &self,
        form: FormView,
        errors: &Errors,
        name_autocomplete: &'static str,
    ) -> FormView {
        form.input(
            "name",
            "text",
            "field-display-name",
            &self.name,
            name_autocomplete,
            errors.name,
        )
        .input(
            "email",
            "email",
            "field-email",
            &self.email,
            "email",
            errors.email,
        )
        .new_password("field-password", errors.password)
    }
}
