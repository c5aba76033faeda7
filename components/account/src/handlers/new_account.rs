//! The fields every new account has (public name, email, password and its
//! confirmation), read, checked and shown the same way by `/setup` and sign-up.

use palabre_domain::account::{self, Email};
use palabre_kit::forms::{Entry, FormView};

/// The fields' names.
pub const FIELDS: [&str; 4] = ["name", "email", "password", "confirm"];

/// The checked values.
pub struct Valid {
    pub name: String,
    pub email: Email,
    pub password: String,
}

/// The checked values, or `None` with every problem kept in `entry`.
pub fn check(entry: &mut Entry) -> Option<Valid> {
    let name = entry.check("name", account::display_name);
    let email = entry.check("email", Email::parse);
    let password = entry.new_password();
    Some(Valid {
        name: name?,
        email: email?,
        password: password?,
    })
}

/// Appends the fields to a form.
pub fn fields(form: FormView, name_autocomplete: &'static str) -> FormView {
    form.input("name", "text", "field-display-name", name_autocomplete)
        .input("email", "email", "field-email", "email")
        .new_password("field-password")
}
