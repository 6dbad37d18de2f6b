//! What the engine's integration tests share: reading the oracles they compare with.

#[path = "../../src/oracle.rs"]
mod oracle;

#[allow(
    unused_imports,
    reason = "each test binary uses its own part of the support"
)]
pub use oracle::{missing, unicode_file};
