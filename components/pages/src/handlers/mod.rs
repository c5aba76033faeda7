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

use palabre_domain::Locale;
use palabre_kit::translations::{self, Entity, Texts};
use serde_json::{Value, json};

use crate::Env;

/// Shows staff-written texts in the visitor's language when translated;
/// returns, per item, how to mark it (see [`lang_json`]).
pub async fn translate(
    env: &Env,
    entity: Entity,
    items: &mut [Texts<'_>],
) -> palabre_kit::Result<Vec<Value>> {
    let shown = translations::apply(
        &env.conn,
        entity,
        env.ctx.locale,
        env.site.default_locale,
        items,
    )
    .await?;
    Ok(shown.into_iter().map(|t| lang_json(env, t)).collect())
}

/// `{"translated": bool, "lang": "fr", "note": "…"}`: content not in the
/// visitor's language carries its own `lang` attribute and a note.
pub fn lang_json(env: &Env, translated: bool) -> Value {
    let default: Locale = env.site.default_locale;
    json!({
        "translated": translated,
        "lang": default.code(),
        "note": palabre_kit::i18n::t_args(
            env.ctx.locale,
            "translation-missing",
            &[(
                "language",
                &palabre_kit::i18n::t(env.ctx.locale, &format!("language-name-{}", default.code())),
            )],
        ),
    })
}
