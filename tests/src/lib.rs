//! `TestApp`: starts the app on real Spin (wherever a Spin binary is found) or
//! on palabre-host, on a free port with a temporary state directory, serving
//! the components `scripts/build` produced, plus a small
//! HTTP/1.1 client (the tests handle cookies themselves, since `__Host-`
//! cookies are `Secure` and test clients would drop them over plain http).

// Test support: a failed step is a failed test, so it panics with a message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod hrana;
pub mod oidc;
pub mod turns;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

pub fn host_binary() -> PathBuf {
    std::env::var_os("PALABRE_HOST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/host/palabre-host"))
}

/// What serves the app in a test: real Spin (`spin up`), the runtime the
/// communes run, or palabre-host, the Wasmtime runner in `host/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Runner {
    /// A Spin CLI: its path.
    Spin(PathBuf),
    Host,
}

impl Runner {
    /// The suites' runner: `PALABRE_E2E_RUNNER=host` or `=spin` when set;
    /// otherwise Spin wherever a Spin binary is found (`SPIN_BIN`, or `spin`
    /// on PATH), else palabre-host.
    pub fn default_for_tests() -> Runner {
        static RUNNER: std::sync::OnceLock<Runner> = std::sync::OnceLock::new();
        RUNNER
            .get_or_init(|| {
                let wanted = std::env::var("PALABRE_E2E_RUNNER").unwrap_or_default();
                if wanted == "host" {
                    return Runner::Host;
                }
                match spin_binary() {
                    Some(spin) => Runner::Spin(spin),
                    None if wanted == "spin" => {
                        panic!("PALABRE_E2E_RUNNER=spin, but no Spin binary (SPIN_BIN, or spin on PATH)")
                    }
                    None => Runner::Host,
                }
            })
            .clone()
    }

    /// Spin, when a Spin binary is found.
    pub fn spin() -> Option<Runner> {
        spin_binary().map(Runner::Spin)
    }

    pub fn is_spin(&self) -> bool {
        matches!(self, Runner::Spin(_))
    }

    pub fn name(&self) -> &'static str {
        match self {
            Runner::Spin(_) => "spin",
            Runner::Host => "palabre-host",
        }
    }
}

/// The Spin CLI: `SPIN_BIN`, or `spin` on PATH.
pub fn spin_binary() -> Option<PathBuf> {
    if let Some(bin) = std::env::var_os("SPIN_BIN").filter(|b| !b.is_empty()) {
        let bin = PathBuf::from(bin);
        return bin.exists().then_some(bin);
    }
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join("spin"))
        .find(|candidate| candidate.is_file())
}

/// A free port on loopback (Spin cannot be told to pick one and say which).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A running app (Spin or palabre-host) on a temporary state directory.
pub struct TestApp {
    child: Child,
    pub addr: String,
    pub state_dir: PathBuf,
    pub key: String,
    pub runner: Runner,
    log: Arc<Mutex<String>>,
    log_reader: Option<std::thread::JoinHandle<()>>,
    owns_state: bool,
    /// Its turn on the machine (`turns`): a crowd runs alone.
    _turn: Option<turns::Turn>,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

pub fn fresh_state_dir() -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("palabre-e2e-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Rate limits use fixed windows aligned on the clock: a test that must stay
/// within one minute's window waits when fewer than 15 seconds of it are left.
pub fn start_of_a_fresh_minute_window() {
    room_in_the_window(60, 15);
}

/// Waits, if need be, until the current fixed window of `window` seconds
/// has at least `needed` seconds left.
pub fn room_in_the_window(window: u64, needed: u64) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let left = window - now % window;
    if left < needed {
        std::thread::sleep(Duration::from_secs(left));
    }
}

/// Today's date in the demo commune (Europe/Paris, `YYYY-MM-DD`), as the
/// components compute it.
pub fn today() -> String {
    palabre_domain::Zone::Paris.day(palabre_kit::now()).iso()
}

pub const TEST_KEY: &str = "test-session-key-0123456789abcdef-0123456789";

impl TestApp {
    /// Starts the demo commune on a fresh database.
    pub fn start() -> TestApp {
        let dir = fresh_state_dir();
        let mut app = TestApp::start_on(&dir, &[]);
        app.owns_state = true;
        app
    }

    /// Starts the demo commune for a crowd (a thousand requests at once):
    /// it runs alone in this test process (`turns`: on two cores, a crowd
    /// beside another test's app measures that app too). On Spin, every simultaneous request gets an
    /// instance of its own, and Spin's pool holds 1,000 linear memories (a
    /// Palabre component has two): `SPIN_MAX_INSTANCE_COUNT` raises it, as
    /// docs/DEPLOY.md tells a commune expecting crowds.
    pub fn start_for_a_crowd() -> TestApp {
        let turn = turns::crowd();
        let dir = fresh_state_dir();
        let mut app = TestApp::start_on(&dir, &[("SPIN_MAX_INSTANCE_COUNT", "2000")]);
        app.owns_state = true;
        app._turn = Some(turn);
        app
    }

    /// Starts the demo commune on a fresh database with the given runner.
    pub fn start_by(runner: &Runner) -> TestApp {
        let dir = fresh_state_dir();
        let manifest = repo_root().join("spin.toml");
        let mut app = TestApp::launch(runner, &manifest, &dir, &[], &[]);
        app.owns_state = true;
        app
    }

    /// Starts on `state_dir` (kept afterwards) with extra environment.
    pub fn start_on(state_dir: &Path, env: &[(&str, &str)]) -> TestApp {
        TestApp::start_with(&repo_root().join("spin.toml"), state_dir, env)
    }

    /// Starts another manifest (test fixtures).
    pub fn start_with(manifest: &Path, state_dir: &Path, env: &[(&str, &str)]) -> TestApp {
        TestApp::start_configured(manifest, state_dir, env, &[])
    }

    /// Starts a manifest with more options that Spin and palabre-host both
    /// take (`--runtime-config-file FILE`).
    pub fn start_configured(
        manifest: &Path,
        state_dir: &Path,
        env: &[(&str, &str)],
        options: &[&std::ffi::OsStr],
    ) -> TestApp {
        TestApp::launch(
            &Runner::default_for_tests(),
            manifest,
            state_dir,
            env,
            options,
        )
    }

    /// Starts palabre-host itself, for the tests of its own features (its
    /// libSQL client, its error pages, its options).
    pub fn start_host(
        manifest: &Path,
        state_dir: &Path,
        env: &[(&str, &str)],
        options: &[&std::ffi::OsStr],
    ) -> TestApp {
        TestApp::launch(&Runner::Host, manifest, state_dir, env, options)
    }

    /// Starts `runner` on a free port of loopback.
    pub fn launch(
        runner: &Runner,
        manifest: &Path,
        state_dir: &Path,
        env: &[(&str, &str)],
        options: &[&std::ffi::OsStr],
    ) -> TestApp {
        // Spin is given a port; another test may take it first, so a start
        // that finds it in use is tried again on another.
        let turn = turns::shared();
        let mut attempts = 0;
        loop {
            attempts += 1;
            match TestApp::try_launch(runner, manifest, state_dir, env, options) {
                Ok(mut app) => {
                    app._turn = Some(turn);
                    return app;
                }
                Err(log) if attempts < 5 && log.contains("already in use") => continue,
                Err(log) => panic!("{} did not start:\n{log}", runner.name()),
            }
        }
    }

    fn try_launch(
        runner: &Runner,
        manifest: &Path,
        state_dir: &Path,
        env: &[(&str, &str)],
        options: &[&std::ffi::OsStr],
    ) -> Result<TestApp, String> {
        let mut cmd = match runner {
            Runner::Host => {
                let bin = host_binary();
                assert!(
                    bin.exists(),
                    "{} is missing: run scripts/build first",
                    bin.display()
                );
                let mut cmd = Command::new(&bin);
                cmd.args(["up", "--listen", "127.0.0.1:0"]);
                cmd
            }
            Runner::Spin(bin) => {
                let mut cmd = Command::new(bin);
                cmd.arg("up")
                    .arg("--listen")
                    .arg(format!("127.0.0.1:{}", free_port()));
                cmd
            }
        };
        // Spin runs its trigger as a child process of `spin up`: each app gets
        // a process group of its own, and stopping it stops the whole group.
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        cmd.current_dir(repo_root())
            .arg("--from")
            .arg(manifest)
            .arg("--state-dir")
            .arg(state_dir)
            .env("SPIN_VARIABLE_SESSION_KEY", TEST_KEY)
            .env("SPIN_VARIABLE_DEMO_SEED", "true")
            // Tests change content and read it back at once: no delay by default.
            .env("SPIN_VARIABLE_PUBLIC_CACHE_MS", "0")
            .args(options)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", runner.name()));
        let log = Arc::new(Mutex::new(String::new()));
        let mut log_reader = None;
        if let Some(stderr) = child.stderr.take() {
            let log = log.clone();
            log_reader = Some(std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    if let Ok(mut l) = log.lock() {
                        l.push_str(&line);
                        l.push('\n');
                    }
                }
            }));
        }
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut addr = None;
        let mut printed = String::new();
        for line in lines.by_ref().map_while(Result::ok) {
            // palabre-host: "Serving palabre at http://…"; Spin: "Serving http://…".
            if let Some(url) = line
                .strip_prefix("Serving ")
                .and_then(|rest| rest.split("http://").nth(1))
            {
                addr = Some(url.trim().to_string());
                break;
            }
            printed.push_str(&line);
            printed.push('\n');
        }
        std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
        let Some(addr) = addr else {
            kill_group(&mut child);
            if let Some(reader) = log_reader.take() {
                let _ = reader.join();
            }
            let log = log.lock().map(|l| l.clone()).unwrap_or_default();
            return Err(format!("{printed}{log}"));
        };
        Ok(TestApp {
            child,
            addr,
            state_dir: state_dir.to_path_buf(),
            key: TEST_KEY.to_string(),
            runner: runner.clone(),
            log,
            log_reader,
            owns_state: false,
            _turn: None,
        })
    }

    /// What the host and the components wrote to stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// Waits (up to 10 s) for `needle` to appear in the log; returns whether it did.
    pub fn log_contains(&self, needle: &str) -> bool {
        for _ in 0..200 {
            if self.log().contains(needle) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    pub fn db(&self) -> rusqlite::Connection {
        let conn =
            rusqlite::Connection::open(self.state_dir.join("sqlite_db.db")).expect("open db");
        conn.busy_timeout(Duration::from_secs(5))
            .expect("busy timeout");
        conn
    }

    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], b"")
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        request(&self.addr, method, path, headers, body)
    }

    /// Stops the host (as a crash would: no graceful shutdown).
    pub fn stop(self) {
        self.stop_and_log();
    }

    /// Stops the host and returns everything it logged.
    pub fn stop_and_log(mut self) -> String {
        kill_group(&mut self.child);
        if let Some(reader) = self.log_reader.take() {
            let _ = reader.join();
        }
        self.log()
    }
}

/// Kills (SIGKILL) a started app and everything in its process group.
fn kill_group(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

impl Drop for TestApp {
    fn drop(&mut self) {
        kill_group(&mut self.child);
        if let Some(reader) = self.log_reader.take() {
            let _ = reader.join();
        }
        if self.owns_state {
            let _ = std::fs::remove_dir_all(&self.state_dir);
        }
        // Every test walks its write paths: none may write twice outside a
        // transaction (kit::db says so in the log).
        if !std::thread::panicking()
            && let Some(line) = self
                .log()
                .lines()
                .find(|l| l.contains(palabre_kit::db::LOOSE_WRITES))
        {
            panic!(
                "{line}
(a multi-statement write is one transaction: docs/RELIABILITY.md)"
            );
        }
    }
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The value a `Set-Cookie` gives to cookie `name`, if any.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers_named("set-cookie").into_iter().find_map(|c| {
            let (k, rest) = c.split_once('=')?;
            (k == name).then(|| rest.split(';').next().unwrap_or("").to_string())
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One HTTP/1.1 request on a new connection.
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    try_request(addr, method, path, headers, body)
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
}

/// [`request`], with a failed connection or an empty answer as an error.
pub fn try_request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Response, String> {
    let stream = TcpStream::connect(addr).map_err(|e| format!("connect: {e}"))?;
    request_on(stream, addr, method, path, headers, body)
}

/// One HTTP/1.1 request on a connection already open (`Connection: close`).
pub fn request_on(
    mut stream: TcpStream,
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Response, String> {
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| format!("timeout: {e}"))?;
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    // A test may name another host (a forged Host header).
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {addr}\r\n"));
    }
    head.push_str("Connection: close\r\n");
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        && (!body.is_empty() || method != "GET")
    {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream
        .write_all(head.as_bytes())
        .map_err(|e| format!("write: {e}"))?;
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let read = stream.read_to_end(&mut raw);
    if !raw.windows(4).any(|w| w == b"\r\n\r\n") {
        return Err(format!("no response ({read:?})"));
    }
    Ok(parse_response(&raw))
}

fn parse_response(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status code");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body);
    } else if let Some(len) = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
    {
        body.truncate(len);
    }
    Response {
        status,
        headers,
        body,
    }
}

/// Decodes a `Transfer-Encoding: chunked` body.
fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&raw[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .expect("chunk size");
        raw = &raw[line_end + 2..];
        if size == 0 || raw.len() < size {
            break;
        }
        out.extend_from_slice(&raw[..size]);
        raw = &raw[(size + 2).min(raw.len())..];
    }
    out
}

/// A visitor with a cookie jar (including `__Host-` cookies, which plain-http
/// test clients would drop) that remembers the CSRF token of the last page.
pub struct Browser<'a> {
    app: &'a TestApp,
    cookies: Vec<(String, String)>,
    csrf: Option<String>,
    once: Option<String>,
    pub headers: Vec<(String, String)>,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            cookies: Vec::new(),
            csrf: None,
            once: None,
            headers: Vec::new(),
        }
    }

    /// A browser holding `person`'s session and CSRF token.
    pub fn as_person(app: &'a TestApp, person: &Person) -> Browser<'a> {
        let mut browser = Browser::new(app);
        if let Some((name, value)) = person.cookie.split_once('=') {
            browser.cookies.push((name.to_string(), value.to_string()));
        }
        browser.csrf = Some(person.csrf.clone());
        browser
    }

    /// A browser signed in as `email`, holding the session's CSRF token (from
    /// the account page, which announces nothing and changes nothing).
    pub fn signed_in(app: &'a TestApp, email: &str, password: &str) -> Browser<'a> {
        let mut browser = Browser::new(app);
        let _ = browser.get("/account/login");
        let r = browser.post(
            "/account/login",
            &[("email", email), ("password", password)],
        );
        assert_eq!(r.status, 303, "sign-in as {email}: {}", r.text());
        let _ = browser.get("/account");
        browser
    }

    /// The idempotency key of the last page's first form (`post` does not
    /// send it: a test adds it as a field where it means to).
    pub fn once(&self) -> Option<String> {
        self.once.clone()
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn send(&mut self, method: &str, path: &str, extra: &[(&str, &str)], body: &[u8]) -> Response {
        let jar = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if !jar.is_empty() {
            headers.push(("Cookie", jar.as_str()));
        }
        headers.extend_from_slice(extra);
        let response = self.app.request(method, path, &headers, body);
        for set in response.headers_named("set-cookie") {
            let Some((name, rest)) = set.split_once('=') else {
                continue;
            };
            let value = rest.split(';').next().unwrap_or("").to_string();
            self.cookies.retain(|(k, _)| k != name);
            if !value.is_empty() && !set.contains("Max-Age=0") {
                self.cookies.push((name.to_string(), value));
            }
        }
        let html = response.text();
        if let Some(token) = csrf_in(&html) {
            self.csrf = Some(token);
        }
        self.once = hidden_in(&html, ONCE_FIELD);
        response
    }

    pub fn get(&mut self, path: &str) -> Response {
        self.send("GET", path, &[], b"")
    }

    /// Submits a form with the CSRF token of the last page seen.
    pub fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut body = format!("_csrf={}", self.csrf.clone().unwrap_or_default());
        for (k, v) in fields {
            body.push_str(&format!("&{}={}", encode(k), encode(v)));
        }
        self.send(
            "POST",
            path,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body.as_bytes(),
        )
    }
}

impl Browser<'_> {
    /// Submits a `multipart/form-data` form (with files: field, file name,
    /// bytes) and the CSRF token of the last page seen.
    pub fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Response {
        let boundary = "palabre-test-boundary-7c1f";
        let mut body = Vec::new();
        let csrf = self.csrf.clone().unwrap_or_default();
        let text = |name: &str, value: &str, body: &mut Vec<u8>| {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        };
        text("_csrf", &csrf, &mut body);
        for (name, value) in fields {
            text(name, value, &mut body);
        }
        for (name, filename, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        self.send(
            "POST",
            path,
            &[("Content-Type", content_type.as_str())],
            &body,
        )
    }
}

/// The CSRF token in a page's first form, if any.
pub fn csrf_in(html: &str) -> Option<String> {
    hidden_in(html, "_csrf")
}

/// The fields a page's form `action` would send as it stands: text inputs,
/// hidden fields, checked boxes, textareas and selected options, unescaped.
pub fn form_values(html: &str, action: &str) -> Vec<(String, String)> {
    let start = html
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form for {action}"));
    let form = &html[start..start + html[start..].find("</form>").expect("the form's end")];
    let attr = |tag: &str, name: &str| -> Option<String> {
        let marker = format!(" {name}=\"");
        let at = tag.find(&marker)? + marker.len();
        Some(unescape(&tag[at..at + tag[at..].find('"')?]))
    };
    let mut values = Vec::new();
    let mut rest = form;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(name) = attr(tag, "name") {
            if tag.starts_with("<input") {
                let kind = attr(tag, "type").unwrap_or_default();
                let checked = tag.contains(" checked");
                if kind != "file" && (kind != "checkbox" || checked) {
                    values.push((name, attr(tag, "value").unwrap_or_default()));
                }
            } else if tag.starts_with("<textarea") {
                let body = &rest[end + 1..];
                let text = &body[..body.find("</textarea>").unwrap_or(0)];
                values.push((name, unescape(text)));
            } else if tag.starts_with("<select") {
                let body = &rest[end + 1..];
                let options = &body[..body.find("</select>").unwrap_or(0)];
                let chosen = options
                    .split("<option")
                    .find(|o| o.contains(" selected"))
                    .and_then(|o| attr(o, "value"))
                    .unwrap_or_default();
                values.push((name, chosen));
            }
        }
        rest = &rest[end.min(rest.len() - 1) + 1..];
    }
    values
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Every ordinary table (not a full-text index or its shadow tables) and
/// its columns.
pub fn tables(db: &rusqlite::Connection) -> Vec<(String, Vec<String>)> {
    let names: Vec<String> = db
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND sql NOT LIKE 'CREATE VIRTUAL%' AND NOT EXISTS (SELECT 1 FROM sqlite_master v \
             WHERE v.sql LIKE 'CREATE VIRTUAL%' AND sqlite_master.name LIKE v.name || '\\_%' ESCAPE '\\') \
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    names
        .into_iter()
        .map(|name| {
            let columns = db
                .prepare(&format!("SELECT name FROM pragma_table_info('{name}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (name, columns)
        })
        .collect()
}

/// Every row of `table` (the given columns), as text, in a stable order.
pub fn rows(db: &rusqlite::Connection, table: &str, columns: &[String]) -> Vec<String> {
    let list = columns
        .iter()
        .map(|c| format!("quote(\"{c}\")"))
        .collect::<Vec<_>>()
        .join(" || '|' || ");
    let mut all: Vec<String> = db
        .prepare(&format!("SELECT {list} FROM \"{table}\""))
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    all.sort();
    all
}

/// A page without what differs on every rendering of the same page: the
/// session's CSRF token and each form's fresh idempotency key.
pub fn without_form_keys(html: &str) -> String {
    let mut out = html.to_string();
    for field in ["_csrf", ONCE_FIELD] {
        let marker = format!("name=\"{field}\" value=\"");
        let mut kept = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(&marker) {
            let start = at + marker.len();
            kept.push_str(&rest[..start]);
            rest = &rest[start..];
            rest = &rest[rest.find('"').unwrap_or(0)..];
        }
        kept.push_str(rest);
        out = kept;
    }
    out
}

/// The form field holding a form's idempotency key.
pub const ONCE_FIELD: &str = palabre_kit::visitor::ONCE_FIELD;

/// The value of the first hidden field `name` in a page, if any.
pub fn hidden_in(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let at = html.find(&marker)?;
    Some(html[at + marker.len()..].split('"').next()?.to_string())
}

/// A signed-in person made directly in the database: the session cookie and
/// CSRF token the gate would have issued (signed with the test key).
pub struct Person {
    pub id: i64,
    pub cookie: String,
    pub csrf: String,
}

/// `n` new confirmed citizens (`<prefix>-<i>@example.org`), each signed in.
pub fn crowd(app: &TestApp, prefix: &str, n: usize) -> Vec<Person> {
    crowd_in(&mut app.db(), prefix, n)
}

/// [`crowd`], written into `db` (an app's database that is not its state
/// directory's file: a libSQL server's).
pub fn crowd_in(db: &mut rusqlite::Connection, prefix: &str, n: usize) -> Vec<Person> {
    use palabre_kit::session::{self, Key, SessionClaims};
    let key = Key::new(TEST_KEY).expect("test key");
    let now = palabre_kit::now();
    let tx = db.transaction().expect("transaction");
    let people = (0..n)
        .map(|i| {
            tx.execute(
                "INSERT INTO users (email, display_name, created_at, email_confirmed_at) VALUES (?1, ?2, 0, 0)",
                rusqlite::params![format!("{prefix}-{i}@example.org"), format!("{prefix} {i}")],
            )
            .expect("insert a person");
            let claims = SessionClaims {
                user_id: tx.last_insert_rowid(),
                session_id: session::random_id().expect("random"),
                issued_at: now,
                expires_at: now + 3600,
                seen_at: now,
            };
            Person {
                id: claims.user_id,
                csrf: session::csrf_token(&key, &claims.session_id),
                cookie: format!("__Host-palabre-session={}", session::sign(&key, &claims)),
            }
        })
        .collect();
    tx.commit().expect("commit");
    people
}

/// Every person posts the form `fields(person)` to `path`, all at once (one
/// thread and connection each, released together); the statuses, in order
/// (0: no answer).
///
/// Each person's connection is open before the moment comes, as a browser
/// keeps the one its page came on: what arrives at once is the thousand
/// requests. (A thousand new connections in the same millisecond overflow
/// Spin's listener, whose queue holds 128, and the kernel resets some of
/// them before Spin sees them: docs/DEPLOY.md, "palabre-host and Spin".)
pub fn post_at_once(
    app: &TestApp,
    path: &str,
    people: &[Person],
    fields: impl Fn(&Person) -> String + Sync,
) -> Vec<u16> {
    let gate = std::sync::Barrier::new(people.len());
    let connections: Vec<Option<TcpStream>> = people
        .iter()
        .map(|_| {
            TcpStream::connect(&app.addr)
                .map_err(|e| eprintln!("{path}: connect: {e}"))
                .ok()
        })
        .collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = people
            .iter()
            .zip(connections)
            .map(|(person, connection)| {
                let (gate, fields) = (&gate, &fields);
                std::thread::Builder::new()
                    .stack_size(256 * 1024)
                    .spawn_scoped(s, move || {
                        let body = format!("_csrf={}&{}", person.csrf, fields(person));
                        gate.wait();
                        let headers = [
                            ("Cookie", person.cookie.as_str()),
                            ("Content-Type", "application/x-www-form-urlencoded"),
                        ];
                        let sent = connection
                            .ok_or_else(|| "not connected".to_string())
                            .and_then(|stream| {
                                request_on(
                                    stream,
                                    &app.addr,
                                    "POST",
                                    path,
                                    &headers,
                                    body.as_bytes(),
                                )
                            });
                        match sent {
                            Ok(r) => r.status,
                            Err(e) => {
                                eprintln!("{path}: {e}");
                                0
                            }
                        }
                    })
                    .expect("spawn")
            })
            .collect();
        let started = std::time::Instant::now();
        let statuses = handles
            .into_iter()
            .map(|h| h.join().expect("join"))
            .collect();
        eprintln!(
            "{} posts to {path} at once on {}: answered in {:.1} s",
            people.len(),
            app.runner.name(),
            started.elapsed().as_secs_f64()
        );
        statuses
    })
}

/// A crowd's form, as [`post_at_once`], then again for whoever got the busy
/// page, as that page tells them ("nothing was changed: send it again in a
/// few seconds"), one by one, until every form is counted. Every first answer
/// is the form counted (303) or that page (503); anything
/// else (a 500, no answer) fails, and so does a busy page that had saved the
/// form (the counters the tests compare would count it twice).
///
/// How many the lock turned away (each writer waits up to 30 s for it,
/// `kit::db`) is the machine's speed, not the app's correctness: it is
/// printed, and measured by `scripts/bench`, never asserted.
pub fn post_at_once_until_counted(
    app: &TestApp,
    path: &str,
    people: &[Person],
    fields: impl Fn(&Person) -> String + Sync,
) {
    let statuses = post_at_once(app, path, people, &fields);
    let mut seen = std::collections::BTreeMap::new();
    for s in &statuses {
        *seen.entry(*s).or_insert(0usize) += 1;
    }
    assert!(
        seen.keys().all(|s| *s == 303 || *s == 503),
        "{path}: {seen:?}\n{}",
        app.log()
    );
    let busy: Vec<&Person> = people
        .iter()
        .zip(&statuses)
        .filter(|(_, s)| **s == 503)
        .map(|(p, _)| p)
        .collect();
    eprintln!(
        "{path}: {} of {} told the site is busy on the first try, then sent again",
        busy.len(),
        people.len()
    );
    for person in busy {
        let body = format!("_csrf={}&{}", person.csrf, fields(person));
        let headers = [
            ("Cookie", person.cookie.as_str()),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ];
        let mut tries = 0;
        loop {
            let r = app.request("POST", path, &headers, body.as_bytes());
            if r.status == 303 {
                break;
            }
            tries += 1;
            assert!(
                r.status == 503 && tries < 5,
                "{path} sent again: {} (try {tries})\n{}",
                r.status,
                app.log()
            );
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    }
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The demo commune's accounts (db/seed/demo.sql), signed in.
pub mod demo {
    use super::{Browser, TestApp};

    pub fn admin(app: &TestApp) -> Browser<'_> {
        Browser::signed_in(app, "admin@valbrune.example.org", "valbrune-admin-2026")
    }

    pub fn moderator(app: &TestApp) -> Browser<'_> {
        Browser::signed_in(
            app,
            "moderation@valbrune.example.org",
            "valbrune-moderation-2026",
        )
    }

    pub fn camille(app: &TestApp) -> Browser<'_> {
        Browser::signed_in(
            app,
            "camille@valbrune.example.org",
            "valbrune-citoyenne-2026",
        )
    }
}
