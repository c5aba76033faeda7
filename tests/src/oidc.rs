//! A real OpenID provider for the tests: `tests/oidc/provider.mjs` (the npm
//! package oidc-provider with a FranceConnect-like profile) on a free port
//! of loopback, and a browser's side of it (its own cookies, its redirects).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};

use crate::{Response, repo_root, try_request};

pub const CLIENT_ID: &str = "palabre-e2e";
pub const CLIENT_SECRET: &str = "e2e-client-secret-of-the-test-provider";

/// `npm ci` in tests/oidc, once per test binary, when its packages are missing.
fn install() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let dir = repo_root().join("tests/oidc");
        if dir.join("node_modules/oidc-provider").exists() {
            return;
        }
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir)
            .status()
            .unwrap_or_else(|e| panic!("npm (Node.js) runs the test provider: {e}"));
        assert!(status.success(), "npm ci in tests/oidc failed");
    });
}

pub struct OidcProvider {
    child: Child,
    /// host:port
    pub addr: String,
    cookies: Mutex<Vec<(String, String)>>,
}

impl OidcProvider {
    pub fn start() -> OidcProvider {
        install();
        let mut child = Command::new("node")
            .arg("provider.mjs")
            .current_dir(repo_root().join("tests/oidc"))
            .env("PORT", "0")
            .env("CLIENT_ID", CLIENT_ID)
            .env("CLIENT_SECRET", CLIENT_SECRET)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("node runs the test provider: {e}"));
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let addr = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|l| l.strip_prefix("listening http://").map(str::to_string))
            .expect("the test provider did not start");
        std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
        OidcProvider {
            child,
            addr,
            cookies: Mutex::new(Vec::new()),
        }
    }

    pub fn issuer(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The variables that turn it on as the commune's FranceConnect.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("SPIN_VARIABLE_OIDC_FRANCECONNECT_ORIGIN", self.issuer()),
            ("SPIN_VARIABLE_OIDC_FRANCECONNECT_ISSUER", self.issuer()),
            (
                "SPIN_VARIABLE_OIDC_FRANCECONNECT_CLIENT_ID",
                CLIENT_ID.into(),
            ),
            (
                "SPIN_VARIABLE_OIDC_FRANCECONNECT_CLIENT_SECRET",
                CLIENT_SECRET.into(),
            ),
        ]
    }

    fn control(&self, path: &str, body: &serde_json::Value) {
        let body = body.to_string();
        let response = try_request(
            &self.addr,
            "POST",
            path,
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
        .unwrap_or_else(|e| panic!("test provider {path}: {e}"));
        assert_eq!(response.status, 200, "{path}: {}", response.text());
    }

    /// Registers the app's callback (known once the app listens).
    pub fn register(&self, app_addr: &str) {
        let uri = format!("http://{app_addr}/account/oidc/franceconnect/callback");
        self.control(
            "/__test/configure",
            &serde_json::json!({ "redirect_uris": [uri] }),
        );
    }

    /// Who signs in next (the provider's form is skipped).
    pub fn next_user(&self, sub: &str, email: &str, given: &str, family: &str) {
        self.control(
            "/__test/next",
            &serde_json::json!({
                "sub": sub, "email": email, "given_name": given, "family_name": family
            }),
        );
    }

    pub fn tamper(&self, mode: &str) {
        self.control("/__test/tamper", &serde_json::json!({ "mode": mode }));
    }

    pub fn rotate(&self) {
        self.control("/__test/rotate", &serde_json::json!({}));
    }

    fn get(&self, path_and_query: &str) -> Response {
        let jar = self
            .cookies
            .lock()
            .map(|c| {
                c.iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        let mut headers = Vec::new();
        if !jar.is_empty() {
            headers.push(("Cookie", jar.as_str()));
        }
        let response = try_request(&self.addr, "GET", path_and_query, &headers, b"")
            .unwrap_or_else(|e| panic!("test provider GET {path_and_query}: {e}"));
        if let Ok(mut jar) = self.cookies.lock() {
            for set in response.headers_named("set-cookie") {
                let Some((name, rest)) = set.split_once('=') else {
                    continue;
                };
                let value = rest.split(';').next().unwrap_or("").to_string();
                jar.retain(|(k, _)| k != name);
                if !value.is_empty()
                    && !set
                        .to_ascii_lowercase()
                        .contains("expires=thu, 01 jan 1970")
                {
                    jar.push((name.to_string(), value));
                }
            }
        }
        response
    }

    /// The browser at the provider: from the app's redirect (`location`,
    /// an absolute URL of the provider) through its redirects, signed in as
    /// [`OidcProvider::next_user`] said, to the URL it sends back to the app.
    /// Gives that URL's path and query.
    pub fn authorize(&self, location: &str) -> String {
        // Each round is another person's browser: no session at the provider.
        if let Ok(mut jar) = self.cookies.lock() {
            jar.clear();
        }
        let prefix = self.issuer();
        let mut next = location
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{location} is not at the provider {prefix}"))
            .to_string();
        for _ in 0..10 {
            let response = self.get(&next);
            assert!(
                response.status == 302 || response.status == 303,
                "the provider answered {} at {next}: {}",
                response.status,
                response.text()
            );
            let to = response.header("location").expect("a redirect").to_string();
            match to.strip_prefix(&prefix) {
                Some(path) => next = path.to_string(),
                None if to.starts_with('/') => next = to,
                None => {
                    // Back to the app.
                    let after_host = to.split_once("://").map_or(to.as_str(), |(_, r)| r);
                    return after_host
                        .find('/')
                        .map_or("/".to_string(), |i| after_host[i..].to_string());
                }
            }
        }
        panic!("the provider redirected too many times");
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
