//! What the fuzz targets (`fuzz/`, run by `scripts/fuzz`) check of the parsers
//! that read hostile input, one function a target. Each panics when a
//! property breaks; `fuzz/regressions/<target>/` keeps the inputs that once
//! broke one (and hand-picked edge cases), replayed by `cargo test`.

// A broken property is a panic: that is how libFuzzer and the tests hear of it.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use http::{HeaderMap, HeaderValue, header};

use crate::session::{self, Key, SessionClaims};
use crate::visitor::Visitor;
use crate::{ctx, form, forms, markdown};

/// A property check: panics when the input breaks it.
pub type Check = fn(&[u8]);

/// Every target, by the name of its folder and fuzz target.
pub const TARGETS: &[(&str, Check)] = &[
    ("form_decoder", form_decoder),
    ("cookies", cookies),
    ("markdown", markdown_html),
    ("csv_cell", csv_cell),
    ("visitor", visitor),
];

/// Form bodies: urlencoded pairs survive encoding and decoding; multipart
/// bodies (the first line is the content type) are read without panicking,
/// and every field found lies inside the body.
pub fn form_decoder(data: &[u8]) {
    for (name, value) in form::parse_urlencoded(data) {
        let again = format!(
            "{}={}",
            form::encode_component(&name),
            form::encode_component(&value)
        );
        assert_eq!(
            form::parse_urlencoded(again.as_bytes()),
            vec![(name, value)]
        );
    }
    let (first, body) = match data.iter().position(|&b| b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let content_type = String::from_utf8_lossy(first);
    if let Some(boundary) = form::multipart_boundary(&content_type) {
        for part in form::multipart_parts(body, &boundary) {
            let range = body.as_ptr_range();
            assert!(part.data.is_empty() || range.contains(&part.data.as_ptr()));
        }
        let _ = form::multipart_field(body, &boundary, "_csrf");
    }
    let submission = forms::Submission::parse(body, &content_type);
    let _ = submission.get("_csrf");
}

/// Cookies: a value found in a `Cookie` header is a piece of it without a
/// separator; a session cookie verifies only as signed, and any change to a
/// signed one is refused.
pub fn cookies(data: &[u8]) {
    if let Ok(value) = HeaderValue::from_bytes(data) {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, value);
        for name in [session::SESSION_COOKIE, session::PRESESSION_COOKIE, ""] {
            if let Some(found) = ctx::cookie(&headers, name) {
                assert!(!found.contains(';'));
                assert!(String::from_utf8_lossy(data).contains(found));
            }
        }
    }
    let key = Key::new("fuzzing-key-0123456789abcdef-0123456789").expect("key");
    let text = String::from_utf8_lossy(data);
    if let Ok(claims) = session::verify(&key, &text, 0) {
        // Only a cookie this key signed verifies: the same claims sign to it.
        assert_eq!(session::sign(&key, &claims), text);
    }
    // Claims drawn from the input sign and verify back, and a changed
    // character is refused.
    let number = |i: usize| {
        let mut bytes = [0u8; 4];
        for (j, b) in bytes.iter_mut().enumerate() {
            *b = data.get(i * 4 + j).copied().unwrap_or(0);
        }
        i64::from(u32::from_le_bytes(bytes))
    };
    let issued_at = number(1);
    let claims = SessionClaims {
        user_id: number(0).max(1),
        session_id: session::random_id().unwrap_or_else(|_| "s".into()),
        issued_at,
        expires_at: issued_at + 1 + number(2),
        seen_at: issued_at,
    };
    let signed = session::sign(&key, &claims);
    assert_eq!(session::verify(&key, &signed, issued_at), Ok(claims));
    if let Some(&flip) = data.first() {
        let at = usize::from(flip) % signed.len();
        let mut changed = signed.clone().into_bytes();
        changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
        if let Ok(changed) = String::from_utf8(changed)
            && changed != signed
        {
            assert!(session::verify(&key, &changed, issued_at).is_err());
        }
    }
}

const TAGS: &[&str] = &[
    "p",
    "em",
    "strong",
    "del",
    "a",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
];

/// Markdown: whatever people write, the HTML holds only the tags and
/// attributes Markdown makes, links only to safe targets, images only ours.
pub fn markdown_html(data: &[u8]) {
    check_html(&markdown::to_html(&String::from_utf8_lossy(data)));
}

/// Only the tags and attributes Markdown makes, with safe targets.
fn check_html(html: &str) {
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let tag_end = rest[at..].find('>').map(|e| at + e);
        let tag = &rest[at + 1..tag_end.unwrap_or(rest.len())];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let tag = tag.strip_suffix('/').unwrap_or(tag).trim_end();
        let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(TAGS.contains(&name), "tag <{name}> in {html:?}");
        check_attributes(name, attrs, html);
        rest = &rest[tag_end.map_or(rest.len(), |e| e + 1)..];
    }
}

/// `name="value"` pairs of a tag Markdown made, each one allowed.
fn check_attributes(tag: &str, mut attrs: &str, html: &str) {
    while !attrs.trim().is_empty() {
        attrs = attrs.trim_start();
        let (name, after) = attrs
            .split_once("=\"")
            .unwrap_or_else(|| panic!("attribute without a quoted value in <{tag} {attrs}>"));
        let (value, after) = after
            .split_once('"')
            .unwrap_or_else(|| panic!("unterminated attribute in {html:?}"));
        let allowed = match (tag, name) {
            ("a", "href") => {
                let lower = value.to_ascii_lowercase();
                ["https://", "http://", "mailto:", "#"]
                    .iter()
                    .any(|p| lower.starts_with(p))
                    || (value.starts_with('/') && !value.starts_with("//"))
            }
            ("img", "src") => value.starts_with("/images/"),
            ("a", "title" | "rel") | ("img", "alt" | "loading") | ("ol", "start") => true,
            ("th" | "td", "style") => value.starts_with("text-align: "),
            ("code", "class") => value.starts_with("language-"),
            _ => false,
        };
        assert!(allowed, "<{tag} {name}=\"{value}\"> in {html:?}");
        attrs = after;
    }
}

/// CSV cells: read back by a spreadsheet, a cell is the value itself, with a
/// `'` first when the value would start a formula.
pub fn csv_cell(data: &[u8]) {
    let value = String::from_utf8_lossy(data);
    let cell = palabre_domain::questionnaire::csv_cell(&value);
    let read = match cell.strip_prefix('"') {
        Some(quoted) => {
            let inner = quoted.strip_suffix('"').expect("a closing quote");
            assert!(!inner.replace("\"\"", "").contains('"'), "{cell:?}");
            inner.replace("\"\"", "\"")
        }
        None => {
            assert!(!cell.contains([',', '"', '\n', '\r', ';']), "{cell:?}");
            cell.clone()
        }
    };
    assert!(
        !read.starts_with(['=', '+', '-', '@', '\t', '\r']),
        "{cell:?}"
    );
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        assert_eq!(read, format!("'{value}"));
    } else {
        assert_eq!(read, value);
    }
}

/// The visitor header: what parses writes back to the same visitor.
pub fn visitor(data: &[u8]) {
    if let Some(v) = Visitor::parse(&String::from_utf8_lossy(data)) {
        assert_eq!(Visitor::parse(&v.to_header()), Some(v.clone()));
        assert_eq!(v.user_id.is_some(), v.role != palabre_domain::Role::Visitor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every input kept in `fuzz/regressions/<target>/` still passes.
    #[test]
    fn fuzz_regressions_still_pass() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
        let mut replayed = 0;
        for (name, check) in TARGETS {
            let dir = root.join(name);
            let entries =
                std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            for entry in entries {
                let path = entry.unwrap().path();
                let data = std::fs::read(&path).unwrap();
                let outcome = std::panic::catch_unwind(|| check(&data));
                assert!(outcome.is_ok(), "{} fails again", path.display());
                replayed += 1;
            }
        }
        assert!(replayed >= TARGETS.len(), "only {replayed} inputs");
    }

    #[test]
    fn the_properties_catch_what_they_are_for() {
        // A script, an event handler, a foreign image: each is caught.
        for bad in [
            "<p>x</p><script>alert(1)</script>",
            "<p onclick=\"alert(1)\">x</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<img src=\"https://tracker.example/x.png\" alt=\"\">",
            "<a href=\"//evil.example\">x</a>",
        ] {
            assert!(
                std::panic::catch_unwind(|| check_html(bad)).is_err(),
                "{bad}"
            );
        }
        check_html("<p><a href=\"/pages/1\" rel=\"nofollow ugc\">x</a> <em>y</em></p>\n<hr />");
        check_attributes(
            "a",
            "href=\"https://valbrune.example.org\" rel=\"nofollow ugc\"",
            "",
        );
    }
}
