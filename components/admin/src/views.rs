//! What the back-office pages show: one struct a template (the edit forms
//! use kit's `FormPage`).

use palabre_kit::view::Link;

palabre_kit::views! {
    /// `admin_index.hbs`: the sections, what needs configuring, the dashboard.
    pub struct Index {
        pub sections: Vec<Section>,
        pub dashboard: Dashboard,
        pub setup: Vec<String>,
    }

    pub struct Section {
        pub href: String,
        pub title: String,
        pub intro: String,
    }

    pub struct Dashboard {
        pub calm: bool,
        pub participants: String,
        pub new_accounts: String,
        pub features: Vec<Figure>,
        pub reports: Option<String>,
        pub processes: Vec<ProcessFigures>,
        pub chart: Chart,
        pub unanswered: Vec<Unanswered>,
        /// Every proposal without the commune's answer, as a list to work through.
        pub unanswered_all: Option<Unanswered>,
        pub phases: Vec<Soon>,
    }

    pub struct Figure {
        pub label: String,
        pub count: String,
    }

    pub struct ProcessFigures {
        pub title: String,
        pub participants: String,
        pub contributions: String,
    }

    /// The daily contributions, as an SVG bar chart with its table.
    pub struct Chart {
        pub width: i64,
        pub height: i64,
        pub bars: Vec<Bar>,
        /// The axes' labels: counts on the left, days along the bottom.
        pub ticks: Vec<Tick>,
        /// The baseline's height (SVG units), where the bars stand.
        pub base: i64,
        /// Where the bars start (the counts' labels are left of it).
        pub left: i64,
        pub title: String,
        pub max: String,
    }

    /// A label on an axis of the chart.
    pub struct Tick {
        pub x: i64,
        pub y: i64,
        pub label: String,
        /// SVG's text-anchor: start, middle or end.
        pub anchor: String,
    }

    pub struct Bar {
        pub x: i64,
        pub y: i64,
        pub height: i64,
        pub width: i64,
        pub day: String,
        pub count: i64,
    }

    pub struct Unanswered {
        pub href: String,
        pub title: String,
    }

    pub struct Soon {
        pub process: String,
        pub phase: String,
        /// The day as stored (`YYYY-MM-DD`), for `<time datetime>`.
        pub on: String,
        /// The day written out in the reader's language.
        pub on_text: String,
    }

    /// `admin_list.hbs`: a table of what staff edit, each row to its form.
    pub struct List {
        pub columns: Vec<String>,
        pub rows: Vec<palabre_kit::view::Row>,
        pub add: Option<Link>,
        pub back: Link,
    }

    /// `log.hbs`: the audit log or the mail outbox, filtered, a page at a time.
    pub struct Log {
        pub filters: Vec<Filter>,
        pub columns: Vec<String>,
        pub rows: Vec<Vec<String>>,
        pub next: Option<String>,
        pub problem: Option<String>,
        pub action: String,
        pub note: Option<Note>,
    }

    /// A filter: a text or date field (`kind`, `value`), or a choice (`options`).
    pub struct Filter {
        pub name: String,
        pub label: String,
        pub kind: String,
        pub value: String,
        pub options: Option<Vec<Choice>>,
    }

    pub struct Choice {
        pub value: String,
        pub label: String,
        pub selected: bool,
    }

    /// A line under the log's title, with a link (the audit log's term).
    pub struct Note {
        pub text: String,
        pub href: String,
        pub label: String,
    }

    /// `people.hbs`: the accounts, searched.
    pub struct People {
        pub people: Vec<PersonRow>,
        pub q: String,
    }

    pub struct PersonRow {
        pub href: String,
        pub name: String,
        pub email: String,
        pub role: String,
        pub since: String,
        pub blocked: bool,
    }

    /// `person.hbs`: an account, its role, blocking and trust.
    pub struct Person {
        pub person: PersonHead,
        pub roles: Vec<Choice>,
        pub residency: Residency,
        pub me: bool,
        pub saved: Option<String>,
        pub problem: Option<String>,
    }

    pub struct PersonHead {
        pub id: i64,
        pub name: String,
        pub email: String,
        pub role: String,
        pub since: String,
        pub since_iso: String,
        pub blocked_reason: Option<String>,
        pub trusted: bool,
        pub profile: String,
    }

    /// A person's verification as a resident (the town-hall desk).
    pub struct Residency {
        /// How and when they were verified, in words; `None`: not verified.
        pub current: Option<String>,
        /// Earlier verifications, revoked, in words.
        pub history: Vec<String>,
        /// The districts to verify them in (the first: none).
        pub districts: Vec<Choice>,
    }

    /// `moderation.hbs`: the comments waiting for a decision.
    pub struct Moderation {
        pub items: Vec<Held>,
        pub threshold: String,
        pub done: Option<String>,
        pub problem: Option<String>,
        pub settings: Option<String>,
    }

    pub struct Held {
        pub id: i64,
        pub body: String,
        pub author: String,
        pub author_href: String,
        pub date: String,
        pub date_iso: String,
        pub hidden: bool,
        pub place: Place,
        pub reports: String,
        pub reasons: Vec<String>,
    }

    pub struct Place {
        pub href: String,
        pub title: String,
        pub kind: String,
    }

    /// `letters.hbs`: the letter codes to print, the batches printed, the
    /// sender's address.
    pub struct Letters {
        pub intro: String,
        /// Why residents are not offered letters, when they are not.
        pub off: Option<String>,
        pub saved: Option<String>,
        pub counts: String,
        pub waiting: Vec<LetterRow>,
        pub print: String,
        pub print_hint: String,
        pub batches: Vec<LetterBatch>,
        pub form: palabre_kit::forms::Form,
        pub back: Link,
    }

    pub struct LetterRow {
        pub recipient: String,
        pub place: String,
        pub asked: String,
    }

    pub struct LetterBatch {
        /// Its printing time, which names it.
        pub at: i64,
        pub printed: String,
        pub by: String,
        pub count: String,
        pub open: String,
        pub reprint: bool,
    }

    /// `desk.hbs`: the town-hall desk: register a resident, the desk's accounts.
    pub struct Desk {
        /// After a registration: the new account's page.
        pub saved: Option<Link>,
        pub form: palabre_kit::forms::Form,
        pub accounts: Vec<DeskRow>,
        pub back: Link,
    }

    pub struct DeskRow {
        pub id: i64,
        pub href: String,
        pub name: String,
        pub registered: String,
        pub by: String,
        pub state: String,
        pub can_claim: bool,
    }

    /// `desk_code.hbs`: a claim code, shown once.
    pub struct DeskCode {
        pub name: String,
        pub code: String,
        pub how: String,
        pub back: Link,
    }

    /// `exports.hbs`: each process's downloads, feature by feature.
    pub struct Exports {
        pub processes: Vec<ExportProcess>,
        pub bundle: String,
    }

    pub struct ExportProcess {
        pub title: String,
        pub features: Vec<ExportFeature>,
    }

    pub struct ExportFeature {
        pub title: String,
        pub links: Vec<Link>,
    }
}

palabre_kit::template_test!(crate::TEMPLATES, {
    "admin_index" => Index,
    "admin_list" => List,
    "desk" => Desk,
    "desk_code" => DeskCode,
    "exports" => Exports,
    "letters" => Letters,
    "log" => Log,
    "moderation" => Moderation,
    "people" => People,
    "person" => Person,
});
