use super::*;
use palabre_domain::Locale;
use palabre_domain::account::FieldError;

impl Form {
    fn json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap()
    }
}

#[test]
fn errors_are_summarised_and_passwords_not_echoed() {
    let mut entry = Entry::new().with("email", "a@b").with("password", "secret");
    entry.refuse("email", FieldError::InvalidEmail);
    let json = FormView::of(Locale::En, &entry)
        .input("email", "email", "field-email", "email")
        .input("password", "password", "field-password", "current-password")
        .hint("password-hint")
        .view()
        .json();
    assert_eq!(json["fields"][0]["value"], "a@b");
    assert_eq!(json["fields"][0]["describedby"], "f-email-error");
    assert_eq!(json["fields"][1]["value"], "");
    assert_eq!(json["fields"][1]["describedby"], "f-password-hint");
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["errors"][0]["name"], "email");
    assert_eq!(json["errors"][0]["id"], "f-email");
}

#[test]
fn a_form_opened_on_an_older_version_is_stale() {
    let v1 = version(&["Title", "Body"]);
    assert_eq!(v1, version(&["Title", "Body"]));
    assert_ne!(v1, version(&["Title", "Body changed"]));
    assert_ne!(version(&["ab", "c"]), version(&["a", "bc"]));
    let sent = |v: &str| {
        Submission::parse(
            format!("title=x&{VERSION_FIELD}={v}").as_bytes(),
            "application/x-www-form-urlencoded",
        )
    };
    assert!(!sent(&v1).stale(&v1));
    assert!(sent(&v1).stale(&version(&["Title", "Body changed"])));
    let unversioned = Submission::parse(b"title=x", "application/x-www-form-urlencoded");
    assert!(!unversioned.stale(&v1));
    let json = FormView::of(Locale::Fr, &Entry::new())
        .input("title", "text", "field-email", "off")
        .versioned(Some(v1.clone()), http::StatusCode::CONFLICT)
        .view()
        .json();
    assert_eq!(json["version"], v1.as_str());
    assert!(
        json["conflict"]["body"]
            .as_str()
            .is_some_and(|b| !b.is_empty())
    );
    assert!(FormView::of(Locale::Fr, &Entry::new()).view().json()["conflict"].is_null());
}

#[test]
fn a_scoped_form_has_its_own_ids() {
    let json = FormView::of(Locale::En, &Entry::new())
        .textarea("body", "comment-field-body")
        .hint("password-hint")
        .scoped("comment")
        .view()
        .json();
    assert_eq!(json["fields"][0]["id"], "comment-body");
    assert_eq!(json["fields"][0]["describedby"], "comment-body-hint");
}

#[test]
fn a_refused_form_is_sent_again_without_its_keys_or_secrets() {
    let typed: Vec<(String, String)> = [
        ("_csrf", "t"),
        ("_once", "k"),
        ("email", "ines@example.org"),
        ("password", "secret"),
        ("confirm", "secret"),
        ("code", "123456"),
        ("body", "Des bancs"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let kept = resendable(&typed);
    let names: Vec<&str> = kept.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["email", "body"]);
}
