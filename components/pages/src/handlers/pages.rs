//! Static pages (about, legal notice, accessibility statement…).

use crate::handlers::translate_one;
use crate::{Env, store, views};
use palabre_kit::translations::{Entity, Texts};
use palabre_kit::{Error, Response, Result, i18n};

pub use palabre_domain::content::is_slug as valid_slug;

pub async fn show(env: &Env, slug: &str) -> Result<Response> {
    if !valid_slug(slug) {
        return Err(Error::NotFound);
    }
    let mut page = store::page(&env.conn, slug).await?.ok_or(Error::NotFound)?;
    let mark = translate_one(
        env,
        Entity::Page,
        Texts {
            id: page.id,
            fields: vec![("title", &mut page.title), ("body", &mut page.body)],
        },
    )
    .await?;
    let locale = env.ctx.locale;
    let data = views::Page {
        checks: (slug == "accessibility").then(|| accessibility_checks(locale)),
        content_lang: mark,
        title: page.title.clone(),
        body: page.body.clone(),
        date_iso: i18n::iso_day(page.updated_at),
        date: i18n::long_date(locale, page.updated_at),
    };
    env.renderer.page(
        &env.ctx,
        &env.site,
        http::StatusCode::OK,
        "page",
        &page.title,
        data,
    )
}

/// What the software's own tests check of RGAA on every change, and what
/// they cannot: shown under the commune's accessibility statement, whose
/// audit results only the commune can give. Keep in step with
/// tests/browser (issue 9).
fn accessibility_checks(locale: palabre_domain::Locale) -> views::Checks {
    let items = |prefix: &str, n: usize| -> Vec<String> {
        (1..=n)
            .map(|i| i18n::t(locale, &format!("{prefix}-{i}")))
            .collect()
    };
    views::Checks {
        title: i18n::t(locale, "a11y-checks-title"),
        intro: i18n::t(locale, "a11y-checks-intro"),
        auto_title: i18n::t(locale, "a11y-auto-title"),
        auto: items("a11y-auto", 9),
        manual_title: i18n::t(locale, "a11y-manual-title"),
        manual: items("a11y-manual", 7),
    }
}

#[cfg(test)]
mod tests {
    use super::valid_slug;

    #[test]
    fn slugs() {
        assert!(valid_slug("legal") && valid_slug("budget-2026"));
        for bad in ["", "Legal", "a/b", "..", "a b", "é", &"a".repeat(121)] {
            assert!(!valid_slug(bad), "{bad}");
        }
    }
}
