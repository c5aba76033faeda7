//! `/admin`: what staff can manage.

use palabre_kit::{Response, Result, i18n};

use crate::Env;

pub async fn show(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let sections = [
        ("/admin/site", "admin-site-title", "admin-site-intro"),
        (
            "/admin/processes",
            "admin-processes-title",
            "admin-processes-intro",
        ),
        (
            "/admin/discussions",
            "admin-discussions-title",
            "admin-discussions-intro",
        ),
        ("/admin/moderation", "moderation-title", "moderation-intro"),
        ("/admin/people", "people-title", "people-intro"),
        ("/admin/desk", "desk-title", "desk-index-intro"),
        (
            "/admin/verification/census",
            "census-title",
            "census-index-intro",
        ),
        (
            "/admin/verification/letters",
            "letters-title",
            "letters-index-intro",
        ),
        ("/admin/audit", "audit-title", "audit-intro"),
        ("/admin/mail", "mail-title", "mail-intro"),
        ("/admin/exports", "exports-title", "exports-intro"),
        (
            "/questionnaires",
            "questionnaires-title",
            "admin-questionnaires-intro",
        ),
        ("/admin/news", "admin-news-title", "admin-news-intro"),
        ("/admin/pages", "admin-pages-title", "admin-pages-intro"),
        ("/account/security", "security-title", "security-intro"),
    ]
    .into_iter()
    .map(|(href, title, intro)| crate::views::Section {
        href: href.to_string(),
        title: i18n::t(locale, title),
        intro: i18n::t(locale, intro),
    })
    .collect();
    let title = i18n::t(locale, "admin-title");
    let dashboard = super::dashboard::data(env).await?;
    // What the configuration lacks, said where staff look first.
    let mut setup = Vec::new();
    if !env.ctx.base_url_configured {
        setup.push(i18n::t(locale, "admin-setup-base-url"));
    }
    env.page(
        "admin_index",
        &title,
        crate::views::Index {
            sections,
            dashboard,
            setup,
        },
    )
}
