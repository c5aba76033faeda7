//! Static assets, embedded at compile time and served by the pages component
//! under `/static/<name>?v=<version>` with a year-long immutable cache. The
//! version is a hash of the bytes computed at compile time, so every component
//! can link to an asset (and a new build busts caches) without embedding it.

pub struct Asset {
    pub name: &'static str,
    pub content_type: &'static str,
    /// The bytes as they are (empty when only gzipped ones are embedded).
    raw: &'static [u8],
    /// The bytes gzipped at build time (text assets; empty for images).
    pub gzip: &'static [u8],
    pub version: u64,
}

impl Asset {
    /// The bytes as they are: inflated from the gzipped ones for a client
    /// that does not take gzip (`None` if they do not inflate, which the
    /// build's own test rules out).
    pub fn bytes(&self) -> Option<std::borrow::Cow<'static, [u8]>> {
        if self.gzip.is_empty() {
            return Some(std::borrow::Cow::Borrowed(self.raw));
        }
        gunzip(self.gzip).map(std::borrow::Cow::Owned)
    }
}

/// Inflates what kit's build.rs gzipped (a 10-byte header without optional
/// fields, 8 bytes of trailer); `None` if it does not inflate.
pub(crate) fn gunzip(gzip: &[u8]) -> Option<Vec<u8>> {
    inflate(gzip.get(10..gzip.len().checked_sub(8)?)?)
}

/// Inflates raw deflate data (what a build script made with
/// `miniz_oxide::deflate::compress_to_vec`).
pub fn inflate(deflated: &[u8]) -> Option<Vec<u8>> {
    miniz_oxide::inflate::decompress_to_vec(deflated).ok()
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
        // gz: text, embedded gzipped (kit's build.rs); raw: images, as they are.
        $m![
            ("palabre.css", "text/css; charset=utf-8", gz),
            ("favicon.svg", "image/svg+xml", gz),
            ("logo.svg", "image/svg+xml", gz),
            // The map (Leaflet 1.9.4, BSD-2-Clause: leaflet-LICENSE.txt) and its use.
            ("leaflet.js", "text/javascript; charset=utf-8", gz),
            ("leaflet.css", "text/css; charset=utf-8", gz),
            ("marker-icon.png", "image/png", raw),
            ("marker-icon-2x.png", "image/png", raw),
            ("marker-shadow.png", "image/png", raw),
            ("layers.png", "image/png", raw),
            ("layers-2x.png", "image/png", raw),
            ("leaflet-LICENSE.txt", "text/plain; charset=utf-8", gz),
            ("map.js", "text/javascript; charset=utf-8", gz),
        ]
    };
}

macro_rules! with_bytes {
    [$(($name:literal, $type:literal, $how:ident)),* $(,)?] => {
        &[$(Asset {
            name: $name,
            content_type: $type,
            raw: embedded!($how, raw, $name),
            gzip: embedded!($how, gz, $name),
            version: fnv1a(include_bytes!(concat!("../static/", $name))),
        }),*]
    };
}

/// The bytes an asset embeds in one form: its own form's, none of the other.
macro_rules! embedded {
    (raw, raw, $name:literal) => {
        include_bytes!(concat!("../static/", $name))
    };
    (gz, gz, $name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".gz"))
    };
    ($how:ident, $form:ident, $name:literal) => {
        &[]
    };
}

macro_rules! versions_only {
    [$(($name:literal, $type:literal, $how:ident)),* $(,)?] => {
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
            let bytes = asset.bytes().unwrap();
            assert!(!bytes.is_empty(), "{}", asset.name);
            // What is sent is what is in static/ (the version is its hash).
            assert_eq!(fnv1a(&bytes), asset.version, "{}", asset.name);
            assert_eq!(
                url(asset.name),
                format!("/static/{}?v={:x}", asset.name, asset.version)
            );
        }
        assert_eq!(url("nope.css"), "/static/nope.css");
        assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
    }
}
