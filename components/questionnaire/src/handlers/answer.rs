//! Answering: one page per section, answers checked server-side per question
//! kind (messages beside each field, nothing lost), saved section by section
//! (resume later), submitted once; anonymous questionnaires keep a browser
//! token's hash only.

use std::collections::HashMap;

use palabre_domain::questionnaire::{self as rules, Answer, AnswerError, Kind};
use palabre_kit::activity::{self, Activity};
use palabre_kit::mail::{self, Mail};
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Error, Response, Result, db, i18n, tokens};

use super::{is_open, respondent, token_cookie, visible};
use crate::Env;
use crate::store::{self, Item, Owner, Questionnaire, Section};
use crate::views;
use palabre_kit::view::Titled;

/// Saved answers, decoded (question id → answer).
pub fn decode_all(sections: &[Section], stored: &HashMap<i64, String>) -> HashMap<i64, Answer> {
    sections
        .iter()
        .flat_map(|s| s.items.iter())
        .filter_map(|item| {
            let raw = stored.get(&item.question.id)?;
            Some((item.question.id, Answer::decode(item.question.kind, raw)?))
        })
        .collect()
}

/// The questions of a section shown given the answers so far.
fn shown<'a>(section: &'a Section, answers: &HashMap<i64, Answer>) -> Vec<&'a Item> {
    section
        .items
        .iter()
        .filter(|i| rules::shown(&i.question, answers))
        .collect()
}

/// The first section at or after `from` with a question to show.
fn next_section(
    sections: &[Section],
    from: usize,
    answers: &HashMap<i64, Answer>,
) -> Option<usize> {
    (from..sections.len()).find(|i| !shown(&sections[*i], answers).is_empty())
}

/// A question's data for the `question` partial: its fields filled from
/// `values` (what was typed, or the saved answer), and its error.
pub fn question_view(
    env: &Env,
    item: &Item,
    values: &dyn Fn(&str) -> Vec<String>,
    error: Option<AnswerError>,
) -> views::Question {
    let locale = env.ctx.locale;
    let q = &item.question;
    let name = rules::field(q.id);
    let first = |n: &str| values(n).into_iter().next().unwrap_or_default();
    let chosen = values(&name);
    let error = error.map(|e| {
        let (id, args) = e.message();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n::t_args(locale, id, &args)
    });
    let options: Vec<views::Choice> = q
        .options
        .iter()
        .enumerate()
        .map(|(i, label)| views::Choice {
            value: i.to_string(),
            label: label.clone(),
            checked: chosen.iter().any(|c| *c == i.to_string()),
        })
        .collect();
    let n = q.options.len();
    let mut data = views::Question {
        id: q.id,
        label: item.label.clone(),
        help: item.help.clone(),
        required: q.required,
        error,
        kind: q.kind.as_str().to_string(),
        value: first(&name),
        short_text: false,
        long_text: false,
        choices: None,
        scale: None,
        number: None,
        date: false,
        ranking: None,
        matrix: None,
        condition: None,
        name: name.clone(),
    };
    match q.kind {
        Kind::ShortText => data.short_text = true,
        Kind::LongText => data.long_text = true,
        Kind::Single | Kind::Multiple => {
            data.choices = Some(views::Choices {
                multiple: q.kind == Kind::Multiple,
                options,
                other: q.other.then(|| views::Other {
                    checked: chosen.iter().any(|c| c == "other"),
                    value: first(&format!("{name}_other")),
                }),
                bounds: match (q.kind, q.min, q.max) {
                    (Kind::Multiple, Some(min), Some(max)) => Some(i18n::t_args(
                        locale,
                        "answer-bounds-both",
                        &[("min", &min.to_string()), ("max", &max.to_string())],
                    )),
                    (Kind::Multiple, Some(min), None) => Some(i18n::t_args(
                        locale,
                        "answer-bounds-min",
                        &[("min", &min.to_string())],
                    )),
                    (Kind::Multiple, None, Some(max)) => Some(i18n::t_args(
                        locale,
                        "answer-bounds-max",
                        &[("max", &max.to_string())],
                    )),
                    _ => None,
                },
            });
        }
        Kind::YesNo => {
            let current = first(&name);
            let choice = |value: &str, label: &str| views::Choice {
                value: value.to_string(),
                label: i18n::t(locale, label),
                checked: current == value,
            };
            data.choices = Some(views::Choices {
                multiple: false,
                options: vec![choice("yes", "answer-yes"), choice("no", "answer-no")],
                other: None,
                bounds: None,
            });
        }
        Kind::Scale => {
            let current = first(&name);
            data.scale = Some(views::Scale {
                values: (1..=q.scale_top())
                    .map(|v| views::ScaleValue {
                        value: v,
                        checked: current == v.to_string(),
                    })
                    .collect(),
                min_label: item.min_label.clone(),
                max_label: item.max_label.clone(),
            });
        }
        Kind::Number => {
            data.number = Some(views::Number {
                min: q.min,
                max: q.max,
                hint: match (q.min, q.max) {
                    (Some(a), Some(b)) => Some(i18n::t_args(
                        locale,
                        "answer-number-between",
                        &[("min", &a.to_string()), ("max", &b.to_string())],
                    )),
                    _ => None,
                },
            });
        }
        Kind::Date => data.date = true,
        Kind::Ranking => {
            let ranked = q.options.iter().enumerate().map(|(i, label)| {
                let field = format!("{name}_r{i}");
                let current = first(&field);
                views::Ranked {
                    ranks: (1..=n)
                        .map(|r| views::Rank {
                            value: r,
                            selected: current == r.to_string(),
                        })
                        .collect(),
                    field,
                    label: label.clone(),
                }
            });
            data.ranking = Some(ranked.collect());
        }
        Kind::Matrix => {
            let rows = q.rows.iter().enumerate().map(|(row, label)| {
                let field = format!("{name}_m{row}");
                let current = first(&field);
                views::MatrixRow {
                    cells: q
                        .options
                        .iter()
                        .enumerate()
                        .map(|(col, option)| views::Cell {
                            value: col,
                            label: option.clone(),
                            checked: current == col.to_string(),
                        })
                        .collect(),
                    field,
                    label: label.clone(),
                }
            });
            data.matrix = Some(views::Matrix {
                columns: q.options.clone(),
                rows: rows.collect(),
            });
        }
    }
    data
}

struct Problems {
    errors: HashMap<i64, AnswerError>,
    typed: Vec<(String, String)>,
}

#[allow(clippy::too_many_arguments)]
fn render_section(
    env: &Env,
    q: &Questionnaire,
    sections: &[Section],
    index: usize,
    answers: &HashMap<i64, Answer>,
    problems: Option<&Problems>,
    receipt: bool,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let section = &sections[index];
    let saved: Vec<(String, String)> = answers.iter().flat_map(|(id, a)| a.to_form(*id)).collect();
    let pairs = problems.map_or(&saved, |p| &p.typed);
    let values = |n: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let items = shown(section, answers);
    let questions: Vec<views::Question> = items
        .iter()
        .map(|item| {
            let error = problems.and_then(|p| p.errors.get(&item.question.id).copied());
            question_view(env, item, &values, error)
        })
        .collect();
    let errors = questions
        .iter()
        .filter_map(|q| {
            q.error.as_ref().map(|message| views::ErrorLink {
                href: format!("#question-{}", q.id),
                label: q.label.clone(),
                message: message.clone(),
            })
        })
        .collect();
    let last = next_section(sections, index + 1, answers).is_none();
    let previous = (0..index)
        .rev()
        .find(|i| !shown(&sections[*i], answers).is_empty());
    let base = format!("/questionnaires/{}", q.slug);
    let data = views::Section {
        questionnaire: Titled {
            title: q.title.clone(),
            href: base.clone(),
        },
        section: views::SectionHead {
            title: section.title.clone(),
            description: section.description.clone(),
        },
        progress: views::Progress {
            value: index + 1,
            max: sections.len(),
            text: i18n::t_args(
                locale,
                "questionnaire-progress",
                &[
                    ("current", &(index + 1).to_string()),
                    ("total", &sections.len().to_string()),
                ],
            ),
        },
        questions,
        errors,
        action: format!("{base}/answer?section={index}"),
        previous: previous.map(|p| format!("{base}/answer?section={p}")),
        last,
        receipt: last && receipt,
        anonymous: q.anonymous,
    };
    let title = format!("{} — {}", section.title, q.title);
    let page = env
        .renderer
        .page(&env.ctx, &env.site, status, "section", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

/// Everything an answer page needs: the questionnaire open to this visitor,
/// its sections, who answers, their response and saved answers.
struct Context {
    q: Questionnaire,
    sections: Vec<Section>,
    owner: Option<Owner>,
    response: Option<store::Response>,
    answers: HashMap<i64, Answer>,
}

enum Gate {
    Ready(Box<Context>),
    Redirect(Response),
}

async fn context(env: &Env, slug: &str) -> Result<Gate> {
    let q = visible(env, slug).await?;
    let base = format!("/questionnaires/{}", q.slug);
    if !is_open(&q) {
        return Ok(Gate::Redirect(respond::redirect(&base)));
    }
    if !q.anonymous && env.ctx.visitor.user_id.is_none() {
        return Ok(Gate::Redirect(respond::redirect("/account/login")));
    }
    // What staff ask of the process's respondents (a verified resident…).
    if let Some((process_id, ..)) = &q.process {
        palabre_identity::require(
            &env.conn,
            &env.ctx,
            *process_id,
            palabre_domain::process::Tool::Questionnaire,
        )
        .await?;
    }
    let sections: Vec<Section> = store::structure(&env.conn, q.id)
        .await?
        .into_iter()
        .filter(|s| !s.items.is_empty())
        .collect();
    if sections.is_empty() {
        return Ok(Gate::Redirect(respond::redirect(&base)));
    }
    let (owner, response) = respondent(env, &q).await?;
    if response.as_ref().is_some_and(|r| r.submitted) {
        return Ok(Gate::Redirect(respond::redirect(&format!("{base}/done"))));
    }
    let answers = match &response {
        Some(r) => decode_all(&sections, &store::answers(&env.conn, r.id).await?),
        None => HashMap::new(),
    };
    Ok(Gate::Ready(Box::new(Context {
        q,
        sections,
        owner,
        response,
        answers,
    })))
}

/// The section asked for (`?section=`), never beyond where the person got to.
fn section_index(env: &Env, c: &Context) -> usize {
    let reached = c
        .response
        .as_ref()
        .map_or(0, |r| usize::try_from(r.section).unwrap_or(0));
    let asked = env
        .ctx
        .query("section")
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or(reached);
    let index = asked.min(reached).min(c.sections.len() - 1);
    next_section(&c.sections, index, &c.answers).unwrap_or(index)
}

/// Whether the person may ask for a receipt by mail (signed in, not anonymous).
fn receipt_offered(env: &Env, q: &Questionnaire) -> bool {
    !q.anonymous && env.ctx.visitor.user_id.is_some()
}

pub async fn section_page(env: &Env, slug: &str) -> Result<Response> {
    let c = match context(env, slug).await? {
        Gate::Ready(c) => c,
        Gate::Redirect(r) => return Ok(r),
    };
    let index = section_index(env, &c);
    render_section(
        env,
        &c.q,
        &c.sections,
        index,
        &c.answers,
        None,
        receipt_offered(env, &c.q),
        http::StatusCode::OK,
    )
}

pub async fn save(env: &mut Env, slug: &str) -> Result<Response> {
    let c = match context(env, slug).await? {
        Gate::Ready(c) => c,
        Gate::Redirect(r) => return Ok(r),
    };
    let form = env.submission().await?;
    let index = section_index(env, &c);
    let section = &c.sections[index];
    let values = |n: &str| form.all(n);
    let mut errors = HashMap::new();
    let mut given = Vec::new();
    let mut answers = c.answers.clone();
    for item in shown(section, &c.answers) {
        answers.remove(&item.question.id);
        match rules::parse(&item.question, &values) {
            Ok(Some(answer)) => {
                given.push((item.question.id, answer.encode()));
                answers.insert(item.question.id, answer);
            }
            Ok(None) => {}
            Err(e) => {
                errors.insert(item.question.id, e);
            }
        }
    }
    if !errors.is_empty() {
        // Only this section's questions are on the page: what was typed.
        let typed = form.fields().to_vec();
        let problems = Problems { errors, typed };
        return render_section(
            env,
            &c.q,
            &c.sections,
            index,
            &c.answers,
            Some(&problems),
            receipt_offered(env, &c.q),
            http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    // A new anonymous respondent gets a browser token (only its hash is kept).
    let mut new_token = None;
    let owner = match c.owner.clone() {
        Some(o) => o,
        None => {
            let token = tokens::new_token().map_err(|e| Error::Internal(e.to_string()))?;
            let hash = tokens::hash_token(&token);
            new_token = Some(token);
            Owner::Token(hash)
        }
    };
    let next = next_section(&c.sections, index + 1, &answers);
    let section_ids: Vec<i64> = section.items.iter().map(|i| i.question.id).collect();
    let now = palabre_kit::now();
    // Anonymous responses keep the day only.
    let stamp = if c.q.anonymous {
        now - now % 86_400
    } else {
        now
    };
    let q = &c.q;
    let sections = &c.sections;
    let user_id = env.ctx.visitor.user_id;
    let submitted = db::immediate(&env.conn, async |conn| {
        let response = store::start(conn, q.id, &owner, env.ctx.visitor.desk, stamp)
            .await?
            .ok_or_else(|| Error::Internal("response not started".into()))?;
        if response.submitted {
            return Ok::<_, Error>(false);
        }
        let reached = i64::try_from(next.unwrap_or(index)).unwrap_or(0);
        store::save_section(conn, response.id, &section_ids, &given, reached).await?;
        if next.is_some() {
            return Ok(false);
        }
        // The last section: every question shown must be answered as required.
        let kept: Vec<(i64, &Answer)> = sections
            .iter()
            .flat_map(|s| s.items.iter())
            .filter(|i| rules::shown(&i.question, &answers))
            .filter_map(|i| answers.get(&i.question.id).map(|a| (i.question.id, a)))
            .collect();
        let missing = sections.iter().flat_map(|s| s.items.iter()).any(|i| {
            i.question.required
                && rules::shown(&i.question, &answers)
                && !answers.contains_key(&i.question.id)
        });
        if missing {
            return Ok(false);
        }
        let done = store::submit(conn, q.id, response.id, &kept, stamp).await?;
        if done && let (Some(user_id), false) = (user_id, q.anonymous) {
            if let Some((process_id, _, _)) = &q.process {
                activity::contributed(conn, *process_id, user_id).await?;
            }
            let url = format!("/questionnaires/{}", q.slug);
            activity::record(
                conn,
                &Activity {
                    actor_id: Some(user_id),
                    kind: "questionnaire-answered",
                    process_id: q.process.as_ref().map(|p| p.0),
                    title: &q.title,
                    url: &url,
                    public: true,
                    followed: None,
                },
            )
            .await?;
        }
        // The copy by mail goes with the submission, in its transaction.
        if done && form.get("receipt") == "yes" && receipt_offered(env, &c.q) {
            send_receipt(env, &c.q, &c.sections, &answers).await?;
        }
        Ok(done)
    })
    .await?;
    let base = format!("/questionnaires/{}", c.q.slug);
    let mut response = match next {
        Some(n) => respond::redirect(&format!("{base}/answer?section={n}")),
        None if submitted => respond::redirect(&format!("{base}/done")),
        // A required question of an earlier section is unanswered: back to it.
        None => {
            let first_gap = c.sections.iter().position(|s| {
                s.items.iter().any(|i| {
                    i.question.required
                        && rules::shown(&i.question, &answers)
                        && !answers.contains_key(&i.question.id)
                })
            });
            respond::redirect(&format!("{base}/answer?section={}", first_gap.unwrap_or(0)))
        }
    };
    if let Some(token) = new_token {
        let cookie = format!(
            "{}={token}; Path=/; Max-Age=31536000; SameSite=Lax; Secure; HttpOnly",
            token_cookie(&c.q)
        );
        if let Ok(value) = http::HeaderValue::from_str(&cookie) {
            response
                .headers_mut()
                .append(http::header::SET_COOKIE, value);
        }
    }
    Ok(response)
}

/// A copy of the answers by mail, to the signed-in respondent who asked.
async fn send_receipt(
    env: &Env,
    q: &Questionnaire,
    sections: &[Section],
    answers: &HashMap<i64, Answer>,
) -> Result<()> {
    let Some(user_id) = env.ctx.visitor.user_id else {
        return Ok(());
    };
    let Some(row) = db::query_one(
        &env.conn,
        "SELECT email FROM users WHERE id = ? AND email IS NOT NULL",
        vec![db::Value::Integer(user_id)],
    )
    .await?
    else {
        return Ok(());
    };
    let email = db::text(&row, 0);
    let locale = env.ctx.locale;
    let mut paragraphs = vec![i18n::t_args(
        locale,
        "receipt-intro",
        &[("title", &q.title)],
    )];
    for item in sections.iter().flat_map(|s| s.items.iter()) {
        if let Some(a) = answers.get(&item.question.id)
            && rules::shown(&item.question, answers)
        {
            paragraphs.push(format!(
                "{}\n{}",
                item.label,
                super::export::readable(&item.question, a)
            ));
        }
    }
    let mail = Mail {
        to_email: &email,
        user_id: Some(user_id),
        locale,
        kind: "questionnaire-receipt",
        subject: i18n::t_args(locale, "receipt-subject", &[("title", &q.title)]),
        paragraphs,
        // The way back, where the site has a public address for mails; the
        // receipt itself never waits on it.
        action: env.ctx.mail_links().ok().map(|links| {
            (
                i18n::t(locale, "receipt-action"),
                links.to(&format!("/questionnaires/{}", q.slug)),
            )
        }),
        signature: env.site.name.clone(),
    };
    mail::queue(&env.conn, &mail).await?;
    Ok(())
}

pub async fn done(env: &Env, slug: &str) -> Result<Response> {
    let locale = env.ctx.locale;
    let q = visible(env, slug).await?;
    let submitted = respondent(env, &q).await?.1.is_some_and(|r| r.submitted);
    if !submitted {
        return Ok(respond::redirect(&format!("/questionnaires/{}", q.slug)));
    }
    let data = views::Done {
        questionnaire: Titled {
            title: q.title.clone(),
            href: format!("/questionnaires/{}", q.slug),
        },
        results_href: super::results_visible(env, &q)
            .then(|| format!("/questionnaires/{}/results", q.slug)),
        anonymous: q.anonymous,
    };
    let title = i18n::t(locale, "questionnaire-done-title");
    let page = env.page("done", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}
