//! Build-time tools that would otherwise be long `cargo install`s on every
//! fresh machine: composing gate ∘ feature (as `wac plug` does) and checking a
//! component against a WIT world (as `wasm-tools component targets` does).

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result, bail};
use wac_graph::types::Package;
use wac_graph::{CompositionGraph, EncodeOptions};
use wit_parser::{Resolve, WorldItem};

/// Plugs `plug`'s exports into `socket`'s matching imports and writes the result.
pub fn compose(socket: &Path, plug: &Path, output: &Path) -> Result<()> {
    let mut graph = CompositionGraph::new();
    let socket_pkg = Package::from_file("palabre:socket", None, socket, graph.types_mut())
        .with_context(|| format!("cannot read {}", socket.display()))?;
    let socket_id = graph.register_package(socket_pkg)?;
    let plug_pkg = Package::from_file("palabre:plug", None, plug, graph.types_mut())
        .with_context(|| format!("cannot read {}", plug.display()))?;
    let plug_id = graph.register_package(plug_pkg)?;
    wac_graph::plug(&mut graph, vec![plug_id], socket_id)
        .with_context(|| format!("cannot plug {} into {}", plug.display(), socket.display()))?;
    let bytes = graph
        .encode(EncodeOptions::default())
        .context("cannot encode the composition")?;
    if let Some(dir) = output.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(output, bytes).with_context(|| format!("cannot write {}", output.display()))
}

/// `ns:pkg/iface@version` split into the unversioned name and the version.
fn split_version(name: &str) -> (&str, Option<semver::Version>) {
    match name.split_once('@') {
        Some((base, v)) => (base, semver::Version::parse(v).ok()),
        None => (name, None),
    }
}

/// Same interface, and versions that semver says are interchangeable
/// (same major; for 0.x, same minor).
fn compatible(a: &str, b: &str) -> bool {
    let ((base_a, va), (base_b, vb)) = (split_version(a), split_version(b));
    if base_a != base_b {
        return false;
    }
    match (va, vb) {
        (None, None) => true,
        (Some(x), Some(y)) if x.major == 0 && y.major == 0 => x.minor == y.minor,
        (Some(x), Some(y)) => x.major == y.major,
        _ => false,
    }
}

fn world_names<'a>(
    resolve: &Resolve,
    items: impl Iterator<Item = (&'a wit_parser::WorldKey, &'a WorldItem)>,
) -> BTreeSet<String> {
    items
        .filter_map(|(key, item)| match item {
            WorldItem::Interface { .. } | WorldItem::Function(_) => {
                Some(resolve.name_world_key(key))
            }
            WorldItem::Type { .. } => None,
        })
        .collect()
}

/// Checks that `component` imports nothing beyond `world` (from the WIT folder
/// `wit_dir`) and exports what the world exports. Lists every offending import.
pub fn check(wit_dir: &Path, world: &str, component: &Path) -> Result<()> {
    let mut target = Resolve::default();
    let (pkg, _) = target
        .push_dir(wit_dir)
        .with_context(|| format!("cannot read the WIT folder {}", wit_dir.display()))?;
    let world_id = target.select_world(&[pkg], Some(world))?;
    let bytes =
        std::fs::read(component).with_context(|| format!("cannot read {}", component.display()))?;
    let decoded = wit_component::decode(&bytes)
        .with_context(|| format!("{} is not a component", component.display()))?;
    let (found, found_world) = match decoded {
        wit_component::DecodedWasm::Component(resolve, world) => (resolve, world),
        wit_component::DecodedWasm::WitPackage(..) => {
            bail!("{} is a WIT package, not a component", component.display())
        }
    };
    let allowed_imports = world_names(&target, target.worlds[world_id].imports.iter());
    let allowed_exports = world_names(&target, target.worlds[world_id].exports.iter());
    let imports = world_names(&found, found.worlds[found_world].imports.iter());
    let exports = world_names(&found, found.worlds[found_world].exports.iter());
    let unexpected: Vec<&String> = imports
        .iter()
        .filter(|i| !allowed_imports.iter().any(|a| compatible(i, a)))
        .collect();
    let missing_exports: Vec<&String> = allowed_exports
        .iter()
        .filter(|e| !exports.iter().any(|x| compatible(x, e)))
        .collect();
    let extra_exports: Vec<&String> = exports
        .iter()
        .filter(|x| !allowed_exports.iter().any(|e| compatible(x, e)))
        .collect();
    let mut problems = Vec::new();
    for i in unexpected {
        problems.push(format!(
            "imports {i}, which the world `{world}` does not allow"
        ));
    }
    for e in missing_exports {
        problems.push(format!("does not export {e}"));
    }
    for e in extra_exports {
        problems.push(format!(
            "exports {e}, which the world `{world}` does not list"
        ));
    }
    if !problems.is_empty() {
        bail!("{}:\n  {}", component.display(), problems.join("\n  "));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::compatible;

    #[test]
    fn semver_compatibility() {
        assert!(compatible("wasi:io/error@0.2.6", "wasi:io/error@0.2.12"));
        assert!(!compatible("wasi:io/error@0.2.6", "wasi:io/error@0.3.0"));
        assert!(!compatible("wasi:io/error@0.2.6", "wasi:io/streams@0.2.6"));
        assert!(compatible(
            "spin:sqlite/sqlite@3.1.0",
            "spin:sqlite/sqlite@3.0.0"
        ));
        assert!(!compatible(
            "spin:sqlite/sqlite@3.1.0",
            "spin:sqlite/sqlite@2.0.0"
        ));
    }
}
