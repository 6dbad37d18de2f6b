#!/usr/bin/env bash
# Benchmark smoke: builds every benchmark and runs each once, with few iterations, so that
# they do not rot. Timing decides nothing here: this fails only when a benchmark does not
# build or its harness breaks (e.g. brief stops ending its frames with ESC[?2026l).
# The real figures: `cargo bench` (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
# divan micro-benchmarks of the pure parts: one sample of one iteration each.
cargo bench --locked --bench layout --bench loader --bench library --bench search -- --sample-count 1 --sample-size 1
# The terminal harness: every figure once, 1,000-briefing archive, 20 keys, 2 s idle.
cargo bench --locked --bench terminal -- --quick
# The index: 200 generated briefings, each figure once.
BRIEF_BENCH_INDEX_FILES=200 cargo bench --locked --bench index -- --sample-count 1 --sample-size 1
# The reader on an indexed archive: 200 generated briefings, ten searches typed.
cargo bench --locked --bench archive -- --quick
