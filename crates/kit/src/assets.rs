//! Static assets, embedded at compile time and served by the pages component
//! under `/static/<name>?v=<version>` with a year-long immutable cache. The
//! version is a hash of the bytes computed at compile time, so every component
//! can link to an asset (and a new build busts caches) without embedding it.

pub struct Asset {
    pub name: &'static str,
    pub content_type: &'static str,
    pub bytes: &'static [u8],
    pub version: u64,
}

/// FNV-1a's starting value (64 bits).
pub(crate) const FNV1A_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a (64 bits) of `bytes`: asset versions, page ETags.
pub const fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_more(FNV1A_START, bytes)
}

/// FNV-1a carried on from `hash` over more bytes (hashing several pieces as one).
pub(crate) const fn fnv1a_more(mut hash: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// Every asset: (name, content type). One list, read by both tables below.
macro_rules! each_asset {
    ($m:ident) => {
        $m![
            ("palabre.css", "text/css; charset=utf-8"),
            ("favicon.svg", "image/svg+xml"),
            ("logo.svg", "image/svg+xml"),
            // The map (Leaflet 1.9.4, BSD-2-Clause: leaflet-LICENSE.txt) and its use.
            ("leaflet.js", "text/javascript; charset=utf-8"),
            ("leaflet.css", "text/css; charset=utf-8"),
            ("marker-icon.png", "image/png"),
            ("marker-icon-2x.png", "image/png"),
            ("marker-shadow.png", "image/png"),
            ("layers.png", "image/png"),
            ("layers-2x.png", "image/png"),
            ("leaflet-LICENSE.txt", "text/plain; charset=utf-8"),
            ("map.js", "text/javascript; charset=utf-8"),
        ]
    };
}

macro_rules! with_bytes {
    [$(($name:literal, $type:literal)),* $(,)?] => {
        &[$(Asset {
            name: $name,
            content_type: $type,
            bytes: include_bytes!(concat!("../static/", $name)),
            version: fnv1a(include_bytes!(concat!("../static/", $name))),
        }),*]
    };
}

macro_rules! versions_only {
    [$(($name:literal, $type:literal)),* $(,)?] => {
        &[$(($name, fnv1a(include_bytes!(concat!("../static/", $name))))),*]
    };
}

/// The assets with their bytes: only the component serving `/static/` reads
/// this, so only it embeds them.
pub static ASSETS: &[Asset] = each_asset!(with_bytes);

/// Names and versions, computed at compile time: linking to an asset does
/// not embed its bytes.
static VERSIONS: &[(&str, u64)] = each_asset!(versions_only);

/// Every asset's (name, version).
pub fn versions() -> &'static [(&'static str, u64)] {
    VERSIONS
}

pub fn find(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

/// The cache-busting URL of an embedded asset (`/static/<name>` if unknown).
pub fn url(name: &str) -> String {
    match VERSIONS.iter().find(|(n, _)| *n == name) {
        Some((name, version)) => format!("/static/{name}?v={version:x}"),
        None => format!("/static/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_has_a_versioned_url() {
        for asset in ASSETS {
            assert!(!asset.bytes.is_empty(), "{}", asset.name);
            assert_eq!(
                url(asset.name),
                format!("/static/{}?v={:x}", asset.name, asset.version)
            );
        }
        assert_eq!(url("nope.css"), "/static/nope.css");
        assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
    }
}
