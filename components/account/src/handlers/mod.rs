pub mod session;
pub mod setup;
pub mod signup;
