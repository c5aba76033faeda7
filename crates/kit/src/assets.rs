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

const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

macro_rules! asset {
    ($name:literal, $type:literal) => {
        Asset {
            name: $name,
            content_type: $type,
            bytes: include_bytes!(concat!("../static/", $name)),
            version: fnv1a(include_bytes!(concat!("../static/", $name))),
        }
    };
}

pub static ASSETS: &[Asset] = &[
    asset!("palabre.css", "text/css; charset=utf-8"),
    asset!("favicon.svg", "image/svg+xml"),
    asset!("logo.svg", "image/svg+xml"),
];

pub fn find(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

/// The cache-busting URL of an embedded asset (`/static/<name>` if unknown).
pub fn url(name: &str) -> String {
    match find(name) {
        Some(asset) => format!("/static/{}?v={:x}", asset.name, asset.version),
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
