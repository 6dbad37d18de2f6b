//! Reads one crate's module tree with `syn`: which modules exist (following `mod`
//! declarations from the crate root, as the compiler does), what each defines, what it
//! binds with `use`, and every multi-segment path it names, with the line it is on.
//!
//! `syn` rather than a hand-written scanner: comments, strings, raw strings, lifetimes
//! and nested `use` trees are exactly what a text scanner gets wrong, and `syn`'s lexer
//! already knows them. Macro bodies are not parsed as Rust, so their tokens are read as
//! `a::b::c` runs (a path inside `format!(…)` is still an import).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::{self, Visit};
use syn::{ImplItem, Item, ItemUse, UseTree};

use super::syntax::{is_test_name, is_test_only, item_attrs, item_name, macro_paths};

/// A module path from the crate root (`["briefing", "checker"]`); the root is empty.
pub type ModPath = Vec<String>;

/// A path as written in a module, and the line of its first segment.
#[derive(Debug, Clone)]
pub struct Ref {
    pub segments: Vec<String>,
    pub line: usize,
}

#[derive(Debug, Default)]
pub struct Module {
    /// The file the module is written in, relative to the scanned directory.
    pub file: PathBuf,
    pub children: BTreeSet<String>,
    /// Names of the items it defines (functions, types, constants, traits, macros).
    pub items: BTreeSet<String>,
    /// `use` bindings: the name in scope and the path it stands for, as written.
    pub bindings: BTreeMap<String, Vec<String>>,
    pub globs: Vec<Vec<String>>,
    pub refs: Vec<Ref>,
}

#[derive(Debug, Default)]
pub struct Crate {
    pub modules: BTreeMap<ModPath, Module>,
}

/// Reads the crate whose root file is `root` (relative to `base`).
pub fn load_crate(base: &Path, root: &Path) -> Result<Crate, String> {
    let mut krate = Crate::default();
    let dir = root.parent().unwrap_or(Path::new("")).to_path_buf();
    load_file(base, root, Vec::new(), &dir, &mut krate)?;
    Ok(krate)
}

fn load_file(
    base: &Path,
    file: &Path,
    path: ModPath,
    children_dir: &Path,
    krate: &mut Crate,
) -> Result<(), String> {
    let source =
        std::fs::read_to_string(base.join(file)).map_err(|e| format!("{}: {e}", file.display()))?;
    let parsed = syn::parse_file(&source).map_err(|e| format!("{}: {e}", file.display()))?;
    load_items(base, file, path, children_dir, &parsed.items, krate)
}

fn load_items(
    base: &Path,
    file: &Path,
    path: ModPath,
    children_dir: &Path,
    items: &[Item],
    krate: &mut Crate,
) -> Result<(), String> {
    let mut module = Module {
        file: file.to_path_buf(),
        ..Module::default()
    };
    let mut nested = Vec::new();
    for item in items {
        if is_test_only(item_attrs(item)) {
            continue;
        }
        match item {
            Item::Mod(m) => {
                let name = m.ident.to_string();
                if is_test_name(&name) {
                    continue;
                }
                module.children.insert(name.clone());
                nested.push(m);
            }
            Item::Use(u) => add_use(&mut module, u),
            _ => {
                if let Some(name) = item_name(item) {
                    module.items.insert(name);
                }
                Collector {
                    module: &mut module,
                }
                .visit_item(item);
            }
        }
    }
    krate.modules.insert(path.clone(), module);
    for m in nested {
        let name = m.ident.to_string();
        let child_path = [path.clone(), vec![name.clone()]].concat();
        let child_dir = children_dir.join(&name);
        if m.attrs.iter().any(|a| a.path().is_ident("path")) {
            return Err(format!(
                "{}: #[path] on mod {name} is not followed",
                file.display()
            ));
        }
        match &m.content {
            Some((_, inline)) => load_items(base, file, child_path, &child_dir, inline, krate)?,
            None => {
                let flat = children_dir.join(format!("{name}.rs"));
                let nested_file = child_dir.join("mod.rs");
                let found = [flat, nested_file]
                    .into_iter()
                    .find(|f| base.join(f).is_file());
                let Some(child_file) = found else {
                    return Err(format!("{}: no file for mod {name}", file.display()));
                };
                load_file(base, &child_file, child_path, &child_dir, krate)?;
            }
        }
    }
    Ok(())
}

fn add_use(module: &mut Module, item: &ItemUse) {
    if item.leading_colon.is_some() {
        return; // `use ::name::…` names another crate
    }
    flatten_use(&item.tree, &mut Vec::new(), module);
}

fn flatten_use(tree: &UseTree, prefix: &mut Vec<String>, module: &mut Module) {
    let bind = |name: String, path: Vec<String>, line: usize, module: &mut Module| {
        module.refs.push(Ref {
            segments: path.clone(),
            line,
        });
        module.bindings.insert(name, path);
    };
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten_use(&p.tree, prefix, module);
            prefix.pop();
        }
        UseTree::Name(n) if n.ident == "self" => {
            let line = n.ident.span().start().line;
            if let Some(last) = prefix.last() {
                bind(last.clone(), prefix.clone(), line, module);
            }
        }
        UseTree::Name(n) => {
            let path = [prefix.clone(), vec![n.ident.to_string()]].concat();
            bind(
                n.ident.to_string(),
                path,
                n.ident.span().start().line,
                module,
            );
        }
        UseTree::Rename(r) => {
            let path = [prefix.clone(), vec![r.ident.to_string()]].concat();
            bind(
                r.rename.to_string(),
                path,
                r.ident.span().start().line,
                module,
            );
        }
        UseTree::Glob(g) => {
            let line = g.star_token.span.start().line;
            module.refs.push(Ref {
                segments: prefix.clone(),
                line,
            });
            module.globs.push(prefix.clone());
        }
        UseTree::Group(g) => g.items.iter().for_each(|t| flatten_use(t, prefix, module)),
    }
}

/// Walks one item's code for paths, skipping what is compiled only for tests.
struct Collector<'m> {
    module: &'m mut Module,
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item(&mut self, item: &'ast Item) {
        if is_test_only(item_attrs(item)) {
            return;
        }
        match item {
            Item::Mod(_) => {} // a module inside a function body: not part of the tree
            Item::Use(u) => add_use(self.module, u),
            _ => visit::visit_item(self, item),
        }
    }

    fn visit_impl_item(&mut self, item: &'ast ImplItem) {
        let attrs = match item {
            ImplItem::Const(i) => &i.attrs,
            ImplItem::Fn(i) => &i.attrs,
            ImplItem::Type(i) => &i.attrs,
            ImplItem::Macro(i) => &i.attrs,
            _ => return visit::visit_impl_item(self, item),
        };
        if !is_test_only(attrs) {
            visit::visit_impl_item(self, item);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.leading_colon.is_none() && path.segments.len() >= 2 {
            let segments = path.segments.iter().map(|s| s.ident.to_string()).collect();
            let line = path.segments[0].ident.span().start().line;
            self.module.refs.push(Ref { segments, line });
        }
        visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        visit::visit_macro(self, mac);
        macro_paths(mac.tokens.clone(), &mut self.module.refs);
    }
}
