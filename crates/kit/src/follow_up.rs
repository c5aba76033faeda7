//! The follow-up of what the commune carries out (an accepted proposal, a
//! winning budget project): dated milestones with how far it has come, shown
//! as a timeline (`follow_up.hbs`), and the staff's form for the next one.
//! Each feature keeps its milestones in its own table; the rule of a
//! milestone is `palabre_domain::proposal::milestone`.

use palabre_domain::Locale;
use serde::Serialize;

use crate::db::{self, Connection, DbResult, Value};
use crate::forms::{Entry, Form, FormView};
use crate::i18n;
use crate::view;

/// Where a feature keeps its milestones: a table with `on_date`, `percent`,
/// `body`, `user_id`, `created_at` and the column naming what they follow.
#[derive(Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub owner: &'static str,
}

/// A stored milestone.
pub struct Milestone {
    pub on_date: String,
    pub percent: i64,
    pub body: String,
}

impl Milestone {
    /// As the open-data API gives it.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "date": self.on_date, "percent": self.percent, "body": self.body })
    }
}

/// The milestones of `id`, in date order.
pub async fn milestones(conn: &Connection, table: Table, id: i64) -> DbResult<Vec<Milestone>> {
    Ok(db::query(
        conn,
        &format!(
            "SELECT on_date, percent, body FROM {} WHERE {} = ? ORDER BY on_date, id",
            table.name, table.owner
        ),
        vec![Value::Integer(id)],
    )
    .await?
    .iter()
    .map(|r| Milestone {
        on_date: db::text(r, 0),
        percent: db::int(r, 1),
        body: db::text(r, 2),
    })
    .collect())
}

/// Adds a checked milestone to `id`, written by `user_id`.
pub async fn add(
    conn: &Connection,
    table: Table,
    id: i64,
    m: &palabre_domain::proposal::Milestone,
    user_id: i64,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        &format!(
            "INSERT INTO {} ({}, on_date, percent, body, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            table.name, table.owner
        ),
        vec![
            Value::Integer(id),
            Value::text(m.on.iso()),
            Value::Integer(m.percent),
            Value::text(m.body.as_str()),
            Value::Integer(user_id),
            Value::Integer(now),
        ],
    )
    .await
}

/// One step, as the timeline shows it.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Step {
    pub date: view::Day,
    pub percent: i64,
    pub body: String,
}

/// A step from its stored row (`on_date` is an ISO day; anything else is
/// shown as it was stored).
pub fn step(locale: Locale, on_date: &str, percent: i64, body: String) -> Step {
    Step {
        date: view::Day {
            iso: on_date.to_string(),
            text: i18n::day_text(locale, on_date),
        },
        percent,
        body,
    }
}

/// `follow_up.hbs`: the steps in date order, the latest progress, and the
/// form when the visitor may add one.
#[derive(Serialize, Debug)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct FollowUp {
    pub steps: Vec<Step>,
    /// The last step's percentage (0 without steps).
    pub progress: i64,
    pub form: Option<Form>,
    pub action: String,
}

/// The follow-up section: `steps` in date order; `entry` is what was typed
/// when the form came back with messages. `form` says whether the visitor
/// may add a step.
pub fn section(
    locale: Locale,
    steps: Vec<Step>,
    form: bool,
    entry: Option<&Entry>,
    action: String,
) -> FollowUp {
    let form = form.then(|| {
        let fresh = Entry::new().with("date", crate::today().iso());
        FormView::of(locale, entry.unwrap_or(&fresh))
            .input("date", "date", "milestone-field-date", "off")
            .input("percent", "number", "milestone-field-percent", "off")
            .hint("milestone-field-percent-hint")
            .textarea("body", "milestone-field-body")
            .scoped("milestone")
            .view()
    });
    FollowUp {
        progress: steps.last().map_or(0, |s| s.percent),
        steps,
        form,
        action,
    }
}

/// The fields of the milestone form, as `Entry::read` reads them.
pub const FIELDS: [&str; 3] = ["date", "percent", "body"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_shows_its_day_in_words_and_progress_is_the_last_one() {
        let s = step(Locale::Fr, "2026-05-04", 60, "Livré.".into());
        assert_eq!(s.date.iso, "2026-05-04");
        assert_eq!(s.date.text, "4 mai 2026");
        let kept = step(Locale::Fr, "not a day", 10, "x".into());
        assert_eq!(kept.date.text, "not a day");
        let f = section(Locale::Fr, vec![kept, s], false, None, "/x".into());
        assert_eq!(f.progress, 60);
        assert!(f.form.is_none());
        assert_eq!(
            section(Locale::Fr, vec![], true, None, "/x".into()).progress,
            0
        );
    }
}
