//! End-to-end tests: the composed components served by palabre-host on a
//! temporary database. Run `scripts/build` first (scripts/test does).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod addresses;
mod admin;
mod discussion;
mod foundation;
mod mail;
mod moderation;
mod network;
mod operations;
mod opinion;
mod pages;
mod proposal;
mod questionnaire;
mod reliability;
mod report;
mod runtimes;
