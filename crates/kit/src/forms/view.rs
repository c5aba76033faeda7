//! The view of a form's fields (labels, kept values, messages beside each
//! field, an error summary) that the shared `fields` partial renders
//! accessibly, drawn from an [`Entry`].

use palabre_domain::Locale;
use serde::Serialize;
use std::borrow::Cow;

use super::VERSION_FIELD;
use super::entry::{Entry, TICKED};
use crate::i18n;

#[derive(Serialize, Clone, Debug, Default)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Serialize, Clone, Debug, Default)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
struct Field {
    name: Cow<'static, str>,
    /// The element's id (`f-<name>`, or `<scope>-<name>` in a scoped form).
    id: String,
    /// File inputs: the types offered in the picker.
    accept: Option<Cow<'static, str>>,
    kind: Cow<'static, str>,
    label: String,
    value: String,
    autocomplete: Cow<'static, str>,
    required: bool,
    hint: Option<String>,
    error: Option<String>,
    describedby: Option<String>,
    options: Option<Vec<Choice>>,
    checkbox: bool,
    checked: bool,
    textarea: bool,
}

#[derive(Serialize, Clone, Debug, Default)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
struct Summary {
    name: Cow<'static, str>,
    id: String,
    label: String,
    message: String,
}

/// The fields of one form, in display order.
pub struct FormView {
    locale: Locale,
    entry: Entry,
    fields: Vec<Field>,
    scope: &'static str,
    version: Option<String>,
    conflict: bool,
}

impl FormView {
    /// The form over `entry`: each field shows the value kept under its name
    /// and the message it earned.
    pub fn of(locale: Locale, entry: &Entry) -> FormView {
        FormView {
            locale,
            entry: entry.clone(),
            fields: Vec::new(),
            scope: "f",
            version: None,
            conflict: false,
        }
    }

    /// Element ids `<scope>-<name>` instead of `f-<name>`: for a page with
    /// more than one form, where two fields share a name (ids must be
    /// unique, or a label names the wrong field).
    pub fn scoped(mut self, scope: &'static str) -> FormView {
        self.scope = scope;
        self
    }

    /// An edit form: carries the version of the record it shows
    /// ([`version`]; none for a new record), checked when it is saved. When
    /// the save it answers was refused as stale (409), it says the record
    /// changed since the form was opened, above fields that keep what this
    /// person typed; the form then carries the new version, so saving again
    /// is a deliberate choice.
    pub fn versioned(mut self, version: Option<String>, status: http::StatusCode) -> FormView {
        self.version = version;
        self.conflict = status == http::StatusCode::CONFLICT;
        self
    }

    fn message(&self, name: &str) -> Option<String> {
        self.entry
            .error(name)
            .map(|e| i18n::t(self.locale, e.message_id()))
    }

    /// A text-like input. Passwords are never echoed back.
    pub fn input(
        mut self,
        name: &'static str,
        kind: &'static str,
        label_id: &str,
        autocomplete: &'static str,
    ) -> FormView {
        let value = if kind == "password" {
            String::new()
        } else {
            self.entry.get(name).to_string()
        };
        let error = self.message(name);
        self.fields.push(Field {
            name: name.into(),
            id: String::new(),
            accept: None,
            kind: kind.into(),
            label: i18n::t(self.locale, label_id),
            value,
            autocomplete: autocomplete.into(),
            required: true,
            hint: None,
            error,
            describedby: None,
            options: None,
            checkbox: false,
            checked: false,
            textarea: kind == "textarea",
        });
        self
    }

    /// A checkbox that must be ticked (acceptance of the terms…).
    pub fn checkbox(mut self, name: &'static str, label_id: &str) -> FormView {
        let checked = self.entry.ticked(name);
        let error = self.message(name);
        self.fields.push(Field {
            name: name.into(),
            id: String::new(),
            accept: None,
            kind: "checkbox".into(),
            label: i18n::t(self.locale, label_id),
            value: TICKED.to_string(),
            autocomplete: "off".into(),
            required: true,
            hint: None,
            error,
            describedby: None,
            options: None,
            checkbox: true,
            checked,
            textarea: false,
        });
        self
    }

    /// A new password (`password`) and its confirmation (`confirm`), never
    /// echoed, with the policy hint.
    pub fn new_password(self, label_id: &str) -> FormView {
        self.input("password", "password", label_id, "new-password")
            .hint("password-hint")
            .input(
                "confirm",
                "password",
                "field-password-confirm",
                "new-password",
            )
    }

    /// A multi-line text.
    pub fn textarea(self, name: &'static str, label_id: &str) -> FormView {
        self.input(name, "textarea", label_id, "off")
    }

    /// An image to upload (PNG, JPEG or WebP); the form must be multipart.
    pub fn image(self, name: &'static str, label_id: &str) -> FormView {
        self.file(name, label_id, "image/png,image/jpeg,image/webp")
    }

    /// A file input taking the types `accept` lists (the form is then sent
    /// as multipart).
    pub fn file(self, name: &'static str, label_id: &str, accept: &'static str) -> FormView {
        let mut view = self.input(name, "file", label_id, "off");
        if let Some(field) = view.fields.last_mut() {
            field.accept = Some(accept.into());
        }
        view
    }

    /// Is there a file input (the form must then be sent as multipart)?
    pub fn has_file(&self) -> bool {
        self.fields.iter().any(|f| f.kind == "file")
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

    /// A choice among (value, label) options; the entry's value is selected.
    pub fn select(
        mut self,
        name: &'static str,
        label_id: &str,
        options: Vec<(String, String)>,
    ) -> FormView {
        let selected = self.entry.get(name).to_string();
        let error = self.message(name);
        let options = options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value == *selected,
                value,
                label,
            })
            .collect();
        self.fields.push(Field {
            name: name.into(),
            id: String::new(),
            accept: None,
            kind: "select".into(),
            label: i18n::t(self.locale, label_id),
            value: selected,
            autocomplete: "off".into(),
            required: true,
            hint: None,
            error,
            describedby: None,
            options: Some(options),
            checkbox: false,
            checked: false,
            textarea: false,
        });
        self
    }

    /// The view the `fields` partial draws.
    pub fn view(mut self) -> Form {
        for f in &mut self.fields {
            f.id = format!("{}-{}", self.scope, f.name);
            let mut ids = Vec::new();
            if f.hint.is_some() {
                ids.push(format!("{}-hint", f.id));
            }
            if f.error.is_some() {
                ids.push(format!("{}-error", f.id));
            }
            f.describedby = (!ids.is_empty()).then(|| ids.join(" "));
        }
        let errors: Vec<Summary> = self
            .fields
            .iter()
            .filter_map(|f| {
                f.error.as_ref().map(|message| Summary {
                    name: f.name.clone(),
                    id: f.id.clone(),
                    label: f.label.clone(),
                    message: message.clone(),
                })
            })
            .collect();
        let multipart = self.has_file();
        let conflict = self.conflict.then(|| Conflict {
            title: i18n::t(self.locale, "form-conflict-title"),
            body: i18n::t(self.locale, "form-conflict-body"),
        });
        Form {
            fields: self.fields,
            errors,
            multipart,
            version: self.version,
            version_field: VERSION_FIELD.into(),
            conflict,
        }
    }
}

/// A form's fields as the `fields` partial draws them: labels, kept
/// values, messages beside each field, the error summary.
#[derive(Serialize, Clone, Debug, Default)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Form {
    fields: Vec<Field>,
    errors: Vec<Summary>,
    multipart: bool,
    version: Option<String>,
    version_field: Cow<'static, str>,
    conflict: Option<Conflict>,
}

#[derive(Serialize, Clone, Debug, Default)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
struct Conflict {
    title: String,
    body: String,
}
