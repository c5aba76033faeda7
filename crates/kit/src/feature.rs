//! A feature's manifest: what the rest of the platform needs to know of a
//! feature without reading its tables. Each feature crate (`crates/<name>`)
//! declares one `MANIFEST`; `palabre-features` lists them, and what walks
//! every feature (a person's data, its erasure) walks that list.
//! docs/ARCHITECTURE.md says how a feature is added.

use crate::participation::List;
use crate::privacy::Source;

#[derive(Debug)]
pub struct Manifest {
    /// The feature's name, as its crate (`crates/<name>`) and its component
    /// (`components/<name>`) are named.
    pub name: &'static str,
    /// The tables it owns: only its crate and its component run SQL on them
    /// (checked by `palabre-features`' tests).
    pub tables: &'static [&'static str],
    /// Its tables that hold personal data, in erasure order.
    pub privacy: &'static [Source],
    /// What it shows on a process page.
    pub participation: Option<List>,
    /// What the back-office dashboard counts of it.
    pub figures: &'static [Figure],
    /// What the public transparency page counts of its moderation
    /// (`transparency-<key>` labels them; no daily series).
    pub moderation: &'static [Figure],
    /// Where its comments are (`None`: it has none).
    pub commented: Option<Commented>,
    /// What it adds under each process of `/open-data.json` (naming nobody).
    pub open_data: &'static [OpenData],
    /// Its own full-text index, searched beside the site's (`None`: its
    /// items are in the shared `search_index`, or not searched).
    pub search: Option<Search>,
    /// What the process report (bilan) and its API count of it.
    pub tallies: &'static [Tally],
    /// What staff can download of it, process by process (`None`: nothing).
    pub exports: Option<Exports>,
}

/// A feature's downloads on the back-office's exports page.
#[derive(Debug)]
pub struct Exports {
    /// The catalogue id labelling each item (its title as `$title`).
    pub label: &'static str,
    /// No parameter: `process_id, title, csv, json, open_data` (addresses)
    /// of each item, in the order they are shown.
    pub sql: &'static str,
}

/// A count of the process report: what people did in one process.
#[derive(Debug)]
pub struct Tally {
    /// Its key in the report's API figures (`report-row-<key>`, with `-` for
    /// `_`, labels its row on the page).
    pub key: &'static str,
    /// One integer for the process `?1`: published items only, without
    /// deleted or hidden comments.
    pub sql: &'static str,
    pub counts_as: CountsAs,
    /// For a contribution: when each one was made (`t`, Unix seconds), for
    /// the report's weekly chart; the process is `?1`.
    pub dated: Option<&'static str>,
    /// The page that lists them, the process's slug appended.
    pub list: Option<&'static str>,
}

/// What a tally adds to the report's headline figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountsAs {
    /// Something people wrote or answered.
    Contribution,
    /// A vote or a support.
    Vote,
    /// A part of another tally (paper ballots among ballots): shown, added
    /// to no headline figure.
    Part,
}

/// A feature's full-text index, as the site's search reads it.
#[derive(Debug)]
pub struct Search {
    /// The FTS5 table (for `kit::search::recent_floor`).
    pub index: &'static str,
    /// `kind, url, title, snippet` of the matches of `?1` from rowid `?2` on,
    /// the best `?3`; the snippet marks matches with U+E000 and U+E001.
    pub sql: &'static str,
}

/// A part of each process in `/open-data.json`.
#[derive(Debug)]
pub struct OpenData {
    /// Its key in the process's object.
    pub key: &'static str,
    /// No parameter; its first column is the process id.
    pub sql: &'static str,
    pub shape: Shape,
}

/// How an open-data part's rows are written under their process.
#[derive(Debug)]
pub enum Shape {
    /// A list of objects, these fields from the columns after the process id.
    List(&'static [&'static str]),
    /// An object counting by value: `{column 2: column 3}`.
    Counts,
    /// One value: column 2 (one row per process).
    One,
}

/// Where a feature's commented items are, for the pages that list comments
/// from anywhere (the moderation queue, the report's quotes).
#[derive(Debug)]
pub struct Commented {
    /// `comments.resource` of its comments.
    pub resource: &'static str,
    /// `id, title, path` of its items whose ids are in the JSON array `?1`.
    pub places: &'static str,
    /// The ids of its published items in the process `?1` (a subquery).
    pub in_process: &'static str,
}

/// A count on the back-office dashboard.
#[derive(Debug)]
pub struct Figure {
    /// Its label is `dashboard-<key>` in the catalogue.
    pub key: &'static str,
    /// The total: one row, one integer, no parameter.
    pub total: &'static str,
    /// For the daily chart of contributions: the day (`YYYY-MM-DD`) of each
    /// one made since `?1` (a Unix time); `None` when it is not charted.
    pub per_day: Option<&'static str>,
}
