//! Participatory budgeting: a process's envelopes, their projects and the
//! services' review of them, residents' ballots (online, and on paper entered
//! by staff), and the count by a published rule.
//!
//! The feature's data and what the rest of the platform may know of it; its
//! pages are `components/budget`, its rules `palabre_domain::budget`.

pub mod api;
pub mod permissions;
pub mod store;

use palabre_domain::process::Tool;
use palabre_kit::feature::{CountsAs, Exports, Figure, Manifest, OpenData, Shape, Tally};
use palabre_kit::participation::List;
use palabre_kit::privacy::{Erase, Source};

pub const MANIFEST: Manifest = Manifest {
    name: "budget",
    tables: &[
        "budget_envelopes",
        "budget_projects",
        "budget_ballots",
        "budget_ballot_projects",
        "budget_carts",
        "budget_results",
        "budget_project_milestones",
    ],
    privacy: PRIVACY,
    participation: Some(List {
        tool: Tool::Budget,
        sql: "SELECT e.name, '/budgets/' || e.id, e.ballots, \
              (SELECT min(starts_on) FROM process_phases WHERE process_id = e.process_id \
               AND (',' || tools || ',') LIKE '%,budget,%'), \
              (SELECT max(ends_on) FROM process_phases WHERE process_id = e.process_id \
               AND (',' || tools || ',') LIKE '%,budget,%') \
              FROM budget_envelopes e WHERE e.process_id = ? ORDER BY e.district_id IS NOT NULL, e.id LIMIT 10",
    }),
    figures: &[Figure {
        key: "budget_ballots",
        total: "SELECT count(*) FROM budget_ballots",
        per_day: Some(
            "SELECT date(created_at, 'unixepoch') FROM budget_ballots WHERE created_at >= ?1",
        ),
    }],
    moderation: &[],
    commented: None,
    open_data: &[OpenData {
        key: "budget_envelopes",
        sql: "SELECT process_id, id, name, amount, ballot, max_projects, method, ballots, paper_ballots, \
                  '/budgets/' || id || '/results.json', '/budgets/' || id || '/ballots.pb' \
                  FROM budget_envelopes ORDER BY id",
        shape: Shape::List(&[
            "id",
            "name",
            "amount_eur",
            "ballot",
            "max_projects",
            "method",
            "ballots",
            "paper_ballots",
            "results",
            "ballots_pabulib",
        ]),
    }],
    search: None,
    tallies: &[
        Tally {
            key: "budget_ballots",
            sql: "SELECT coalesce(sum(ballots), 0) FROM budget_envelopes WHERE process_id = ?1",
            counts_as: CountsAs::Vote,
            dated: None,
            list: None,
        },
        Tally {
            key: "budget_paper_ballots",
            sql: "SELECT coalesce(sum(paper_ballots), 0) FROM budget_envelopes WHERE process_id = ?1",
            counts_as: CountsAs::Part,
            dated: None,
            list: None,
        },
        // Online ballots entered with the voter at the town-hall desk.
        Tally {
            key: "budget_ballots_at_desk",
            sql: "SELECT count(*) FROM budget_ballots WHERE channel = 'online' AND entered_by IS NOT NULL \
                  AND envelope_id IN (SELECT id FROM budget_envelopes WHERE process_id = ?1)",
            counts_as: CountsAs::Part,
            dated: None,
            list: None,
        },
    ],
    exports: Some(Exports {
        label: "exports-budget",
        sql: "SELECT e.process_id, e.name, '/budgets/' || e.id || '/ballots.csv', \
              '/budgets/' || e.id || '/results.json', '/budgets/' || e.id || '/ballots.pb' \
              FROM budget_envelopes e JOIN processes p ON p.id = e.process_id ORDER BY p.starts_on DESC, e.id",
    }),
};

/// Its tables about a person, in erasure order.
const PRIVACY: &[Source] = &[
    Source {
        table: "budget_ballots",
        user_column: "user_id",
        export: &[
            "envelope_id",
            "projects",
            "total",
            "created_at",
            "updated_at",
        ],
        // Counted in the result: the ballot stays, with nobody's name on it.
        erase: Erase::Sql("UPDATE budget_ballots SET user_id = NULL WHERE user_id = ?1"),
    },
    Source {
        table: "budget_carts",
        user_column: "user_id",
        export: &["envelope_id", "project_id", "added_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "budget_ballots",
        user_column: "entered_by",
        export: &["envelope_id", "paper_ref", "projects", "created_at"],
        erase: Erase::Keep,
    },
    Source {
        table: "budget_project_milestones",
        user_column: "user_id",
        export: &["project_id", "on_date", "percent", "body", "created_at"],
        // The commune's follow-up, written by staff: it stays.
        erase: Erase::Keep,
    },
];
