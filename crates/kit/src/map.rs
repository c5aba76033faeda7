//! Maps (the proposals' map view and location picker): OpenStreetMap tiles
//! drawn by Leaflet, both loaded only on the pages that show a map. A page
//! asks for one with `"with_map": map::view(centre, zoom)` in its data; the
//! layout then loads Leaflet and `map.js` with these settings.

use palabre_domain::Locale;
use serde::Serialize;

use crate::{assets, i18n};

/// Where tiles come from; the gate's Content-Security-Policy allows this origin.
pub const TILE_ORIGIN: &str = "https://tile.openstreetmap.org";
const TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

/// Metropolitan France, when nothing better is known.
const FRANCE: ((f64, f64), u8) = ((46.6, 2.5), 5);

/// Where a map opens: a page's `with_map`.
#[derive(Serialize, serde::Deserialize, Clone, Debug, PartialEq)]
pub struct View {
    pub centre: String,
    pub zoom: u8,
}

/// A map centred on `centre` (or on France), to put under `with_map`.
pub fn view(centre: Option<(f64, f64)>, zoom: u8) -> View {
    let ((lat, lon), zoom) = match centre {
        Some(c) => (c, zoom),
        None => FRANCE,
    };
    View {
        centre: format!("{lat:.6},{lon:.6}"),
        zoom,
    }
}

/// The layout's `map`: assets and settings, in the visitor's language.
#[derive(Serialize)]
pub struct Layout {
    css: String,
    leaflet: String,
    script: String,
    tiles: &'static str,
    attribution: String,
    label: String,
    pick: String,
    here: String,
    centre: String,
    zoom: u8,
}

pub fn layout(locale: Locale, view: View) -> Layout {
    Layout {
        css: assets::url("leaflet.css"),
        leaflet: assets::url("leaflet.js"),
        script: assets::url("map.js"),
        tiles: TILES,
        attribution: i18n::t(locale, "map-attribution"),
        label: i18n::t(locale, "map-label"),
        pick: i18n::t(locale, "map-pick"),
        here: i18n::t(locale, "map-here"),
        centre: view.centre,
        zoom: view.zoom,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tiles_come_from_the_allowed_origin() {
        assert!(super::TILES.starts_with(super::TILE_ORIGIN));
        assert_eq!(super::view(None, 13).centre, "46.600000,2.500000");
    }
}
