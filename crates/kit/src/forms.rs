//! Forms: reading a submitted form ([`Submission`]), keeping what was typed
//! and what its checks found ([`Entry`]), and drawing its fields
//! ([`FormView`]).

mod entry;
mod view;

pub use entry::{Entry, TICKED};
pub use view::{Form, FormView};

use crate::error::Error;
use crate::form;

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

/// The fields of a refused form worth sending again (`Error::TooMany`): not
/// the form's keys (the page carries fresh ones), nor a password or a
/// one-time code, which are never written into a page.
pub fn resendable(fields: &[(String, String)]) -> Vec<(String, String)> {
    const NEVER: [&str; 6] = [
        "password",
        "confirm",
        "current_password",
        "new_password",
        "code",
        "token",
    ];
    fields
        .iter()
        .filter(|(name, _)| !name.starts_with('_') && !NEVER.contains(&name.as_str()))
        .cloned()
        .collect()
}

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

#[cfg(test)]
mod tests;
