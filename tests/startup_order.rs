//! The reader's binary is linked with the functions its start runs first (build.rs, from
//! `benches/startup/order.txt`, in a release build): the file still names functions the
//! binary has, and its code begins with them. The file lists the functions of two builds,
//! `cargo build`'s and `cargo test`'s (whose dev-dependencies turn on other features of
//! shared crates, and so change most symbols' hashes): a binary finds 55–65% of it when
//! it is made, and this asks for 40%. When the file has gone stale (functions renamed,
//! the compiler or the crates changed how symbols are named), this says to make it again.

use std::collections::HashSet;
use std::process::Command;

const ORDER: &str = include_str!("../benches/startup/order.txt");
const REMAKE: &str = "make it again: python3 benches/startup/make_order.py (BENCHMARKS.md, \
                      \"The start's code in one place\")";

/// The binary's functions in the order of their addresses.
fn functions_in_order() -> Vec<String> {
    let brief = env!("CARGO_BIN_EXE_brief");
    let listed = Command::new("nm").arg("-n").arg(brief).output();
    let listed = listed.unwrap_or_else(|e| panic!("nm {brief}: {e} (binutils)"));
    assert!(listed.status.success(), "nm {brief}: {:?}", listed.status);
    String::from_utf8_lossy(&listed.stdout)
        .lines()
        .filter_map(
            |line| match line.split_whitespace().collect::<Vec<_>>()[..] {
                [_, "t" | "T", name] => Some(name.to_owned()),
                _ => None,
            },
        )
        .collect()
}

#[test]
fn the_starts_functions_lead_the_code() {
    let ordered = env!("BRIEF_CODE_ORDERED");
    let unordered = ordered == "no: a debug build";
    if ordered != "yes" && !unordered {
        let why = format!("SKIPPED: the reader was linked without its start's order ({ordered})");
        eprintln!("{why}");
        assert!(std::env::var_os("CI").is_none(), "{why}, under CI");
        return;
    }
    let wanted: HashSet<&str> = ORDER.lines().collect();
    let functions = functions_in_order();
    let present: HashSet<&str> = functions.iter().map(String::as_str).collect();
    let first = &functions[..200.min(functions.len())];
    let leading = first
        .iter()
        .filter(|name| wanted.contains(name.as_str()))
        .count();
    if unordered {
        // Only a release build is ordered (`cargo test --release` checks it): a debug
        // build's code keeps the compiler's order.
        assert!(leading * 2 < first.len(), "a debug build was ordered");
        return;
    }
    let found = wanted.iter().filter(|name| present.contains(*name)).count();
    assert!(
        found * 5 >= wanted.len() * 2,
        "only {found} of the {} functions in order.txt are in the binary: {REMAKE}",
        wanted.len()
    );
    assert!(
        leading * 10 >= first.len() * 9,
        "{leading} of the code's first {} functions are the start's: the order was not applied",
        first.len()
    );
}
