//! Maps (the proposals' map view, a proposal's place and the location
//! picker): OpenStreetMap tiles drawn by Leaflet, both loaded only on the
//! pages that show a map. A page asks for one with
//! `"with_map": map::view(centre, zoom)` in its data; the layout then loads
//! Leaflet and `map.js` with these settings.
//!
//! The picker finds a typed address with the national address base (Base
//! Adresse Nationale, a French public service without key or account), from
//! the browser, only when the person presses "find on the map"; without
//! JavaScript, or for an address it does not know, the place is picked on
//! the map or typed as coordinates.

use palabre_domain::Locale;
use serde::Serialize;

use crate::{assets, i18n};

/// Where tiles come from; the gate's Content-Security-Policy allows this origin.
pub const TILE_ORIGIN: &str = "https://tile.openstreetmap.org";
const TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

/// Where addresses are looked up; the gate's Content-Security-Policy lets
/// pages connect to this origin.
pub const GEOCODER_ORIGIN: &str = "https://api-adresse.data.gouv.fr";
const GEOCODER: &str = "https://api-adresse.data.gouv.fr/search/";

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

/// A place shown on a page: the small map's point and a link to
/// OpenStreetMap (which also works without JavaScript).
#[derive(Serialize, Clone, Debug, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Place {
    /// "lat,lon", for the small map (`map.js`).
    pub point: String,
    pub osm: String,
}

pub fn place((lat, lon): (f64, f64)) -> Place {
    Place {
        point: format!("{lat:.6},{lon:.6}"),
        osm: format!(
            "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=17/{lat:.5}/{lon:.5}"
        ),
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
    geocoder: &'static str,
    locate: String,
    found: String,
    not_found: String,
    coordinates: String,
    place: String,
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
        geocoder: GEOCODER,
        locate: i18n::t(locale, "map-locate"),
        found: i18n::t(locale, "map-found"),
        not_found: i18n::t(locale, "map-not-found"),
        coordinates: i18n::t(locale, "map-coordinates"),
        place: i18n::t(locale, "map-place"),
        centre: view.centre,
        zoom: view.zoom,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tiles_come_from_the_allowed_origin() {
        assert!(super::TILES.starts_with(super::TILE_ORIGIN));
        assert!(super::GEOCODER.starts_with(super::GEOCODER_ORIGIN));
        assert_eq!(super::view(None, 13).centre, "46.600000,2.500000");
    }
}
