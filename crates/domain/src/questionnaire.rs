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
        self.max.unwrap_or(5).clamp(2, 10)
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

/// One line of a choice result: how many chose it, and the share of the
/// people who answered the question (multiple choice: shares add up to more
/// than 100 %, since each option is counted, not each combination).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub count: i64,
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Summary {
    /// Free text: only how many answered (the texts are listed to staff).
    Text,
    /// Single, multiple, yes/no: one line per option, then "other" if offered.
    Choices(Vec<Line>),
    /// A scale: one line per value from 1, the mean and the median.
    Scale {
        lines: Vec<Line>,
        mean: f64,
        median: f64,
    },
    Number {
        mean: f64,
        median: f64,
        min: f64,
        max: f64,
    },
    /// Dates: the earliest and latest months, and a line per month.
    Dates(Vec<(String, i64)>),
    /// Borda score per option (first place n − 1 points … last 0), options
    /// in their original order; `ranks[option][rank]` counts.
    Ranking {
        scores: Vec<i64>,
        ranks: Vec<Vec<i64>>,
    },
    /// Counts per row and column.
    Matrix(Vec<Vec<Line>>),
}

/// A question's results: how many answered, and the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub answered: i64,
    pub summary: Summary,
}

fn percent(count: i64, of: i64) -> f64 {
    if of == 0 {
        0.0
    } else {
        count as f64 * 100.0 / of as f64
    }
}

/// The median of a distribution given as (value, count), values ascending.
pub fn median(dist: &[(f64, i64)]) -> Option<f64> {
    let total: i64 = dist.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let nth = |k: i64| {
        let mut seen = 0;
        for (v, n) in dist {
            seen += n;
            if seen > k {
                return *v;
            }
        }
        dist.last().map_or(0.0, |d| d.0)
    };
    Some(if total % 2 == 1 {
        nth(total / 2)
    } else {
        (nth(total / 2 - 1) + nth(total / 2)) / 2.0
    })
}

/// The results of a question from its tallies (bucket → count).
pub fn results(q: &Question, tallies: &HashMap<String, i64>) -> Results {
    let n = |key: &str| tallies.get(key).copied().unwrap_or(0);
    let answered = n("answered");
    let line = |count: i64| Line {
        count,
        percent: percent(count, answered),
    };
    let summary = match q.kind {
        Kind::ShortText | Kind::LongText => Summary::Text,
        Kind::Single | Kind::Multiple => {
            let mut lines: Vec<Line> = (0..q.options.len())
                .map(|i| line(n(&format!("o{i}"))))
                .collect();
            if q.other {
                lines.push(line(n("other")));
            }
            Summary::Choices(lines)
        }
        Kind::YesNo => Summary::Choices(vec![line(n("yes")), line(n("no"))]),
        Kind::Scale => {
            let top = q.scale_top();
            let dist: Vec<(f64, i64)> =
                (1..=top).map(|v| (v as f64, n(&format!("v{v}")))).collect();
            let total: i64 = dist.iter().map(|d| d.1).sum();
            let sum: f64 = dist.iter().map(|(v, c)| v * *c as f64).sum();
            Summary::Scale {
                lines: dist.iter().map(|(_, c)| line(*c)).collect(),
                mean: if total > 0 { sum / total as f64 } else { 0.0 },
                median: median(&dist).unwrap_or(0.0),
            }
        }
        Kind::Number => {
            let mut dist: Vec<(f64, i64)> = tallies
                .iter()
                .filter_map(|(k, c)| Some((k.strip_prefix('n')?.parse::<f64>().ok()?, *c)))
                .filter(|(_, c)| *c > 0)
                .collect();
            dist.sort_by(|a, b| a.0.total_cmp(&b.0));
            let total: i64 = dist.iter().map(|d| d.1).sum();
            let sum: f64 = dist.iter().map(|(v, c)| v * *c as f64).sum();
            Summary::Number {
                mean: if total > 0 { sum / total as f64 } else { 0.0 },
                median: median(&dist).unwrap_or(0.0),
                min: dist.first().map_or(0.0, |d| d.0),
                max: dist.last().map_or(0.0, |d| d.0),
            }
        }
        Kind::Date => {
            let mut months: Vec<(String, i64)> = tallies
                .iter()
                .filter_map(|(k, c)| Some((k.strip_prefix('d')?.to_string(), *c)))
                .filter(|(_, c)| *c > 0)
                .collect();
            months.sort();
            Summary::Dates(months)
        }
        Kind::Ranking => {
            let size = q.options.len();
            let ranks: Vec<Vec<i64>> = (0..size)
                .map(|o| (0..size).map(|r| n(&format!("r{o}:{r}"))).collect())
                .collect();
            let scores = ranks
                .iter()
                .map(|by_rank| {
                    by_rank
                        .iter()
                        .enumerate()
                        .map(|(rank, c)| c * (size - 1 - rank) as i64)
                        .sum()
                })
                .collect();
            Summary::Ranking { scores, ranks }
        }
        Kind::Matrix => Summary::Matrix(
            (0..q.rows.len())
                .map(|row| {
                    let counts: Vec<i64> = (0..q.options.len())
                        .map(|col| n(&format!("m{row}:{col}")))
                        .collect();
                    let in_row: i64 = counts.iter().sum();
                    counts
                        .iter()
                        .map(|c| Line {
                            count: *c,
                            percent: percent(*c, in_row),
                        })
                        .collect()
                })
                .collect(),
        ),
    };
    Results { answered, summary }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn q(kind: Kind) -> Question {
        Question {
            id: 7,
            kind,
            required: false,
            options: vec!["Vélo".into(), "Bus".into(), "Voiture".into()],
            rows: vec!["Matin".into(), "Soir".into()],
            other: false,
            min: None,
            max: None,
            condition: None,
        }
    }

    fn form(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Vec<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name: &str| {
            pairs
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .collect()
        }
    }

    #[test]
    fn texts() {
        let mut short = q(Kind::ShortText);
        assert_eq!(
            parse(&short, &form(&[("q7", "  Bonjour ")])),
            Ok(Some(Answer::Text("Bonjour".into())))
        );
        assert_eq!(parse(&short, &form(&[])), Ok(None));
        short.required = true;
        assert_eq!(
            parse(&short, &form(&[("q7", " ")])),
            Err(AnswerError::Required)
        );
        let long = "a".repeat(MAX_SHORT_TEXT + 1);
        assert_eq!(
            parse(&short, &form(&[("q7", &long)])),
            Err(AnswerError::TooLong(MAX_SHORT_TEXT))
        );
        assert!(parse(&q(Kind::LongText), &form(&[("q7", &long)])).is_ok());
    }

    #[test]
    fn single_choice_with_other() {
        let mut single = q(Kind::Single);
        assert_eq!(
            parse(&single, &form(&[("q7", "1")])),
            Ok(Some(Answer::Choice(Pick::Option(1))))
        );
        assert_eq!(
            parse(&single, &form(&[("q7", "3")])),
            Err(AnswerError::InvalidChoice)
        );
        assert_eq!(
            parse(&single, &form(&[("q7", "other")])),
            Err(AnswerError::InvalidChoice)
        );
        single.other = true;
        assert_eq!(
            parse(&single, &form(&[("q7", "other")])),
            Err(AnswerError::OtherMissing)
        );
        let a = parse(
            &single,
            &form(&[("q7", "other"), ("q7_other", "Trottinette")]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(a, Answer::Choice(Pick::Other("Trottinette".into())));
        assert_eq!(Answer::decode(Kind::Single, &a.encode()), Some(a.clone()));
        assert_eq!(a.buckets(), vec!["answered", "other"]);
    }

    #[test]
    fn multiple_choice_counts_options_within_bounds() {
        let mut multiple = q(Kind::Multiple);
        multiple.min = Some(2);
        multiple.max = Some(2);
        multiple.other = true;
        assert_eq!(
            parse(&multiple, &form(&[("q7", "0")])),
            Err(AnswerError::TooFew(2))
        );
        assert_eq!(
            parse(&multiple, &form(&[("q7", "0"), ("q7", "1"), ("q7", "2")])),
            Err(AnswerError::TooMany(2))
        );
        let a = parse(
            &multiple,
            &form(&[
                ("q7", "2"),
                ("q7", "other"),
                ("q7_other", "À pied, souvent"),
            ]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(a, Answer::Choices(vec![2], Some("À pied, souvent".into())));
        assert_eq!(Answer::decode(Kind::Multiple, &a.encode()), Some(a.clone()));
        assert_eq!(a.buckets(), vec!["answered", "o2", "other"]);
        // The same option twice counts once.
        multiple.min = None;
        multiple.max = None;
        assert_eq!(
            parse(&multiple, &form(&[("q7", "1"), ("q7", "1")])),
            Ok(Some(Answer::Choices(vec![1], None)))
        );
    }

    #[test]
    fn scales_numbers_dates_yes_no() {
        let mut scale = q(Kind::Scale);
        scale.max = Some(10);
        assert_eq!(
            parse(&scale, &form(&[("q7", "10")])),
            Ok(Some(Answer::Scale(10)))
        );
        assert_eq!(
            parse(&scale, &form(&[("q7", "11")])),
            Err(AnswerError::OutOfRange(1, 10))
        );
        assert_eq!(
            parse(&scale, &form(&[("q7", "0")])),
            Err(AnswerError::OutOfRange(1, 10))
        );
        let mut number = q(Kind::Number);
        number.min = Some(0);
        number.max = Some(120);
        assert_eq!(
            parse(&number, &form(&[("q7", "42,5")])),
            Ok(Some(Answer::Number(42.5)))
        );
        assert_eq!(
            parse(&number, &form(&[("q7", "douze")])),
            Err(AnswerError::NotANumber)
        );
        assert_eq!(
            parse(&number, &form(&[("q7", "NaN")])),
            Err(AnswerError::NotANumber)
        );
        assert_eq!(
            parse(&number, &form(&[("q7", "-1")])),
            Err(AnswerError::BelowMin(0))
        );
        assert_eq!(
            parse(&number, &form(&[("q7", "121")])),
            Err(AnswerError::AboveMax(120))
        );
        assert_eq!(Answer::Number(42.5).encode(), "42.5");
        assert_eq!(Answer::Number(3.0).encode(), "3");
        let date = q(Kind::Date);
        assert_eq!(
            parse(&date, &form(&[("q7", "2026-02-30")])),
            Err(AnswerError::InvalidDate)
        );
        let d = parse(&date, &form(&[("q7", "2026-11-26")]))
            .unwrap()
            .unwrap();
        assert_eq!(d.buckets(), vec!["answered", "d2026-11"]);
        let yes_no = q(Kind::YesNo);
        assert_eq!(
            parse(&yes_no, &form(&[("q7", "no")])),
            Ok(Some(Answer::YesNo(false)))
        );
        assert_eq!(
            parse(&yes_no, &form(&[("q7", "peut-être")])),
            Err(AnswerError::InvalidChoice)
        );
    }

    #[test]
    fn rankings_are_complete_and_without_repeats() {
        let ranking = q(Kind::Ranking);
        let a = parse(
            &ranking,
            &form(&[("q7_r0", "2"), ("q7_r1", "3"), ("q7_r2", "1")]),
        )
        .unwrap()
        .unwrap();
        // Voiture first, then Vélo, then Bus.
        assert_eq!(a, Answer::Ranking(vec![2, 0, 1]));
        assert_eq!(Answer::decode(Kind::Ranking, &a.encode()), Some(a.clone()));
        assert_eq!(
            parse(&ranking, &form(&[("q7_r0", "1"), ("q7_r1", "2")])),
            Err(AnswerError::RankingIncomplete)
        );
        assert_eq!(
            parse(
                &ranking,
                &form(&[("q7_r0", "1"), ("q7_r1", "1"), ("q7_r2", "2")])
            ),
            Err(AnswerError::RankingRepeated)
        );
        assert_eq!(
            parse(
                &ranking,
                &form(&[("q7_r0", "1"), ("q7_r1", "2"), ("q7_r2", "4")])
            ),
            Err(AnswerError::InvalidChoice)
        );
    }

    #[test]
    fn matrices_need_every_row_when_required() {
        let mut matrix = q(Kind::Matrix);
        let a = parse(&matrix, &form(&[("q7_m0", "2")])).unwrap().unwrap();
        assert_eq!(a, Answer::Matrix(vec![Some(2), None]));
        assert_eq!(Answer::decode(Kind::Matrix, &a.encode()), Some(a.clone()));
        assert_eq!(a.buckets(), vec!["answered", "m0:2"]);
        matrix.required = true;
        assert_eq!(
            parse(&matrix, &form(&[("q7_m0", "2")])),
            Err(AnswerError::RowMissing)
        );
        assert_eq!(
            parse(&matrix, &form(&[("q7_m0", "3"), ("q7_m1", "0")])),
            Err(AnswerError::InvalidChoice)
        );
    }

    #[test]
    fn answers_go_back_to_their_form() {
        let mut base = q(Kind::Multiple);
        base.other = true;
        for (kind, answer) in [
            (Kind::ShortText, Answer::Text("Oui".into())),
            (Kind::Single, Answer::Choice(Pick::Other("Train".into()))),
            (
                Kind::Multiple,
                Answer::Choices(vec![0, 2], Some("Train".into())),
            ),
            (Kind::Scale, Answer::Scale(4)),
            (Kind::Number, Answer::Number(12.5)),
            (Kind::YesNo, Answer::YesNo(true)),
            (Kind::Ranking, Answer::Ranking(vec![1, 2, 0])),
            (Kind::Matrix, Answer::Matrix(vec![None, Some(1)])),
        ] {
            let question = Question {
                kind,
                ..base.clone()
            };
            let fields = answer.to_form(7);
            let pairs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            assert_eq!(
                parse(&question, &form(&pairs)),
                Ok(Some(answer.clone())),
                "{kind}"
            );
        }
    }

    #[test]
    fn conditions_follow_earlier_answers() {
        let mut later = q(Kind::ShortText);
        later.condition = Some(Condition {
            question_id: 3,
            option: 1,
        });
        let mut answers = HashMap::new();
        assert!(!shown(&later, &answers));
        answers.insert(3, Answer::Choices(vec![0, 1], None));
        assert!(shown(&later, &answers));
        answers.insert(3, Answer::Choice(Pick::Option(0)));
        assert!(!shown(&later, &answers));
        answers.insert(3, Answer::YesNo(false));
        assert!(shown(&later, &answers));
    }

    /// Hand-computed: five people, multiple choice. A: Vélo+Bus, B: Bus,
    /// C: Vélo+Bus+Voiture, D: Bus+other, E: nothing (did not answer).
    #[test]
    fn results_count_options_not_combinations() {
        let mut multiple = q(Kind::Multiple);
        multiple.other = true;
        let mut tallies: HashMap<String, i64> = HashMap::new();
        for a in [
            Answer::Choices(vec![0, 1], None),
            Answer::Choices(vec![1], None),
            Answer::Choices(vec![0, 1, 2], None),
            Answer::Choices(vec![1], Some("Train".into())),
        ] {
            for b in a.buckets() {
                *tallies.entry(b).or_default() += 1;
            }
        }
        let r = results(&multiple, &tallies);
        assert_eq!(r.answered, 4);
        let Summary::Choices(lines) = r.summary else {
            panic!()
        };
        let counts: Vec<i64> = lines.iter().map(|l| l.count).collect();
        assert_eq!(counts, vec![2, 4, 1, 1]);
        assert_eq!(lines[1].percent, 100.0);
        assert_eq!(lines[0].percent, 50.0);
    }

    #[test]
    fn scales_have_a_mean_and_median_rankings_a_borda_score() {
        let scale = q(Kind::Scale);
        let mut tallies = HashMap::new();
        // 1, 2, 2, 5 → mean 2.5, median 2.
        tallies.insert("answered".to_string(), 4);
        tallies.insert("v1".to_string(), 1);
        tallies.insert("v2".to_string(), 2);
        tallies.insert("v5".to_string(), 1);
        let Summary::Scale {
            mean,
            median,
            lines,
        } = results(&scale, &tallies).summary
        else {
            panic!()
        };
        assert_eq!((mean, median), (2.5, 2.0));
        assert_eq!(lines.len(), 5);
        // Rankings: [2,0,1] and [0,2,1] → Vélo 2+1, Bus 0+0, Voiture 1+2.
        let ranking = q(Kind::Ranking);
        let mut tallies: HashMap<String, i64> = HashMap::new();
        for a in [
            Answer::Ranking(vec![2, 0, 1]),
            Answer::Ranking(vec![0, 2, 1]),
        ] {
            for b in a.buckets() {
                *tallies.entry(b).or_default() += 1;
            }
        }
        let Summary::Ranking { scores, .. } = results(&ranking, &tallies).summary else {
            panic!()
        };
        assert_eq!(scores, vec![3, 0, 3]);
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[(3.0, 1)]), Some(3.0));
        assert_eq!(median(&[(1.0, 1), (4.0, 1)]), Some(2.5));
        assert_eq!(median(&[(1.0, 3), (9.0, 1)]), Some(1.0));
        // Numbers with decimals are tallied by their exact value.
        let number = q(Kind::Number);
        let mut tallies: HashMap<String, i64> = HashMap::new();
        for v in [1.5, 10.0, 2.0] {
            for b in Answer::Number(v).buckets() {
                *tallies.entry(b).or_default() += 1;
            }
        }
        assert_eq!(
            results(&number, &tallies).summary,
            Summary::Number {
                mean: 4.5,
                median: 2.0,
                min: 1.5,
                max: 10.0
            }
        );
    }

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("simple"), "simple");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+33 6"), "'+33 6");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM"), "'@SUM");
        assert_eq!(csv_cell("a\nb"), "\"a\nb\"");
    }

    #[test]
    fn option_lists() {
        assert_eq!(
            option_list(" a \n\n b\r\n"),
            Ok(vec!["a".to_string(), "b".to_string()])
        );
        assert!(option_list(&"x\n".repeat(MAX_OPTIONS + 1)).is_err());
    }
}
