pub mod session;
pub mod setup;
