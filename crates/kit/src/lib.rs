//! What every Palabre component shares: request context and visitor, forms,
//! errors, responses, rendering (handlebars registry, layout), i18n, SQL
//! access helpers, assets, and the session/CSRF primitives the gate uses.

pub mod activity;
pub mod api;
pub mod app;
pub mod assets;
pub mod audit;
pub mod cache;
pub mod client;
pub mod comments;
/// CRC-32, shared with the build script.
pub mod crc;
pub mod ctx;
pub mod db;
pub mod error;
pub mod feature;
pub mod form;
pub mod forms;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
pub mod i18n;
pub mod images;
pub mod mail;
pub mod map;
pub mod markdown;
pub mod participation;
pub mod password;
pub mod privacy;
pub mod ratelimit;
pub mod render;
pub mod respond;
pub mod retention;
#[cfg(any(test, feature = "testing"))]
pub mod sample;
pub mod search;
pub mod session;
pub mod site;
pub mod sql;
#[cfg(any(test, feature = "testing"))]
pub mod sql_check;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod thread;
pub mod tokens;
pub mod totp;
pub mod translations;
pub mod view;
pub mod visitor;

pub use ctx::Ctx;
pub use error::{Error, Result};
pub use render::Renderer;
pub use respond::Response;
pub use site::Site;
pub use visitor::Visitor;

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
