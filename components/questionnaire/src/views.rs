//! What the questionnaire pages show: one struct a template (and the
//! `question` partial's, shared by the answer pages and the preview).

use palabre_kit::view::{Dates, Link, Titled};

palabre_kit::views! {
    /// A questionnaire in a list, and the head of its page.
    pub struct Card {
        pub title: String,
        pub href: String,
        pub status: Dates,
        pub draft: bool,
        pub anonymous: bool,
        pub responses: String,
        pub process: Option<Titled>,
        /// Staff: where it is edited.
        pub edit: Option<String>,
    }

    /// `questionnaires.hbs`.
    pub struct List {
        pub questionnaires: Vec<Card>,
        pub staff: bool,
    }

    /// `questionnaire.hbs`: a questionnaire before answering it.
    pub struct Page {
        pub questionnaire: Card,
        pub intro: String,
        pub size: String,
        pub privacy: String,
        pub action: Action,
        pub results_href: Option<String>,
        pub staff: Option<Staff>,
        pub open_data_href: Option<String>,
    }

    /// What the visitor can do now: a note (already answered, not open),
    /// sign in first, or a link to start or go on.
    #[derive(Default)]
    pub struct Action {
        pub note: Option<String>,
        pub login: Option<String>,
        pub href: Option<String>,
        pub label: Option<String>,
    }

    pub struct Staff {
        pub edit: String,
        pub csv: String,
        /// The CSV for a spreadsheet (`kit::csv`).
        pub excel: String,
        pub json: String,
    }

    /// `section.hbs`: one section of the questions, to answer.
    pub struct Section {
        pub questionnaire: Titled,
        pub section: SectionHead,
        pub progress: Progress,
        pub questions: Vec<Question>,
        pub errors: Vec<ErrorLink>,
        pub action: String,
        pub previous: Option<String>,
        pub last: bool,
        pub receipt: bool,
        pub anonymous: bool,
    }

    pub struct SectionHead {
        pub title: String,
        pub description: String,
    }

    pub struct Progress {
        pub value: usize,
        pub max: usize,
        pub text: String,
    }

    /// A line of the error summary, to the question it is about.
    pub struct ErrorLink {
        pub href: String,
        pub label: String,
        pub message: String,
    }

    /// `question.hbs`: a question's fields, filled with what was typed or
    /// saved, and its error; one of the kinds' parts is set.
    pub struct Question {
        pub id: i64,
        pub name: String,
        pub label: String,
        pub help: String,
        pub required: bool,
        pub error: Option<String>,
        pub kind: String,
        pub value: String,
        pub short_text: bool,
        pub long_text: bool,
        pub choices: Option<Choices>,
        pub scale: Option<Scale>,
        pub number: Option<Number>,
        pub date: bool,
        pub ranking: Option<Vec<Ranked>>,
        pub matrix: Option<Matrix>,
        /// In the preview: when the question is shown.
        pub condition: Option<String>,
    }

    pub struct Choices {
        pub multiple: bool,
        pub options: Vec<Choice>,
        pub other: Option<Other>,
        pub bounds: Option<String>,
    }

    pub struct Choice {
        pub value: String,
        pub label: String,
        pub checked: bool,
    }

    pub struct Other {
        pub checked: bool,
        pub value: String,
    }

    pub struct Scale {
        pub values: Vec<ScaleValue>,
        pub min_label: String,
        pub max_label: String,
    }

    pub struct ScaleValue {
        pub value: i64,
        pub checked: bool,
    }

    pub struct Number {
        pub min: Option<i64>,
        pub max: Option<i64>,
        pub hint: Option<String>,
    }

    pub struct Ranked {
        pub field: String,
        pub label: String,
        pub ranks: Vec<Rank>,
    }

    pub struct Rank {
        pub value: usize,
        pub selected: bool,
    }

    pub struct Matrix {
        pub columns: Vec<String>,
        pub rows: Vec<MatrixRow>,
    }

    pub struct MatrixRow {
        pub field: String,
        pub label: String,
        pub cells: Vec<Cell>,
    }

    pub struct Cell {
        pub value: usize,
        pub label: String,
        pub checked: bool,
    }

    /// `done.hbs`: after the last section.
    pub struct Done {
        pub questionnaire: Titled,
        pub results_href: Option<String>,
        pub anonymous: bool,
    }

    /// `notice.hbs`: why a change was refused, and the way back.
    pub struct Notice {
        pub message: String,
        pub back: Link,
    }

    /// `preview.hbs`: every section as respondents will see it.
    pub struct Preview {
        pub questionnaire: Titled,
        pub sections: Vec<PreviewSection>,
    }

    pub struct PreviewSection {
        pub title: String,
        pub description: String,
        pub questions: Vec<Question>,
    }
    /// `results.hbs`: every question's figures, as a chart and a table.
    pub struct Results {
        pub questionnaire: Titled,
        pub responses: String,
        pub sections: Vec<ResultSection>,
        pub private_note: Option<String>,
        pub anonymous_note: Option<String>,
    }

    pub struct ResultSection {
        pub title: String,
        pub questions: Vec<QuestionResults>,
    }

    pub struct QuestionResults {
        pub id: i64,
        pub label: String,
        pub answered: String,
        pub multiple_note: Option<String>,
        pub chart: Option<Chart>,
        pub table: Option<Table>,
        pub stats: Option<String>,
        pub scale_ends: Option<String>,
        pub texts_href: Option<String>,
    }

    /// A horizontal bar chart (SVG): each bar with its label and figure.
    pub struct Chart {
        pub width: f64,
        pub height: String,
        pub bars: Vec<Bar>,
    }

    pub struct Bar {
        pub label: String,
        pub figure: String,
        pub label_y: String,
        pub bar_y: String,
        pub width: String,
        pub figure_x: String,
        pub figure_y: String,
    }

    /// The same figures as a table; each row's first cell heads it.
    pub struct Table {
        pub head: Vec<String>,
        pub rows: Vec<Vec<String>>,
    }

    /// `texts.hbs`: a question's free-text answers, for staff, searched.
    pub struct Texts {
        pub questionnaire: Titled,
        pub label: String,
        pub action: String,
        pub needle: String,
        pub texts: Vec<String>,
        pub count: String,
    }
    /// `builder.hbs`: staff build a questionnaire, section by section.
    pub struct Builder {
        pub questionnaire: BuiltQuestionnaire,
        pub saved: Option<String>,
        pub locked: bool,
        pub sections: Vec<BuiltSection>,
        pub links: Vec<Link>,
        pub base: String,
        /// The kinds of question, for "add a question" (value, label).
        pub kinds: Vec<KindChoice>,
    }

    pub struct KindChoice {
        pub value: String,
        pub label: String,
    }

    pub struct BuiltQuestionnaire {
        pub title: String,
        pub href: String,
        pub status: Dates,
        pub draft: bool,
        pub version: String,
        pub responses: String,
    }

    /// A section with its questions, and where each is edited, moved, deleted.
    pub struct BuiltSection {
        pub title: String,
        pub edit: String,
        pub r#move: String,
        pub delete: String,
        /// The part's id, where "add a question" puts it.
        pub id: i64,
        pub questions: Vec<BuiltQuestion>,
    }

    pub struct BuiltQuestion {
        pub n: usize,
        pub label: String,
        pub kind: String,
        pub required: bool,
        pub condition: Option<String>,
        pub edit: String,
        pub r#move: String,
        pub delete: String,
    }
}

palabre_kit::template_test!(crate::TEMPLATES, {
    "questionnaires" => List,
    "questionnaire" => Page,
    "section" => Section,
    "done" => Done,
    "preview" => Preview,
    "notice" => Notice,
    "results" => Results,
    "texts" => Texts,
    "builder" => Builder,
});
