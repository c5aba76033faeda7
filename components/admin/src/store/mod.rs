//! SQL of the back-office, next to its row mapping, one file per part of
//! the back-office.

mod content;
mod dashboard;
mod logs;
mod moderation;
mod people;
mod processes;
mod reports;

pub use content::*;
pub use dashboard::*;
pub use logs::*;
pub use moderation::*;
pub use people::*;
pub use processes::*;
pub use reports::*;
