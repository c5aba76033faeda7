//! Exports of submitted responses: CSV (one row per response, one column per
//! question, option, rank or matrix row; "other" texts beside their option)
//! and JSON for staff; an open-data JSON without free text (unless staff
//! opted in) once results are public.

use palabre_domain::Role;
use palabre_domain::questionnaire::{Answer, Kind, Pick, Question};
use palabre_kit::csv::{Flavour, Table};
use palabre_kit::{Error, Response, Result, i18n, respond};
use serde_json::{Map, Value, json};

use super::visible;
use crate::Env;
use crate::store::{self, Item};

/// An answer in words (receipts).
pub fn readable(q: &Question, a: &Answer) -> String {
    let option = |i: &usize| q.options.get(*i).cloned().unwrap_or_default();
    match a {
        Answer::Text(t) => t.clone(),
        Answer::Choice(Pick::Option(i)) => option(i),
        Answer::Choice(Pick::Other(t)) => t.clone(),
        Answer::Choices(v, other) => v
            .iter()
            .map(option)
            .chain(other.iter().cloned())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Scale(v) => v.to_string(),
        Answer::Number(_) | Answer::Date(_) => a.encode(),
        Answer::YesNo(b) => if *b { "✔" } else { "✘" }.to_string(),
        Answer::Ranking(order) => order
            .iter()
            .enumerate()
            .map(|(r, o)| format!("{}. {}", r + 1, option(o)))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Matrix(cells) => q
            .rows
            .iter()
            .zip(cells)
            .filter_map(|(row, c)| c.map(|c| format!("{row}: {}", option(&c))))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// How a CSV column writes an answer (blank when unanswered).
type Cell<'a> = Box<dyn Fn(Option<&Answer>) -> String + 'a>;

/// The CSV columns of a question: (header, cell of an answer).
fn columns(n: usize, item: &Item) -> Vec<(String, Cell<'_>)> {
    let q = &item.question;
    let head = format!("Q{n}. {}", item.label);
    let mut out: Vec<(String, Cell<'_>)> = Vec::new();
    match q.kind {
        Kind::Single => {
            out.push((
                head.clone(),
                Box::new(move |a| match a {
                    Some(Answer::Choice(Pick::Option(i))) => {
                        q.options.get(*i).cloned().unwrap_or_default()
                    }
                    Some(Answer::Choice(Pick::Other(_))) => "other".into(),
                    _ => String::new(),
                }),
            ));
            if q.other {
                out.push((
                    format!("{head} — other"),
                    Box::new(|a| match a {
                        Some(Answer::Choice(Pick::Other(t))) => t.clone(),
                        _ => String::new(),
                    }),
                ));
            }
        }
        Kind::Multiple => {
            for (i, label) in q.options.iter().enumerate() {
                out.push((
                    format!("{head} — {label}"),
                    Box::new(move |a| match a {
                        Some(Answer::Choices(v, _)) => {
                            if v.contains(&i) { "1" } else { "0" }.into()
                        }
                        _ => String::new(),
                    }),
                ));
            }
            if q.other {
                out.push((
                    format!("{head} — other"),
                    Box::new(|a| match a {
                        Some(Answer::Choices(_, Some(t))) => t.clone(),
                        _ => String::new(),
                    }),
                ));
            }
        }
        Kind::Ranking => {
            for (i, label) in q.options.iter().enumerate() {
                out.push((
                    format!("{head} — {label}"),
                    Box::new(move |a| match a {
                        Some(Answer::Ranking(order)) => order
                            .iter()
                            .position(|o| *o == i)
                            .map(|r| (r + 1).to_string())
                            .unwrap_or_default(),
                        _ => String::new(),
                    }),
                ));
            }
        }
        Kind::Matrix => {
            for (row, label) in q.rows.iter().enumerate() {
                out.push((
                    format!("{head} — {label}"),
                    Box::new(move |a| match a {
                        Some(Answer::Matrix(cells)) => cells
                            .get(row)
                            .copied()
                            .flatten()
                            .and_then(|c| q.options.get(c).cloned())
                            .unwrap_or_default(),
                        _ => String::new(),
                    }),
                ));
            }
        }
        Kind::YesNo => out.push((
            head,
            Box::new(|a| match a {
                Some(Answer::YesNo(b)) => if *b { "yes" } else { "no" }.into(),
                _ => String::new(),
            }),
        )),
        _ => out.push((
            head,
            Box::new(|a| a.map(Answer::encode).unwrap_or_default()),
        )),
    }
    out
}

fn items(sections: &[store::Section]) -> Vec<&Item> {
    sections.iter().flat_map(|s| s.items.iter()).collect()
}

pub async fn csv(env: &Env, slug: &str) -> Result<Response> {
    env.ctx.require(Role::Moderator)?;
    let q = visible(env, slug).await?;
    let sections = store::structure(&env.conn, q.id).await?;
    let items = items(&sections);
    let cols: Vec<_> = items
        .iter()
        .enumerate()
        .flat_map(|(n, item)| {
            columns(n + 1, item)
                .into_iter()
                .map(move |(h, f)| (item, h, f))
        })
        .collect();
    let flavour = Flavour::of(&env.ctx);
    let mut table = Table::new(flavour);
    let mut header = vec![flavour.head("response"), flavour.head("submitted")];
    header.extend(cols.iter().map(|(_, h, _)| h.clone()));
    table.row(header);
    for (id, at, stored) in store::submitted(&env.conn, q.id).await? {
        let mut row = vec![id.to_string(), i18n::iso_day(at)];
        for (item, _, cell) in &cols {
            let answer = stored
                .get(&item.question.id)
                .and_then(|raw| Answer::decode(item.question.kind, raw));
            row.push(cell(answer.as_ref()));
        }
        table.row(row);
    }
    Ok(table.download(&format!("{}-v{}", q.slug, q.version)))
}

/// An answer as JSON; free text left out when `with_text` is false.
fn answer_json(q: &Question, a: &Answer, with_text: bool) -> Option<Value> {
    let option = |i: &usize| json!(q.options.get(*i));
    Some(match a {
        Answer::Text(t) => {
            if !with_text {
                return None;
            }
            json!(t)
        }
        Answer::Choice(Pick::Option(i)) => json!({ "option": option(i) }),
        Answer::Choice(Pick::Other(t)) => {
            json!({ "other": if with_text { json!(t) } else { json!(true) } })
        }
        Answer::Choices(v, other) => json!({
            "options": v.iter().map(option).collect::<Vec<_>>(),
            "other": other.as_ref().map(|t| if with_text { json!(t) } else { json!(true) }),
        }),
        Answer::Scale(v) => json!(v),
        Answer::Number(v) => json!(v),
        Answer::Date(d) => json!(d.iso()),
        Answer::YesNo(b) => json!(b),
        Answer::Ranking(order) => json!(order.iter().map(option).collect::<Vec<_>>()),
        Answer::Matrix(cells) => {
            let mut m = Map::new();
            for (row, c) in q.rows.iter().zip(cells) {
                m.insert(row.clone(), c.map_or(Value::Null, |c| option(&c)));
            }
            Value::Object(m)
        }
    })
}

/// `export.json` (staff: everything) or `open-data.json` (public once the
/// results are: no free text unless staff opted in, no response ids).
pub async fn json(env: &Env, slug: &str, open_data: bool) -> Result<Response> {
    let q = visible(env, slug).await?;
    if open_data {
        if !palabre_questionnaire::permissions::may_see_results(&env.ctx.visitor, &q) {
            return Err(Error::NotFound);
        }
    } else {
        env.ctx.require(Role::Moderator)?;
    }
    let with_text = !open_data || q.open_data_text;
    let sections = store::structure(&env.conn, q.id).await?;
    let items = items(&sections);
    let questions: Vec<Value> = items
        .iter()
        .filter(|i| with_text || !matches!(i.question.kind, Kind::ShortText | Kind::LongText))
        .map(|i| {
            json!({
                "id": i.question.id,
                "label": i.label,
                "kind": i.question.kind.as_str(),
                "options": i.question.options,
                "rows": i.question.rows,
                "other": i.question.other,
            })
        })
        .collect();
    let responses: Vec<Value> = store::submitted(&env.conn, q.id)
        .await?
        .iter()
        .enumerate()
        .map(|(n, (id, at, stored))| {
            let mut answers = Map::new();
            for item in &items {
                let Some(a) = stored
                    .get(&item.question.id)
                    .and_then(|raw| Answer::decode(item.question.kind, raw))
                else {
                    continue;
                };
                if let Some(v) = answer_json(&item.question, &a, with_text) {
                    answers.insert(item.question.id.to_string(), v);
                }
            }
            json!({
                "response": if open_data { json!(n + 1) } else { json!(id) },
                "submitted": i18n::iso_day(*at),
                "answers": answers,
            })
        })
        .collect();
    let body = json!({
        "questionnaire": {
            "title": q.title,
            "version": q.version,
            "url": format!("{}/questionnaires/{}", env.ctx.origin, q.slug),
            "responses": responses.len(),
            "licence": if open_data { Some(i18n::t(env.ctx.locale, "open-data-licence")) } else { None },
        },
        "questions": questions,
        "responses": responses,
    });
    let name = if open_data { "open-data" } else { "export" };
    Ok(respond::download(
        "application/json",
        &format!("{}-v{}-{name}.json", q.slug, q.version),
        body.to_string().into_bytes(),
    ))
}
