//! Language tags whose script is written right to left.

/// Whether text in the language `tag` names (BCP 47: `ar`, `fa-IR`, `ku-Arab`) is written
/// right to left.
pub fn is_rtl_language(tag: &str) -> bool {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase();
    let rtl_script = tag.split(['-', '_']).any(|sub| {
        ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"]
            .contains(&sub.to_ascii_lowercase().as_str())
    });
    rtl_script
        || [
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi", "syr",
        ]
        .contains(&primary.as_str())
}
