//! Arabic and Hebrew text: shaping, numbers, mirrored brackets, embedded Latin.

use super::*;

#[test]
fn lam_alef_and_the_reversed_article() {
    // Reversed "ال" is "لا", which unicode-width counts as one cell: it is two.
    let lines = layout("ال", &options(10, BaseDirection::Auto, false));
    assert_eq!(lines[0].to_plain(), "لا");
    assert_eq!(lines[0].width, 2);
    assert_eq!(lines[0].pad_left(10), 8);
    assert_eq!(unshaped("لا"), "ال");
    // Shaped, lam-alef is one cell standing for both letters.
    let lines = layout("لا", &options(10, BaseDirection::Auto, true));
    assert_eq!(lines[0].to_plain(), "\u{FEFB}");
    assert_eq!(
        (lines[0].width, lines[0].glyph(0).map(|g| g.source)),
        (1, Some(0..4))
    );
    assert_eq!(shaped("ال"), "\u{FEDD}\u{FE8D}");
}

#[test]
fn digits_and_the_arabic_comma() {
    assert_eq!(unshaped("عدد 123، و 45"), "45 و ،123 ددع");
    assert_eq!(shaped("عدد 123، و 45"), "45 ﻭ ،123 ﺩﺪﻋ");
    // Arabic-Indic digits are numbers too: they keep their order.
    assert_eq!(unshaped("العدد ١٢٣"), "١٢٣ ددعلا");
}

#[test]
fn brackets_and_guillemets_are_mirrored_in_arabic() {
    assert_eq!(unshaped("قال (مرحبا) «نص» ≤ 5"), "5 ≥ «صن» (ابحرم) لاق");
    assert_eq!(shaped("(أ) [ب] {ج} <د>"), "<ﺩ> {ﺝ} [ﺏ] (ﺃ)");
    // Not mirrored in logical mode: the terminal does that itself.
    let logical = LayoutOptions {
        mode: BidiMode::Logical,
        ..options(usize::MAX, BaseDirection::Auto, false)
    };
    assert_eq!(plain("قال (مرحبا)", &logical), ["قال (مرحبا)"]);
}

#[test]
fn a_latin_word_starting_a_line_of_an_rtl_paragraph() {
    let lines = layout("Linux هو نواة", &options(100, BaseDirection::Rtl, false));
    assert_eq!(lines[0].to_plain(), "ةاون وه Linux");
    assert!(lines[0].rtl);
    // Auto: the first strong character is Latin, so the paragraph is LTR.
    assert_eq!(unshaped("Linux هو نواة"), "Linux ةاون وه");
    // Wrapped: the second line starts with a Latin word, yet stays in the RTL paragraph.
    let text = "نظام التشغيل Linux 6.1 مستقر";
    let lines = layout(text, &options(14, BaseDirection::Auto, false));
    let got: Vec<(String, bool)> = lines.iter().map(|l| (l.to_plain(), l.rtl)).collect();
    let want = [("ليغشتلا ماظن", true), ("Linux 6.1", true), ("رقتسم", true)];
    assert_eq!(got, want.map(|(s, r)| (s.to_string(), r)));
    assert_eq!(lines[1].pad_left(14), 5);
}

#[test]
fn a_url_in_arabic_text_stays_whole_and_in_order() {
    assert_eq!(
        unshaped("زوروا https://example.com/a?b=1 الآن"),
        "نآلا https://example.com/a?b=1 اوروز"
    );
    assert_eq!(
        shaped("زوروا https://example.com/a?b=1 الآن"),
        "ﻥﻵﺍ https://example.com/a?b=1 ﺍﻭﺭﻭﺯ"
    );
}

#[test]
fn percentages_and_dates() {
    assert_eq!(unshaped("نسبة 50% في 2024/11/29"), "2024/11/29 يف %50 ةبسن");
    assert_eq!(
        shaped("بلغت النسبة \u{200E}-12.5%\u{200E} يوم 29-11-2026"),
        "2026-11-29 ﻡﻮﻳ -12.5% ﺔﺒﺴﻨﻟﺍ ﺖﻐﻠﺑ"
    );
}

#[test]
fn harakat_stay_after_their_letter() {
    assert_eq!(unshaped("بَيتٌ"), "تٌيبَ");
    assert_eq!(shaped("بَيتٌ"), "\u{FE96}\u{064C}\u{FEF4}\u{FE91}\u{064E}");
}
