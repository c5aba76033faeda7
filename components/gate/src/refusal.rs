//! The answers the gate gives itself, in the visitor's language.

use crate::{MESSAGES, security};
use http::{HeaderValue, StatusCode, header};
use palabre_domain::Locale;
use palabre_kit::respond;

/// Why the gate answers a request itself instead of passing it on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Cross-site, or a missing or wrong CSRF token.
    Csrf,
    /// No usable session key: sessions and forms are off.
    Misconfigured,
    TooLarge,
    /// More fields than any form has (`forms::MAX_FIELDS`).
    TooManyFields,
    BadBody,
    /// Over a rate limit: try again after that many seconds.
    TooMany(i64),
    /// The database cannot be opened or migrated.
    Unavailable,
    Internal,
    /// A blocked account writing.
    Blocked,
    /// The same form is being sent already (its idempotency key is taken).
    Pending,
    /// The same form was sent and written; its answer was lost.
    Done,
    /// The database was upgraded by a newer build: no write from this one.
    NewerSchema,
}

impl Refusal {
    /// The page's status and its title and text messages.
    pub(crate) fn words(self) -> (StatusCode, &'static str, &'static str) {
        match self {
            Refusal::Csrf => (StatusCode::FORBIDDEN, "error-403-title", "error-csrf-body"),
            Refusal::Blocked => (
                StatusCode::FORBIDDEN,
                "error-403-title",
                "error-blocked-body",
            ),
            Refusal::Misconfigured => (
                StatusCode::SERVICE_UNAVAILABLE,
                "error-503-title",
                "error-503-body",
            ),
            Refusal::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "error-413-title",
                "error-413-body",
            ),
            Refusal::TooManyFields => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "error-413-title",
                "error-fields-body",
            ),
            Refusal::BadBody => (StatusCode::BAD_REQUEST, "error-400-title", "error-400-body"),
            Refusal::TooMany(_) => (
                StatusCode::TOO_MANY_REQUESTS,
                "error-429-title",
                "error-429-body",
            ),
            Refusal::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "error-503-title",
                "error-busy-body",
            ),
            Refusal::Pending => (
                StatusCode::CONFLICT,
                "error-pending-title",
                "error-pending-body",
            ),
            Refusal::Done => (StatusCode::CONFLICT, "error-done-title", "error-done-body"),
            Refusal::NewerSchema => (
                StatusCode::SERVICE_UNAVAILABLE,
                "error-503-title",
                "error-newer-schema-body",
            ),
            Refusal::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-500-title",
                "error-500-body",
            ),
        }
    }

    pub(crate) fn page(self, locale: Locale) -> respond::Response {
        let (status, title, body) = self.words();
        let mut response = respond::bare_error_in(&MESSAGES, locale, status, title, body);
        security::add_headers(response.headers_mut(), true);
        let retry_after = match self {
            Refusal::TooMany(seconds) => Some(seconds.max(1)),
            Refusal::Unavailable | Refusal::Pending => Some(5),
            Refusal::NewerSchema => Some(60),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
