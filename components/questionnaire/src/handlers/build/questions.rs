//! A question's form, of every kind, with its options and condition.

use palabre_domain::account::{FieldError, line};
use palabre_domain::content;
use palabre_domain::questionnaire::{self as rules, Condition, Kind};
use palabre_kit::app::{audited, link};
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::respond::{self};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, i18n};

use crate::Env;
use crate::store::{self, QuestionInput, Questionnaire};

use super::*;

const FIELDS: [&str; 13] = [
    "section",
    "kind",
    "label",
    "help",
    "required",
    "options",
    "rows",
    "other",
    "min",
    "max",
    "min_label",
    "max_label",
    "condition",
];

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
    entry: &Entry,
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
    let conditions = condition_choices(env, &sections, entry.get("section").parse().ok());
    // Only the fields of the kind chosen (another kind chosen here shows its
    // own fields once saved, or with the form's messages).
    let kind = entry.get("kind").parse::<Kind>().unwrap_or(Kind::Single);
    let mut form = FormView::of(locale, entry)
        .select("section", "questionnaire-field-section", section_choices)
        .select("kind", "questionnaire-field-kind", kinds)
        .hint("questionnaire-field-kind-hint")
        .input("label", "text", "questionnaire-field-label", "off")
        .input("help", "text", "questionnaire-field-help", "off")
        .optional()
        .checkbox("required", "questionnaire-field-required")
        .optional();
    if kind.has_options() {
        let (label, hint) = if kind == Kind::Matrix {
            (
                "questionnaire-field-columns",
                "questionnaire-field-columns-hint",
            )
        } else {
            (
                "questionnaire-field-options",
                "questionnaire-field-options-hint",
            )
        };
        form = form.textarea("options", label).hint(hint);
    }
    if kind == Kind::Matrix {
        form = form
            .textarea("rows", "questionnaire-field-rows")
            .hint("questionnaire-field-rows-hint");
    }
    if kind.may_have_other() {
        form = form
            .checkbox("other", "questionnaire-field-other")
            .optional();
    }
    let bound_hint = |end: &str| format!("questionnaire-field-{end}-hint-{}", kind.as_str());
    if kind.has_min() {
        form = form
            .input("min", "number", "questionnaire-field-min", "off")
            .optional()
            .hint(&bound_hint("min"));
    }
    if kind.has_max() {
        form = form
            .input("max", "number", "questionnaire-field-max", "off")
            .optional()
            .hint(&bound_hint("max"));
    }
    if kind == Kind::Scale {
        form = form
            .input("min_label", "text", "questionnaire-field-min-label", "off")
            .optional()
            .input("max_label", "text", "questionnaire-field-max-label", "off")
            .optional();
    }
    let form = form
        .select("condition", "questionnaire-field-condition", conditions)
        .optional()
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
    let (id, entry) = match raw_id {
        Some(raw) => {
            let id = part_id(raw)?;
            let item = sections
                .iter()
                .flat_map(|s| s.items.iter())
                .find(|i| i.question.id == id)
                .ok_or(Error::NotFound)?;
            let qq = &item.question;
            let number = |n: Option<i64>| n.map(|x| x.to_string()).unwrap_or_default();
            let entry = Entry::new()
                .with("section", item.section_id.to_string())
                .with("kind", qq.kind.as_str())
                .with("label", item.label.as_str())
                .with("help", item.help.as_str())
                .ticked_if("required", qq.required)
                .with("options", qq.options.join("\n"))
                .with("rows", qq.rows.join("\n"))
                .ticked_if("other", qq.other)
                .with("min", number(qq.min))
                .with("max", number(qq.max))
                .with("min_label", item.min_label.as_str())
                .with("max_label", item.max_label.as_str())
                .with(
                    "condition",
                    qq.condition
                        .map(|c| format!("{}:{}", c.question_id, c.option))
                        .unwrap_or_default(),
                );
            (Some(id), entry)
        }
        None => {
            if sections.is_empty() {
                return Ok(respond::redirect(&format!(
                    "/questionnaires/{}/edit",
                    q.slug
                )));
            }
            // The kind chosen on the builder's page (`?kind=`).
            let kind = env
                .ctx
                .query("kind")
                .and_then(|k| k.parse::<Kind>().ok())
                .unwrap_or(Kind::Single);
            let entry = Entry::new()
                .with("section", env.ctx.query("section").unwrap_or_default())
                .with("kind", kind.as_str());
            (None, entry)
        }
    };
    render_question_form(env, &q, id, &entry, http::StatusCode::OK).await
}

/// A bound or a count, left empty or a whole number.
fn bound(raw: &str) -> std::result::Result<i64, FieldError> {
    content::whole_number(raw, -rules::MAX_BOUND..=rules::MAX_BOUND)
        .map_err(|_| FieldError::InvalidChoice)
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
    let mut e = Entry::read(&form, &FIELDS);
    let section_id = e.check("section", |v| {
        v.parse::<i64>()
            .ok()
            .filter(|s| sections.iter().any(|x| x.id == *s))
            .ok_or(FieldError::InvalidChoice)
    });
    let kind = e.check("kind", |v| {
        v.parse::<Kind>().map_err(|_| FieldError::InvalidChoice)
    });
    let label = e.check("label", |v| line(v, content::MAX_LABEL));
    let help = e
        .check_optional("help", |v| line(v, content::MAX_HELP))
        .map(Option::unwrap_or_default);
    let options = e.check("options", rules::option_list).unwrap_or_default();
    let rows = e.check("rows", rules::option_list).unwrap_or_default();
    let mut min = e.check_optional("min", bound).flatten();
    let mut max = e.check_optional("max", bound).flatten();
    let scale_label = |v: &str| match v.trim() {
        l if l.chars().count() > rules::MAX_SCALE_LABEL => Err(FieldError::TooLong),
        l => Ok(l.to_string()),
    };
    // Either end's message goes beside the first.
    let max_label = scale_label(e.get("max_label"));
    let min_label = e.check("min_label", |v| {
        let min = scale_label(v)?;
        max_label.clone().map(|_| min)
    });
    let (min_label, max_label) = (min_label.unwrap_or_default(), max_label.unwrap_or_default());
    let mut other = e.ticked("other");
    if let Some(kind) = kind {
        if kind.has_options() && options.len() < 2 && e.error("options").is_none() {
            e.refuse("options", FieldError::TooFewOptions);
        }
        if kind == Kind::Matrix && rows.is_empty() {
            e.refuse("rows", FieldError::Required);
        }
        if !kind.may_have_other() {
            other = false;
        }
        match kind {
            Kind::Multiple => {
                let most = options.len() as i64 + i64::from(other);
                if min.is_some_and(|m| m < 0 || m > most) {
                    e.refuse("min", FieldError::InvalidChoice);
                }
                if max.is_some_and(|m| m < 1 || m > most || min.is_some_and(|n| m < n)) {
                    e.refuse("max", FieldError::InvalidChoice);
                }
            }
            Kind::Scale => {
                min = None;
                if max.is_some_and(|m| !rules::SCALE_TOPS.contains(&m)) {
                    e.refuse("max", FieldError::InvalidChoice);
                }
            }
            Kind::Number => {
                if let (Some(a), Some(b)) = (min, max)
                    && b < a
                {
                    e.refuse("max", FieldError::EndBeforeStart);
                }
            }
            _ => {
                min = None;
                max = None;
            }
        }
    }
    // A condition refers to a choice in an earlier section.
    let typed_condition = e.get("condition").trim().to_string();
    let condition = match typed_condition.as_str() {
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
                    e.refuse("condition", FieldError::InvalidChoice);
                    None
                }
            }
        }
    };
    let (Some(section_id), Some(kind), Some(label), Some(help), Some(condition), true) =
        (section_id, kind, label, help, condition, e.is_valid())
    else {
        return render_question_form(env, &q, id, &e, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let keep_options = kind.has_options();
    let input = QuestionInput {
        section_id,
        kind,
        label,
        help,
        required: e.ticked("required"),
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
