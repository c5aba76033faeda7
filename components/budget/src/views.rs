//! What the budget pages show: one struct a template.

use palabre_kit::view::{Link, Status};

palabre_kit::views! {
    /// `budgets.hbs`: a process's envelopes.
    pub struct List {
        pub back: Link,
        pub envelopes: Vec<Card>,
        pub new_href: Option<String>,
    }

    /// An envelope in the list.
    pub struct Card {
        pub href: String,
        pub name: String,
        pub amount: String,
        pub district: Option<String>,
        pub rule: String,
        pub window: String,
        pub ballots: String,
        pub results_href: Option<String>,
    }

    /// `envelope.hbs`: the ballot, as a cart.
    pub struct Envelope {
        pub back: Link,
        pub name: String,
        /// Sanitized Markdown.
        pub description: String,
        pub amount: String,
        pub district: Option<String>,
        pub rule: String,
        pub window: String,
        pub open: bool,
        pub notice: Option<String>,
        pub error: Option<String>,
        /// Why this visitor cannot vote now, and where to sign in.
        pub refused: Option<String>,
        pub login_href: Option<String>,
        pub cart: Option<Cart>,
        pub voted: Option<String>,
        pub projects: Vec<ProjectCard>,
        /// Projects not on the ballot (not reviewed yet, or not feasible).
        pub others: Vec<ProjectCard>,
        pub results_href: Option<String>,
        pub staff: Vec<Link>,
    }

    pub struct Cart {
        pub action: String,
        pub vote_action: String,
        pub items: Vec<CartItem>,
        pub total: String,
        /// "X € left of Y €", or "N of k projects".
        pub progress: String,
        /// The meter: spent or chosen, and its maximum.
        pub value: i64,
        pub max: i64,
        pub minimum: Option<String>,
        /// The cart differs from the ballot cast.
        pub unconfirmed: bool,
        pub confirm: String,
        pub empty: bool,
        /// The voter may say where they live (for the figures only).
        pub districts: Vec<Choice>,
    }

    pub struct CartItem {
        pub id: i64,
        pub href: String,
        pub title: String,
        pub cost: String,
    }

    pub struct ProjectCard {
        pub id: i64,
        pub href: String,
        pub title: String,
        pub cost: String,
        pub district: Option<String>,
        pub summary: String,
        pub status: Status,
        pub review: Option<String>,
        pub in_cart: bool,
        /// It can be added (the visitor votes, it fits).
        pub addable: bool,
        /// Why it cannot be added ("over what is left").
        pub no_room: Option<String>,
    }

    /// `project.hbs`.
    pub struct Project {
        pub back: Link,
        pub title: String,
        /// Sanitized Markdown.
        pub body: String,
        pub cost: String,
        pub first_cost: Option<String>,
        pub district: Option<String>,
        pub category: Option<String>,
        pub address: Option<String>,
        pub proposal: Option<Link>,
        pub status: Status,
        pub review: Option<String>,
        pub reviewed: Option<String>,
        /// Funded by the envelope's method (the results are public).
        pub funded: bool,
        pub image: Option<palabre_kit::images::Shown>,
        pub with_map: Option<palabre_kit::map::View>,
        pub location: Option<palabre_kit::map::Place>,
        pub follow_up: palabre_kit::follow_up::FollowUp,
        pub cart: Option<ProjectCart>,
        pub edit_href: Option<String>,
    }

    pub struct ProjectCart {
        pub action: String,
        pub id: i64,
        pub in_cart: bool,
        pub addable: bool,
        pub no_room: Option<String>,
    }

    /// `results.hbs`.
    pub struct Results {
        pub back: Link,
        pub name: String,
        pub amount: String,
        pub counted: Option<String>,
        /// Ballots arrived since the count.
        pub stale: Option<String>,
        pub draft: bool,
        pub methods: Vec<Method>,
        pub figures: Figures,
        pub downloads: Vec<Link>,
        pub staff: Option<ResultsStaff>,
        pub transparency: Link,
    }

    pub struct Method {
        pub key: String,
        pub title: String,
        pub explanation: String,
        pub official: bool,
        pub spent: String,
        pub rows: Vec<ResultRow>,
        pub chart: Chart,
    }

    pub struct ResultRow {
        pub rank: i64,
        pub title: String,
        pub href: String,
        pub votes: i64,
        pub cost: String,
        pub left: String,
        pub outcome: String,
        pub funded: bool,
    }

    /// A horizontal bar chart of the votes (its table is the result's).
    pub struct Chart {
        pub bars: Vec<Bar>,
    }

    pub struct Bar {
        /// Out of 100 (percent of the chart's width).
        pub width: i64,
        pub label: String,
        pub funded: bool,
    }

    pub struct Figures {
        pub total: String,
        pub online: String,
        pub paper: String,
        pub districts: Vec<DistrictRow>,
    }

    pub struct DistrictRow {
        pub name: String,
        pub online: i64,
        pub paper: i64,
    }

    pub struct ResultsStaff {
        pub count_action: String,
        pub publish_action: String,
        pub published: bool,
        pub counted: bool,
    }

    /// `paper.hbs`: entering a paper ballot.
    pub struct Paper {
        pub back: Link,
        pub action: String,
        pub rule: String,
        pub saved: Option<String>,
        pub errors: Vec<Link>,
        pub reference: String,
        pub reference_error: Option<String>,
        pub districts: Vec<Choice>,
        pub projects: Vec<PaperChoice>,
        pub projects_error: Option<String>,
        pub entered: Vec<PaperRow>,
        pub count: String,
        pub closed: Option<String>,
    }

    pub struct Choice {
        pub value: String,
        pub label: String,
        pub selected: bool,
    }

    pub struct PaperChoice {
        pub id: i64,
        pub title: String,
        pub cost: String,
        pub checked: bool,
    }

    pub struct PaperRow {
        pub reference: String,
        pub district: String,
        pub total: String,
        pub when: String,
    }
}

palabre_kit::template_test!(crate::TEMPLATES, {
    "budgets" => List,
    "envelope" => Envelope,
    "project" => Project,
    "results" => Results,
    "paper" => Paper,
});
