//! From what each module names to which modules it imports, and the cycles among them.
//!
//! A name is followed to the module that defines it: `use super::Action` in `ui::app`,
//! where `ui` only re-exports `action::Action`, imports `ui::action`. A module and its
//! own ancestors or descendants are not edges: the parent declares the child, so that
//! loop is the module tree itself, not a tangle between peers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::scan::{Crate, ModPath};

/// Enough to follow any real chain of re-exports, and to stop on a `use` loop.
const MAX_HOPS: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: ModPath,
    pub to: ModPath,
    pub file: PathBuf,
    pub line: usize,
}

/// One edge per pair of modules, at the first line that makes it.
pub fn edges(krate: &Crate) -> Vec<Edge> {
    let mut first: BTreeMap<(ModPath, ModPath), Edge> = BTreeMap::new();
    for (from, module) in &krate.modules {
        for r in &module.refs {
            let Some(to) =
                absolute(krate, from, &r.segments, 0).and_then(|abs| resolve(krate, &abs, 0))
            else {
                continue;
            };
            if to.starts_with(from) || from.starts_with(&to) {
                continue;
            }
            let edge = Edge {
                from: from.clone(),
                to,
                file: module.file.clone(),
                line: r.line,
            };
            first
                .entry((edge.from.clone(), edge.to.clone()))
                .and_modify(|e| {
                    if edge.line < e.line {
                        *e = edge.clone();
                    }
                })
                .or_insert(edge);
        }
    }
    first.into_values().collect()
}

/// The path from the crate root that `segments`, written in module `at`, stands for;
/// `None` for another crate, the prelude, or a local name.
fn absolute(krate: &Crate, at: &ModPath, segments: &[String], hops: usize) -> Option<ModPath> {
    let (first, rest) = segments.split_first()?;
    let module = krate.modules.get(at)?;
    match first.as_str() {
        "crate" => Some(rest.to_vec()),
        "self" => Some([at.as_slice(), rest].concat()),
        "super" => {
            let up = segments.iter().take_while(|s| *s == "super").count();
            let base = at.get(..at.len().checked_sub(up)?)?;
            Some([base, &segments[up..]].concat())
        }
        name if module.children.contains(name) => Some([at.as_slice(), segments].concat()),
        name if hops < MAX_HOPS => {
            let bound = module.bindings.get(name)?;
            let base = absolute(krate, at, bound, hops + 1)?;
            Some([base.as_slice(), rest].concat())
        }
        _ => None,
    }
}

/// The module that defines what the absolute path `abs` names.
fn resolve(krate: &Crate, abs: &[String], hops: usize) -> Option<ModPath> {
    let mut at: ModPath = Vec::new();
    for (i, name) in abs.iter().enumerate() {
        let module = krate.modules.get(&at)?;
        if module.children.contains(name) {
            at.push(name.clone());
            continue;
        }
        if module.items.contains(name) || hops >= MAX_HOPS {
            return Some(at);
        }
        if let Some(bound) = module.bindings.get(name) {
            let target = absolute(krate, &at, bound, hops + 1)?;
            return resolve(
                krate,
                &[target.as_slice(), &abs[i + 1..]].concat(),
                hops + 1,
            );
        }
        for glob in &module.globs {
            let Some(source) = absolute(krate, &at, glob, hops + 1) else {
                continue;
            };
            let has = krate.modules.get(&source).is_some_and(|m| {
                m.items.contains(name) || m.bindings.contains_key(name) || m.children.contains(name)
            });
            if has {
                return resolve(krate, &[source.as_slice(), &abs[i..]].concat(), hops + 1);
            }
        }
        // A name nothing here defines (made by a macro, say): charged to this module.
        return Some(at);
    }
    Some(at)
}

/// Strongly connected components of more than one module (Tarjan), each sorted.
pub fn cycles(edges: &[Edge]) -> Vec<Vec<ModPath>> {
    let mut next: BTreeMap<&ModPath, Vec<&ModPath>> = BTreeMap::new();
    for e in edges {
        next.entry(&e.from).or_default().push(&e.to);
        next.entry(&e.to).or_default();
    }
    let mut t = Tarjan {
        next: &next,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        components: Vec::new(),
    };
    let nodes: Vec<&ModPath> = next.keys().copied().collect();
    for node in nodes {
        if !t.index.contains_key(node) {
            t.visit(node);
        }
    }
    let mut found: Vec<Vec<ModPath>> = t
        .components
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            c.into_iter()
                .cloned()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        })
        .collect();
    found.sort();
    found
}

struct Tarjan<'a> {
    next: &'a BTreeMap<&'a ModPath, Vec<&'a ModPath>>,
    index: BTreeMap<&'a ModPath, usize>,
    low: BTreeMap<&'a ModPath, usize>,
    stack: Vec<&'a ModPath>,
    on_stack: BTreeSet<&'a ModPath>,
    components: Vec<Vec<&'a ModPath>>,
}

impl<'a> Tarjan<'a> {
    fn visit(&mut self, node: &'a ModPath) {
        let n = self.index.len();
        self.index.insert(node, n);
        self.low.insert(node, n);
        self.stack.push(node);
        self.on_stack.insert(node);
        let next = self.next;
        for &to in next.get(node).into_iter().flatten() {
            if !self.index.contains_key(to) {
                self.visit(to);
                let low = self.low[node].min(self.low[to]);
                self.low.insert(node, low);
            } else if self.on_stack.contains(to) {
                let low = self.low[node].min(self.index[to]);
                self.low.insert(node, low);
            }
        }
        if self.low[node] == self.index[node] {
            let mut component = Vec::new();
            while let Some(top) = self.stack.pop() {
                self.on_stack.remove(top);
                component.push(top);
                if top == node {
                    break;
                }
            }
            self.components.push(component);
        }
    }
}

/// `briefing::{checker, locate, report}`: the members under their common parent.
pub fn group_name(members: &[ModPath]) -> String {
    let common = (0..)
        .take_while(|&i| {
            members
                .iter()
                .all(|m| m.len() > i + 1 && m.get(i) == members[0].get(i))
        })
        .count();
    let rest: Vec<String> = members.iter().map(|m| m[common..].join("::")).collect();
    let prefix: String = members[0][..common]
        .iter()
        .map(|s| format!("{s}::"))
        .collect();
    format!("{prefix}{{{}}}", rest.join(", "))
}

/// The group's name, then every import edge inside it with its file and line.
pub fn describe(members: &[ModPath], edges: &[Edge]) -> String {
    let mut text = group_name(members);
    for e in edges
        .iter()
        .filter(|e| members.contains(&e.from) && members.contains(&e.to))
    {
        text += &format!(
            "\n    {} -> {}  ({}:{})",
            e.from.join("::"),
            e.to.join("::"),
            e.file.display(),
            e.line
        );
    }
    text
}
