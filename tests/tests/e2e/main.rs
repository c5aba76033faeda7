//! End-to-end tests: the composed components served on a temporary database
//! by Spin wherever a Spin binary is found (as the communes run them), else
//! by palabre-host (`palabre_e2e::Runner`). Run `scripts/build` first (scripts/test does).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod addresses;
mod admin;
mod budget;
mod discussion;
mod foundation;
mod hardening;
mod journeys;
mod mail;
mod moderation;
mod network;
mod oidc;
mod operations;
mod opinion;
mod pages;
mod proposal;
mod questionnaire;
mod reliability;
mod report;
mod runtimes;
mod verification;
