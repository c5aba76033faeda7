//! palabre-host against Spin, page by page: the same requests to both, on
//! the same demo commune, must get the same status, the headers that matter
//! and the same body (but for each form's keys), so that palabre-host, which
//! runs the suites where Spin is missing, cannot drift from what users run.
//! Where Spin is found (CI always has it); elsewhere there is nothing to
//! compare with, and CI fails rather than skips.

use palabre_e2e::{Browser, Response, Runner, TestApp, without_form_keys};

/// The headers a visitor's browser acts on.
const COMPARED: &[&str] = &[
    "content-type",
    "content-encoding",
    "cache-control",
    "location",
    "retry-after",
    "allow",
    "vary",
    "access-control-allow-origin",
    "content-security-policy",
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-opener-policy",
];

/// A request: method, path and headers.
type Ask<'a> = (&'a str, String, Vec<(&'a str, &'a str)>);

/// What a cookie sets, without its value: its name and attributes.
fn cookie_shapes(r: &Response) -> Vec<String> {
    let mut shapes: Vec<String> = r
        .headers_named("set-cookie")
        .iter()
        .map(|c| {
            let (name, rest) = c.split_once('=').unwrap_or((c, ""));
            let attributes = rest.split_once(';').map_or("", |(_, a)| a);
            format!("{name}=…;{attributes}")
        })
        .collect();
    shapes.sort();
    shapes
}

/// The differences between two answers to the same request.
fn differences(
    what: &str,
    (host, h_addr): (&Response, &str),
    (spin, s_addr): (&Response, &str),
) -> Vec<String> {
    let mut found = Vec::new();
    if host.status != spin.status {
        found.push(format!(
            "{what}: status {} on palabre-host, {} on Spin",
            host.status, spin.status
        ));
    }
    for name in COMPARED {
        let (h, s) = (host.headers_named(name), spin.headers_named(name));
        if h != s {
            found.push(format!(
                "{what}: {name} {h:?} on palabre-host, {s:?} on Spin"
            ));
        }
    }
    if host.header("etag").is_some() != spin.header("etag").is_some() {
        found.push(format!("{what}: an ETag on one runner only"));
    }
    let (h, s) = (cookie_shapes(host), cookie_shapes(spin));
    if h != s {
        found.push(format!(
            "{what}: cookies {h:?} on palabre-host, {s:?} on Spin"
        ));
    }
    // Links name the address each app listens on.
    let (h, s) = (
        without_form_keys(&host.text()).replace(h_addr, "ADDR"),
        without_form_keys(&spin.text()).replace(s_addr, "ADDR"),
    );
    if h != s {
        let at = h
            .bytes()
            .zip(s.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(h.len().min(s.len()));
        let around = |t: &str| -> String {
            t.get(at.saturating_sub(60)..(at + 60).min(t.len()))
                .unwrap_or("")
                .to_string()
        };
        found.push(format!(
            "{what}: bodies differ at byte {at}: palabre-host {:?}, Spin {:?}",
            around(&h),
            around(&s)
        ));
    }
    found
}

/// Both runners, or none where Spin is missing (CI must have it).
fn both() -> Option<(TestApp, TestApp)> {
    let Some(spin) = Runner::spin() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must compare palabre-host with Spin: no Spin binary (SPIN_BIN, or spin on PATH)"
        );
        eprintln!("no Spin binary: palabre-host is not compared with Spin here");
        return None;
    };
    Some((TestApp::start_by(&Runner::Host), TestApp::start_by(&spin)))
}

#[test]
fn palabre_host_answers_every_page_as_spin_does() {
    let Some((host, spin)) = both() else {
        return;
    };
    let mut found = Vec::new();
    let css = {
        let home = spin.get("/").text();
        let at = home
            .find("/static/")
            .expect("a stylesheet on the home page");
        home[at..at + home[at..].find('"').unwrap()].to_string()
    };
    let mut anonymous: Vec<Ask> = [
        "/",
        "/processes",
        "/processes/quais-de-loire",
        "/news",
        "/proposals?process=budget-participatif-2026",
        "/discussions/usages-des-quais",
        "/questionnaires/deplacements-2025",
        "/search?q=quais",
        "/transparency",
        "/account/login",
        "/account/signup",
        "/api/v1/processes",
        "/api/v1/openapi.json",
        "/brand.css",
        "/health",
        "/no/such/page",
        "/proposals/999999",
        "/processes/quais-de-loire/phases.ics",
        "/news/feed.xml",
        "/processes/mobilites-2025/bilan",
    ]
    .into_iter()
    .map(|p| ("GET", p.to_string(), Vec::new()))
    .collect();
    anonymous.push(("GET", css.clone(), vec![("Accept-Encoding", "gzip")]));
    anonymous.push(("GET", css.clone(), Vec::new()));
    anonymous.push(("HEAD", "/".to_string(), Vec::new()));
    anonymous.push(("OPTIONS", "/api/v1/processes".to_string(), Vec::new()));
    anonymous.push((
        "GET",
        "/".to_string(),
        vec![("Accept-Language", "de-DE,de;q=0.9")],
    ));
    for (method, path, headers) in &anonymous {
        let h = host.request(method, path, headers, b"");
        let s = spin.request(method, path, headers, b"");
        found.extend(differences(
            &format!("{method} {path} {headers:?}"),
            (&h, &host.addr),
            (&s, &spin.addr),
        ));
    }

    // Writes: refused by the gate, refused by the feature, accepted.
    let writes: [(&str, &str, &[u8]); 3] = [
        ("/api/v1/processes", "application/json", b"{}"),
        (
            "/account/login",
            "application/x-www-form-urlencoded",
            b"email=a&password=b",
        ),
        ("/proposals/1/support", "text/plain", b"x"),
    ];
    for (path, kind, body) in writes {
        let headers = [("Content-Type", kind)];
        let h = host.request("POST", path, &headers, body);
        let s = spin.request("POST", path, &headers, body);
        found.extend(differences(
            &format!("POST {path} without a form key"),
            (&h, &host.addr),
            (&s, &spin.addr),
        ));
    }
    // A body larger than any form, declared and not.
    let big = vec![b'a'; 3 * 1024 * 1024];
    let headers = [("Content-Type", "application/x-www-form-urlencoded")];
    let h = host.request("POST", "/account/login", &headers, &big);
    let s = spin.request("POST", "/account/login", &headers, &big);
    found.extend(differences(
        "POST of 3 MB",
        (&h, &host.addr),
        (&s, &spin.addr),
    ));
    let huge = vec![b'a'; 12 * 1024 * 1024];
    let h = host.request("POST", "/account/login", &headers, &huge);
    let s = spin.request("POST", "/account/login", &headers, &huge);
    found.extend(differences(
        "POST of 12 MB",
        (&h, &host.addr),
        (&s, &spin.addr),
    ));

    // Signed in: pages, a refused form and an accepted one, side by side.
    for (email, password, pages) in [
        (
            "camille@valbrune.example.org",
            "valbrune-citoyenne-2026",
            &[
                "/",
                "/account",
                "/account/notifications",
                "/proposals/1",
                "/admin",
            ][..],
        ),
        (
            "admin@valbrune.example.org",
            "valbrune-admin-2026",
            &[
                "/admin",
                "/admin/processes",
                "/admin/moderation",
                "/admin/audit",
            ][..],
        ),
    ] {
        let mut on_host = Browser::signed_in(&host, email, password);
        let mut on_spin = Browser::signed_in(&spin, email, password);
        for page in pages {
            let h = on_host.get(page);
            let s = on_spin.get(page);
            found.extend(differences(
                &format!("GET {page} as {email}"),
                (&h, &host.addr),
                (&s, &spin.addr),
            ));
        }
        let _ = on_host.get("/discussions/usages-des-quais");
        let _ = on_spin.get("/discussions/usages-des-quais");
        for body in [
            "",
            "Un commentaire écrit deux fois, une fois sur chaque runner.",
        ] {
            let fields = [("body", body), ("stance", "for")];
            let h = on_host.post("/discussions/usages-des-quais/comments", &fields);
            let s = on_spin.post("/discussions/usages-des-quais/comments", &fields);
            found.extend(differences(
                &format!("a comment {body:?} as {email}"),
                (&h, &host.addr),
                (&s, &spin.addr),
            ));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn both_runners_pass_the_same_spin_headers_to_a_component() {
    let Some(spin) = Runner::spin() else {
        return;
    };
    let manifest = palabre_e2e::repo_root().join("tests/fixtures/trap.spin.toml");
    let mut seen = Vec::new();
    for runner in [Runner::Host, spin] {
        let dir = palabre_e2e::fresh_state_dir();
        let app = TestApp::launch(&runner, &manifest, &dir, &[], &[]);
        // A visitor who sends `spin-client-addr` gets it passed on first,
        // and the runtime's own after it.
        let text = app
            .request(
                "GET",
                "/fixture/headers/deeper?x=1",
                &[("spin-client-addr", "203.0.113.9:1")],
                b"",
            )
            .text()
            .replace(&app.addr, "ADDR");
        let text: Vec<String> = text
            .lines()
            .map(|l| match l.split_once("spin-client-addr: 127.0.0.1:") {
                Some((before, _)) => format!("{before}spin-client-addr: 127.0.0.1:PORT"),
                None => l.to_string(),
            })
            .collect();
        seen.push(text);
        drop(app);
        let _ = std::fs::remove_dir_all(dir);
    }
    assert_eq!(seen[0], seen[1], "palabre-host, then Spin");
    assert!(
        seen[0].contains(&"spin-client-addr: 203.0.113.9:1".to_string()),
        "{:?}",
        seen[0]
    );
}
