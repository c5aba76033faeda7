//! What the gate embeds, made smaller at build time:
//! - it shows only error pages and queues one mail, so it carries the
//!   messages whose id starts with `error-` or `gate-`, and `back-home`, cut
//!   from the shared catalogues
//!   (crates/kit/locales), instead of all of them (150 KB of text);
//! - the migrations and the demo commune (80 KB of SQL, read only when a
//!   database is set up or upgraded) are deflated, and inflated when used.

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::var("OUT_DIR")?;
    println!("cargo::rerun-if-changed=../../db");
    let sql = Path::new(&out).join("sql");
    std::fs::create_dir_all(&sql)?;
    let mut files: Vec<_> = std::fs::read_dir("../../db/migrations")?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.push("../../db/seed/demo.sql".into());
    for path in files {
        if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            let bytes = std::fs::read(&path)?;
            let deflated = miniz_oxide::deflate::compress_to_vec(&bytes, 10);
            std::fs::write(sql.join(format!("{name}.deflate")), deflated)?;
        }
    }
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
                    id.starts_with("error-") || id.starts_with("gate-") || id == "back-home"
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
