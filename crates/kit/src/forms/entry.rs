//! What a person typed into a form, kept by field name, with the message each
//! field earned when it was checked: the one accumulator every form uses.
//!
//! A handler fills an [`Entry`] from the submission (or from the stored
//! record, to edit it), checks each field with the domain's rules
//! ([`Entry::check`]), and either saves what the checks returned or draws the
//! same entry again with [`super::FormView::of`]: values kept, each message
//! beside its field. A field's name is written once per use, never in a
//! second struct of values or of errors.

use palabre_domain::account::{self, FieldError};
use palabre_domain::process::{Span, SpanError};

use super::Submission;

/// The value a ticked checkbox sends (the `fields` partial's `value`).
pub const TICKED: &str = "yes";

/// A form as it was filled in, and what its checks found.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    values: Vec<(&'static str, String)>,
    errors: Vec<(&'static str, FieldError)>,
}

impl Entry {
    pub fn new() -> Entry {
        Entry::default()
    }

    /// The fields `names` as `form` sent them ("" for an absent one).
    pub fn read(form: &Submission, names: &[&'static str]) -> Entry {
        Entry {
            values: names
                .iter()
                .map(|&name| (name, form.get(name).to_string()))
                .collect(),
            errors: Vec::new(),
        }
    }

    /// Sets `name`'s value (a stored record's, a default), builder style.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Entry {
        self.set(name, value);
        self
    }

    /// Sets `name`'s value.
    pub fn set(&mut self, name: &'static str, value: impl Into<String>) {
        let value = value.into();
        match self.values.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => *v = value,
            None => self.values.push((name, value)),
        }
    }

    /// A checkbox's state, builder style.
    pub fn ticked_if(mut self, name: &'static str, ticked: bool) -> Entry {
        self.tick(name, ticked);
        self
    }

    /// Sets a checkbox's state.
    pub fn tick(&mut self, name: &'static str, ticked: bool) {
        self.set(name, if ticked { TICKED } else { "" });
    }

    /// `name`'s value ("" when it was not filled).
    pub fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }

    /// Whether the checkbox `name` is ticked.
    pub fn ticked(&self, name: &str) -> bool {
        self.get(name) == TICKED
    }

    /// Checks `name`'s value with `rule`: what the rule returns, or `None`
    /// with its message kept beside the field.
    pub fn check<T>(
        &mut self,
        name: &'static str,
        rule: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<T> {
        match rule(self.get(name)) {
            Ok(value) => Some(value),
            Err(error) => {
                self.refuse(name, error);
                None
            }
        }
    }

    /// Like [`Entry::check`], for a field that may be left empty: an empty
    /// (or blank) value is `Some(None)` without asking the rule.
    pub fn check_optional<T>(
        &mut self,
        name: &'static str,
        rule: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<Option<T>> {
        if self.get(name).trim().is_empty() {
            return Some(None);
        }
        self.check(name, rule).map(Some)
    }

    /// An optional choice among `(id, name)` rows (a category, a
    /// district): `Some(None)` when none was chosen, `None` (refused) when the
    /// value is not one of them.
    pub fn choice(&mut self, name: &'static str, rows: &[(i64, String)]) -> Option<Option<i64>> {
        self.check_optional(name, |v| {
            v.trim()
                .parse::<i64>()
                .ok()
                .filter(|id| rows.iter().any(|(row, _)| row == id))
                .ok_or(FieldError::InvalidChoice)
        })
    }

    /// Checks a new password and its confirmation (the fields
    /// [`super::FormView::new_password`] draws); the message goes beside the
    /// first.
    pub fn new_password(&mut self) -> Option<String> {
        let confirm = self.get("confirm").to_string();
        self.check("password", |v| {
            account::new_password(v, &confirm).map(str::to_string)
        })
    }

    /// Checks two date fields as a span (a start, an end not before it);
    /// each message goes beside the date it is about.
    pub fn span(&mut self, starts: &'static str, ends: &'static str) -> Option<Span> {
        match Span::parse(self.get(starts), self.get(ends)) {
            Ok(span) => Some(span),
            Err(SpanError::Start(e)) => {
                self.refuse(starts, e);
                None
            }
            Err(SpanError::End(e)) => {
                self.refuse(ends, e);
                None
            }
        }
    }

    /// Refuses `name` with `error`, unless the field already has a message
    /// (a field shows its first problem).
    pub fn refuse(&mut self, name: &'static str, error: FieldError) {
        if self.error(name).is_none() {
            self.errors.push((name, error));
        }
    }

    /// The message `name` earned, if any.
    pub fn error(&self, name: &str) -> Option<FieldError> {
        self.errors
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, e)| *e)
    }

    /// Whether every field passed its checks.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The fields that were refused, in the order they were checked.
    pub fn refused(&self) -> impl Iterator<Item = (&'static str, FieldError)> + '_ {
        self.errors.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palabre_domain::account::line;

    fn sent(body: &str) -> Submission {
        Submission::parse(body.as_bytes(), "application/x-www-form-urlencoded")
    }

    #[test]
    fn checks_keep_each_message_beside_its_field() {
        let mut entry = Entry::read(&sent("title=&body=Hello&extra=x"), &["title", "body"]);
        assert_eq!(entry.get("extra"), "", "only the named fields are read");
        let title = entry.check("title", |v| line(v, 10));
        let body = entry.check("body", |v| line(v, 3));
        assert_eq!((title, body), (None, None));
        assert_eq!(entry.error("title"), Some(FieldError::Required));
        assert_eq!(entry.error("body"), Some(FieldError::TooLong));
        assert_eq!(entry.get("body"), "Hello", "what was typed is kept");
        assert!(!entry.is_valid());
        entry.refuse("body", FieldError::Duplicate);
        assert_eq!(
            entry.error("body"),
            Some(FieldError::TooLong),
            "the first message stays"
        );
        assert_eq!(entry.refused().count(), 2);
    }

    #[test]
    fn a_valid_entry_returns_what_the_rules_made() {
        let mut entry = Entry::read(&sent("name=+Ada+&ok=yes"), &["name", "ok", "note"]);
        assert_eq!(entry.check("name", |v| line(v, 10)), Some("Ada".into()));
        assert_eq!(entry.check_optional("note", |v| line(v, 1)), Some(None));
        assert!(entry.ticked("ok"));
        assert!(!entry.ticked("name"));
        assert!(entry.is_valid());
        let rows = [(3, "Nord".to_string())];
        let mut chosen = Entry::new().with("a", "3").with("b", "4").with("c", " ");
        assert_eq!(chosen.choice("a", &rows), Some(Some(3)));
        assert_eq!(chosen.choice("b", &rows), None);
        assert_eq!(chosen.choice("c", &rows), Some(None));
        assert_eq!(chosen.error("b"), Some(FieldError::InvalidChoice));
        let mut dates = Entry::new()
            .with("starts", "2026-03-01")
            .with("ends", "2026-02-01");
        assert_eq!(dates.span("starts", "ends"), None);
        assert_eq!(dates.error("ends"), Some(FieldError::EndBeforeStart));
        assert_eq!(dates.error("starts"), None);
        let mut dates = dates.with("ends", "2026-03-31").with("starts", "");
        assert_eq!(dates.span("starts", "ends"), None);
        assert_eq!(dates.error("starts"), Some(FieldError::InvalidDate));
        let edited = Entry::new()
            .with("name", "Ada")
            .ticked_if("ok", false)
            .with("name", "Grace");
        assert_eq!(edited.get("name"), "Grace");
        assert!(!edited.ticked("ok"));
    }
}
