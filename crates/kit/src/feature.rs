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
    /// Where its comments are (`None`: it has none).
    pub commented: Option<Commented>,
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
