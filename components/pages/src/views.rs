//! What the public pages show: one struct a template (the process report,
//! `report.hbs`, is still fed `json!`).

use palabre_kit::activity::Follow;
use palabre_kit::images::Shown;
use palabre_kit::view::Day;

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
        pub report_href: Option<String>,
        pub report_draft: bool,
        pub proposals_href: Option<String>,
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
}

#[cfg(test)]
mod tests {
    use palabre_kit::render::{Case, check_views_but};

    #[test]
    fn every_template_renders_with_its_view() {
        check_views_but(
            crate::TEMPLATES,
            &[
                Case::of::<super::Home>("home"),
                Case::of::<super::Page>("page"),
                Case::of::<super::News>("news"),
                Case::of::<super::NewsItem>("news_item"),
                Case::of::<super::Processes>("processes"),
                Case::of::<super::Process>("process"),
                Case::of::<super::Notifications>("notifications"),
                Case::of::<super::Profile>("profile"),
                Case::of::<super::Search>("search"),
                Case::of::<super::Ranking>("ranking"),
                Case::of::<super::Transparency>("transparency"),
            ],
            // Not typed yet (docs/ARCHITECTURE.md, "Not yet").
            &["report"],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
}
