//! Test hooks, not for users: a variable naming a FIFO holds brief at one point of its run
//! until an end-to-end test opens the FIFO for writing and closes it again, so the test
//! decides the order of events that a machine's speed would otherwise decide.

/// Blocks until the FIFO that `variable` names (if it names one) is opened for writing and
/// closed; what is written is read into a sink, so a large file named there costs no
/// memory.
pub fn pass(variable: &str) {
    if let Some(gate) = std::env::var_os(variable)
        && let Ok(mut gate) = std::fs::File::open(gate)
    {
        let _ = std::io::copy(&mut gate, &mut std::io::sink());
    }
}
