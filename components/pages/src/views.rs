//! What the public pages show: one struct a template.

use palabre_kit::activity::Follow;
use palabre_kit::images::Shown;
use palabre_kit::view::{Day, Status as Badge};

palabre_kit::views! {
    /// How staff-written content is marked: when not in the visitor's
    /// language, it carries its own `lang` and a note.
    pub struct Lang {
        pub translated: bool,
        pub lang: String,
        pub note: String,
    }

    /// `process_card.hbs`: a process in a list (the processes page, home).
    pub struct Card {
        pub href: String,
        pub title: String,
        pub summary: String,
        pub status: Status,
        pub scope: String,
        pub starts: Day,
        pub ends: Day,
        pub progress: i64,
        pub participants: i64,
        pub contributions: i64,
        pub draft: bool,
        pub content_lang: Lang,
        pub image: Option<Shown>,
        /// A vote under way: the day it closes.
        pub vote_until: Option<Day>,
    }

    /// A process's or a phase's status.
    pub struct Status {
        pub key: String,
        pub label: String,
        pub open: bool,
    }

    /// `processes.hbs`.
    pub struct Processes {
        pub processes: Vec<Card>,
    }

    /// `process.hbs`: a process, its timeline, what is open in it.
    pub struct Process {
        /// The process's own news, newest first.
        pub news: Vec<NewsCard>,
        pub report_href: Option<String>,
        pub report_draft: bool,
        pub proposals_href: Option<String>,
        /// Submitting a proposal, while a phase with that tool is open.
        pub new_proposal_href: Option<String>,
        pub open_discussion_href: Option<String>,
        pub process: Card,
        pub body: String,
        pub phases: Vec<Phase>,
        pub open_tools: Vec<String>,
        pub ical_href: String,
        pub follow: Option<Follow>,
        pub followers: String,
        pub participation: Vec<Participation>,
        pub activity: Vec<Line>,
    }

    pub struct Phase {
        pub name: String,
        pub description: String,
        pub starts: Day,
        pub ends: Day,
        pub status: Status,
        pub current: bool,
        pub tools: Vec<String>,
    }

    /// What one participation feature holds in the process.
    pub struct Participation {
        pub heading: String,
        pub items: Vec<Participated>,
    }

    pub struct Participated {
        pub title: String,
        pub url: String,
        pub count: String,
        pub status: Status,
    }

    /// `activity_list.hbs`: a line of activity.
    pub struct Line {
        pub what: String,
        pub title: String,
        pub url: String,
        pub who: Who,
        pub date: String,
        pub date_iso: String,
        /// In the notifications: not read yet.
        pub unread: bool,
    }

    /// Who did it: a person (with their page), a deleted account, the commune.
    pub struct Who {
        pub name: String,
        pub href: Option<String>,
    }

    /// `home.hbs`: the blocks staff chose, in their order.
    pub struct Home {
        pub name: String,
        pub blocks: Vec<Block>,
        pub hero_shown: bool,
    }

    /// One block of the home page: one of the parts is set.
    #[derive(Default)]
    pub struct Block {
        pub kind: String,
        pub hero: Option<Hero>,
        pub processes: Option<Processes>,
        pub figures: Option<Figures>,
        pub phases: Option<Phases>,
        pub news: Option<NewsList>,
        pub activity: Option<Lines>,
    }

    pub struct Hero {
        pub name: String,
        pub tagline: String,
        pub intro: Vec<String>,
    }

    pub struct Figures {
        pub participants: i64,
        pub open_processes: i64,
        pub contributions: i64,
        pub proposals: i64,
    }

    pub struct Phases {
        pub phases: Vec<Upcoming>,
    }

    pub struct Upcoming {
        pub href: String,
        pub process: String,
        pub name: String,
        pub starts: Day,
    }

    pub struct NewsList {
        pub news: Vec<NewsCard>,
    }

    pub struct Lines {
        pub lines: Vec<Line>,
    }

    /// A news item in a list.
    pub struct NewsCard {
        pub content_lang: Lang,
        pub href: String,
        pub title: String,
        pub summary: String,
        pub date_iso: String,
        pub date: String,
    }

    /// `news.hbs`: a page of news.
    pub struct News {
        pub news: Vec<NewsCard>,
        pub page: i64,
        pub pages: i64,
        pub previous: Option<String>,
        pub next: Option<String>,
        pub paginated: bool,
    }

    /// `news_item.hbs`.
    pub struct NewsItem {
        pub content_lang: Lang,
        pub title: String,
        pub summary: String,
        pub body: String,
        pub image: Option<Shown>,
        pub date_iso: String,
        pub date: String,
    }

    /// `notifications.hbs`.
    pub struct Notifications {
        pub items: Vec<Line>,
        pub unread: bool,
    }

    /// `profile.hbs`: a person's public page.
    pub struct Profile {
        pub name: String,
        pub bio: String,
        pub since: String,
        pub activity: Vec<Line>,
        pub follow: Option<Follow>,
        pub followers: String,
        pub is_me: bool,
    }

    /// `page.hbs`: a page staff wrote (legal notice, accessibility…).
    pub struct Page {
        pub checks: Option<Checks>,
        pub content_lang: Lang,
        pub title: String,
        pub body: String,
        pub date_iso: String,
        pub date: String,
    }

    /// Under the accessibility statement: what the tests check, and what not.
    pub struct Checks {
        pub title: String,
        pub intro: String,
        pub auto_title: String,
        pub auto: Vec<String>,
        pub manual_title: String,
        pub manual: Vec<String>,
    }

    /// `search.hbs`.
    pub struct Search {
        pub q: String,
        pub searched: bool,
        pub results: Vec<Found>,
        pub summary: String,
        pub shortened: Option<String>,
        pub capped: Option<String>,
    }

    pub struct Found {
        pub kind: String,
        pub url: String,
        pub title: String,
        pub snippet: String,
    }

    /// `ranking.hbs`: how comments and proposals are ordered.
    pub struct Ranking {
        pub proposals: Vec<String>,
        pub weights: Vec<String>,
        pub example: String,
    }

    /// `transparency.hbs`: what moderation hid and why, and the reports.
    pub struct Transparency {
        pub visible: i64,
        pub hidden_total: i64,
        pub hidden: Vec<Count>,
        pub others: Vec<Count>,
        pub threshold: String,
        pub reports: Vec<Report>,
    }

    pub struct Count {
        pub label: String,
        pub count: i64,
    }

    pub struct Report {
        pub href: String,
        pub title: String,
        pub date: String,
    }

    /// `report.hbs`: a process's report, every figure linked to its source.
    pub struct ProcessReport {
        pub process: ReportProcess,
        pub draft: bool,
        pub published: Option<String>,
        pub edit_href: Option<String>,
        pub commentary: Option<String>,
        pub commitments: Option<String>,
        pub figures: ReportFigures,
        pub timeline: Option<Timeline>,
        pub districts: Vec<District>,
        pub proposals: Vec<TopProposal>,
        pub milestones: Vec<FollowedUp>,
        pub budgets: Vec<ReportBudget>,
        pub opinion: Vec<OpinionMap>,
        pub questionnaires: Vec<Findings>,
        pub impact: Vec<ImpactComment>,
        pub api_href: String,
    }

    pub struct ReportProcess {
        pub title: String,
        pub href: String,
        pub starts: Day,
        pub ends: Day,
    }

    pub struct ReportFigures {
        pub people: i64,
        pub contributions: i64,
        pub votes: i64,
        pub rows: Vec<ReportRow>,
    }

    /// A tally of a feature, linked to its list when it has one.
    pub struct ReportRow {
        pub label: String,
        pub count: i64,
        pub href: Option<String>,
    }

    /// Contributions week by week, as a column chart with its table.
    pub struct Timeline {
        pub width: i64,
        pub height: i64,
        pub top: i64,
        pub total: i64,
        pub columns: Vec<Week>,
        pub first: String,
        pub last: String,
    }

    pub struct Week {
        pub x: i64,
        pub y: i64,
        pub width: i64,
        pub height: i64,
        pub count: i64,
        pub week: String,
        pub iso: String,
    }

    /// A participatory budget's vote in the report: its ballots, where they
    /// came from, the turnout, and the winners once published.
    pub struct ReportBudget {
        pub name: String,
        pub href: String,
        pub ballots: String,
        pub turnout: Option<String>,
        pub districts: Vec<BudgetDistrict>,
        pub published: bool,
        pub results_href: String,
        pub winners: Vec<Winner>,
    }

    pub struct BudgetDistrict {
        pub name: String,
        pub online: i64,
        pub paper: i64,
    }

    pub struct Winner {
        pub title: String,
        pub href: String,
        pub figures: String,
        /// The follow-up of the proposal it came from, if any.
        pub progress: Option<i64>,
        pub follow_up_href: Option<String>,
    }

    pub struct District {
        pub name: String,
        pub proposals: i64,
        pub supports: i64,
        pub bar: i64,
    }

    pub struct TopProposal {
        pub title: String,
        pub href: String,
        pub answers_href: String,
        pub supports: String,
        pub status: Badge,
        pub answer: Option<Answer>,
        pub progress: Option<i64>,
    }

    pub struct Answer {
        pub body: String,
        pub date: String,
    }

    /// An accepted proposal's milestones.
    pub struct FollowedUp {
        pub id: i64,
        pub title: String,
        pub href: String,
        pub percent: i64,
        pub steps: Vec<Step>,
    }

    pub struct Step {
        pub date: Day,
        pub percent: i64,
        pub body: String,
    }

    /// A discussion's opinion map: consensus, and what sets each group apart.
    pub struct OpinionMap {
        pub question: String,
        pub href: String,
        pub map_href: String,
        pub voters: String,
        pub consensus: Vec<Quote>,
        pub groups: Vec<OpinionGroup>,
    }

    pub struct Quote {
        pub body: String,
        pub href: String,
        pub share: String,
    }

    pub struct OpinionGroup {
        pub name: String,
        pub statements: Vec<Quote>,
    }

    /// A questionnaire's leading answers.
    pub struct Findings {
        pub title: String,
        pub href: String,
        pub responses: String,
        pub findings: Vec<Finding>,
    }

    pub struct Finding {
        pub label: String,
        pub href: String,
        pub leading: String,
        pub tied: bool,
        pub figure: String,
        pub mean: Option<String>,
    }

    pub struct ImpactComment {
        pub excerpt: String,
        pub author: String,
        pub date: String,
        pub href: String,
        pub on: String,
    }
}

palabre_kit::template_test!(crate::TEMPLATES, {
    "home" => Home,
    "page" => Page,
    "news" => News,
    "news_item" => NewsItem,
    "processes" => Processes,
    "process" => Process,
    "notifications" => Notifications,
    "profile" => Profile,
    "search" => Search,
    "ranking" => Ranking,
    "transparency" => Transparency,
    "report" => ProcessReport,
});
