//! The detector on small trees written here, with the expected reports written by hand.

use std::path::PathBuf;

use super::{find_cycles, flat_modules_with_children};

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("directories");
        std::fs::write(path, text).expect("a source file");
    }
    dir
}

fn cycles(files: &[(&str, &str)]) -> Vec<String> {
    find_cycles(tree(files).path()).expect("the tree parses")
}

#[test]
fn two_modules_importing_each_other_are_a_cycle() {
    let found = cycles(&[
        ("src/lib.rs", "mod a;\nmod b;\n"),
        ("src/a.rs", "use crate::b::B;\npub struct A;\n"),
        (
            "src/b.rs",
            "pub struct B;\n\npub fn f() -> u8 {\n    crate::a::g()\n}\n",
        ),
    ]);
    let expected = "src/lib.rs: {a, b}\n    a -> b  (src/a.rs:1)\n    b -> a  (src/b.rs:4)";
    assert_eq!(found, [expected]);
}

#[test]
fn three_modules_in_a_loop_through_grouped_use_trees_and_super() {
    let found = cycles(&[
        ("src/lib.rs", "pub mod m;\n"),
        ("src/m/mod.rs", "mod w;\nmod x;\nmod y;\nmod z;\n"),
        ("src/m/w.rs", "use super::x::X;\n"),
        (
            "src/m/x.rs",
            "use super::{y::{self, Y}, z as _};\npub struct X;\n",
        ),
        (
            "src/m/y.rs",
            "pub struct Y;\nfn f() {\n    let _ = super::z::Z;\n}\n",
        ),
        (
            "src/m/z.rs",
            "pub struct Z;\nfn f() -> String {\n    format!(\"{}\", crate::m::x::name())\n}\n",
        ),
    ]);
    let expected = "src/lib.rs: m::{x, y, z}\n    m::x -> m::y  (src/m/x.rs:1)\n    m::x -> m::z  (src/m/x.rs:1)\n    \
                    m::y -> m::z  (src/m/y.rs:3)\n    m::z -> m::x  (src/m/z.rs:3)";
    assert_eq!(found, [expected]);
}

#[test]
fn a_name_a_parent_re_exports_imports_the_module_that_defines_it() {
    let found = cycles(&[
        ("src/lib.rs", "mod ui;\n"),
        (
            "src/ui/mod.rs",
            "mod action;\nmod app;\npub use action::Action;\n",
        ),
        (
            "src/ui/action.rs",
            "use super::app::App;\npub enum Action { Quit }\n",
        ),
        (
            "src/ui/app.rs",
            "pub struct App;\nfn f() {\n    let _ = super::Action::Quit;\n}\n",
        ),
    ]);
    let expected = "src/lib.rs: ui::{action, app}\n    ui::action -> ui::app  (src/ui/action.rs:1)\n    \
         ui::app -> ui::action  (src/ui/app.rs:3)";
    assert_eq!(found, [expected]);
}

#[test]
fn a_name_the_parent_defines_is_no_cycle() {
    let found = cycles(&[
        ("src/lib.rs", "mod ui;\n"),
        (
            "src/ui/mod.rs",
            "mod action;\nmod app;\npub enum Action { Quit }\n",
        ),
        ("src/ui/action.rs", "use super::app::App;\n"),
        ("src/ui/app.rs", "use super::Action;\npub struct App;\n"),
    ]);
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn an_acyclic_tree_with_tests_comments_and_strings_pointing_back_has_no_cycle() {
    let found = cycles(&[
        (
            "src/lib.rs",
            "pub mod a;\npub mod b;\nmod tests_x;\nmod tests_y;\n",
        ),
        ("src/main.rs", "mod cli;\nfn main() {}\n"),
        ("src/cli.rs", "use brief::a::A;\n"),
        ("src/b.rs", "use crate::a::{A, I};\npub fn f() {}\n"),
        (
            "src/a.rs",
            "mod inner;\npub struct A;\npub use inner::I;\n// crate::b::f() is gone\n\
             const S: &str = \"crate::b::f\";\nconst R: &str = r#\"super::b::f\"#;\n\
             #[cfg(test)]\nfn t() { super::b::f(); }\n#[cfg(test)]\nmod t { use crate::b::*; }\n",
        ),
        ("src/a/inner.rs", "use super::A;\npub struct I;\n"),
        ("src/b_more.rs", "this file is in no module tree {"),
        ("src/tests_x.rs", "use crate::tests_y::Y;\npub struct X;\n"),
        ("src/tests_y.rs", "use crate::tests_x::X;\npub struct Y;\n"),
        ("crates/engine/src/lib.rs", "mod p;\nmod q;\n"),
        (
            "crates/engine/src/p.rs",
            "use crate::q::Q;\npub struct P;\n",
        ),
        (
            "crates/engine/src/q.rs",
            "pub struct Q;\n#[cfg(all(test, unix))]\nuse crate::p::P;\n",
        ),
    ]);
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn a_cycle_in_a_workspace_member_names_that_crate() {
    let found = cycles(&[
        ("src/lib.rs", "pub mod a;\n"),
        ("src/a.rs", "pub struct A;\n"),
        ("crates/engine/src/lib.rs", "mod p;\nmod q;\n"),
        (
            "crates/engine/src/p.rs",
            "use crate::q::Q;\npub struct P;\n",
        ),
        ("crates/engine/src/q.rs", "pub struct Q(crate::p::P);\n"),
    ]);
    let expected = "crates/engine/src/lib.rs: {p, q}\n    p -> q  (crates/engine/src/p.rs:1)\n    \
                    q -> p  (crates/engine/src/q.rs:1)";
    assert_eq!(found, [expected]);
}

#[test]
fn a_module_file_beside_its_children_directory_is_reported() {
    let dir = tree(&[
        ("src/lib.rs", "mod ui;\n"),
        ("src/ui/mod.rs", "mod content;\nmod library;\n"),
        ("src/ui/content.rs", "mod tests;\n"),
        ("src/ui/content/tests.rs", ""),
        ("src/ui/library/mod.rs", "mod filter;\n"),
        ("src/ui/library/filter.rs", ""),
        ("tests/support/mod.rs", "mod pty;\n"),
        ("tests/support/pty.rs", "mod launch;\n"),
        ("tests/support/pty/launch.rs", ""),
        ("crates/engine/src/lib.rs", ""),
        ("crates/engine/tests/help/mod.rs", ""),
        ("crates/engine/benches/data.rs", ""),
        ("crates/engine/benches/data/make.rs", ""),
    ]);
    let flat = flat_modules_with_children(dir.path());
    let expected = [
        "crates/engine/benches/data.rs",
        "src/ui/content.rs",
        "tests/support/pty.rs",
    ];
    assert_eq!(flat, expected.map(PathBuf::from));
}
