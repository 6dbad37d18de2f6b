//! FriBidi's shaped output mapped back to letters, to compare it with the engine's
//! unshaped output.

use std::collections::HashMap;

use unicode_bidi::{BidiClass, bidi_class};

/// Presentation form -> the letters it stands for, from UnicodeData.txt's
/// <isolated>/<initial>/<medial>/<final> decompositions (an independent source).
pub fn unshape_map(data: &str) -> HashMap<char, Vec<char>> {
    let hex = |h: &str| u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
    let mut map = HashMap::new();
    for line in data.lines() {
        let f: Vec<&str> = line.split(';').collect();
        let Some(decomposition) = f.get(5) else {
            continue;
        };
        let mut parts = decomposition.split_whitespace();
        if !matches!(
            parts.next(),
            Some("<isolated>" | "<initial>" | "<medial>" | "<final>")
        ) {
            continue;
        }
        let letters: Option<Vec<char>> = parts.map(hex).collect();
        if let (Some(form), Some(letters)) = (hex(f[0]), letters) {
            map.insert(form, letters);
        }
    }
    assert!(
        map.len() > 500,
        "UnicodeData.txt has too few presentation forms"
    );
    map
}

/// In visual order a two-letter ligature (lam-alef) stands for its letters reversed:
/// FriBidi only forms it at right-to-left levels. Marks after the ligature cell belong to
/// its alef, so they go right after the alef.
pub fn unshape_visual(map: &HashMap<char, Vec<char>>, s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match map.get(&c).map(Vec::as_slice) {
            Some([lam, alef]) => {
                out.push(*alef);
                while let Some(m) = chars.next_if(|&m| bidi_class(m) == BidiClass::NSM) {
                    out.push(m);
                }
                out.push(*lam);
            }
            Some(letters) => out.extend(letters),
            None => out.push(c),
        }
    }
    out
}
