//! One error type for every component: it knows its status and its message key;
//! internal details go to stderr, never to the visitor.

use http::StatusCode;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("forbidden")]
    Forbidden,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("database: {0}")]
    Db(String),
    /// The database stayed locked (busy): nothing was written; try again soon.
    #[error("database busy: {0}")]
    Unavailable(String),
    #[error("internal: {0}")]
    Internal(String),
    /// A mail with a link was asked for, and the site's public address
    /// (`base_url`) is not configured: a link must never come from the
    /// request, so nothing was queued.
    #[error("no public address for links in mails (base_url)")]
    NoMailOrigin,
    /// What was asked for is not open now: the page's title (an i18n key)
    /// and a message in the visitor's language that says when it opens or
    /// that it closed.
    #[error("not open: {message}")]
    Closed {
        title: &'static str,
        message: String,
    },
    /// Over a rate limit (the gate's `palabre-too-many`): the seconds to
    /// wait, and what was typed (`forms::resendable`), to send again.
    #[error("over a rate limit: {seconds} s to wait")]
    TooMany {
        seconds: i64,
        typed: Vec<(String, String)>,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn status(&self) -> StatusCode {
        match self {
            Error::NotFound => StatusCode::NOT_FOUND,
            Error::BadRequest(_) => StatusCode::BAD_REQUEST,
            Error::Forbidden | Error::Closed { .. } => StatusCode::FORBIDDEN,
            Error::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Error::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
            Error::Unavailable(_) | Error::NoMailOrigin => StatusCode::SERVICE_UNAVAILABLE,
            Error::Db(_) | Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The i18n keys of the error page's title and explanation.
    pub fn message_keys(&self) -> (&'static str, &'static str) {
        match self {
            Error::NotFound => ("error-404-title", "error-404-body"),
            Error::BadRequest(_) => ("error-400-title", "error-400-body"),
            Error::Forbidden => ("error-403-title", "error-403-body"),
            Error::Closed { title, .. } => (title, "error-403-body"),
            Error::MethodNotAllowed => ("error-405-title", "error-405-body"),
            Error::TooMany { .. } => ("error-429-title", "error-429-body"),
            Error::Unavailable(_) => ("error-503-title", "error-busy-body"),
            Error::NoMailOrigin => ("error-503-title", "error-mail-origin-body"),
            Error::Db(_) | Error::Internal(_) => ("error-500-title", "error-500-body"),
        }
    }
}

impl From<crate::db::DbError> for Error {
    fn from(e: crate::db::DbError) -> Self {
        if e.is_transient() {
            Error::Unavailable(e.to_string())
        } else {
            Error::Db(e.to_string())
        }
    }
}

impl From<crate::password::PasswordError> for Error {
    fn from(e: crate::password::PasswordError) -> Self {
        Error::Internal(e.to_string())
    }
}

/// No randomness for a token, salt or secret: nothing safe can be issued.
impl From<getrandom::Error> for Error {
    fn from(e: getrandom::Error) -> Self {
        Error::Internal(format!("randomness: {e}"))
    }
}
