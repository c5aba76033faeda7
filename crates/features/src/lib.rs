//! The list of Palabre's features: each one's manifest
//! (`kit::feature::Manifest`), walked by what spans them all (a process
//! page's lists, a person's data and its erasure). Adding a feature adds a line here
//! (docs/ARCHITECTURE.md).

use palabre_kit::feature::Manifest;

/// Every feature, in the order a process page shows them (and their
/// personal data is erased).
pub const ALL: &[&Manifest] = &[
    &palabre_discussion::MANIFEST,
    &palabre_proposal::MANIFEST,
    &palabre_questionnaire::MANIFEST,
    &palabre_budget::MANIFEST,
    &palabre_identity::MANIFEST,
];

#[cfg(test)]
mod tests {
    use super::*;
    use palabre_kit::privacy::{self, Erase};
    use palabre_kit::{sql_check, testing};
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn each_table_has_at_most_one_feature_and_exists() {
        let conn = testing::schema();
        let tables = testing::tables(&conn);
        let mut owner = BTreeMap::new();
        for feature in ALL {
            for table in feature.tables {
                assert!(
                    tables.iter().any(|t| t == table),
                    "{}: no table {table}",
                    feature.name
                );
                if let Some(other) = owner.insert(*table, feature.name) {
                    panic!("{table} is {other}'s and {}'s", feature.name);
                }
            }
            for source in feature.privacy {
                assert!(
                    feature.tables.contains(&source.table),
                    "{} declares the personal data of {}, which is not its own",
                    feature.name,
                    source.table
                );
            }
        }
    }

    /// Every feature's process-page list runs against the schema and
    /// returns its five columns.
    #[test]
    fn every_participation_list_matches_the_schema() {
        let conn = testing::schema();
        for list in ALL.iter().filter_map(|f| f.participation.as_ref()) {
            let stmt = conn.prepare(list.sql).unwrap();
            assert_eq!(stmt.column_count(), 5, "{}", list.sql);
            assert_eq!(stmt.parameter_count(), 1, "{}", list.sql);
        }
    }

    /// Every dashboard figure is one number, and its daily series one date
    /// per contribution since `?1`.
    #[test]
    fn every_figure_matches_the_schema() {
        let conn = testing::schema();
        for figure in ALL
            .iter()
            .flat_map(|f| f.figures.iter().chain(f.moderation.iter()))
        {
            let stmt = conn.prepare(figure.total).unwrap();
            assert_eq!(
                (stmt.column_count(), stmt.parameter_count()),
                (1, 0),
                "{}",
                figure.key
            );
            if let Some(sql) = figure.per_day {
                let stmt = conn.prepare(sql).unwrap();
                assert_eq!(
                    (stmt.column_count(), stmt.parameter_count()),
                    (1, 1),
                    "{}",
                    figure.key
                );
            }
        }
    }

    /// Every open-data part, comment place and search query has the columns
    /// and parameters its reader expects.
    #[test]
    fn every_open_data_part_comment_place_and_index_matches_the_schema() {
        use palabre_kit::feature::Shape;
        let conn = testing::schema();
        for part in ALL.iter().flat_map(|f| f.open_data.iter()) {
            let stmt = conn.prepare(part.sql).unwrap();
            let columns = match part.shape {
                Shape::List(fields) => fields.len() + 1,
                Shape::Counts => 3,
                Shape::One => 2,
            };
            assert_eq!(
                (stmt.column_count(), stmt.parameter_count()),
                (columns, 0),
                "{}",
                part.key
            );
        }
        for commented in ALL.iter().filter_map(|f| f.commented.as_ref()) {
            let places = conn.prepare(commented.places).unwrap();
            assert_eq!((places.column_count(), places.parameter_count()), (3, 1));
            let ids = conn.prepare(commented.in_process).unwrap();
            assert_eq!((ids.column_count(), ids.parameter_count()), (1, 1));
        }
        for exports in ALL.iter().filter_map(|f| f.exports.as_ref()) {
            let stmt = conn.prepare(exports.sql).unwrap();
            assert_eq!(
                (stmt.column_count(), stmt.parameter_count()),
                (5, 0),
                "{}",
                exports.label
            );
        }
        for search in ALL.iter().filter_map(|f| f.search.as_ref()) {
            let stmt = conn.prepare(search.sql).unwrap();
            assert_eq!(
                (stmt.column_count(), stmt.parameter_count()),
                (4, 3),
                "{}",
                search.index
            );
        }
    }

    /// Every report tally is one number for a process, its dated rows one
    /// time each, and its row and the dashboard's figures have labels in
    /// every language.
    #[test]
    fn every_tally_matches_the_schema_and_has_its_labels() {
        use palabre_kit::i18n;
        let conn = testing::schema();
        let tallies = ALL.iter().flat_map(|f| f.tallies.iter());
        for tally in tallies {
            let stmt = conn.prepare(tally.sql).unwrap();
            assert_eq!(
                (stmt.column_count(), stmt.parameter_count()),
                (1, 1),
                "{}",
                tally.key
            );
            if let Some(sql) = tally.dated {
                let stmt = conn.prepare(sql).unwrap();
                assert_eq!(stmt.column_names(), ["t"], "{}", tally.key);
                assert_eq!(stmt.parameter_count(), 1, "{}", tally.key);
            }
        }
        let labels = ALL
            .iter()
            .flat_map(|f| f.tallies.iter())
            .map(|t| format!("report-row-{}", t.key.replace('_', "-")))
            .chain(
                ALL.iter()
                    .flat_map(|f| f.figures.iter())
                    .map(|f| format!("dashboard-{}", f.key)),
            )
            .chain(
                ALL.iter()
                    .flat_map(|f| f.moderation.iter())
                    .map(|f| format!("transparency-{}", f.key)),
            )
            .chain(
                ALL.iter()
                    .filter_map(|f| f.exports.as_ref())
                    .map(|e| e.label.to_string()),
            );
        for label in labels {
            for locale in palabre_domain::Locale::ALL {
                assert!(
                    i18n::message_ids(locale).contains(&label),
                    "{label} in {locale:?}"
                );
            }
        }
    }

    /// No crate or component but a feature's own runs SQL on its tables.
    #[test]
    fn a_features_tables_are_named_only_in_its_own_folders() {
        let root = sql_check::workspace_root();
        let mut found = BTreeSet::new();
        for literal in sql_check::all_literals(&sql_check::workspace_dirs()) {
            let file = literal.file.strip_prefix(&root).unwrap_or(&literal.file);
            let file = file.to_string_lossy().to_string();
            for feature in ALL {
                let own = [
                    format!("crates/{}/", feature.name),
                    format!("components/{}/", feature.name),
                ];
                if own.iter().any(|o| file.starts_with(o.as_str())) {
                    continue;
                }
                for table in sql_check::tables_named(&literal.sql, feature.tables) {
                    found.insert((file.clone(), table.to_string()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "SQL on a feature's tables outside its crate and component \
             (call the feature's read API, or add to its manifest): {found:#?}"
        );
    }

    #[test]
    fn every_table_about_a_person_is_covered() {
        let conn = testing::schema();
        let tables = testing::tables(&conn);
        let mut referencing = BTreeSet::from([("users".to_string(), "id".to_string())]);
        for table in &tables {
            let mut stmt = conn
                .prepare(&format!("PRAGMA foreign_key_list({table})"))
                .unwrap();
            let refs = stmt
                .query_map([], |r| Ok((r.get::<_, String>(2)?, r.get::<_, String>(3)?)))
                .unwrap()
                .map(Result::unwrap);
            for (target, column) in refs {
                if target == "users" {
                    referencing.insert((table.clone(), column));
                }
            }
            // A column named like a person but without a foreign key is suspicious too.
            let mut info = conn
                .prepare(&format!("PRAGMA table_info({table})"))
                .unwrap();
            let columns: Vec<String> = info
                .query_map([], |r| r.get(1))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            for column in columns {
                if column == "user_id" || column.ends_with("_user_id") || column == "actor_id" {
                    referencing.insert((table.clone(), column));
                }
            }
        }
        let covered: BTreeSet<(String, String)> = privacy::sources(ALL)
            .into_iter()
            .map(|s| (s.table.to_string(), s.user_column.to_string()))
            .collect();
        for pair in &referencing {
            assert!(
                covered.contains(pair),
                "{pair:?} holds personal data but is in neither privacy::SHARED nor a manifest"
            );
        }
    }

    #[test]
    fn exports_name_real_columns_and_no_secrets() {
        let conn = testing::schema();
        let sources = privacy::sources(ALL);
        for source in &sources {
            conn.prepare(&privacy::export_sql(source))
                .unwrap_or_else(|e| panic!("{}: {e}", source.table));
            for column in source.export {
                assert!(
                    !column.contains("hash") && !column.contains("token"),
                    "{}.{column}",
                    source.table
                );
            }
            if let Erase::Sql(sql) = source.erase {
                conn.prepare(sql)
                    .unwrap_or_else(|e| panic!("{}: {e}", source.table));
            }
        }
        assert_eq!(
            sources.last().map(|s| s.table),
            Some("users"),
            "users last: the others read its email"
        );
    }

    /// The "my data" page says what each source is, and names its columns,
    /// in every language.
    #[test]
    fn every_source_of_my_data_has_its_words() {
        for locale in palabre_domain::Locale::ALL {
            let ids = palabre_kit::i18n::message_ids(locale);
            for (key, source) in privacy::named(ALL) {
                for id in [format!("data-table-{key}"), format!("data-about-{key}")] {
                    assert!(ids.contains(&id), "{id} in {locale:?}");
                }
                for column in source.export {
                    let id = format!("data-col-{column}");
                    assert!(ids.contains(&id), "{id} in {locale:?}");
                }
            }
        }
    }
}
