//! Form pages: reading a submitted form, and the view of its fields (labels,
//! kept values, messages beside each field, an error summary) that the shared
//! `fields` partial renders accessibly.

use palabre_domain::Locale;
use palabre_domain::account::FieldError;
use serde::Serialize;
use std::borrow::Cow;

use crate::error::Error;
use crate::{form, i18n};

/// Largest form a feature reads: the gate refuses more (`MAX_BODY`), room
/// for a 2 MB image and the form's fields.
pub const MAX_FORM: usize = 3 * 1024 * 1024;

/// Most fields a form may send (the gate refuses more, 413): the longest
/// questionnaire part (30 questions, a matrix of 30 rows) stays well below, and
/// a body of a million empty fields cannot exhaust a component's memory.
pub const MAX_FIELDS: usize = 2_000;

async fn read_bytes(
    body: spin_sdk::wasip3::http_compat::IncomingRequestBody,
) -> Result<bytes::Bytes, Error> {
    use http_body_util::BodyExt;
    Ok(http_body_util::Limited::new(body, MAX_FORM)
        .collect()
        .await
        .map_err(|_| Error::BadRequest("unreadable form"))?
        .to_bytes())
}

/// The hidden field holding the version of what an edit form was opened on.
pub const VERSION_FIELD: &str = "_version";

/// The version of a record as an edit form shows it: a digest of its
/// editable values. Two people opening the same record get the same version;
/// a save made in between changes it (see [`Submission::stale`]).
pub fn version(values: &[&str]) -> String {
    let mut joined = String::new();
    for v in values {
        joined.push_str(v);
        joined.push('\u{1f}');
    }
    crate::tokens::hash_token(&joined)[..16].to_string()
}

/// Reads an urlencoded form body.
pub async fn read(
    body: spin_sdk::wasip3::http_compat::IncomingRequestBody,
) -> Result<Vec<(String, String)>, Error> {
    Ok(form::parse_urlencoded(&read_bytes(body).await?))
}

/// A file sent with a form (`<input type="file">`), empty when none was chosen.
#[derive(Debug, Clone)]
pub struct UploadedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A submitted form: its text fields and its files, from an urlencoded or a
/// `multipart/form-data` body.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    fields: Vec<(String, String)>,
    files: Vec<UploadedFile>,
}

impl Submission {
    pub async fn read(
        body: spin_sdk::wasip3::http_compat::IncomingRequestBody,
        content_type: &str,
    ) -> Result<Submission, Error> {
        let bytes = read_bytes(body).await?;
        Ok(Submission::parse(&bytes, content_type))
    }

    pub fn parse(bytes: &[u8], content_type: &str) -> Submission {
        let Some(boundary) = form::multipart_boundary(content_type) else {
            return Submission {
                fields: form::parse_urlencoded(bytes),
                files: Vec::new(),
            };
        };
        let mut submission = Submission::default();
        for part in form::multipart_parts(bytes, &boundary) {
            match part.filename {
                Some(_) => submission.files.push(UploadedFile {
                    name: part.name,
                    bytes: part.data.to_vec(),
                }),
                // Invalid UTF-8 reads as a replacement character, then fails validation.
                None => submission
                    .fields
                    .push((part.name, String::from_utf8_lossy(part.data).into_owned())),
            }
        }
        submission
    }

    /// The field's value ("" when absent).
    pub fn get(&self, name: &str) -> &str {
        form::field(&self.fields, name).unwrap_or_default()
    }

    /// Whether the form was opened on another version of the record than
    /// `current` (somebody saved it in between): saving would lose their
    /// change. A form without a version (an API client) is not checked.
    pub fn stale(&self, current: &str) -> bool {
        let seen = self.get(VERSION_FIELD);
        !seen.is_empty() && seen != current
    }

    /// Every text field, in the order sent.
    pub fn fields(&self) -> &[(String, String)] {
        &self.fields
    }

    /// Every value sent as `name` (checkboxes send several).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The file sent as `name`, if one was chosen.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|f| f.name == name && !f.bytes.is_empty())
            .map(|f| f.bytes.as_slice())
    }
}

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
    fields: Vec<Field>,
    scope: &'static str,
    version: Option<String>,
    conflict: bool,
}

impl FormView {
    pub fn new(locale: Locale) -> FormView {
        FormView {
            locale,
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
            name: name.into(),
            id: String::new(),
            accept: None,
            kind: kind.into(),
            label: i18n::t(self.locale, label_id),
            value,
            autocomplete: autocomplete.into(),
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
            name: name.into(),
            id: String::new(),
            accept: None,
            kind: "checkbox".into(),
            label: i18n::t(self.locale, label_id),
            value: "yes".to_string(),
            autocomplete: "off".into(),
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

    /// An image to upload (PNG, JPEG or WebP); the form must be multipart.
    pub fn image(self, name: &'static str, label_id: &str, error: Option<FieldError>) -> FormView {
        let mut view = self.input(name, "file", label_id, "", "off", error);
        if let Some(field) = view.fields.last_mut() {
            field.accept = Some("image/png,image/jpeg,image/webp".into());
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
            name: name.into(),
            id: String::new(),
            accept: None,
            kind: "select".into(),
            label: i18n::t(self.locale, label_id),
            value: selected.to_string(),
            autocomplete: "off".into(),
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

impl Form {
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

#[derive(Serialize, Clone, Debug, Default)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
struct Conflict {
    title: String,
    body: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Form {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap()
        }
    }

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
        let json = view.view().json();
        assert_eq!(json["fields"][0]["value"], "a@b");
        assert_eq!(json["fields"][0]["describedby"], "f-email-error");
        assert_eq!(json["fields"][1]["value"], "");
        assert_eq!(json["fields"][1]["describedby"], "f-password-hint");
        assert_eq!(json["errors"].as_array().map(Vec::len), Some(1));
        assert_eq!(json["errors"][0]["name"], "email");
        assert_eq!(json["errors"][0]["id"], "f-email");
    }

    #[test]
    fn a_form_opened_on_an_older_version_is_stale() {
        let v1 = version(&["Title", "Body"]);
        assert_eq!(v1, version(&["Title", "Body"]));
        assert_ne!(v1, version(&["Title", "Body changed"]));
        assert_ne!(version(&["ab", "c"]), version(&["a", "bc"]));
        let sent = |v: &str| {
            Submission::parse(
                format!("title=x&{VERSION_FIELD}={v}").as_bytes(),
                "application/x-www-form-urlencoded",
            )
        };
        assert!(!sent(&v1).stale(&v1));
        assert!(sent(&v1).stale(&version(&["Title", "Body changed"])));
        let unversioned = Submission::parse(b"title=x", "application/x-www-form-urlencoded");
        assert!(!unversioned.stale(&v1));
        let json = FormView::new(Locale::Fr)
            .input("title", "text", "field-email", "x", "off", None)
            .versioned(Some(v1.clone()), http::StatusCode::CONFLICT)
            .view()
            .json();
        assert_eq!(json["version"], v1.as_str());
        assert!(
            json["conflict"]["body"]
                .as_str()
                .is_some_and(|b| !b.is_empty())
        );
        assert!(FormView::new(Locale::Fr).view().json()["conflict"].is_null());
    }

    #[test]
    fn a_scoped_form_has_its_own_ids() {
        let json = FormView::new(Locale::En)
            .textarea("body", "comment-field-body", "", None)
            .hint("password-hint")
            .scoped("comment")
            .view()
            .json();
        assert_eq!(json["fields"][0]["id"], "comment-body");
        assert_eq!(json["fields"][0]["describedby"], "comment-body-hint");
    }
}
