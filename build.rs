//! Links the reader's binary with the functions its start runs placed together at the
//! start of its code (`benches/startup/order.txt`, written by `make_order.py` there): a
//! start then faults in a few 64 KB windows of code rather than one for each function,
//! scattered over 6 MB (BENCHMARKS.md, "The start's code in one place").
//!
//! Only in a release build, and where the linker is known to be lld, which takes
//! `--symbol-ordering-file`: Rust's own on x86-64 Linux (from Rust 1.90), unless a linker
//! was chosen. Elsewhere the binary is the same but for the order of its code.

use std::path::Path;

const ORDER: &str = "benches/startup/order.txt";

fn main() {
    println!("cargo::rerun-if-changed={ORDER}");
    println!("cargo::rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    let ordered = match order_the_code() {
        Ok(()) => "yes".to_owned(),
        Err(why) => format!("no: {why}"),
    };
    // For tests/startup_order.rs, which checks the order where it was asked for.
    println!("cargo::rustc-env=BRIEF_CODE_ORDERED={ordered}");
}

/// Asks the linker to place the start's functions first in a release build; why not, if
/// it did not.
fn order_the_code() -> Result<(), &'static str> {
    let var = |name| std::env::var(name).unwrap_or_default();
    if var("PROFILE") != "release" {
        return Err("a debug build");
    }
    if var("TARGET") != "x86_64-unknown-linux-gnu" {
        return Err("another target than x86-64 Linux");
    }
    let flags = var("CARGO_ENCODED_RUSTFLAGS");
    let chosen = flags.contains("linker")
        || flags.contains("fuse-ld")
        || std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some();
    if chosen {
        return Err("a linker of your choosing");
    }
    let order = Path::new(&var("CARGO_MANIFEST_DIR")).join(ORDER);
    if !order.is_file() {
        return Err("no order file");
    }
    println!(
        "cargo::rustc-link-arg-bin=brief=-Wl,--symbol-ordering-file={}",
        order.display()
    );
    // Functions renamed or gone since the file was made are left where they are.
    println!("cargo::rustc-link-arg-bin=brief=-Wl,--no-warn-symbol-ordering");
    Ok(())
}
