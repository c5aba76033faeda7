//! Tests of the parent module.

use super::*;

#[test]
fn form_fields_are_counted_without_decoding() {
    let mut headers = http::HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-www-form-urlencoded"),
    );
    assert_eq!(form_fields(&headers, b"a=1&b=2&&c"), 3);
    assert_eq!(form_fields(&headers, &b"x&".repeat(5_000)), 5_000);
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("multipart/form-data; boundary=XyZ"),
    );
    let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--XyZ--\r\n";
    assert_eq!(form_fields(&headers, body), 2);
}

#[test]
fn the_gates_catalogue_holds_every_message_its_pages_show() {
    let all = [
        Refusal::Csrf,
        Refusal::Misconfigured,
        Refusal::TooLarge,
        Refusal::TooManyFields,
        Refusal::BadBody,
        Refusal::TooMany(3),
        Refusal::Unavailable,
        Refusal::Internal,
        Refusal::Blocked,
        Refusal::Pending,
        Refusal::Done,
        Refusal::NewerSchema,
    ];
    for locale in Locale::ALL {
        for refusal in all {
            let (_, title, body) = refusal.words();
            for id in [title, body, "back-home"] {
                let text = MESSAGES.t(locale, id);
                assert_ne!(
                    text,
                    id,
                    "{id} missing in the gate's {} catalogue",
                    locale.code()
                );
                assert_eq!(text, i18n::t(locale, id), "{id} as the pages say it");
            }
        }
    }
}
