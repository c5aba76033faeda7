//! Schema migrations, embedded at compile time and applied by `PRAGMA user_version`,
//! one `BEGIN IMMEDIATE` transaction each (a concurrent instance waits, then finds
//! nothing left to do). Forward-only: `db/migrations/NNNN_description.sql`.

use palabre_kit::db::{self, Connection, DbResult};
use palabre_kit::{Error, Result};

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    /// Deflated by build.rs; see [`sql`].
    deflated: &'static [u8],
}

impl Migration {
    pub fn sql(&self) -> Result<String> {
        sql(self.deflated)
    }
}

/// SQL the build script deflated.
fn sql(deflated: &[u8]) -> Result<String> {
    palabre_kit::assets::inflate(deflated)
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| Error::Internal("embedded SQL does not inflate".into()))
}

macro_rules! migration {
    ($version:literal, $name:literal) => {
        Migration {
            version: $version,
            name: $name,
            deflated: include_bytes!(concat!(env!("OUT_DIR"), "/sql/", $name, ".sql.deflate")),
        }
    };
}

/// Every migration, in order. A unit test checks this list against the folder.
pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_foundation"),
    migration!(2, "0002_accounts"),
    migration!(3, "0003_mail_and_tokens"),
    migration!(4, "0004_profile"),
    migration!(5, "0005_two_factor"),
    migration!(6, "0006_ended_sessions"),
    migration!(7, "0007_mail_delivery"),
    migration!(8, "0008_processes"),
    migration!(9, "0009_images"),
    migration!(10, "0010_network"),
    migration!(11, "0011_search"),
    migration!(12, "0012_translations"),
    migration!(13, "0013_revision"),
    migration!(14, "0014_discussions"),
    migration!(15, "0015_opinion_map"),
    migration!(16, "0016_questionnaires"),
    migration!(17, "0017_page_cache"),
    migration!(18, "0018_proposals"),
    migration!(19, "0019_proposal_best_and_map"),
    migration!(20, "0020_moderation"),
    migration!(21, "0021_counters"),
    migration!(22, "0022_proposal_search"),
    migration!(23, "0023_idempotency"),
    migration!(24, "0024_resident_count"),
    migration!(25, "0025_reports_and_follow_up"),
    migration!(26, "0026_replays_keep_no_secret"),
    migration!(27, "0027_all_proposals"),
    migration!(28, "0028_news_of_a_process"),
    migration!(29, "0029_budgets"),
    migration!(30, "0030_budget_follow_up"),
    migration!(31, "0031_verified_residents"),
    migration!(32, "0032_budget_figures"),
    migration!(33, "0033_openid_connect"),
    migration!(34, "0034_census_list"),
    migration!(35, "0035_letter_codes"),
    migration!(36, "0036_desk_accounts"),
    migration!(37, "0037_housekeeping"),
    migration!(38, "0038_desk_sessions"),
];

const DEMO_SEED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sql/demo.sql.deflate"));

pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

async fn user_version(conn: &Connection) -> DbResult<i64> {
    let row = db::query_one(conn, "PRAGMA user_version", Vec::new()).await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

/// Brings the schema up to date; returns the version now in force (above
/// [`latest`] when a newer build upgraded the database: nothing is done).
///
/// Each migration is its own `BEGIN IMMEDIATE` transaction, which also sets
/// the version it brings: over a remote libSQL database every statement is a
/// round trip and the server ends a transaction that lasts more than a few
/// seconds (5 s in `sqld`), so a fresh database is never built in one long
/// transaction. A concurrent instance waits for the lock, then re-reads the
/// version and skips what is done.
pub async fn migrate(conn: &Connection) -> Result<i64> {
    for _ in 0..=MIGRATIONS.len() {
        let version = user_version(conn).await?;
        if version >= latest() {
            return Ok(version);
        }
        db::immediate(conn, async |conn| {
            let current = user_version(conn).await?;
            if let Some(m) = MIGRATIONS.iter().find(|m| m.version > current) {
                eprintln!("gate: applying migration {}", m.name);
                db::exec_script(conn, &m.sql()?).await?;
                // PRAGMA takes no parameters; the value is our own integer.
                let set_version = format!("PRAGMA user_version = {}", m.version);
                db::exec(conn, &set_version, Vec::new()).await?;
            }
            Ok::<(), Error>(())
        })
        .await?;
    }
    Err(Error::Internal(
        "the schema version does not move: PRAGMA user_version is not kept".into(),
    ))
}

/// Loads the demo commune when the database has none yet.
pub async fn seed_demo(conn: &Connection) -> Result<()> {
    const HAS_COMMUNE: &str = "SELECT 1 FROM settings WHERE key = 'commune.name'";
    if db::query_one(conn, HAS_COMMUNE, Vec::new())
        .await?
        .is_some()
    {
        return Ok(());
    }
    db::immediate(conn, async |conn| {
        if db::query_one(conn, HAS_COMMUNE, Vec::new())
            .await?
            .is_none()
        {
            eprintln!("gate: loading the demo commune (demo_seed = true)");
            db::exec_script(conn, &sql(DEMO_SEED)?).await?;
        }
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_commune_inflates_to_its_file() {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../db/seed/demo.sql");
        assert_eq!(
            sql(DEMO_SEED).unwrap(),
            std::fs::read_to_string(file).unwrap()
        );
    }

    #[test]
    fn list_matches_the_folder() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../db/migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<String> = MIGRATIONS
            .iter()
            .map(|m| format!("{}.sql", m.name))
            .collect();
        assert_eq!(
            files, listed,
            "every file in db/migrations must be listed in MIGRATIONS"
        );
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1);
            assert!(m.name.starts_with(&format!("{:04}_", m.version)));
            let text = m.sql().unwrap();
            let file = std::fs::read_to_string(format!("{dir}/{}.sql", m.name)).unwrap();
            assert_eq!(text, file, "{} inflates to its file", m.name);
            assert!(!palabre_kit::sql::split_statements(&text).is_empty());
        }
    }
}
