pub mod api;
pub mod assets;
pub mod health;
pub mod home;
pub mod images;
pub mod network;
pub mod news;
pub mod open_data;
pub mod pages;
pub mod processes;
pub mod report;
pub mod search;
pub mod transparency;

use crate::{Env, views};
use palabre_domain::Locale;
use palabre_kit::translations::{self, Entity, Texts};

/// Shows staff-written texts in the visitor's language when translated;
/// returns, per item, how to mark it (see [`lang`]).
pub async fn translate(
    env: &Env,
    entity: Entity,
    items: &mut [Texts<'_>],
) -> palabre_kit::Result<Vec<views::Lang>> {
    let shown = translations::apply(
        &env.conn,
        entity,
        env.ctx.locale,
        env.site.default_locale,
        items,
    )
    .await?;
    Ok(shown.into_iter().map(|t| lang(env, t)).collect())
}

/// Translates one item: how to mark it.
pub async fn translate_one(
    env: &Env,
    entity: Entity,
    item: Texts<'_>,
) -> palabre_kit::Result<views::Lang> {
    let mark = translate(env, entity, &mut [item]).await?.pop();
    Ok(mark.unwrap_or_else(|| lang(env, true)))
}

/// Content not in the visitor's language carries its own `lang` attribute
/// and a note.
pub fn lang(env: &Env, translated: bool) -> views::Lang {
    let default: Locale = env.site.default_locale;
    views::Lang {
        translated,
        lang: default.code().to_string(),
        note: palabre_kit::i18n::t_args(
            env.ctx.locale,
            "translation-missing",
            &[(
                "language",
                &palabre_kit::i18n::t(env.ctx.locale, &format!("language-name-{}", default.code())),
            )],
        ),
    }
}
