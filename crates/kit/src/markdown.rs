//! Markdown for everything people write (news, pages, processes, contributions):
//! CommonMark with tables and strikethrough, rendered to HTML that is safe to
//! put in a page. Raw HTML is shown as text, links keep only `http`, `https`,
//! `mailto` and same-site targets, images only from this site, and headings
//! start at level 2 (the page owns its `<h1>`).

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::respond::escape;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A link target people may follow; `None` for anything else (`javascript:`,
/// `data:`, protocol-relative `//host`…).
fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let allowed = lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || (url.starts_with('/') && !url.starts_with("//"))
        || url.starts_with('#');
    (allowed && !url.chars().any(char::is_control)).then_some(url)
}

/// An image people may show: only ours (`/images/…`), so pages never load
/// third-party content (privacy, and the Content-Security-Policy).
fn safe_image(url: &str) -> Option<&str> {
    let url = url.trim();
    (url.starts_with("/images/") && !url.chars().any(|c| c.is_control() || c == '"')).then_some(url)
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// Renders Markdown to safe HTML.
pub fn to_html(source: &str) -> String {
    // An image being read: its target and the alternative text so far.
    let mut image: Option<(String, String)> = None;
    let mut links_open: Vec<bool> = Vec::new();
    let mut events = Vec::new();
    for event in Parser::new_ext(source, options()) {
        // Inside an image, collect the alternative text only.
        if let Some((_, alt)) = image.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {}
                Event::Text(t) | Event::Code(t) => {
                    alt.push_str(&t);
                    continue;
                }
                _ => continue,
            }
        }
        let out = match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: demote(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => match safe_url(&dest_url) {
                Some(url) => {
                    links_open.push(true);
                    let title = if title.is_empty() {
                        String::new()
                    } else {
                        format!(" title=\"{}\"", escape(&title))
                    };
                    Event::InlineHtml(CowStr::from(format!(
                        "<a href=\"{}\"{title} rel=\"nofollow ugc\">",
                        escape(url)
                    )))
                }
                None => {
                    links_open.push(false);
                    continue;
                }
            },
            Event::End(TagEnd::Link) => {
                if links_open.pop().unwrap_or(false) {
                    Event::InlineHtml(CowStr::from("</a>"))
                } else {
                    continue;
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.to_string(), String::new()));
                continue;
            }
            Event::End(TagEnd::Image) => {
                let (url, alt) = image.take().unwrap_or_default();
                match safe_image(&url) {
                    Some(url) => Event::InlineHtml(CowStr::from(format!(
                        "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
                        escape(url),
                        escape(&alt)
                    ))),
                    // Someone else's image: its description, as text.
                    None => Event::Text(CowStr::from(alt)),
                }
            }
            other => other,
        };
        events.push(out);
    }
    let mut out = String::with_capacity(source.len() + source.len() / 4);
    html::push_html(&mut out, events.into_iter());
    out
}

/// The words of some Markdown without any markup, cut to `max` characters
/// (summaries, feeds, search results).
pub fn plain_text(source: &str, max: usize) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push(' '),
            _ => {}
        }
    }
    let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
    match words.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", words[..cut].trim_end()),
        None => words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_markdown() {
        let html = to_html("# Titre\n\nDu **gras**, de l'*italique*, ~~barré~~.\n\n- un\n- deux\n");
        assert!(html.contains("<h2>Titre</h2>"), "{html}");
        assert!(html.contains("<strong>gras</strong>"));
        assert!(html.contains("<em>italique</em>"));
        assert!(html.contains("<del>barré</del>"));
        assert!(html.contains("<li>deux</li>"));
        let table = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(table.contains("<table>"), "{table}");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("<script>alert(1)</script>\n\nSalut <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn only_safe_links() {
        let html = to_html("[site](https://ville.example/a?b=1&c=2 \"Le \\\"site\\\"\")");
        assert!(
            html.contains(
                "<a href=\"https://ville.example/a?b=1&amp;c=2\" title=\"Le &quot;site&quot;\" rel=\"nofollow ugc\">site</a>"
            ),
            "{html}"
        );
        for bad in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](data:text/html,hi)",
            "[x](//evil.example)",
            "[x](vbscript:x)",
        ] {
            let html = to_html(bad);
            assert!(!html.contains("<a"), "{bad} → {html}");
            assert!(html.contains('x'), "the words stay: {html}");
        }
        assert!(to_html("[ici](/pages/about)").contains("href=\"/pages/about\""));
        assert!(to_html("<https://ville.example>").contains("href=\"https://ville.example\""));
        assert!(to_html("[écrire](mailto:mairie@ville.example)").contains("mailto:"));
    }

    #[test]
    fn only_our_images() {
        let ours = to_html("![Le parc **rénové**](/images/12-ab.png)");
        assert!(
            ours.contains(
                "<img src=\"/images/12-ab.png\" alt=\"Le parc rénové\" loading=\"lazy\">"
            ),
            "{ours}"
        );
        let theirs = to_html("![pisteur](https://tracker.example/p.gif)");
        assert!(!theirs.contains("<img"), "{theirs}");
        assert!(theirs.contains("pisteur"));
        let quoted = to_html("![x](/images/a\"onerror=\"x.png)");
        assert!(!quoted.contains("onerror=\""), "{quoted}");
    }

    #[test]
    fn plain_text_for_summaries() {
        assert_eq!(
            plain_text(
                "# Titre\n\nUn *beau* [lien](https://x.example).\n\n- a\n- b",
                100
            ),
            "Titre Un beau lien. a b"
        );
        assert_eq!(plain_text("un deux trois", 7), "un deux…");
        assert_eq!(
            plain_text("<b>x</b>", 10),
            "x",
            "tags are left out, words kept"
        );
    }
}
