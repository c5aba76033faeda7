//! Proposals: residents' ideas, their supports, categories, amendments, and
//! the commune's answers and milestones.
//!
//! The feature's data and what the rest of the platform may know of it; its
//! pages are `components/proposal`.

pub mod api;
pub mod permissions;
pub mod read;
pub mod store;

use palabre_domain::process::Tool;
use palabre_kit::feature::{
    Commented, CountsAs, Exports, Figure, Manifest, OpenData, Search, Shape, Tally,
};
use palabre_kit::participation::List;
use palabre_kit::privacy::{Erase, Source};

pub const MANIFEST: Manifest = Manifest {
    name: "proposal",
    tables: &[
        "proposals",
        "proposal_amendments",
        "proposal_answers",
        "proposal_categories",
        "proposal_milestones",
        "proposal_search",
        "proposal_supports",
    ],
    privacy: PRIVACY,
    participation: Some(List {
        tool: Tool::Proposal,
        sql: "SELECT title, '/proposals/' || id, supports, date(published_at, 'unixepoch'), \
              (SELECT ends_on FROM processes WHERE id = process_id) \
              FROM proposals WHERE process_id = ? AND state = 'published' ORDER BY supports DESC, id DESC LIMIT 10",
    }),
    figures: &[
        Figure {
            key: "proposals",
            total: "SELECT count(*) FROM proposals WHERE state = 'published'",
            per_day: Some(
                "SELECT date(published_at, 'unixepoch') FROM proposals \
                 WHERE published_at >= ?1 AND state = 'published'",
            ),
        },
        Figure {
            key: "supports",
            total: "SELECT count(*) FROM proposal_supports",
            per_day: None,
        },
    ],
    commented: Some(Commented {
        resource: "proposal",
        places: "SELECT id, title, '/proposals/' || id FROM proposals \
                 WHERE id IN (SELECT value FROM json_each(?1))",
        in_process: "SELECT id FROM proposals WHERE process_id = ?1 AND state = 'published'",
    }),
    open_data: &[
        OpenData {
            key: "proposals_by_status",
            sql: "SELECT process_id, status, count(*) FROM proposals WHERE state = 'published' \
                  GROUP BY process_id, status",
            shape: Shape::Counts,
        },
        // Where each process's full list is.
        OpenData {
            key: "proposals_open_data",
            sql: "SELECT id, '/proposals/open-data.json?process=' || slug FROM processes",
            shape: Shape::One,
        },
    ],
    search: Some(Search {
        index: "proposal_search",
        sql: "SELECT 'proposal', '/proposals/' || rowid, title, \
              snippet(proposal_search, 1, char(57344), char(57345), '…', 16) \
              FROM proposal_search WHERE proposal_search MATCH ?1 AND rowid >= ?2 \
              ORDER BY bm25(proposal_search, 4.0, 1.0) LIMIT ?3",
    }),
    tallies: &[
        Tally {
            key: "proposals",
            sql: "SELECT count(*) FROM proposals WHERE process_id = ?1 AND state = 'published'",
            counts_as: CountsAs::Contribution,
            dated: Some(
                "SELECT coalesce(published_at, created_at) AS t FROM proposals \
                 WHERE process_id = ?1 AND state = 'published'",
            ),
            list: Some("/proposals?process="),
        },
        // Entered at the town-hall desk, among them.
        Tally {
            key: "proposals_at_desk",
            sql: "SELECT count(*) FROM proposals WHERE process_id = ?1 AND state = 'published' \
                  AND entered_by IS NOT NULL",
            counts_as: CountsAs::Part,
            dated: None,
            list: None,
        },
        Tally {
            key: "proposal_comments",
            sql: "SELECT count(*) FROM comments WHERE resource = 'proposal' AND resource_id IN \
                  (SELECT id FROM proposals WHERE process_id = ?1 AND state = 'published') \
                  AND deleted_at IS NULL AND hidden_at IS NULL",
            counts_as: CountsAs::Contribution,
            dated: Some(
                "SELECT created_at AS t FROM comments WHERE deleted_at IS NULL AND hidden_at IS NULL \
                 AND resource = 'proposal' AND resource_id IN \
                 (SELECT id FROM proposals WHERE process_id = ?1 AND state = 'published')",
            ),
            list: None,
        },
        // Each proposal's counter, kept in the same transaction as its rows
        // and checked against them by scripts/seed.d/check.py: counting a
        // large budget's million support rows took most of the page's time.
        Tally {
            key: "supports",
            sql: "SELECT coalesce(sum(supports), 0) FROM proposals WHERE process_id = ?1 AND state = 'published'",
            counts_as: CountsAs::Vote,
            dated: None,
            list: None,
        },
        Tally {
            key: "supports_at_desk",
            sql: "SELECT count(*) FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id \
                  WHERE s.process_id = ?1 AND s.entered_by IS NOT NULL AND p.state = 'published'",
            counts_as: CountsAs::Part,
            dated: None,
            list: None,
        },
    ],
    moderation: &[],
    exports: Some(Exports {
        label: "exports-proposals",
        sql: "SELECT id, '', '/proposals/export.csv?process=' || slug, \
              '/proposals/export.json?process=' || slug, '/proposals/open-data.json?process=' || slug \
              FROM processes",
    }),
};

/// Its tables about a person, in erasure order.
const PRIVACY: &[Source] = &[
    Source {
        table: "proposals",
        user_column: "user_id",
        export: &[
            "id",
            "title",
            "body",
            "state",
            "status",
            "address",
            "latitude",
            "longitude",
            "image_id",
            "created_at",
            "published_at",
        ],
        // Drafts are private and go, with their images; published proposals
        // stay, unsigned.
        erase: Erase::Script(&[
            "DELETE FROM images WHERE id IN \
             (SELECT image_id FROM proposals WHERE user_id = ?1 AND state = 'draft')",
            "DELETE FROM proposals WHERE user_id = ?1 AND state = 'draft'",
        ]),
    },
    Source {
        // Proposals a staff member entered for a resident at the desk.
        table: "proposals",
        user_column: "entered_by",
        export: &["id", "title", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "proposal_supports",
        user_column: "user_id",
        export: &["proposal_id", "created_at"],
        // Counted in the proposals' totals: they stay, linked to a deleted participant.
        erase: Erase::Keep,
    },
    Source {
        table: "proposal_supports",
        user_column: "entered_by",
        export: &["proposal_id", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "proposal_answers",
        user_column: "user_id",
        export: &["proposal_id", "status", "body", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "proposal_milestones",
        user_column: "user_id",
        export: &["proposal_id", "on_date", "percent", "body", "created_at"],
        // The commune's follow-up, written by staff: it stays.
        erase: Erase::Keep,
    },
    Source {
        table: "proposal_amendments",
        user_column: "user_id",
        export: &["proposal_id", "body", "state", "created_at"],
        erase: Erase::Keep,
    },
];
