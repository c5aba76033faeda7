//! Results: per question, exact counts and shares from the tallies (multiple
//! choice counts options, not combinations), means and medians, Borda scores,
//! matrix tables; an SVG chart with the same figures in a table beside it.
//! Free-text answers are listed to staff, with a search.

use palabre_domain::Locale;
use palabre_domain::questionnaire::{self as rules, Answer, Kind, Line, Pick, Summary};
use palabre_kit::respond::{self, Cache};
use palabre_kit::view::Titled;
use palabre_kit::{Error, Response, Result, i18n};

use super::{results_public, results_visible, visible};
use crate::store::{self, Item};
use crate::{Env, views};

/// A number written the visitor's way (decimal comma in French and German),
/// with at most `decimals` decimals.
pub fn decimal(locale: Locale, value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    match locale {
        Locale::En => text,
        _ => text.replace('.', ","),
    }
}

fn percent(locale: Locale, value: f64) -> String {
    i18n::t_args(locale, "percent", &[("value", &decimal(locale, value, 1))])
}

/// Bars of a horizontal chart: the label above, the bar, the figure after it.
const CHART_WIDTH: f64 = 360.0;
const BAR_SPACE: f64 = 260.0;
const ROW: f64 = 40.0;

fn bars(rows: &[(String, f64, String)]) -> views::Chart {
    let max = rows.iter().map(|r| r.1).fold(0.0_f64, f64::max);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, value, figure))| {
            let y = i as f64 * ROW;
            let width = if max > 0.0 {
                value / max * BAR_SPACE
            } else {
                0.0
            };
            views::Bar {
                label: label.clone(),
                figure: figure.clone(),
                label_y: format!("{:.0}", y + 13.0),
                bar_y: format!("{:.0}", y + 18.0),
                width: format!("{:.1}", width.max(1.0)),
                figure_x: format!("{:.1}", width.max(1.0) + 6.0),
                figure_y: format!("{:.0}", y + 31.0),
            }
        })
        .collect();
    views::Chart {
        width: CHART_WIDTH,
        height: format!("{:.0}", rows.len() as f64 * ROW + 4.0),
        bars,
    }
}

/// A table: its column heads (catalogue messages) and rows.
fn table(locale: Locale, head: &[&str], rows: Vec<Vec<String>>) -> views::Table {
    views::Table {
        head: head.iter().map(|h| i18n::t(locale, h)).collect(),
        rows,
    }
}

/// Rows of (label, count, share) for the options' lines.
fn share_rows(locale: Locale, labels: &[String], lines: &[Line]) -> Vec<Vec<String>> {
    labels
        .iter()
        .zip(lines)
        .map(|(l, line)| {
            vec![
                l.clone(),
                line.count.to_string(),
                percent(locale, line.percent),
            ]
        })
        .collect()
}

fn choice_rows(locale: Locale, labels: &[String], lines: &[Line]) -> Vec<(String, f64, String)> {
    labels
        .iter()
        .zip(lines)
        .map(|(label, line)| {
            (
                label.clone(),
                line.count as f64,
                format!("{} ({})", line.count, percent(locale, line.percent)),
            )
        })
        .collect()
}

/// A question's results for the template.
fn question_results(
    env: &Env,
    item: &Item,
    tallies: Option<&std::collections::HashMap<String, i64>>,
    base: &str,
) -> views::QuestionResults {
    let locale = env.ctx.locale;
    let q = &item.question;
    let empty = std::collections::HashMap::new();
    let r = rules::results(q, tallies.unwrap_or(&empty));
    let mut data = views::QuestionResults {
        id: q.id,
        label: item.label.clone(),
        answered: i18n::t_args(
            locale,
            "results-answered",
            &[("count", &r.answered.to_string())],
        ),
        multiple_note: (q.kind == Kind::Multiple).then(|| i18n::t(locale, "results-multiple-note")),
        chart: None,
        table: None,
        stats: None,
        scale_ends: None,
        texts_href: None,
    };
    let staff = palabre_questionnaire::permissions::may_build(&env.ctx.visitor);
    let texts_href = || staff.then(|| format!("{base}/results/{}", q.id));
    match &r.summary {
        Summary::Text => data.texts_href = texts_href(),
        Summary::Choices(lines) => {
            let mut labels: Vec<String> = if q.kind == Kind::YesNo {
                vec![i18n::t(locale, "answer-yes"), i18n::t(locale, "answer-no")]
            } else {
                q.options.clone()
            };
            if q.other {
                labels.push(i18n::t(locale, "answer-other"));
                data.texts_href = texts_href();
            }
            data.chart = Some(bars(&choice_rows(locale, &labels, lines)));
            data.table = Some(table(
                locale,
                &[
                    "results-col-answer",
                    "results-col-count",
                    "results-col-share",
                ],
                share_rows(locale, &labels, lines),
            ));
        }
        Summary::Scale {
            lines,
            mean,
            median,
        } => {
            let labels: Vec<String> = (1..=q.scale_top()).map(|v| v.to_string()).collect();
            data.chart = Some(bars(&choice_rows(locale, &labels, lines)));
            data.table = Some(table(
                locale,
                &[
                    "results-col-value",
                    "results-col-count",
                    "results-col-share",
                ],
                share_rows(locale, &labels, lines),
            ));
            if r.answered > 0 {
                data.stats = Some(i18n::t_args(
                    locale,
                    "results-mean-median",
                    &[
                        ("mean", &decimal(locale, *mean, 2)),
                        ("median", &decimal(locale, *median, 2)),
                    ],
                ));
            }
            data.scale_ends =
                (!item.min_label.is_empty() || !item.max_label.is_empty()).then(|| {
                    format!(
                        "1 : {} · {} : {}",
                        item.min_label,
                        q.scale_top(),
                        item.max_label
                    )
                });
        }
        Summary::Number {
            mean,
            median,
            min,
            max,
        } => {
            if r.answered > 0 {
                let row = |id: &str, v: f64| vec![i18n::t(locale, id), decimal(locale, v, 2)];
                data.table = Some(table(
                    locale,
                    &["results-col-measure", "results-col-value"],
                    vec![
                        row("results-mean", *mean),
                        row("results-median", *median),
                        row("results-min", *min),
                        row("results-max", *max),
                    ],
                ));
            }
        }
        Summary::Dates(months) => {
            let rows: Vec<(String, f64, String)> = months
                .iter()
                .map(|(m, n)| (i18n::month(locale, m), *n as f64, n.to_string()))
                .collect();
            data.chart = Some(bars(&rows));
            data.table = Some(table(
                locale,
                &["results-col-month", "results-col-count"],
                months
                    .iter()
                    .map(|(m, n)| vec![i18n::month(locale, m), n.to_string()])
                    .collect(),
            ));
        }
        Summary::Ranking { scores, ranks } => {
            let mut order: Vec<usize> = (0..q.options.len()).collect();
            order.sort_by(|a, b| scores[*b].cmp(&scores[*a]).then(a.cmp(b)));
            let rows: Vec<(String, f64, String)> = order
                .iter()
                .map(|o| {
                    (
                        q.options[*o].clone(),
                        scores[*o] as f64,
                        scores[*o].to_string(),
                    )
                })
                .collect();
            data.chart = Some(bars(&rows));
            data.table = Some(table(
                locale,
                &[
                    "results-col-answer",
                    "results-col-borda",
                    "results-col-first",
                ],
                order
                    .iter()
                    .map(|o| {
                        vec![
                            q.options[*o].clone(),
                            scores[*o].to_string(),
                            ranks[*o].first().copied().unwrap_or(0).to_string(),
                        ]
                    })
                    .collect(),
            ));
            data.stats = Some(i18n::t_args(
                locale,
                "results-borda",
                &[("points", &(q.options.len().saturating_sub(1)).to_string())],
            ));
        }
        Summary::Matrix(rows) => {
            let mut head = vec![String::new()];
            head.extend(q.options.iter().cloned());
            let rows = q
                .rows
                .iter()
                .zip(rows)
                .map(|(label, lines)| {
                    let mut cells = vec![label.clone()];
                    cells.extend(
                        lines
                            .iter()
                            .map(|l| format!("{} ({})", l.count, percent(locale, l.percent))),
                    );
                    cells
                })
                .collect();
            data.table = Some(views::Table { head, rows });
        }
    }
    data
}

pub async fn page(env: &Env, slug: &str) -> Result<Response> {
    let locale = env.ctx.locale;
    let q = visible(env, slug).await?;
    if !results_visible(env, &q) {
        return Err(Error::NotFound);
    }
    let base = format!("/questionnaires/{}", q.slug);
    let sections = store::structure(&env.conn, q.id).await?;
    let tallies = store::tallies(&env.conn, q.id).await?;
    let sections = sections
        .iter()
        .filter(|s| !s.items.is_empty())
        .map(|s| views::ResultSection {
            title: s.title.clone(),
            questions: s
                .items
                .iter()
                .map(|item| question_results(env, item, tallies.get(&item.question.id), &base))
                .collect(),
        })
        .collect();
    let data = views::Results {
        questionnaire: Titled {
            title: q.title.clone(),
            href: base.clone(),
        },
        responses: i18n::t_args(
            locale,
            "questionnaire-responses",
            &[("count", &q.responses_count.to_string())],
        ),
        sections,
        private_note: (!results_public(&q)).then(|| i18n::t(locale, "results-private")),
        // What anonymous answers can and cannot guarantee, beside the figures.
        anonymous_note: q
            .anonymous
            .then(|| i18n::t(locale, "results-anonymous-note")),
    };
    let title = i18n::t_args(locale, "results-title", &[("title", &q.title)]);
    let page = env.page("results", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

/// `GET /questionnaires/<slug>/results/<question>?q=`: the free-text answers
/// (or the "other" texts) of a question, for staff, with a search.
pub async fn texts(env: &Env, slug: &str, raw_id: &str) -> Result<Response> {
    env.ctx.require(palabre_domain::Role::Moderator)?;
    let locale = env.ctx.locale;
    let q = visible(env, slug).await?;
    let id: i64 = raw_id.parse().map_err(|_| Error::NotFound)?;
    let sections = store::structure(&env.conn, q.id).await?;
    let item = sections
        .iter()
        .flat_map(|s| s.items.iter())
        .find(|i| i.question.id == id)
        .ok_or(Error::NotFound)?;
    let needle: String = env
        .ctx
        .query("q")
        .unwrap_or_default()
        .chars()
        .take(100)
        .collect();
    let texts: Vec<String> = store::texts(&env.conn, id, needle.trim(), 500)
        .await?
        .iter()
        .filter_map(|raw| match Answer::decode(item.question.kind, raw)? {
            Answer::Text(t) => Some(t),
            Answer::Choice(Pick::Other(t)) => Some(t),
            Answer::Choices(_, Some(t)) => Some(t),
            _ => None,
        })
        .filter(|t| {
            needle.trim().is_empty() || t.to_lowercase().contains(&needle.trim().to_lowercase())
        })
        .collect();
    let base = format!("/questionnaires/{}", q.slug);
    let data = views::Texts {
        questionnaire: Titled {
            title: q.title.clone(),
            href: format!("{base}/results"),
        },
        label: item.label.clone(),
        action: format!("{base}/results/{id}"),
        needle,
        count: i18n::t_args(
            locale,
            "results-texts-count",
            &[("count", &texts.len().to_string())],
        ),
        texts,
    };
    let page = env.page("texts", &item.label, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}
