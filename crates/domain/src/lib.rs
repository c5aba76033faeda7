//! Palabre's domain: types and rules, parsed once at the edge ("parse, don't validate").
//! No I/O and no spin-sdk here, so everything is unit-tested natively.

pub mod account;
pub mod budget;
pub mod color;
pub mod comment;
pub mod content;
pub mod date;
pub mod home;
pub mod locale;
pub mod opinion;
pub mod process;
pub mod proposal;
pub mod questionnaire;
pub mod ranking;
pub mod report;
pub mod role;
pub mod search;
pub mod verification;
pub mod zone;

pub use color::Color;
pub use locale::Locale;
pub use role::Role;
pub use zone::Zone;
