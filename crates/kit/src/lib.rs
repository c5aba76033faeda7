//! What every Palabre component shares: request context and visitor, forms,
//! errors, responses, rendering (handlebars registry, layout), i18n, SQL
//! access helpers, assets, and the session/CSRF primitives the gate uses.

pub mod activity;
pub mod api;
pub mod app;
pub mod assets;
pub mod audit;
pub mod cache;
pub mod census;
pub mod client;
pub mod comments;
/// CRC-32, shared with the build script.
pub mod crc;
pub mod csv;
pub mod ctx;
pub mod db;
pub mod desk;
pub mod error;
pub mod feature;
pub mod follow_up;
pub mod form;
pub mod forms;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
pub mod i18n;
pub mod images;
pub mod mail;
pub mod map;
pub mod markdown;
pub mod oidc;
pub mod participation;
pub mod password;
pub mod pdf;
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

/// The commune's time zone, as the site was last loaded (`app::serve` sets
/// it before a handler runs). One app serves one commune, so every request an
/// instance serves shares it; a change in the back-office reaches the next
/// request, as every other setting does.
static ZONE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

pub fn set_zone(zone: palabre_domain::Zone) {
    let index = palabre_domain::Zone::ALL
        .iter()
        .position(|z| *z == zone)
        .unwrap_or(0);
    ZONE.store(index, std::sync::atomic::Ordering::Relaxed);
}

/// The commune's time zone (Europe/Paris until the site is loaded).
pub fn zone() -> palabre_domain::Zone {
    let index = ZONE.load(std::sync::atomic::Ordering::Relaxed);
    palabre_domain::Zone::ALL
        .get(index)
        .copied()
        .unwrap_or_default()
}

/// Today in the commune's time zone: the day phases are open on, which
/// begins at the commune's midnight.
pub fn today() -> palabre_domain::date::Day {
    zone().day(now())
}

/// True once in `n` calls, at random (occasional housekeeping: spread over
/// requests, where a test on the clock would pick every request of a second).
pub fn one_in(n: u32) -> bool {
    getrandom::u32().is_ok_and(|r| r % n.max(1) == 0)
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
