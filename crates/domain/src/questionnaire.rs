//! Questionnaires: the question kinds, what each accepts (parsed from a form,
//! checked server-side), when a conditional question shows, how an answer is
//! stored and tallied, and the exact results computed from the tallies.
//! Pure rules, no I/O.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crate::date::Day;

/// Longest free-text answer, in characters (short and long text).
pub const MAX_SHORT_TEXT: usize = 300;
pub const MAX_LONG_TEXT: usize = 5_000;
/// The tops a linear scale may have.
pub const SCALE_TOPS: std::ops::RangeInclusive<i64> = 2..=10;
/// Longest label of a scale's ends.
pub const MAX_SCALE_LABEL: usize = 100;
/// Largest bound (either sign) of a number question or a count of choices.
pub const MAX_BOUND: i64 = 1_000_000_000;
/// Longest description of a questionnaire's section.
pub const MAX_SECTION_DESCRIPTION: usize = 5_000;
/// Most choices a question may offer (and rows a matrix may have).
pub const MAX_OPTIONS: usize = 30;
/// Longest choice label.
pub const MAX_OPTION_LEN: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    ShortText,
    LongText,
    Single,
    Multiple,
    Scale,
    Ranking,
    Matrix,
    Number,
    Date,
    YesNo,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::ShortText,
        Kind::LongText,
        Kind::Single,
        Kind::Multiple,
        Kind::Scale,
        Kind::Ranking,
        Kind::Matrix,
        Kind::Number,
        Kind::Date,
        Kind::YesNo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ShortText => "short_text",
            Kind::LongText => "long_text",
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::Scale => "scale",
            Kind::Ranking => "ranking",
            Kind::Matrix => "matrix",
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::YesNo => "yes_no",
        }
    }

    /// Kinds whose choices are listed by staff (choices, or a matrix's columns).
    pub fn has_options(self) -> bool {
        matches!(
            self,
            Kind::Single | Kind::Multiple | Kind::Ranking | Kind::Matrix
        )
    }

    /// Kinds with a lower bound: the fewest choices, the smallest number.
    pub fn has_min(self) -> bool {
        matches!(self, Kind::Multiple | Kind::Number)
    }

    /// Kinds with an upper bound: the most choices, the largest number, the
    /// top of a scale.
    pub fn has_max(self) -> bool {
        matches!(self, Kind::Multiple | Kind::Number | Kind::Scale)
    }

    /// Kinds that may offer "other, please specify".
    pub fn may_have_other(self) -> bool {
        matches!(self, Kind::Single | Kind::Multiple)
    }

    /// Kinds a later question's condition may refer to.
    pub fn may_be_condition(self) -> bool {
        matches!(self, Kind::Single | Kind::Multiple | Kind::YesNo)
    }
}

impl FromStr for Kind {
    type Err = ();

    fn from_str(s: &str) -> Result<Kind, ()> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or(())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Show a question only when an earlier answer chose this option (for a
/// yes/no question: 0 is yes, 1 is no).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition {
    pub question_id: i64,
    pub option: usize,
}

/// A question as staff set it up.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: i64,
    pub kind: Kind,
    pub required: bool,
    /// Choices (single, multiple, ranking) or a matrix's columns.
    pub options: Vec<String>,
    /// A matrix's rows.
    pub rows: Vec<String>,
    /// Offers "other, please specify" (single and multiple choice).
    pub other: bool,
    /// Multiple choice: fewest and most selections. Number: the bounds.
    /// Scale: `max` is the top of the scale (from 1).
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub condition: Option<Condition>,
}

impl Question {
    /// The top of a linear scale (5 unless set; 2 to 10).
    pub fn scale_top(&self) -> i64 {
        self.max
            .unwrap_or(5)
            .clamp(*SCALE_TOPS.start(), *SCALE_TOPS.end())
    }
}

/// An answer, checked against its question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Text(String),
    /// Single choice: an option, or "other" with its text.
    Choice(Pick),
    /// Multiple choice: options (ascending) and maybe "other".
    Choices(Vec<usize>, Option<String>),
    Scale(i64),
    Number(f64),
    Date(Day),
    YesNo(bool),
    /// Options from the most to the least preferred.
    Ranking(Vec<usize>),
    /// The column chosen in each row (`None`: row left blank).
    Matrix(Vec<Option<usize>>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    Option(usize),
    Other(String),
}

/// Why an answer is refused, with what the message needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    Required,
    TooLong(usize),
    InvalidCharacters,
    InvalidChoice,
    OtherMissing,
    TooFew(i64),
    TooMany(i64),
    NotANumber,
    OutOfRange(i64, i64),
    BelowMin(i64),
    AboveMax(i64),
    InvalidDate,
    RankingIncomplete,
    RankingRepeated,
    RowMissing,
}

impl AnswerError {
    /// The catalogue message and its arguments.
    pub fn message(self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            AnswerError::Required => ("answer-required", vec![]),
            AnswerError::TooLong(n) => ("answer-too-long", vec![("max", n.to_string())]),
            AnswerError::InvalidCharacters => ("field-invalid-characters", vec![]),
            AnswerError::InvalidChoice => ("answer-invalid-choice", vec![]),
            AnswerError::OtherMissing => ("answer-other-missing", vec![]),
            AnswerError::TooFew(n) => ("answer-too-few", vec![("min", n.to_string())]),
            AnswerError::TooMany(n) => ("answer-too-many", vec![("max", n.to_string())]),
            AnswerError::NotANumber => ("answer-not-a-number", vec![]),
            AnswerError::OutOfRange(a, b) => (
                "answer-out-of-range",
                vec![("min", a.to_string()), ("max", b.to_string())],
            ),
            AnswerError::BelowMin(n) => ("answer-below-min", vec![("min", n.to_string())]),
            AnswerError::AboveMax(n) => ("answer-above-max", vec![("max", n.to_string())]),
            AnswerError::InvalidDate => ("field-invalid-date", vec![]),
            AnswerError::RankingIncomplete => ("answer-ranking-incomplete", vec![]),
            AnswerError::RankingRepeated => ("answer-ranking-repeated", vec![]),
            AnswerError::RowMissing => ("answer-row-missing", vec![]),
        }
    }
}

/// Form field names: `q<id>` for the answer, `q<id>_other` for the text of
/// "other", `q<id>_r<option>` for a rank, `q<id>_m<row>` for a matrix row.
pub fn field(id: i64) -> String {
    format!("q{id}")
}

fn free_text(input: &str, max: usize) -> Result<String, AnswerError> {
    crate::content::text(input, max).map_err(|e| match e {
        crate::account::FieldError::TooLong => AnswerError::TooLong(max),
        _ => AnswerError::InvalidCharacters,
    })
}

fn index(raw: &str, len: usize) -> Result<usize, AnswerError> {
    raw.trim()
        .parse::<usize>()
        .ok()
        .filter(|i| *i < len)
        .ok_or(AnswerError::InvalidChoice)
}

/// Reads a question's answer from the submitted form. `values(name)` gives
/// every value sent under `name` (checkboxes send several). `Ok(None)`: left
/// blank, and allowed to be.
pub fn parse(
    q: &Question,
    values: &dyn Fn(&str) -> Vec<String>,
) -> Result<Option<Answer>, AnswerError> {
    let name = field(q.id);
    let first = |n: &str| values(n).into_iter().next().unwrap_or_default();
    let main = first(&name);
    let answer = match q.kind {
        Kind::ShortText | Kind::LongText => {
            let max = if q.kind == Kind::ShortText {
                MAX_SHORT_TEXT
            } else {
                MAX_LONG_TEXT
            };
            let text = free_text(&main, max)?;
            (!text.is_empty()).then_some(Answer::Text(text))
        }
        Kind::Single => match main.trim() {
            "" => None,
            "other" if q.other => {
                let text = free_text(&first(&format!("{name}_other")), MAX_SHORT_TEXT)?;
                if text.is_empty() {
                    return Err(AnswerError::OtherMissing);
                }
                Some(Answer::Choice(Pick::Other(text)))
            }
            raw => Some(Answer::Choice(Pick::Option(index(raw, q.options.len())?))),
        },
        Kind::Multiple => {
            let mut chosen = Vec::new();
            let mut other = None;
            for raw in values(&name) {
                if raw == "other" && q.other {
                    let text = free_text(&first(&format!("{name}_other")), MAX_SHORT_TEXT)?;
                    if text.is_empty() {
                        return Err(AnswerError::OtherMissing);
                    }
                    other = Some(text);
                } else {
                    chosen.push(index(&raw, q.options.len())?);
                }
            }
            chosen.sort_unstable();
            chosen.dedup();
            let picked = chosen.len() as i64 + i64::from(other.is_some());
            if picked == 0 {
                None
            } else {
                if let Some(min) = q.min
                    && picked < min
                {
                    return Err(AnswerError::TooFew(min));
                }
                if let Some(max) = q.max
                    && picked > max
                {
                    return Err(AnswerError::TooMany(max));
                }
                Some(Answer::Choices(chosen, other))
            }
        }
        Kind::Scale => match main.trim() {
            "" => None,
            raw => {
                let top = q.scale_top();
                let v = raw
                    .parse::<i64>()
                    .ok()
                    .filter(|v| (1..=top).contains(v))
                    .ok_or(AnswerError::OutOfRange(1, top))?;
                Some(Answer::Scale(v))
            }
        },
        Kind::Number => match main.trim() {
            "" => None,
            raw => {
                let v = raw
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && v.abs() < 1e12)
                    .ok_or(AnswerError::NotANumber)?;
                if let Some(min) = q.min
                    && v < min as f64
                {
                    return Err(AnswerError::BelowMin(min));
                }
                if let Some(max) = q.max
                    && v > max as f64
                {
                    return Err(AnswerError::AboveMax(max));
                }
                Some(Answer::Number(v))
            }
        },
        Kind::Date => match main.trim() {
            "" => None,
            raw => Some(Answer::Date(
                Day::parse(raw).ok_or(AnswerError::InvalidDate)?,
            )),
        },
        Kind::YesNo => match main.trim() {
            "" => None,
            "yes" => Some(Answer::YesNo(true)),
            "no" => Some(Answer::YesNo(false)),
            _ => return Err(AnswerError::InvalidChoice),
        },
        Kind::Ranking => {
            let n = q.options.len();
            let mut rank_of = Vec::with_capacity(n);
            for option in 0..n {
                let raw = first(&format!("{name}_r{option}"));
                rank_of.push(match raw.trim() {
                    "" => None,
                    r => Some(
                        r.parse::<usize>()
                            .ok()
                            .filter(|v| (1..=n).contains(v))
                            .map(|v| v - 1)
                            .ok_or(AnswerError::InvalidChoice)?,
                    ),
                });
            }
            if rank_of.iter().all(Option::is_none) {
                None
            } else {
                if rank_of.iter().any(Option::is_none) {
                    return Err(AnswerError::RankingIncomplete);
                }
                let mut order = vec![usize::MAX; n];
                for (option, rank) in rank_of.iter().enumerate() {
                    let rank = rank.unwrap_or(0);
                    if order[rank] != usize::MAX {
                        return Err(AnswerError::RankingRepeated);
                    }
                    order[rank] = option;
                }
                Some(Answer::Ranking(order))
            }
        }
        Kind::Matrix => {
            let mut cells = Vec::with_capacity(q.rows.len());
            for row in 0..q.rows.len() {
                let raw = first(&format!("{name}_m{row}"));
                cells.push(match raw.trim() {
                    "" => None,
                    r => Some(index(r, q.options.len())?),
                });
            }
            if cells.iter().all(Option::is_none) {
                None
            } else if q.required && cells.iter().any(Option::is_none) {
                return Err(AnswerError::RowMissing);
            } else {
                Some(Answer::Matrix(cells))
            }
        }
    };
    if answer.is_none() && q.required {
        return Err(AnswerError::Required);
    }
    Ok(answer)
}

fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

impl Answer {
    /// How the answer is stored (the kind is known when it is read back).
    pub fn encode(&self) -> String {
        let list = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
        match self {
            Answer::Text(t) => t.clone(),
            Answer::Choice(Pick::Option(i)) => format!("o{i}"),
            Answer::Choice(Pick::Other(t)) => format!("x{t}"),
            Answer::Choices(v, other) => match other {
                Some(t) => format!("{}|{t}", list(v)),
                None => list(v),
            },
            Answer::Scale(v) => v.to_string(),
            Answer::Number(v) => number_text(*v),
            Answer::Date(d) => d.iso(),
            Answer::YesNo(b) => if *b { "yes" } else { "no" }.to_string(),
            Answer::Ranking(v) => list(v),
            Answer::Matrix(cells) => cells
                .iter()
                .map(|c| c.map(|i| i.to_string()).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(","),
        }
    }

    /// Reads a stored answer back; `None` if it does not fit the kind.
    pub fn decode(kind: Kind, stored: &str) -> Option<Answer> {
        let list = |s: &str| -> Option<Vec<usize>> {
            if s.is_empty() {
                return Some(Vec::new());
            }
            s.split(',').map(|x| x.parse().ok()).collect()
        };
        Some(match kind {
            Kind::ShortText | Kind::LongText => Answer::Text(stored.to_string()),
            Kind::Single => match stored.split_at_checked(1)? {
                ("o", i) => Answer::Choice(Pick::Option(i.parse().ok()?)),
                ("x", t) => Answer::Choice(Pick::Other(t.to_string())),
                _ => return None,
            },
            Kind::Multiple => match stored.split_once('|') {
                Some((v, t)) => Answer::Choices(list(v)?, Some(t.to_string())),
                None => Answer::Choices(list(stored)?, None),
            },
            Kind::Scale => Answer::Scale(stored.parse().ok()?),
            Kind::Number => Answer::Number(stored.parse().ok()?),
            Kind::Date => Answer::Date(Day::parse(stored)?),
            Kind::YesNo => Answer::YesNo(match stored {
                "yes" => true,
                "no" => false,
                _ => return None,
            }),
            Kind::Ranking => Answer::Ranking(list(stored)?),
            Kind::Matrix => Answer::Matrix(
                stored
                    .split(',')
                    .map(|c| {
                        if c.is_empty() {
                            Some(None)
                        } else {
                            c.parse().ok().map(Some)
                        }
                    })
                    .collect::<Option<Vec<_>>>()?,
            ),
        })
    }

    /// The tally buckets this answer adds one to (besides `answered`).
    pub fn buckets(&self) -> Vec<String> {
        let mut out = vec!["answered".to_string()];
        match self {
            Answer::Text(_) => {}
            Answer::Choice(Pick::Option(i)) => out.push(format!("o{i}")),
            Answer::Choice(Pick::Other(_)) => out.push("other".into()),
            Answer::Choices(v, other) => {
                out.extend(v.iter().map(|i| format!("o{i}")));
                if other.is_some() {
                    out.push("other".into());
                }
            }
            Answer::Scale(v) => out.push(format!("v{v}")),
            Answer::Number(v) => out.push(format!("n{}", number_text(*v))),
            Answer::Date(d) => out.push(format!("d{}", &d.iso()[..7])),
            Answer::YesNo(b) => out.push(if *b { "yes" } else { "no" }.into()),
            Answer::Ranking(order) => out.extend(
                order
                    .iter()
                    .enumerate()
                    .map(|(rank, option)| format!("r{option}:{rank}")),
            ),
            Answer::Matrix(cells) => out.extend(
                cells
                    .iter()
                    .enumerate()
                    .filter_map(|(row, c)| c.map(|col| format!("m{row}:{col}"))),
            ),
        }
        out
    }

    /// The form fields that give this answer back (the inverse of [`parse`]),
    /// to show a saved answer in its form.
    pub fn to_form(&self, id: i64) -> Vec<(String, String)> {
        let name = field(id);
        let one = |v: String| vec![(name.clone(), v)];
        let other = |t: &str| (format!("{name}_other"), t.to_string());
        match self {
            Answer::Text(t) => one(t.clone()),
            Answer::Choice(Pick::Option(i)) => one(i.to_string()),
            Answer::Choice(Pick::Other(t)) => vec![(name.clone(), "other".into()), other(t)],
            Answer::Choices(v, o) => {
                let mut out: Vec<(String, String)> =
                    v.iter().map(|i| (name.clone(), i.to_string())).collect();
                if let Some(t) = o {
                    out.push((name.clone(), "other".into()));
                    out.push(other(t));
                }
                out
            }
            Answer::Scale(v) => one(v.to_string()),
            Answer::Number(v) => one(number_text(*v)),
            Answer::Date(d) => one(d.iso()),
            Answer::YesNo(b) => one(if *b { "yes" } else { "no" }.into()),
            Answer::Ranking(order) => order
                .iter()
                .enumerate()
                .map(|(rank, option)| (format!("{name}_r{option}"), (rank + 1).to_string()))
                .collect(),
            Answer::Matrix(cells) => cells
                .iter()
                .enumerate()
                .filter_map(|(row, c)| c.map(|col| (format!("{name}_m{row}"), col.to_string())))
                .collect(),
        }
    }

    /// Whether this answer meets a later question's condition.
    fn chose(&self, option: usize) -> bool {
        match self {
            Answer::Choice(Pick::Option(i)) => *i == option,
            Answer::Choices(v, _) => v.contains(&option),
            Answer::YesNo(b) => (option == 0) == *b,
            _ => false,
        }
    }
}

/// Whether a question is shown, given the answers so far.
pub fn shown(q: &Question, answers: &HashMap<i64, Answer>) -> bool {
    match q.condition {
        None => true,
        Some(c) => answers
            .get(&c.question_id)
            .is_some_and(|a| a.chose(c.option)),
    }
}

/// A staff-typed list (choices, rows): one per line, trimmed, blank lines
/// dropped; at most [`MAX_OPTIONS`] of at most [`MAX_OPTION_LEN`] characters.
pub fn option_list(input: &str) -> Result<Vec<String>, crate::account::FieldError> {
    let items: Vec<String> = input
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if items.len() > MAX_OPTIONS || items.iter().any(|i| i.chars().count() > MAX_OPTION_LEN) {
        return Err(crate::account::FieldError::TooLong);
    }
    if items.iter().any(|i| i.chars().any(char::is_control)) {
        return Err(crate::account::FieldError::InvalidCharacters);
    }
    Ok(items)
}

/// A CSV cell: quoted when it holds a separator, a quote or a line break, and
/// defused when a spreadsheet would read it as a formula (starts with = + - @,
/// a tab or a carriage return: a `'` goes first).
pub fn csv_cell(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if defused.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

mod results;
pub use results::*;

#[cfg(test)]
mod tests;
