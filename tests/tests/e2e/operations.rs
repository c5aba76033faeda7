//! Operating a commune (docs/DEPLOY.md): backups taken while serving restore
//! to the same database, and the gate's one log line per request says what
//! was asked without saying who asked.

use palabre_e2e::{Browser, TestApp, crowd, post_at_once, rows, tables};
use std::path::Path;
use std::process::Command;

/// Runs one of the repo's scripts; its standard output.
fn script(name: &str, args: &[&Path]) -> String {
    let out = Command::new(palabre_e2e::repo_root().join("scripts").join(name))
        .args(args)
        .output()
        .expect("run the script");
    assert!(
        out.status.success(),
        "scripts/{name}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every table's rows, by name.
fn content(db: &Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let mut all = vec![("user_version".to_string(), vec![version.to_string()])];
    for (table, columns) in tables(&conn) {
        let found = rows(&conn, &table, &columns);
        all.push((table, found));
    }
    all
}

#[test]
fn a_backup_taken_while_serving_restores_to_an_identical_database() {
    let dir = palabre_e2e::fresh_state_dir();
    let app = TestApp::start_on(&dir, &[]);
    let _ = app.get("/health");
    let people = crowd(&app, "sauvegarde", 50);
    let statuses = post_at_once(&app, "/proposals/1/support", &people, |_| String::new());
    assert!(
        statuses.iter().all(|s| *s == 303 || *s == 422),
        "{statuses:?}"
    );
    let live = dir.join("sqlite_db.db");
    let backup = dir.join("backups/first.db");

    // Taken while the host serves (and holds the database open).
    let said = script(
        "backup",
        &[Path::new("--db"), &live, Path::new("--out"), &backup],
    );
    assert!(said.contains("schema_version="), "{said}");
    assert!(content(&backup) == content(&live), "the backup differs");

    // A backup taken during a write storm is sound and restorable too.
    let more = crowd(&app, "pendant", 100);
    let storm = std::thread::scope(|s| {
        let writes =
            s.spawn(|| post_at_once(&app, "/proposals/1/support", &more, |_| String::new()));
        let during = dir.join("backups/during.db");
        script(
            "backup",
            &[Path::new("--db"), &live, Path::new("--out"), &during],
        );
        writes.join().unwrap();
        during
    });

    // Restored over the database the app is serving: written through SQLite
    // under its write lock (before, the file was swapped and its write-ahead
    // log deleted under the running app); the app goes on serving it.
    let said = script("restore", &[&backup, Path::new("--db"), &live]);
    assert!(said.contains("restored="), "{said}");
    assert!(
        content(&live) == content(&backup),
        "the live database is not the backup"
    );
    assert_eq!(app.get("/health").status, 200);
    assert_eq!(app.get("/proposals/1").status, 200);
    app.stop();

    // Restored into a new place: the same rows, and a host serves it.
    let other = palabre_e2e::fresh_state_dir();
    let restored = other.join("sqlite_db.db");
    let said = script("restore", &[&backup, Path::new("--db"), &restored]);
    assert!(said.contains("restored="), "{said}");
    assert!(
        content(&restored) == content(&backup),
        "the restore differs"
    );
    let app = TestApp::start_on(&other, &[]);
    assert_eq!(app.get("/health").status, 200);
    assert_eq!(app.get("/proposals/1").status, 200);
    app.stop();
    let served = content(&restored);

    // Restoring over a database keeps the one it replaces.
    let said = script("restore", &[&storm, Path::new("--db"), &restored]);
    assert!(said.contains("kept="), "{said}");
    let kept = said
        .lines()
        .find_map(|l| l.strip_prefix("kept="))
        .unwrap()
        .to_string();
    assert!(
        content(Path::new(&kept)) == served,
        "the replaced database was not kept"
    );
    let conn = rusqlite::Connection::open(&restored).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");

    // A file that is not a backup is refused, and nothing is replaced.
    let junk = dir.join("junk.db");
    std::fs::write(&junk, b"not a database").unwrap();
    let out = Command::new(palabre_e2e::repo_root().join("scripts/restore"))
        .arg(&junk)
        .arg("--db")
        .arg(&restored)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        content(&restored) == content(&storm),
        "a refused restore changed the database"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&other);
}

#[test]
fn every_request_is_logged_once_without_personal_data() {
    let app = TestApp::start();
    let _ = app.get("/search?q=Camille+Martin");
    let mut camille = Browser::signed_in(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    let _ = camille.get("/proposals/2");
    let log = app.stop_and_log();
    let lines: Vec<serde_json::Value> = log
        .lines()
        .filter(|l| l.starts_with("{\"log\":\"request\""))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let seen = |method: &str, route: &str, status: u64| {
        lines.iter().any(|l| {
            l["method"] == method
                && l["route"] == route
                && l["status"] == status
                && l["ms"].is_f64()
        })
    };
    assert!(seen("GET", "/search", 200), "{log}");
    assert!(seen("POST", "/account/login", 303), "{log}");
    assert!(seen("GET", "/proposals/:n", 200), "{log}");
    // Nothing of what people typed or who they are.
    for secret in ["Camille", "camille@", "valbrune-citoyenne", "q="] {
        assert!(
            !lines.iter().any(|l| l.to_string().contains(secret)),
            "{secret} in the request log"
        );
    }
}

/// palabre-host started with a runtime config; its exit status and what it
/// printed, once it has stopped (or after 30 s, when it is killed).
fn host_with_runtime_config(config: &str) -> (Option<i32>, String) {
    let dir = palabre_e2e::fresh_state_dir();
    let file = dir.join("runtime-config.toml");
    std::fs::write(&file, config).unwrap();
    let manifest = palabre_e2e::repo_root().join("spin.toml");
    let result = host_that_stops(&manifest, &file, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// palabre-host started on a manifest and runtime config that should not let
/// it start; its exit status and what it printed.
fn host_that_stops(manifest: &Path, config: &Path, dir: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(palabre_e2e::host_binary())
        .current_dir(palabre_e2e::repo_root())
        .args(["up", "--listen", "127.0.0.1:0", "--from"])
        .arg(manifest)
        .arg("--state-dir")
        .arg(dir.join("state"))
        .arg("--runtime-config-file")
        .arg(config)
        .env("SPIN_VARIABLE_SESSION_KEY", "a-key-for-this-test-only")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start palabre-host");
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() && started.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), printed)
}

#[test]
fn a_libsql_database_that_cannot_be_reached_stops_the_host_at_startup_with_a_clear_message() {
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let token = "tok-never-printed-8d1f";
    let cases = [
        (
            format!("url = \"http://127.0.0.1:{port}\"\ntoken = \"{token}\"\n"),
            format!("cannot reach the libSQL database `default` at http://127.0.0.1:{port}"),
            "Connection refused",
        ),
        (
            format!("url = \"libsql://nowhere.invalid?authToken={token}\"\ntoken = \"{token}\"\n"),
            "cannot reach the libSQL database `default` at libsql://nowhere.invalid".to_string(),
            "dns error",
        ),
        (
            format!("url = \"127.0.0.1:{port}\"\ntoken = \"{token}\"\n"),
            "cannot reach the libSQL database `default`".to_string(),
            "must start with libsql://, https:// or http://",
        ),
        (
            format!("url = \"http://127.0.0.1:{port}\"\n"),
            "sqlite_database.default".to_string(),
            "needs both `url` and `token`",
        ),
    ];
    for (settings, what, why) in cases {
        let config = format!("[sqlite_database.default]\ntype = \"libsql\"\n{settings}");
        let (code, printed) = host_with_runtime_config(&config);
        assert_eq!(code, Some(1), "{config}\n{printed}");
        assert!(printed.contains(&what), "{config}\n{printed}");
        assert!(printed.contains(why), "{config}\n{printed}");
        assert!(!printed.contains(token), "the token was printed: {printed}");
        assert!(!printed.contains("Serving"), "{printed}");
    }
}

/// Runs scripts/new-commune; its status and what it printed.
fn new_commune(args: &[&str]) -> (bool, String) {
    let out = Command::new(palabre_e2e::repo_root().join("scripts/new-commune"))
        .args(args)
        .output()
        .expect("run scripts/new-commune");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), printed)
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_commune_gets_its_own_key_database_and_manifests_and_they_run() {
    let dir = palabre_e2e::fresh_state_dir();
    let local = dir.join("chaumont");
    let (ok, printed) = new_commune(&[
        "chaumont",
        "--out",
        local.to_str().unwrap(),
        "--database",
        "file",
        "--base-url",
        "https://participer.chaumont.example",
    ]);
    assert!(ok, "{printed}");
    let env = std::fs::read_to_string(local.join("secrets.env")).unwrap();
    let key = env
        .trim()
        .strip_prefix("SPIN_VARIABLE_SESSION_KEY=")
        .expect("secrets.env sets the session key");
    assert!(key.len() >= 32, "{key}");
    assert_eq!(mode(&local), 0o700);
    assert_eq!(mode(&local.join("secrets.env")), 0o600);
    assert_eq!(mode(&local.join("runtime-config.toml")), 0o600);
    assert!(
        !local.join("spinkube.yaml").exists(),
        "a local file is one server's"
    );
    let cloud = std::fs::read_to_string(local.join("fermyon-cloud.sh")).unwrap();
    assert!(
        cloud.contains("spin cloud deploy --from spin.toml"),
        "{cloud}"
    );
    assert!(
        cloud.contains("--variable base_url=https://participer.chaumont.example"),
        "{cloud}"
    );

    // What was written runs: the commune's manifest (its own name, the built
    // components), its runtime config (its own database file) and its key.
    let manifest = std::fs::read_to_string(local.join("spin.toml")).unwrap();
    assert!(manifest.contains("name = \"palabre-chaumont\""));
    assert!(
        !manifest.contains(".build]"),
        "build sections stay in the repository"
    );
    let app = TestApp::start_configured(
        &local.join("spin.toml"),
        &dir.join("state"),
        &[
            ("SPIN_VARIABLE_SESSION_KEY", key),
            ("SPIN_VARIABLE_DEMO_SEED", "false"),
        ],
        &[
            "--runtime-config-file".as_ref(),
            local.join("runtime-config.toml").as_os_str(),
        ],
    );
    assert_eq!(app.get("/health").status, 200);
    let setup = app.get("/setup");
    assert_eq!(setup.status, 200, "a new commune starts at /setup");
    drop(app);
    let db = local.join("data/sqlite_db.db");
    assert!(
        db.exists(),
        "the database is the one the runtime config names"
    );
    assert!(!dir.join("state/sqlite_db.db").exists());

    // Turso: the runtime config names the database, and the SpinApp reads it
    // and the key from Secrets.
    let remote = dir.join("lanvallay");
    let (ok, printed) = new_commune(&[
        "lanvallay",
        "--out",
        remote.to_str().unwrap(),
        "--turso-url",
        "libsql://palabre-lanvallay.invalid",
        "--image",
        "registry.example/palabre:0.1.0",
        "--trusted-proxies",
        "10.244.0.0/16",
    ]);
    assert!(ok, "{printed}");
    let env = std::fs::read_to_string(remote.join("secrets.env")).unwrap();
    let other_key = env.trim().trim_start_matches("SPIN_VARIABLE_SESSION_KEY=");
    assert_ne!(other_key, key, "each commune has its own key");
    let kube = std::fs::read_to_string(remote.join("spinkube.yaml")).unwrap();
    assert_eq!(mode(&remote.join("spinkube.yaml")), 0o600);
    for needed in [
        "apiVersion: core.spinkube.dev/v1alpha1\nkind: SpinApp\nmetadata:\n  name: palabre-lanvallay\n",
        "  image: \"registry.example/palabre:0.1.0\"\n  executor: containerd-shim-spin\n",
        "loadFromSecret: palabre-lanvallay-runtime-config",
        "kind: Secret\nmetadata:\n  name: palabre-lanvallay-runtime-config\n",
        "  runtime-config.toml: |\n",
        "    url = \"https://palabre-lanvallay.invalid\"",
        "          name: palabre-lanvallay\n          key: session_key",
        "        path: /health",
        "    - name: trusted_proxies\n      value: \"10.244.0.0/16\"\n",
    ] {
        assert!(kube.contains(needed), "{needed:?} not in\n{kube}");
    }
    assert!(kube.contains(&format!("session_key: \"{other_key}\"")));
    let (code, printed) = host_that_stops(
        &remote.join("spin.toml"),
        &remote.join("runtime-config.toml"),
        &dir,
    );
    assert_eq!(code, Some(1), "{printed}");
    assert!(
        printed.contains(
            "cannot reach the libSQL database `default` at https://palabre-lanvallay.invalid"
        ),
        "{printed}"
    );

    // What it refuses, leaving nothing behind.
    for (args, why) in [
        (
            vec!["chaumont", "--out", local.to_str().unwrap()],
            "exists already",
        ),
        (
            vec!["Chaumont!", "--out", dir.join("x").to_str().unwrap()],
            "is not a slug",
        ),
        (
            vec![
                "inside",
                "--out",
                palabre_e2e::repo_root().join("target/x").to_str().unwrap(),
            ],
            "inside the repository",
        ),
        (
            vec![
                "ingress",
                "--out",
                dir.join("z").to_str().unwrap(),
                "--trusted-proxies",
                "ingress.local",
            ],
            "is not an address or a CIDR",
        ),
        (
            vec![
                "url",
                "--out",
                dir.join("y").to_str().unwrap(),
                "--base-url",
                "participer.fr/x",
            ],
            "the site's origin",
        ),
    ] {
        let (ok, printed) = new_commune(&args);
        assert!(!ok && printed.contains(why), "{args:?}: {printed}");
    }
    assert!(!dir.join("x").exists() && !dir.join("y").exists());
    assert!(!palabre_e2e::repo_root().join("target/x").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_app_runs_on_a_libsql_server_over_http() {
    // palabre-host's remote client (the `libsql` crate, as in Spin) against a
    // stand-in server that speaks libSQL's protocol (palabre_e2e::hrana).
    let dir = palabre_e2e::fresh_state_dir();
    let remote = dir.join("remote.db");
    let server = palabre_e2e::hrana::HranaServer::start(&remote, "t0ken-e2e");
    let config = server.runtime_config(&dir, "t0ken-e2e");
    let app = TestApp::start_host(
        &palabre_e2e::repo_root().join("spin.toml"),
        &dir.join("state"),
        &[],
        &["--runtime-config-file".as_ref(), config.as_os_str()],
    );

    // The schema (each migration in its own transaction) and the demo commune
    // were written over HTTP, into the server's database and nowhere else.
    let latest = std::fs::read_dir(palabre_e2e::repo_root().join("db/migrations"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".sql"))
        })
        .count();
    let health = app.get("/health");
    assert_eq!(health.status, 200, "{}", app.log());
    assert!(
        health
            .text()
            .contains(&format!("\"schema_version\":{latest}")),
        "{}",
        health.text()
    );
    assert!(!dir.join("state/sqlite_db.db").exists());
    let db = rusqlite::Connection::open(&remote).unwrap();
    let one = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(one("PRAGMA user_version"), latest as i64);
    assert_eq!(
        one("SELECT count(*) FROM settings WHERE key = 'commune.name'"),
        1
    );
    assert_eq!(app.get("/").status, 200);
    assert_eq!(app.get("/search?q=jardin").status, 200, "full-text search");

    // A citizen signs in and writes: a support (one transaction, kept on one
    // stream from BEGIN IMMEDIATE to COMMIT) and a comment.
    let mut camille = Browser::signed_in(
        &app,
        "camille@valbrune.example.org",
        "valbrune-citoyenne-2026",
    );
    let bike = one("SELECT id FROM proposals WHERE title = 'Un abri vélo sécurisé à la gare'");
    let supports = |id: i64| -> (i64, i64) {
        db.query_row(
            "SELECT supports, (SELECT count(*) FROM proposal_supports WHERE proposal_id = ?1) \
             FROM proposals WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
    };
    let (count, rows) = supports(bike);
    let page = format!("/proposals/{bike}");
    let _ = camille.get(&page);
    assert_eq!(camille.post(&format!("{page}/support"), &[]).status, 303);
    assert_eq!(supports(bike), (count + 1, rows + 1));
    let _ = camille.get("/discussions/usages-des-quais");
    let said = "Sur libSQL aussi : « des bancs » et des quais ombragés.";
    let r = camille.post(
        "/discussions/usages-des-quais/comments",
        &[("body", said), ("stance", "for")],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let kept: i64 = db
        .query_row(
            "SELECT count(*) FROM comments WHERE body = ?",
            [said],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, 1);
    assert!(
        camille
            .get("/discussions/usages-des-quais")
            .text()
            .contains("des quais ombragés")
    );
    let statements = server.statements.load(std::sync::atomic::Ordering::SeqCst);
    let requests = server.requests.load(std::sync::atomic::Ordering::SeqCst);
    assert!(statements > 200, "{statements}");
    eprintln!("libSQL stand-in: {statements} statements in {requests} HTTP requests");
    drop(app);

    // A token the server refuses stops palabre-host at startup.
    let config = server.runtime_config(&dir, "not-the-token");
    let (code, printed) =
        host_that_stops(&palabre_e2e::repo_root().join("spin.toml"), &config, &dir);
    assert_eq!(code, Some(1), "{printed}");
    assert!(
        printed.contains("cannot reach the libSQL database `default`"),
        "{printed}"
    );
    assert!(printed.contains("401"), "{printed}");
    assert!(!printed.contains("not-the-token"), "{printed}");
    let _ = std::fs::remove_dir_all(&dir);
}
