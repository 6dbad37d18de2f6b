//! Byte searches that ask the CPU nothing. memchr's own functions first ask it whether it
//! has AVX2, one CPUID instruction after another, which a virtual machine answers slowly:
//! 44 µs, a hundredth of a start. SSE2, which every x86-64 CPU has, needs no asking, and
//! a briefing's strings are short.

#[cfg(not(target_arch = "x86_64"))]
use memchr::arch::all::memchr::{One, Two};
#[cfg(target_arch = "x86_64")]
use memchr::arch::x86_64::sse2::memchr::{One, Two};

/// Where `needle` first is in `haystack`.
pub fn find(needle: u8, haystack: &[u8]) -> Option<usize> {
    match one(needle) {
        Some(searcher) => searcher.find(haystack),
        None => memchr::memchr(needle, haystack),
    }
}

/// Where `needle` last is in `haystack`.
pub fn rfind(needle: u8, haystack: &[u8]) -> Option<usize> {
    match one(needle) {
        Some(searcher) => searcher.rfind(haystack),
        None => memchr::memrchr(needle, haystack),
    }
}

/// Where either needle first is in `haystack`.
pub fn find2(first: u8, second: u8, haystack: &[u8]) -> Option<usize> {
    match two(first, second) {
        Some(searcher) => searcher.find(haystack),
        None => memchr::memchr2(first, second, haystack),
    }
}

#[cfg(target_arch = "x86_64")]
fn one(needle: u8) -> Option<One> {
    One::new(needle)
}

#[cfg(not(target_arch = "x86_64"))]
fn one(needle: u8) -> Option<One> {
    Some(One::new(needle))
}

#[cfg(target_arch = "x86_64")]
fn two(first: u8, second: u8) -> Option<Two> {
    Two::new(first, second)
}

#[cfg(not(target_arch = "x86_64"))]
fn two(first: u8, second: u8) -> Option<Two> {
    Some(Two::new(first, second))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn searches_find_what_memchr_finds(
            haystack in proptest::collection::vec(prop_oneof![Just(b'"'), Just(b'\\'), Just(0xE2), any::<u8>()], 0..300),
            needle in any::<u8>(),
            other in any::<u8>(),
        ) {
            prop_assert_eq!(find(needle, &haystack), memchr::memchr(needle, &haystack));
            prop_assert_eq!(rfind(needle, &haystack), memchr::memrchr(needle, &haystack));
            prop_assert_eq!(
                find2(needle, other, &haystack),
                memchr::memchr2(needle, other, &haystack)
            );
        }
    }
}
