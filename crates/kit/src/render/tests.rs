//! Tests of the parent module.

use super::*;

#[test]
fn another_build_has_another_fingerprint() {
    static A: &[(&str, &str)] = &[("page", "<p>{{title}}</p>")];
    static B: &[(&str, &str)] = &[("page", "<h1>{{title}}</h1>")];
    let a = Renderer::new(A).map(|r| r.fingerprint()).ok();
    assert_eq!(a, Renderer::new(A).map(|r| r.fingerprint()).ok());
    assert_ne!(a, Renderer::new(B).map(|r| r.fingerprint()).ok());
}

#[test]
fn partials_are_found() {
    assert_eq!(
        partials("{{#> layout}}{{> fields}}{{#with f}}{{>  follow }}{{/with}}{{/layout}}"),
        vec!["layout", "fields", "follow"]
    );
    Renderer::new(&[]).and_then(|r| r.check_all()).unwrap();
}

#[test]
fn every_shared_template_renders_with_its_view() {
    #[derive(Serialize, serde::Deserialize)]
    struct ThreadPage {
        follow: Option<crate::activity::Follow>,
        comments: crate::thread::Thread,
        with_map: Option<crate::map::View>,
    }
    #[derive(Serialize, serde::Deserialize)]
    struct FollowedUp {
        follow_up: crate::follow_up::FollowUp,
    }
    static PAGES: &[(&str, &str)] = &[
        (
            "thread",
            "{{#> layout}}{{#if follow}}{{#with follow}}{{> follow}}{{/with}}{{/if}}{{> comments}}{{/layout}}",
        ),
        (
            "followed_up",
            "{{#> layout}}{{#with follow_up}}{{> follow_up}}{{/with}}{{/layout}}",
        ),
    ];
    let shared: Vec<&str> = SHARED.iter().map(|(n, _)| *n).collect();
    check_reaching(
        PAGES,
        &[
            Case::of::<ErrorView>("error"),
            Case::of::<crate::view::FormPage>("form_page"),
            Case::of::<ThreadPage>("thread"),
            Case::of::<FollowedUp>("followed_up"),
        ],
        &shared,
    )
    .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_misspelt_key_or_message_fails_the_check() {
    #[derive(Serialize, serde::Deserialize)]
    struct V {
        title: String,
        items: Vec<String>,
    }
    static GOOD: &[(&str, &str)] = &[(
        "v",
        "{{#> layout}}{{title}}{{#each items}}{{this}}{{/each}}{{/layout}}",
    )];
    static BAD_KEY: &[(&str, &str)] = &[("v", "{{#> layout}}{{titel}}{{/layout}}")];
    static BAD_IN_LIST: &[(&str, &str)] = &[(
        "v",
        "{{#> layout}}{{#each items}}{{label}}{{/each}}{{/layout}}",
    )];
    static BAD_MESSAGE: &[(&str, &str)] =
        &[("v", "{{#> layout}}{{t \"no-such-message\"}}{{/layout}}")];
    static UNREACHED: &[(&str, &str)] = &[("v", "{{#> layout}}{{/layout}}"), ("w", "")];
    let cases = [Case::of::<V>("v")];
    assert_eq!(check_views(GOOD, &cases), Ok(()));
    for bad in [BAD_KEY, BAD_IN_LIST, BAD_MESSAGE, UNREACHED] {
        assert!(check_views(bad, &cases).is_err(), "{bad:?}");
    }
}

#[test]
fn splits_paragraphs() {
    assert_eq!(paragraphs("a\nb\r\n\r\n\n c \n\n"), vec!["a\nb", "c"]);
    assert!(paragraphs("  \n\n ").is_empty());
}

#[test]
fn templates_escape_and_translate() {
    let r = Renderer::new(&[(
        "t",
        "{{#> layout}}<p>{{text}}</p>{{markdown md}}{{/layout}}",
    )])
    .unwrap();
    let parts = http::Request::builder()
        .uri("/x?lang=de")
        .body(())
        .unwrap()
        .into_parts()
        .0;
    let ctx = Ctx::new(&parts, Locale::Fr);
    let site = Site::default();
    let page = r
        .page(
            &ctx,
            &site,
            http::StatusCode::OK,
            "t",
            "T<i>",
            serde_json::json!({"text": "<script>x</script>", "md": "**gras** <script>y</script>"}),
        )
        .unwrap();
    let body = page.into_body();
    let bytes = futures_lite_block_on(body);
    let html = String::from_utf8(bytes).unwrap();
    assert!(html.contains("<html lang=\"de\">"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
    assert!(html.contains("T&lt;i&gt;"));
    assert!(html.contains("Zum Inhalt springen"));
    assert!(html.contains("<strong>gras</strong> &lt;script&gt;y&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
}

/// Reads a `Full` body synchronously (it is ready at once).
fn futures_lite_block_on(body: crate::respond::Body) -> Vec<u8> {
    use http_body_util::BodyExt;
    use std::task::{Context, Poll, Waker};
    let mut fut = std::pin::pin!(body.collect());
    let mut cx = Context::from_waker(Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        Poll::Ready(Ok(collected)) => collected.to_bytes().to_vec(),
        _ => panic!("a Full body is always ready"),
    }
}
