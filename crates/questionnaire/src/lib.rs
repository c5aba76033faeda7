//! Questionnaires: sections, questions, responses and their answers, and the
//! tallies the results read.
//!
//! The feature's data and what the rest of the platform may know of it; its
//! pages are `components/questionnaire`.

pub mod api;
pub mod permissions;
pub mod results;
pub mod store;

use palabre_domain::process::Tool;
use palabre_kit::feature::{CountsAs, Exports, Figure, Manifest, OpenData, Shape, Tally};
use palabre_kit::participation::List;
use palabre_kit::privacy::{Erase, Source};

pub const MANIFEST: Manifest = Manifest {
    name: "questionnaire",
    tables: &[
        "questionnaires",
        "questionnaire_sections",
        "questions",
        "responses",
        "answers",
        "answer_tallies",
    ],
    privacy: PRIVACY,
    participation: Some(List {
        tool: Tool::Questionnaire,
        sql: "SELECT title, '/questionnaires/' || slug, responses_count, opens_on, closes_on \
              FROM questionnaires WHERE process_id = ? AND status = 'published' ORDER BY opens_on DESC, id DESC",
    }),
    figures: &[Figure {
        key: "responses",
        total: "SELECT count(*) FROM responses WHERE status = 'submitted'",
        per_day: Some(
            "SELECT date(submitted_at, 'unixepoch') FROM responses \
             WHERE submitted_at >= ?1 AND status = 'submitted'",
        ),
    }],
    commented: None,
    open_data: &[OpenData {
        key: "questionnaires",
        sql: "SELECT process_id, title, responses_count, '/questionnaires/' || slug || '/open-data.json' \
              FROM questionnaires WHERE status = 'published' AND process_id IS NOT NULL ORDER BY id",
        shape: Shape::List(&["title", "responses", "open_data"]),
    }],
    search: None,
    tallies: &[
        Tally {
            key: "responses",
            sql: "SELECT count(*) FROM responses WHERE questionnaire_id IN \
                  (SELECT id FROM questionnaires WHERE process_id = ?1 AND status = 'published') \
                  AND status = 'submitted'",
            counts_as: CountsAs::Contribution,
            dated: Some(
                "SELECT coalesce(submitted_at, created_at) AS t FROM responses WHERE questionnaire_id IN \
                 (SELECT id FROM questionnaires WHERE process_id = ?1 AND status = 'published') \
                 AND status = 'submitted'",
            ),
            list: None,
        },
        // Entered at the town-hall desk, among them.
        Tally {
            key: "responses_at_desk",
            sql: "SELECT count(*) FROM responses WHERE entered_by IS NOT NULL AND questionnaire_id IN \
                  (SELECT id FROM questionnaires WHERE process_id = ?1 AND status = 'published') \
                  AND status = 'submitted'",
            counts_as: CountsAs::Part,
            dated: None,
            list: None,
        },
    ],
    moderation: &[],
    exports: Some(Exports {
        label: "exports-questionnaire",
        sql: "SELECT process_id, title, '/questionnaires/' || slug || '/export.csv', \
              '/questionnaires/' || slug || '/export.json', '/questionnaires/' || slug || '/open-data.json' \
              FROM questionnaires WHERE process_id IS NOT NULL ORDER BY id",
    }),
};

/// Its tables about a person, in erasure order.
const PRIVACY: &[Source] = &[
    Source {
        table: "answers",
        user_column: "(SELECT user_id FROM responses WHERE id = response_id)",
        export: &["question_id", "value"],
        // Unfinished answers go; submitted ones stay with the response, unsigned.
        erase: Erase::Sql(
            "DELETE FROM answers WHERE response_id IN \
             (SELECT id FROM responses WHERE user_id = ?1 AND status = 'draft')",
        ),
    },
    Source {
        table: "responses",
        user_column: "user_id",
        export: &["questionnaire_id", "status", "created_at", "submitted_at"],
        // Submitted responses stay in the results (counted in the tallies),
        // linked to no one any more; drafts go.
        erase: Erase::Script(&[
            "DELETE FROM responses WHERE user_id = ?1 AND status = 'draft'",
            "UPDATE responses SET user_id = NULL WHERE user_id = ?1",
        ]),
    },
    Source {
        // Answers a staff member entered for a resident at the desk.
        table: "responses",
        user_column: "entered_by",
        export: &["questionnaire_id", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "questionnaires",
        user_column: "user_id",
        export: &["slug", "title", "created_at"],
        erase: Erase::Keep,
    },
];
