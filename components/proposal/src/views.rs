//! What the proposal pages show: one struct a template.

use palabre_kit::forms::Form;
use palabre_kit::images::Shown;
use palabre_kit::thread::Thread;
use palabre_kit::view::{Status, Titled};

palabre_kit::views! {
    /// A proposal in a list, and the head of its page.
    pub struct Card {
        pub href: String,
        pub title: String,
        pub author: String,
        pub status: Status,
        pub supports: String,
        pub comments: String,
        pub threshold: bool,
        /// Entered at the town-hall desk by staff, with its author.
        pub entered_at_desk: bool,
        pub category: Option<String>,
        pub district: Option<String>,
        pub date: Option<String>,
        /// The process, in the list of every process's proposals.
        pub process: Option<String>,
    }

    /// `proposals.hbs`: a process's proposals, filtered and ordered.
    pub struct List {
        /// The process listed, or none for every process's proposals.
        pub process: Option<ListProcess>,
        /// The processes that take proposals, for the filter.
        pub processes: Vec<Choice>,
        /// Every process's list: where a proposal can be submitted today.
        pub submit_in: Vec<palabre_kit::view::Link>,
        /// A filter is set (the filters are then shown open).
        pub filtered: bool,
        pub items: Vec<Card>,
        /// The visitor's own drafts (only they see them), to take up again.
        pub drafts: Vec<Draft>,
        /// "Draft deleted", after a deletion.
        pub notice: Option<String>,
        pub next: Option<String>,
        pub sorts: Vec<Choice>,
        pub statuses: Vec<Choice>,
        pub categories: Vec<Choice>,
        pub districts: Vec<Choice>,
        pub signed_in: bool,
        pub mine: bool,
        pub supported: bool,
        pub new_href: Option<String>,
        pub map_href: Option<String>,
        pub best_href: String,
        pub staff: Option<Exports>,
    }

    /// One of the visitor's drafts, in the list.
    pub struct Draft {
        pub href: String,
        pub title: String,
        pub edited: String,
    }

    pub struct ListProcess {
        pub title: String,
        pub href: String,
        pub slug: String,
    }

    /// An option of a filter.
    pub struct Choice {
        pub value: String,
        pub label: String,
        pub selected: bool,
    }

    pub struct Exports {
        pub csv: String,
        /// The CSV for a spreadsheet (`kit::csv`).
        pub excel: String,
        pub json: String,
    }

    /// `proposals_map.hbs`: the located proposals, on a map and as a list.
    pub struct Map {
        pub with_map: palabre_kit::map::View,
        pub process: MapProcess,
        pub list_href: String,
        pub items: Vec<Located>,
        pub more: Option<String>,
    }

    pub struct MapProcess {
        pub title: String,
        pub slug: String,
    }

    pub struct Located {
        pub href: String,
        pub title: String,
        pub lat: String,
        pub lon: String,
        pub address: String,
        pub supports: String,
    }

    /// `proposal.hbs`: a proposal and all that is done on it.
    pub struct Page {
        pub amendments: Vec<Amendment>,
        pub amend_form: Option<Form>,
        pub amend_action: String,
        pub open_data: String,
        pub proposal: Card,
        pub body: String,
        pub address: String,
        pub image: Option<Shown>,
        pub location: Option<palabre_kit::map::Place>,
        /// The small map of the proposal's place, when it has one.
        pub with_map: Option<palabre_kit::map::View>,
        pub process: Titled,
        pub draft: bool,
        pub mine: bool,
        pub similar: Vec<Similar>,
        pub publish: Option<String>,
        pub edit: Option<String>,
        /// Where the author deletes the draft.
        pub discard: Option<String>,
        pub support: Option<Support>,
        pub threshold: Option<String>,
        pub answers: Vec<Answer>,
        pub answer_form: Option<Form>,
        pub answer_action: String,
        pub follow_up: palabre_kit::follow_up::FollowUp,
        pub notice: Option<String>,
        pub comments: Option<Thread>,
    }

    pub struct Similar {
        pub href: String,
        pub title: String,
        pub supports: String,
    }

    /// The support button, or the way to sign in first; `reason` says why
    /// a support cannot be given now (the process's limit reached).
    pub struct Support {
        pub login: Option<String>,
        pub action: Option<String>,
        pub label: String,
        pub supported: bool,
        pub allowed: bool,
        pub reason: Option<String>,
    }

    pub struct Answer {
        pub status: Status,
        pub body: String,
        pub date: String,
        pub date_iso: String,
    }

    pub struct Amendment {
        pub author: String,
        pub body: String,
        pub state: String,
        pub state_label: String,
        pub date: String,
        pub decide: Option<String>,
        pub by_me: bool,
    }
}

palabre_kit::template_test!(crate::TEMPLATES, {
    "proposals" => List,
    "proposal" => Page,
    "proposals_map" => Map,
});
