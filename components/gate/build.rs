//! The gate shows only error pages: it carries the messages whose id starts
//! with `error-`, and `back-home`, cut from the shared catalogues
//! (crates/kit/locales), instead of all of them (150 KB of text).

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::var("OUT_DIR")?;
    for lang in ["fr", "en", "de"] {
        let path = format!("../../crates/kit/locales/{lang}.ftl");
        println!("cargo::rerun-if-changed={path}");
        let source = std::fs::read_to_string(&path)?;
        let mut kept = String::new();
        let mut keep = false;
        for line in source.lines() {
            // A message is its `id = …` line and the indented lines under it.
            if !line.starts_with([' ', '\t']) {
                keep = line.split_once(" = ").is_some_and(|(id, _)| {
                    let id = id.trim();
                    id.starts_with("error-") || id == "back-home"
                });
            }
            if keep && !line.trim().is_empty() {
                kept.push_str(line);
                kept.push('\n');
            }
        }
        std::fs::write(Path::new(&out).join(format!("{lang}.ftl")), kept)?;
    }
    Ok(())
}
