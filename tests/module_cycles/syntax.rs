//! What `syn` does not say directly: which items are test-only, an item's name and
//! attributes, and the paths inside a macro's tokens.

use proc_macro2::{Spacing, TokenStream, TokenTree};
use syn::{Attribute, Item, Meta};

use super::scan::Ref;

/// Modules named `tests`/`tests_*` hold tests whatever their attributes say.
pub fn is_test_name(name: &str) -> bool {
    name == "tests" || name.starts_with("tests_")
}

/// `#[cfg(test)]` or `#[cfg(all(test, …))]`: compiled only for tests.
pub fn is_test_only(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| {
        let Meta::List(list) = &attr.meta else {
            return false;
        };
        if !attr.path().is_ident("cfg") {
            return false;
        }
        let mut tokens = list.tokens.clone().into_iter();
        match tokens.next() {
            Some(TokenTree::Ident(i)) if i == "test" => tokens.next().is_none(),
            Some(TokenTree::Ident(i)) if i == "all" => match tokens.next() {
                Some(TokenTree::Group(g)) => g
                    .stream()
                    .into_iter()
                    .any(|t| matches!(t, TokenTree::Ident(i) if i == "test")),
                _ => false,
            },
            _ => false,
        }
    })
}

pub fn item_attrs(item: &Item) -> &[Attribute] {
    match item {
        Item::Const(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::ExternCrate(i) => &i.attrs,
        Item::Fn(i) => &i.attrs,
        Item::ForeignMod(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Macro(i) => &i.attrs,
        Item::Mod(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::TraitAlias(i) => &i.attrs,
        Item::Type(i) => &i.attrs,
        Item::Union(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

pub fn item_name(item: &Item) -> Option<String> {
    let ident = match item {
        Item::Const(i) => &i.ident,
        Item::Enum(i) => &i.ident,
        Item::Fn(i) => &i.sig.ident,
        Item::Static(i) => &i.ident,
        Item::Struct(i) => &i.ident,
        Item::Trait(i) => &i.ident,
        Item::TraitAlias(i) => &i.ident,
        Item::Type(i) => &i.ident,
        Item::Union(i) => &i.ident,
        Item::Macro(i) => i.ident.as_ref()?,
        _ => return None,
    };
    Some(ident.to_string())
}

/// Finds `a::b::c` runs in a macro's tokens (strings and comments are already gone).
pub fn macro_paths(tokens: TokenStream, refs: &mut Vec<Ref>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut run = Ref {
        segments: Vec::new(),
        line: 0,
    };
    let mut after_colons = false;
    let mut i = 0;
    while i < tokens.len() {
        let mut keep = false;
        match &tokens[i] {
            TokenTree::Ident(ident) => {
                if !after_colons {
                    flush(&mut run, refs);
                    run.line = ident.span().start().line;
                }
                run.segments.push(ident.to_string());
                keep = true;
                after_colons = false;
            }
            TokenTree::Punct(p) if p.as_char() == ':' && p.spacing() == Spacing::Joint => {
                let pair =
                    matches!(tokens.get(i + 1), Some(TokenTree::Punct(q)) if q.as_char() == ':');
                if pair && !run.segments.is_empty() && !after_colons {
                    after_colons = true;
                    keep = true;
                    i += 1;
                }
            }
            TokenTree::Group(g) => {
                flush(&mut run, refs);
                macro_paths(g.stream(), refs);
            }
            _ => {}
        }
        if !keep {
            flush(&mut run, refs);
            after_colons = false;
        }
        i += 1;
    }
    flush(&mut run, refs);
}

fn flush(run: &mut Ref, refs: &mut Vec<Ref>) {
    let segments = std::mem::take(&mut run.segments);
    if segments.len() >= 2 {
        refs.push(Ref {
            segments,
            line: run.line,
        });
    }
}
