//! Discussions: the questions put to residents, their comments (kit's shared
//! comments) and the opinion map (statements and votes).
//!
//! The feature's data and what the rest of the platform may know of it; its
//! pages are `components/discussion`.

pub mod api;
pub mod opinion;
pub mod opinion_map;
pub mod permissions;
pub mod read;
pub mod staff;
pub mod store;

use palabre_domain::process::Tool;
use palabre_kit::feature::{
    Commented, CountsAs, Exports, Figure, Manifest, OpenData, Shape, Tally,
};
use palabre_kit::participation::List;
use palabre_kit::privacy::{Erase, Source};

pub const MANIFEST: Manifest = Manifest {
    name: "discussion",
    tables: &[
        "discussions",
        "opinion_maps",
        "opinion_statements",
        "opinion_votes",
        "opinion_ballots",
    ],
    privacy: PRIVACY,
    participation: Some(List {
        tool: Tool::Discussion,
        sql: "SELECT question, '/discussions/' || slug, comments_count, opens_on, closes_on \
              FROM discussions WHERE process_id = ? AND status = 'published' ORDER BY opens_on DESC, id DESC",
    }),
    figures: &[Figure {
        key: "votes",
        total: "SELECT count(*) FROM opinion_votes",
        per_day: None,
    }],
    commented: Some(Commented {
        resource: "discussion",
        places: "SELECT id, question, '/discussions/' || slug FROM discussions \
                 WHERE id IN (SELECT value FROM json_each(?1))",
        in_process: "SELECT id FROM discussions WHERE process_id = ?1 AND status = 'published'",
    }),
    open_data: &[OpenData {
        key: "discussions",
        sql: "SELECT process_id, question, comments_count, '/discussions/' || slug FROM discussions \
              WHERE status = 'published' AND process_id IS NOT NULL ORDER BY id",
        shape: Shape::List(&["question", "contributions", "url"]),
    }],
    search: None,
    tallies: &[
        Tally {
            key: "discussion_comments",
            sql: "SELECT count(*) FROM comments WHERE resource = 'discussion' AND resource_id IN \
                  (SELECT id FROM discussions WHERE process_id = ?1 AND status = 'published') \
                  AND deleted_at IS NULL AND hidden_at IS NULL",
            counts_as: CountsAs::Contribution,
            dated: Some(
                "SELECT created_at AS t FROM comments WHERE deleted_at IS NULL AND hidden_at IS NULL \
                 AND resource = 'discussion' AND resource_id IN \
                 (SELECT id FROM discussions WHERE process_id = ?1 AND status = 'published')",
            ),
            list: None,
        },
        // Entered at the town-hall desk, among them.
        Tally {
            key: "discussion_comments_at_desk",
            sql: "SELECT count(*) FROM comments WHERE entered_by IS NOT NULL AND resource = 'discussion' \
                  AND resource_id IN (SELECT id FROM discussions WHERE process_id = ?1 AND status = 'published') \
                  AND deleted_at IS NULL AND hidden_at IS NULL",
            counts_as: CountsAs::Part,
            dated: None,
            list: None,
        },
        Tally {
            key: "statements",
            sql: "SELECT count(*) FROM opinion_statements WHERE discussion_id IN \
                  (SELECT id FROM discussions WHERE process_id = ?1 AND status = 'published') \
                  AND status = 'accepted'",
            counts_as: CountsAs::Contribution,
            dated: Some(
                "SELECT created_at AS t FROM opinion_statements WHERE discussion_id IN \
                 (SELECT id FROM discussions WHERE process_id = ?1 AND status = 'published') \
                 AND status = 'accepted'",
            ),
            list: None,
        },
        Tally {
            key: "votes",
            sql: "SELECT count(*) FROM opinion_votes WHERE discussion_id IN \
                  (SELECT id FROM discussions WHERE process_id = ?1 AND status = 'published')",
            counts_as: CountsAs::Vote,
            dated: None,
            list: None,
        },
    ],
    moderation: &[
        Figure {
            key: "statements-accepted",
            total: "SELECT count(*) FROM opinion_statements WHERE status = 'accepted'",
            per_day: None,
        },
        Figure {
            key: "statements-rejected",
            total: "SELECT count(*) FROM opinion_statements WHERE status = 'rejected'",
            per_day: None,
        },
    ],
    // Each published debate's comments (`kit::thread::export`).
    exports: Some(Exports {
        label: "exports-discussion",
        sql: "SELECT process_id, question, '/discussions/' || slug || '/comments/export.csv', '', '' \
              FROM discussions WHERE status = 'published' AND process_id IS NOT NULL",
    }),
};

/// Its tables about a person, in erasure order.
const PRIVACY: &[Source] = &[
    Source {
        table: "opinion_statements",
        user_column: "user_id",
        export: &["discussion_id", "body", "status", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "opinion_votes",
        user_column: "user_id",
        export: &["statement_id", "vote", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "opinion_ballots",
        user_column: "user_id",
        export: &["discussion_id", "votes"],
        erase: Erase::Keep,
    },
    Source {
        table: "discussions",
        user_column: "user_id",
        export: &["slug", "question", "created_at"],
        erase: Erase::Keep,
    },
];
