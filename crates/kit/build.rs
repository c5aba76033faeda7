//! Gzips at build time (`OUT_DIR/<name>.gz`, deflate at the best level in the
//! gzip framing of RFC 1952), about a quarter of their size:
//! - the text assets of `static/`, which the pages component embeds and
//!   sends compressed (`assets::Asset`);
//! - the catalogues of `locales/`, which every component embeds and inflates
//!   once per instance (`i18n`).

use std::path::Path;

// CRC-32, shared with the library (`src/crc.rs`).
mod crc {
    include!("src/crc.rs");
}
use crc::crc32;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    // No name, no time (reproducible builds), best compression, OS unknown.
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff];
    out.extend(miniz_oxide::deflate::compress_to_vec(bytes, 10));
    out.extend(crc32(bytes).to_le_bytes());
    out.extend((bytes.len() as u32).to_le_bytes());
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::var("OUT_DIR")?;
    println!("cargo::rerun-if-changed=static");
    println!("cargo::rerun-if-changed=locales");
    for lang in ["fr", "en", "de"] {
        let bytes = std::fs::read(format!("locales/{lang}.ftl"))?;
        std::fs::write(Path::new(&out).join(format!("{lang}.ftl.gz")), gzip(&bytes))?;
    }
    for entry in std::fs::read_dir("static")? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if [".css", ".js", ".svg", ".txt"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            let bytes = std::fs::read(&path)?;
            std::fs::write(Path::new(&out).join(format!("{name}.gz")), gzip(&bytes))?;
        }
    }
    Ok(())
}
