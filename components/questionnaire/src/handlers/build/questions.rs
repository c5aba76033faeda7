//! A question's form, of every kind, with its options and condition.

use palabre_domain::account::{FieldError, line};
use palabre_domain::content;
use palabre_domain::questionnaire::{self as rules, Condition, Kind};
use palabre_kit::app::{audited, link};
use palabre_kit::forms::{FormView, Submission};
use palabre_kit::respond::{self};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, i18n};

use crate::Env;
use crate::store::{self, QuestionInput, Questionnaire};

use super::*;

struct QuestionValues {
    section: String,
    kind: String,
    label: String,
    help: String,
    required: bool,
    options: String,
    rows: String,
    other: bool,
    min: String,
    max: String,
    min_label: String,
    max_label: String,
    condition: String,
}

#[derive(Default)]
struct QuestionErrors {
    section: Option<FieldError>,
    kind: Option<FieldError>,
    label: Option<FieldError>,
    help: Option<FieldError>,
    options: Option<FieldError>,
    rows: Option<FieldError>,
    min: Option<FieldError>,
    max: Option<FieldError>,
    labels: Option<FieldError>,
    condition: Option<FieldError>,
}

impl QuestionErrors {
    fn any(&self) -> bool {
        [
            self.section,
            self.kind,
            self.label,
            self.help,
            self.options,
            self.rows,
            self.min,
            self.max,
            self.labels,
            self.condition,
        ]
        .iter()
        .any(Option::is_some)
    }
}

/// Questions a condition may refer to: choices and yes/no in a section before
/// `section_id`, each option as `<question id>:<option>`.
fn condition_choices(
    env: &Env,
    sections: &[store::Section],
    section_id: Option<i64>,
) -> Vec<(String, String)> {
    let locale = env.ctx.locale;
    let position = sections
        .iter()
        .position(|s| Some(s.id) == section_id)
        .unwrap_or(sections.len());
    let mut out = vec![(String::new(), i18n::t(locale, "condition-none"))];
    let mut n = 0;
    for (index, s) in sections.iter().enumerate() {
        for item in &s.items {
            n += 1;
            if index >= position || !item.question.kind.may_be_condition() {
                continue;
            }
            let options: Vec<String> = if item.question.kind == Kind::YesNo {
                vec![i18n::t(locale, "answer-yes"), i18n::t(locale, "answer-no")]
            } else {
                item.question.options.clone()
            };
            for (i, o) in options.iter().enumerate() {
                out.push((
                    format!("{}:{i}", item.question.id),
                    format!("Q{n}. {} → {o}", item.label),
                ));
            }
        }
    }
    out
}

async fn render_question_form(
    env: &Env,
    q: &Questionnaire,
    id: Option<i64>,
    v: &QuestionValues,
    e: &QuestionErrors,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let sections = store::structure(&env.conn, q.id).await?;
    let section_choices: Vec<(String, String)> = sections
        .iter()
        .map(|s| (s.id.to_string(), s.title.clone()))
        .collect();
    let kinds: Vec<(String, String)> = Kind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), kind_label(env, *k)))
        .collect();
    let conditions = condition_choices(env, &sections, v.section.parse().ok());
    let form = FormView::new(locale)
        .select(
            "section",
            "questionnaire-field-section",
            section_choices,
            &v.section,
            e.section,
        )
        .select("kind", "questionnaire-field-kind", kinds, &v.kind, e.kind)
        .input(
            "label",
            "text",
            "questionnaire-field-label",
            &v.label,
            "off",
            e.label,
        )
        .input(
            "help",
            "text",
            "questionnaire-field-help",
            &v.help,
            "off",
            e.help,
        )
        .optional()
        .checkbox("required", "questionnaire-field-required", v.required, None)
        .optional()
        .textarea(
            "options",
            "questionnaire-field-options",
            &v.options,
            e.options,
        )
        .optional()
        .hint("questionnaire-field-options-hint")
        .textarea("rows", "questionnaire-field-rows", &v.rows, e.rows)
        .optional()
        .hint("questionnaire-field-rows-hint")
        .checkbox("other", "questionnaire-field-other", v.other, None)
        .optional()
        .hint("questionnaire-field-other-hint")
        .input(
            "min",
            "number",
            "questionnaire-field-min",
            &v.min,
            "off",
            e.min,
        )
        .optional()
        .hint("questionnaire-field-min-hint")
        .input(
            "max",
            "number",
            "questionnaire-field-max",
            &v.max,
            "off",
            e.max,
        )
        .optional()
        .hint("questionnaire-field-max-hint")
        .input(
            "min_label",
            "text",
            "questionnaire-field-min-label",
            &v.min_label,
            "off",
            e.labels,
        )
        .optional()
        .input(
            "max_label",
            "text",
            "questionnaire-field-max-label",
            &v.max_label,
            "off",
            None,
        )
        .optional()
        .select(
            "condition",
            "questionnaire-field-condition",
            conditions,
            &v.condition,
            e.condition,
        )
        .hint("questionnaire-field-condition-hint");
    let action = match id {
        Some(id) => format!("/questionnaires/{}/questions/{id}", q.slug),
        None => format!("/questionnaires/{}/questions/new", q.slug),
    };
    let data = FormPage {
        back: Some(link(
            env,
            &format!("/questionnaires/{}/edit", q.slug),
            "questionnaire-builder-title",
        )),
        ..FormPage::new(action, form.view(), i18n::t(locale, "admin-save"))
    };
    let title = i18n::t(
        locale,
        if id.is_some() {
            "questionnaire-question-edit"
        } else {
            "questionnaire-question-new"
        },
    );
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn question_form(env: &Env, slug: &str, raw_id: Option<&str>) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let sections = store::structure(&env.conn, q.id).await?;
    let (id, v) = match raw_id {
        Some(raw) => {
            let id = part_id(raw)?;
            let item = sections
                .iter()
                .flat_map(|s| s.items.iter())
                .find(|i| i.question.id == id)
                .ok_or(Error::NotFound)?;
            let qq = &item.question;
            (
                Some(id),
                QuestionValues {
                    section: item.section_id.to_string(),
                    kind: qq.kind.as_str().to_string(),
                    label: item.label.clone(),
                    help: item.help.clone(),
                    required: qq.required,
                    options: qq.options.join("\n"),
                    rows: qq.rows.join("\n"),
                    other: qq.other,
                    min: qq.min.map(|x| x.to_string()).unwrap_or_default(),
                    max: qq.max.map(|x| x.to_string()).unwrap_or_default(),
                    min_label: item.min_label.clone(),
                    max_label: item.max_label.clone(),
                    condition: qq
                        .condition
                        .map(|c| format!("{}:{}", c.question_id, c.option))
                        .unwrap_or_default(),
                },
            )
        }
        None => {
            if sections.is_empty() {
                return Ok(respond::redirect(&format!(
                    "/questionnaires/{}/edit",
                    q.slug
                )));
            }
            (
                None,
                QuestionValues {
                    section: env.ctx.query("section").unwrap_or_default().to_string(),
                    kind: "single".into(),
                    label: String::new(),
                    help: String::new(),
                    required: false,
                    options: String::new(),
                    rows: String::new(),
                    other: false,
                    min: String::new(),
                    max: String::new(),
                    min_label: String::new(),
                    max_label: String::new(),
                    condition: String::new(),
                },
            )
        }
    };
    render_question_form(
        env,
        &q,
        id,
        &v,
        &QuestionErrors::default(),
        http::StatusCode::OK,
    )
    .await
}

fn optional_int(raw: &str, error: &mut Option<FieldError>) -> Option<i64> {
    match raw.trim() {
        "" => None,
        typed => match typed.parse::<i64>() {
            Ok(v) if v.abs() <= 1_000_000_000 => Some(v),
            _ => {
                *error = Some(FieldError::InvalidChoice);
                None
            }
        },
    }
}

fn read_values(form: &Submission) -> QuestionValues {
    QuestionValues {
        section: form.get("section").to_string(),
        kind: form.get("kind").to_string(),
        label: form.get("label").to_string(),
        help: form.get("help").to_string(),
        required: form.get("required") == "yes",
        options: form.get("options").to_string(),
        rows: form.get("rows").to_string(),
        other: form.get("other") == "yes",
        min: form.get("min").to_string(),
        max: form.get("max").to_string(),
        min_label: form.get("min_label").to_string(),
        max_label: form.get("max_label").to_string(),
        condition: form.get("condition").to_string(),
    }
}

pub async fn save_question(env: &mut Env, slug: &str, raw_id: Option<&str>) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let sections = store::structure(&env.conn, q.id).await?;
    let id = match raw_id {
        Some(raw) => {
            let id = part_id(raw)?;
            if !sections
                .iter()
                .flat_map(|s| s.items.iter())
                .any(|i| i.question.id == id)
            {
                return Err(Error::NotFound);
            }
            Some(id)
        }
        None => None,
    };
    if let Some(refused) = refuse_if_locked(env, &q).await? {
        return Ok(refused);
    }
    let form = env.submission().await?;
    let v = read_values(&form);
    let mut e = QuestionErrors::default();
    let section_id = v
        .section
        .parse::<i64>()
        .ok()
        .filter(|s| sections.iter().any(|x| x.id == *s));
    if section_id.is_none() {
        e.section = Some(FieldError::InvalidChoice);
    }
    let kind = v.kind.parse::<Kind>().ok();
    if kind.is_none() {
        e.kind = Some(FieldError::InvalidChoice);
    }
    let label = line(&v.label, content::MAX_LABEL)
        .map_err(|x| e.label = Some(x))
        .ok();
    let help = if v.help.trim().is_empty() {
        Some(String::new())
    } else {
        line(&v.help, content::MAX_HELP)
            .map_err(|x| e.help = Some(x))
            .ok()
    };
    let options = rules::option_list(&v.options)
        .map_err(|x| e.options = Some(x))
        .ok()
        .unwrap_or_default();
    let rows = rules::option_list(&v.rows)
        .map_err(|x| e.rows = Some(x))
        .ok()
        .unwrap_or_default();
    let mut min = optional_int(&v.min, &mut e.min);
    let mut max = optional_int(&v.max, &mut e.max);
    let (min_label, max_label) = (
        v.min_label.trim().to_string(),
        v.max_label.trim().to_string(),
    );
    if min_label.chars().count() > 100 || max_label.chars().count() > 100 {
        e.labels = Some(FieldError::TooLong);
    }
    let mut other = v.other;
    if let Some(kind) = kind {
        if kind.has_options() && options.len() < 2 && e.options.is_none() {
            e.options = Some(FieldError::Required);
        }
        if kind == Kind::Matrix && rows.is_empty() && e.rows.is_none() {
            e.rows = Some(FieldError::Required);
        }
        if !kind.may_have_other() {
            other = false;
        }
        match kind {
            Kind::Multiple => {
                let most = options.len() as i64 + i64::from(other);
                if min.is_some_and(|m| m < 0 || m > most) {
                    e.min = Some(FieldError::InvalidChoice);
                }
                if max.is_some_and(|m| m < 1 || m > most || min.is_some_and(|n| m < n)) {
                    e.max = Some(FieldError::InvalidChoice);
                }
            }
            Kind::Scale => {
                min = None;
                if max.is_some_and(|m| !(2..=10).contains(&m)) {
                    e.max = Some(FieldError::InvalidChoice);
                }
            }
            Kind::Number => {
                if let (Some(a), Some(b)) = (min, max)
                    && b < a
                {
                    e.max = Some(FieldError::EndBeforeStart);
                }
            }
            _ => {
                min = None;
                max = None;
            }
        }
    }
    // A condition refers to a choice in an earlier section.
    let condition = match v.condition.trim() {
        "" => Some(None),
        typed => {
            let eligible = condition_choices(env, &sections, section_id);
            let parsed = typed.split_once(':').and_then(|(qid, opt)| {
                Some(Condition {
                    question_id: qid.parse().ok()?,
                    option: opt.parse().ok()?,
                })
            });
            match parsed {
                Some(c)
                    if eligible.iter().any(|(value, _)| value == typed)
                        && Some(c.question_id) != id =>
                {
                    Some(Some(c))
                }
                _ => {
                    e.condition = Some(FieldError::InvalidChoice);
                    None
                }
            }
        }
    };
    let (Some(section_id), Some(kind), Some(label), Some(help), Some(condition), false) =
        (section_id, kind, label, help, condition, e.any())
    else {
        return render_question_form(env, &q, id, &v, &e, http::StatusCode::UNPROCESSABLE_ENTITY)
            .await;
    };
    let keep_options = kind.has_options();
    let input = QuestionInput {
        section_id,
        kind,
        label,
        help,
        required: v.required,
        options: if keep_options {
            options.join("\n")
        } else {
            String::new()
        },
        rows: if kind == Kind::Matrix {
            rows.join("\n")
        } else {
            String::new()
        },
        other,
        min,
        max,
        min_label: if kind == Kind::Scale {
            min_label
        } else {
            String::new()
        },
        max_label: if kind == Kind::Scale {
            max_label
        } else {
            String::new()
        },
        condition,
    };
    audited(env, "questionnaire-saved", &q.slug, async |conn| {
        Ok(store::save_question(conn, q.id, id, &input).await?)
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/questionnaires/{}/edit?saved=1",
        q.slug
    )))
}
