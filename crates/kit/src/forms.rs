//! Form pages: reading a submitted form, and the view of its fields (labels,
//! kept values, messages beside each field, an error summary) that the shared
//! `fields` partial renders accessibly.

use palabre_domain::Locale;
use palabre_domain::account::FieldError;
use serde::Serialize;
use serde_json::{Value, json};

use crate::error::Error;
use crate::{form, i18n};

/// Largest form a feature reads (the gate already refuses more than 1 MiB).
const MAX_FORM: usize = 1024 * 1024;

/// Reads an urlencoded form body.
pub async fn read(
    body: spin_sdk::wasip3::http_compat::IncomingRequestBody,
) -> Result<Vec<(String, String)>, Error> {
    use http_body_util::BodyExt;
    let bytes = http_body_util::Limited::new(body, MAX_FORM)
        .collect()
        .await
        .map_err(|_| Error::BadRequest("unreadable form"))?
        .to_bytes();
    Ok(form::parse_urlencoded(&bytes))
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
struct Field {
    name: &'static str,
    kind: &'static str,
    label: String,
    value: String,
    autocomplete: &'static str,
    required: bool,
    hint: Option<String>,
    error: Option<String>,
    describedby: Option<String>,
    options: Option<Vec<Choice>>,
    checkbox: bool,
    checked: bool,
    textarea: bool,
}

#[derive(Serialize)]
struct Summary {
    name: &'static str,
    label: String,
    message: String,
}

/// The fields of one form, in display order.
pub struct FormView {
    locale: Locale,
    fields: Vec<Field>,
}

impl FormView {
    pub fn new(locale: Locale) -> FormView {
        FormView {
            locale,
            fields: Vec::new(),
        }
    }

    /// A text-like input. Passwords are never echoed back.
    pub fn input(
        mut self,
        name: &'static str,
        kind: &'static str,
        label_id: &str,
        value: &str,
        autocomplete: &'static str,
        error: Option<FieldError>,
    ) -> FormView {
        let value = if kind == "password" {
            String::new()
        } else {
            value.to_string()
        };
        self.fields.push(Field {
            name,
            kind,
            label: i18n::t(self.locale, label_id),
            value,
            autocomplete,
            required: true,
            hint: None,
            error: error.map(|e| i18n::t(self.locale, e.message_id())),
            describedby: None,
            options: None,
            checkbox: false,
            checked: false,
            textarea: kind == "textarea",
        });
        self
    }

    /// A checkbox that must be ticked (acceptance of the terms…).
    pub fn checkbox(
        mut self,
        name: &'static str,
        label_id: &str,
        checked: bool,
        error: Option<FieldError>,
    ) -> FormView {
        self.fields.push(Field {
            name,
            kind: "checkbox",
            label: i18n::t(self.locale, label_id),
            value: "yes".to_string(),
            autocomplete: "off",
            required: true,
            hint: None,
            error: error.map(|e| i18n::t(self.locale, e.message_id())),
            describedby: None,
            options: None,
            checkbox: true,
            checked,
            textarea: false,
        });
        self
    }

    /// A new password and its confirmation (never echoed), with the policy hint;
    /// `error` shows beside the first.
    pub fn new_password(self, label_id: &str, error: Option<FieldError>) -> FormView {
        self.input("password", "password", label_id, "", "new-password", error)
            .hint("password-hint")
            .input(
                "confirm",
                "password",
                "field-password-confirm",
                "",
                "new-password",
                None,
            )
    }

    /// A multi-line text.
    pub fn textarea(
        self,
        name: &'static str,
        label_id: &str,
        value: &str,
        error: Option<FieldError>,
    ) -> FormView {
        self.input(name, "textarea", label_id, value, "off", error)
    }

    /// Marks the last field as optional.
    pub fn optional(mut self) -> FormView {
        if let Some(field) = self.fields.last_mut() {
            field.required = false;
        }
        self
    }

    /// A hint under the last field's label.
    pub fn hint(mut self, hint_id: &str) -> FormView {
        if let Some(field) = self.fields.last_mut() {
            field.hint = Some(i18n::t(self.locale, hint_id));
        }
        self
    }

    /// A choice among (value, label) options.
    pub fn select(
        mut self,
        name: &'static str,
        label_id: &str,
        options: Vec<(String, String)>,
        selected: &str,
        error: Option<FieldError>,
    ) -> FormView {
        let options = options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value == selected,
                value,
                label,
            })
            .collect();
        self.fields.push(Field {
            name,
            kind: "select",
            label: i18n::t(self.locale, label_id),
            value: selected.to_string(),
            autocomplete: "off",
            required: true,
            hint: None,
            error: error.map(|e| i18n::t(self.locale, e.message_id())),
            describedby: None,
            options: Some(options),
            checkbox: false,
            checked: false,
            textarea: false,
        });
        self
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// `{"fields": [...], "errors": [...]}` for the `fields` partial.
    pub fn to_json(mut self) -> Value {
        for f in &mut self.fields {
            let mut ids = Vec::new();
            if f.hint.is_some() {
                ids.push(format!("f-{}-hint", f.name));
            }
            if f.error.is_some() {
                ids.push(format!("f-{}-error", f.name));
            }
            f.describedby = (!ids.is_empty()).then(|| ids.join(" "));
        }
        let errors: Vec<Summary> = self
            .fields
            .iter()
            .filter_map(|f| {
                f.error.as_ref().map(|message| Summary {
                    name: f.name,
                    label: f.label.clone(),
                    message: message.clone(),
                })
            })
            .collect();
        json!({ "fields": self.fields, "errors": errors })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_summarised_and_passwords_not_echoed() {
        let view = FormView::new(Locale::En)
            .input(
                "email",
                "email",
                "field-email",
                "a@b",
                "email",
                Some(FieldError::InvalidEmail),
            )
            .input(
                "password",
                "password",
                "field-password",
                "secret",
                "current-password",
                None,
            )
            .hint("password-hint");
        assert!(view.has_errors());
        let json = view.to_json();
        assert_eq!(json["fields"][0]["value"], "a@b");
        assert_eq!(json["fields"][0]["describedby"], "f-email-error");
        assert_eq!(json["fields"][1]["value"], "");
        assert_eq!(json["fields"][1]["describedby"], "f-password-hint");
        assert_eq!(json["errors"].as_array().map(Vec::len), Some(1));
        assert_eq!(json["errors"][0]["name"], "email");
    }
}
