//! No module imports itself through others: every crate of the workspace is read from its
//! root, each module's imports are followed to the module that defines what they name,
//! and any strongly connected group of modules fails the test with the file and line of
//! each import inside it. Also one way of writing a module with children: `foo/mod.rs`.
#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

mod graph;
mod scan;
mod syntax;

use std::path::{Path, PathBuf};

/// The crate roots of the workspace under `base`, relative to it.
fn crate_roots(base: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::new()];
    if let Ok(entries) = std::fs::read_dir(base.join("crates")) {
        let mut members: Vec<PathBuf> = entries
            .flatten()
            .map(|e| Path::new("crates").join(e.file_name()))
            .collect();
        members.sort();
        dirs.extend(members);
    }
    let mut roots: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| ["lib.rs", "main.rs"].map(|f| d.join("src").join(f)))
        .collect();
    // A package's other executables: `src/bin/NAME/main.rs`.
    if let Ok(entries) = std::fs::read_dir(base.join("src/bin")) {
        let mut bins: Vec<PathBuf> = entries
            .flatten()
            .map(|e| Path::new("src/bin").join(e.file_name()).join("main.rs"))
            .collect();
        bins.sort();
        roots.extend(bins);
    }
    roots.retain(|root| base.join(root).is_file());
    roots
}

/// Every cycle of every crate under `base`, described.
fn find_cycles(base: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    for root in crate_roots(base) {
        let krate = scan::load_crate(base, &root)?;
        let edges = graph::edges(&krate);
        for members in graph::cycles(&edges) {
            let cycle = graph::describe(&members, &edges);
            found.push(format!("{}: {cycle}", root.display()));
        }
    }
    Ok(found)
}

/// `foo.rs` next to a `foo/` directory, anywhere under the crates' `src/`, `tests/`,
/// `benches/` and `examples/`.
fn flat_modules_with_children(base: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs: Vec<PathBuf> = crate_roots(base)
        .iter()
        .filter_map(|r| r.parent().map(Path::to_path_buf))
        .collect();
    dirs.dedup();
    let packages = dirs
        .iter()
        .filter_map(|src| src.parent().map(Path::to_path_buf));
    let others: Vec<PathBuf> = packages
        .flat_map(|package| ["tests", "benches", "examples"].map(|d| package.join(d)))
        .collect();
    dirs.extend(others);
    dirs.sort();
    dirs.dedup();
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(base.join(&dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = dir.join(entry.file_name());
            if base.join(&path).is_dir() {
                if base.join(path.with_extension("rs")).is_file() {
                    found.push(path.with_extension("rs"));
                }
                dirs.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn no_module_imports_itself_through_others() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cycles = find_cycles(base).expect("the source tree parses");
    assert!(
        cycles.is_empty(),
        "{} module import cycles:\n{}",
        cycles.len(),
        cycles.join("\n")
    );
}

#[test]
fn modules_with_children_are_written_as_mod_rs() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let flat = flat_modules_with_children(base);
    assert!(flat.is_empty(), "move these to <name>/mod.rs: {flat:?}");
}

mod synthetic;
