//! The site's identity and branding, and the home page's blocks.

use palabre_domain::Zone;
use palabre_domain::account::{FieldError, line};
use palabre_domain::content::{self, brand_color};
use palabre_domain::home::{Block, blocks_to_setting};
use palabre_kit::forms::{self, Entry, FormView};
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

const FIELDS: [&str; 7] = [
    "name",
    "tagline",
    "intro",
    "zone",
    "primary",
    "secondary",
    "postal_codes",
];

/// The zones offered, each with its offset from UTC now (`Europe/Paris (UTC+01:00)`).
fn zone_options() -> Vec<(String, String)> {
    let now = palabre_kit::now();
    Zone::ALL
        .iter()
        .map(|z| {
            let offset = z.offset_at(now);
            let sign = if offset < 0 { '-' } else { '+' };
            let (h, m) = (offset.abs() / 3600, offset.abs() % 3600 / 60);
            (
                z.name().to_string(),
                format!("{} (UTC{sign}{h:02}:{m:02})", z.name()),
            )
        })
        .collect()
}

/// Each block's position ("1"…"5"), or "" when hidden.
fn positions(entry: &Entry) -> Vec<(Block, String)> {
    Block::ALL
        .into_iter()
        .map(|b| (b, entry.get(block_field(b)).to_string()))
        .collect()
}

/// The version of the site's identity an edit form is opened on: what the
/// form edits (two people saving it cannot erase each other's change).
fn version(site: &Site) -> String {
    forms::version(&[
        &site.name,
        &site.tagline,
        &site.intro,
        site.zone.name(),
        &site.primary.to_string(),
        &site.secondary.to_string(),
        &blocks_to_setting(&site.home_blocks),
        &site.logo_url,
        &site.favicon_url,
        &site.postal_codes.join(","),
    ])
}

fn render(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let mut form = FormView::of(locale, entry)
        .versioned(Some(version(&env.site)), status)
        .input("name", "text", "field-commune-name", "organization")
        .input("tagline", "text", "admin-field-tagline", "off")
        .optional()
        .textarea("intro", "admin-field-intro")
        .optional()
        .select("zone", "admin-field-zone", zone_options())
        .hint("admin-field-zone-hint")
        .input("primary", "color", "admin-field-primary", "off")
        .hint("admin-field-color-hint")
        .input("secondary", "color", "admin-field-secondary", "off")
        .hint("admin-field-color-hint")
        .image("logo", "admin-field-logo")
        .optional()
        .hint("admin-field-image-hint")
        .image("favicon", "admin-field-favicon")
        .optional()
        .hint("admin-field-image-hint")
        .input("postal_codes", "text", "admin-field-postal-codes", "off")
        .optional()
        .hint("admin-field-postal-codes-hint");
    let mut options = vec![(String::new(), i18n::t(locale, "admin-block-hidden"))];
    options.extend((1..=Block::ALL.len()).map(|n| (n.to_string(), n.to_string())));
    for block in Block::ALL {
        form = form
            .select(
                block_field(block),
                &format!("admin-block-{}", block.as_str()),
                options.clone(),
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
    let mut entry = Entry::new()
        .with("name", site.name.clone())
        .with("tagline", site.tagline.clone())
        .with("intro", site.intro.clone())
        .with("zone", site.zone.name())
        .with("primary", site.primary.to_string())
        .with("secondary", site.secondary.to_string())
        .with("postal_codes", site.postal_codes.join(", "));
    for b in Block::ALL {
        let at = site.home_blocks.iter().position(|x| *x == b);
        entry.set(
            block_field(b),
            at.map(|i| (i + 1).to_string()).unwrap_or_default(),
        );
    }
    render(env, &entry, http::StatusCode::OK)
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
    let mut e = Entry::read(&form, &FIELDS);
    for b in Block::ALL {
        let typed = form.get(block_field(b));
        let valid = typed
            .parse::<usize>()
            .is_ok_and(|n| (1..=Block::ALL.len()).contains(&n));
        e.set(block_field(b), if valid { typed } else { "" });
    }
    let name = e.check("name", |v| line(v, content::MAX_NAME));
    let tagline = e
        .check_optional("tagline", |v| line(v, content::MAX_TAGLINE))
        .map(Option::unwrap_or_default);
    let intro = e.check("intro", |v| content::text(v, content::MAX_INTRO));
    let zone = e.check("zone", |v| {
        v.parse::<Zone>().map_err(|_| FieldError::InvalidChoice)
    });
    let primary = e.check("primary", brand_color);
    let secondary = e.check("secondary", brand_color);
    let image = |name: &str| {
        form.file(name)
            .map(|bytes| images::check(bytes).map(|c| (bytes.to_vec(), c)))
            .transpose()
    };
    let logo = e.check("logo", |_| image("logo"));
    let favicon = e.check("favicon", |_| image("favicon"));
    let postal_codes = e.check("postal_codes", palabre_domain::verification::postal_codes);
    let (
        Some(name),
        Some(tagline),
        Some(intro),
        Some(zone),
        Some(primary),
        Some(secondary),
        Some(logo),
        Some(favicon),
        Some(postal_codes),
    ) = (
        name,
        tagline,
        intro,
        zone,
        primary,
        secondary,
        logo,
        favicon,
        postal_codes,
    )
    else {
        return render(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    let blocks = blocks_to_setting(&order(&positions(&e)));
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
            (palabre_kit::site::ZONE, zone.name().to_string()),
            ("brand.primary", primary.to_string()),
            ("brand.secondary", secondary.to_string()),
            ("home.blocks", blocks.clone()),
            (palabre_kit::site::POSTAL_CODES, postal_codes.join(",")),
        ]);
        for (key, value) in &settings {
            Site::set(conn, key, value).await?;
        }
        record_in(conn, &env.ctx, "site-saved", "settings").await?;
        Ok::<bool, palabre_kit::Error>(true)
    })
    .await?;
    if !written {
        return render(env, &e, http::StatusCode::CONFLICT);
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
