//! The site's identity and branding, and the home page's blocks.

use palabre_domain::account::{FieldError, line};
use palabre_domain::content::{self, brand_color};
use palabre_domain::home::{Block, blocks_to_setting};
use palabre_kit::forms::{self, FormView};
use palabre_kit::view::FormPage;
use palabre_kit::{Response, Result, Site, db, i18n, images};

use crate::Env;
use crate::handlers::{link, record_in, saved, saved_notice};

fn block_field(block: Block) -> &'static str {
    match block {
        Block::Hero => "block_hero",
        Block::Processes => "block_processes",
        Block::Figures => "block_figures",
        Block::Phases => "block_phases",
        Block::News => "block_news",
        Block::Activity => "block_activity",
    }
}

struct Values {
    name: String,
    tagline: String,
    intro: String,
    primary: String,
    secondary: String,
    /// Each block's position ("1"…"5"), or "" when hidden.
    positions: Vec<(Block, String)>,
}

#[derive(Default)]
struct Errors {
    name: Option<FieldError>,
    tagline: Option<FieldError>,
    intro: Option<FieldError>,
    primary: Option<FieldError>,
    secondary: Option<FieldError>,
    logo: Option<FieldError>,
    favicon: Option<FieldError>,
}

/// The version of the site's identity an edit form is opened on: what the
/// form edits (two people saving it cannot erase each other's change).
fn version(site: &Site) -> String {
    forms::version(&[
        &site.name,
        &site.tagline,
        &site.intro,
        &site.primary.to_string(),
        &site.secondary.to_string(),
        &blocks_to_setting(&site.home_blocks),
        &site.logo_url,
        &site.favicon_url,
    ])
}

fn render(
    env: &Env,
    values: &Values,
    errors: &Errors,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut form = FormView::new(locale)
        .versioned(Some(version(&env.site)), status)
        .input(
            "name",
            "text",
            "field-commune-name",
            &values.name,
            "organization",
            errors.name,
        )
        .input(
            "tagline",
            "text",
            "admin-field-tagline",
            &values.tagline,
            "off",
            errors.tagline,
        )
        .optional()
        .textarea("intro", "admin-field-intro", &values.intro, errors.intro)
        .optional()
        .input(
            "primary",
            "text",
            "admin-field-primary",
            &values.primary,
            "off",
            errors.primary,
        )
        .hint("admin-field-color-hint")
        .input(
            "secondary",
            "text",
            "admin-field-secondary",
            &values.secondary,
            "off",
            errors.secondary,
        )
        .hint("admin-field-color-hint")
        .image("logo", "admin-field-logo", errors.logo)
        .optional()
        .hint("admin-field-image-hint")
        .image("favicon", "admin-field-favicon", errors.favicon)
        .optional()
        .hint("admin-field-image-hint");
    let mut options = vec![(String::new(), i18n::t(locale, "admin-block-hidden"))];
    options.extend((1..=Block::ALL.len()).map(|n| (n.to_string(), n.to_string())));
    for (block, position) in &values.positions {
        form = form
            .select(
                block_field(*block),
                &format!("admin-block-{}", block.as_str()),
                options.clone(),
                position,
                None,
            )
            .hint("admin-block-hint");
    }
    let data = FormPage {
        intro: Some(i18n::t(locale, "admin-site-intro")),
        saved: saved_notice(env),
        back: Some(link(env, "/admin", "admin-back-to-index")),
        preview: Some(link(env, "/", "admin-view-home")),
        ..FormPage::new("/admin/site", form.view(), i18n::t(locale, "admin-save"))
    };
    let title = i18n::t(locale, "admin-site-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn form(env: &Env) -> Result<Response> {
    let site = &env.site;
    let positions = Block::ALL
        .into_iter()
        .map(|b| {
            let at = site.home_blocks.iter().position(|x| *x == b);
            (b, at.map(|i| (i + 1).to_string()).unwrap_or_default())
        })
        .collect();
    let values = Values {
        name: site.name.clone(),
        tagline: site.tagline.clone(),
        intro: site.intro.clone(),
        primary: site.primary.to_string(),
        secondary: site.secondary.to_string(),
        positions,
    };
    render(env, &values, &Errors::default(), http::StatusCode::OK)
}

/// The shown blocks in the order of their positions (ties: the default order).
fn order(positions: &[(Block, String)]) -> Vec<Block> {
    let mut shown: Vec<(usize, usize, Block)> = positions
        .iter()
        .enumerate()
        .filter_map(|(i, (b, p))| p.parse::<usize>().ok().map(|p| (p, i, *b)))
        .collect();
    shown.sort_by_key(|(position, index, _)| (*position, *index));
    shown.into_iter().map(|(_, _, b)| b).collect()
}

pub async fn save(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let values = Values {
        name: form.get("name").to_string(),
        tagline: form.get("tagline").to_string(),
        intro: form.get("intro").to_string(),
        primary: form.get("primary").to_string(),
        secondary: form.get("secondary").to_string(),
        positions: Block::ALL
            .into_iter()
            .map(|b| {
                let typed = form.get(block_field(b));
                let valid = typed
                    .parse::<usize>()
                    .is_ok_and(|n| (1..=Block::ALL.len()).contains(&n));
                (
                    b,
                    if valid {
                        typed.to_string()
                    } else {
                        String::new()
                    },
                )
            })
            .collect(),
    };
    let mut errors = Errors::default();
    let name = line(&values.name, content::MAX_NAME)
        .map_err(|e| errors.name = Some(e))
        .ok();
    let tagline = match values.tagline.trim() {
        "" => Some(String::new()),
        typed => line(typed, content::MAX_TAGLINE)
            .map_err(|e| errors.tagline = Some(e))
            .ok(),
    };
    let intro = content::text(&values.intro, content::MAX_INTRO)
        .map_err(|e| errors.intro = Some(e))
        .ok();
    let primary = brand_color(&values.primary)
        .map_err(|e| errors.primary = Some(e))
        .ok();
    let secondary = brand_color(&values.secondary)
        .map_err(|e| errors.secondary = Some(e))
        .ok();
    let logo = form
        .file("logo")
        .map(|bytes| images::check(bytes).map(|c| (bytes.to_vec(), c)))
        .transpose()
        .map_err(|e| errors.logo = Some(e))
        .ok();
    let favicon = form
        .file("favicon")
        .map(|bytes| images::check(bytes).map(|c| (bytes.to_vec(), c)))
        .transpose()
        .map_err(|e| errors.favicon = Some(e))
        .ok();
    let (
        Some(name),
        Some(tagline),
        Some(intro),
        Some(primary),
        Some(secondary),
        Some(logo),
        Some(favicon),
    ) = (name, tagline, intro, primary, secondary, logo, favicon)
    else {
        return render(
            env,
            &values,
            &errors,
            http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let blocks = blocks_to_setting(&order(&values.positions));
    let user_id = env.ctx.visitor.user_id;
    // Compared and written under the write lock, images included: two people
    // saving the site cannot both pass the check, and a refused save stores
    // nothing.
    let written = db::immediate(&env.conn, async |conn| {
        if form.stale(&version(&Site::load(conn).await?)) {
            return Ok(false);
        }
        let mut settings = Vec::new();
        // The logo and the icon stand for the commune: their text alternative is its name.
        if let Some((bytes, checked)) = &logo {
            let id = images::store(conn, bytes, *checked, &name, user_id).await?;
            if let Some(shown) = images::shown(conn, Some(id)).await? {
                settings.push(("brand.logo", shown.url));
            }
        }
        if let Some((bytes, checked)) = &favicon {
            let id = images::store(conn, bytes, *checked, &name, user_id).await?;
            if let Some(shown) = images::shown(conn, Some(id)).await? {
                settings.push(("brand.favicon", shown.url));
                settings.push((
                    "brand.favicon_type",
                    checked.kind.content_type().to_string(),
                ));
            }
        }
        settings.extend([
            ("commune.name", name.clone()),
            ("commune.tagline", tagline.clone()),
            ("home.intro", intro.clone()),
            ("brand.primary", primary.to_string()),
            ("brand.secondary", secondary.to_string()),
            ("home.blocks", blocks.clone()),
        ]);
        for (key, value) in &settings {
            Site::set(conn, key, value).await?;
        }
        record_in(conn, &env.ctx, "site-saved", "settings").await?;
        Ok::<bool, palabre_kit::Error>(true)
    })
    .await?;
    if !written {
        return render(env, &values, &Errors::default(), http::StatusCode::CONFLICT);
    }
    Ok(saved("/admin/site"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_follow_their_positions() {
        let positions = vec![
            (Block::Hero, "2".to_string()),
            (Block::Processes, String::new()),
            (Block::Figures, "1".to_string()),
            (Block::Phases, "2".to_string()),
            (Block::News, "5".to_string()),
        ];
        assert_eq!(
            order(&positions),
            vec![Block::Figures, Block::Hero, Block::Phases, Block::News]
        );
    }
}
