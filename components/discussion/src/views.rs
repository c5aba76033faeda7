//! What the discussion pages show: one struct a template.

use palabre_kit::activity::Follow;
use palabre_kit::forms::Form;
use palabre_kit::thread::Thread;
use palabre_kit::view::{Dates, Titled};

palabre_kit::views! {
    /// `discussions.hbs`: the published discussions.
    pub struct List {
        pub discussions: Vec<Item>,
    }

    pub struct Item {
        pub href: String,
        pub question: String,
        pub status: Dates,
        pub comments: String,
        pub process: Option<Titled>,
    }

    /// `discussion.hbs`: a discussion and its thread.
    pub struct Page {
        pub follow: Option<Follow>,
        pub followers: String,
        pub map_href: Option<String>,
        pub discussion: Head,
        pub comments: Thread,
        pub notice: Option<String>,
    }

    pub struct Head {
        pub question: String,
        pub context: String,
        pub slug: String,
        pub status: Dates,
        pub draft: bool,
        pub process: Option<Titled>,
        pub count: String,
        pub badges: Option<String>,
    }

    /// `opinion.hbs`: a discussion's opinion map.
    pub struct Opinion {
        pub discussion: OpinionHead,
        pub base: String,
        pub open: bool,
        pub signed_in: bool,
        pub notice: Option<String>,
        pub vote: Option<Vote>,
        pub form: Option<Form>,
        pub form_error: bool,
        pub mine_pending: Vec<Pending>,
        pub queue: Vec<Queued>,
        pub statements: Vec<Row>,
        pub map: Option<Map>,
        pub min_people: usize,
        pub min_votes: usize,
    }

    pub struct OpinionHead {
        pub question: String,
        pub href: String,
        pub status: Dates,
    }

    /// The next statement to vote on, and how far the visitor is.
    pub struct Vote {
        pub statement: Option<ToVote>,
        pub progress: String,
    }

    pub struct ToVote {
        pub body: String,
        pub action: String,
    }

    pub struct Pending {
        pub body: String,
    }

    pub struct Queued {
        pub body: String,
        pub action: String,
    }

    pub struct Row {
        pub id: i64,
        pub body: String,
        pub agree: i64,
        pub disagree: i64,
        pub pass: i64,
        pub votes: i64,
    }

    /// The map: points scaled to the square, the groups, the consensus.
    /// Not `ready` while too few people voted (then only `voters`, `updated`).
    pub struct Map {
        pub ready: bool,
        pub voters: usize,
        pub updated: String,
        pub side: i64,
        pub points: Vec<Point>,
        pub groups: Vec<Group>,
        pub consensus: Vec<Scored>,
        pub summary: String,
        pub mine: Option<String>,
    }

    pub struct Point {
        pub cx: String,
        pub cy: String,
        pub colour: String,
        pub me: bool,
    }

    pub struct Group {
        pub letter: String,
        pub colour: String,
        pub label: String,
        pub size: String,
        pub lx: String,
        pub ly: String,
        pub distinctive: Vec<Scored>,
    }

    pub struct Scored {
        pub body: String,
        pub share: String,
        pub agree: bool,
    }
}

palabre_kit::template_test!(crate::TEMPLATES, {
    "discussions" => List,
    "discussion" => Page,
    "opinion" => Opinion,
});
