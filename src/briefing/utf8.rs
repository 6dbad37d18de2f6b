//! Checking that a file's bytes are UTF-8. SIMD's check is several times std's on Arabic
//! (whose letters take two bytes each), but its first use asks the CPU for its features,
//! one CPUID instruction after another, which a virtual machine answers slowly: 40–60 µs,
//! more than std takes for a briefing of 10 KB. So the first bytes a process checks go to
//! std, and SIMD takes over once a process reads enough for its question to pay.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes std checks in a process before SIMD takes over: a few briefings, or the head of
/// a long one.
const STD_FIRST: usize = 256 * 1024;

static CHECKED_BY_STD: AtomicUsize = AtomicUsize::new(0);

/// The bytes as text, or std's account of where they stop being UTF-8.
pub fn check(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    let before = CHECKED_BY_STD.fetch_add(bytes.len(), Ordering::Relaxed);
    if before.saturating_add(bytes.len()) <= STD_FIRST {
        return std::str::from_utf8(bytes);
    }
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_checks_agree_on_what_is_text_and_where_it_stops() {
        let arabic = "التقى الوزير بالمفوضة السامية ".repeat(2000);
        let at = arabic.chars().take(500).map(char::len_utf8).sum::<usize>();
        let mut broken = arabic.clone().into_bytes();
        broken.insert(at, 0xFF);
        // Past the first bytes std checks, and within them: the answers are the same.
        for _ in 0..2 {
            assert_eq!(check(arabic.as_bytes()), Ok(arabic.as_str()));
            let error = check(&broken).err().map(|e| e.valid_up_to());
            assert_eq!(error, Some(at));
        }
        assert!(CHECKED_BY_STD.load(Ordering::Relaxed) > STD_FIRST);
    }
}
