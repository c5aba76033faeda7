//! A new version, once answers fix the questions.

use palabre_kit::app::audited;
use palabre_kit::respond::{self};
use palabre_kit::{Response, Result};

use crate::Env;
use crate::store::{self};

use super::*;

/// `POST /questionnaires/<slug>/new-version`: a draft copy to change, with
/// the next version number; the answered version stays as it is.
pub async fn new_version(env: &mut Env, slug: &str) -> Result<Response> {
    let q = staff_questionnaire(env, slug).await?;
    let _ = env.submission().await?;
    let base = q
        .slug
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches("-v");
    let base = if base.is_empty() {
        q.slug.as_str()
    } else {
        base
    };
    let mut version = q.version + 1;
    let new_slug = loop {
        let candidate: String = format!("{base}-v{version}").chars().take(120).collect();
        if !store::slug_taken(&env.conn, &candidate, None).await? {
            break candidate;
        }
        version += 1;
    };
    let user_id = env.ctx.visitor.user_id;
    let now = palabre_kit::now();
    let qq = &q;
    let slug_ref = &new_slug;
    audited(env, "questionnaire-new-version", &new_slug, async |conn| {
        Ok(store::copy_version(conn, qq, slug_ref, user_id, now).await?)
    })
    .await?;
    Ok(respond::redirect(&format!(
        "/questionnaires/{new_slug}/edit?saved=1"
    )))
}
