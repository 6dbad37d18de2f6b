//! Each injection file of the corpus opened: every field shown with visible symbols for
//! its controls, nothing from it reaching the terminal, on the briefing, on every pane and
//! in the library.

use crate::support_hostile::{
    Allow, Pty, REPLACEMENT_STAND_IN, TIMEOUT, assert_layout_holds, expected_symbols,
};
use crate::{assert_no_controls_on_screen, assert_raw_clean, corpus, open};

/// Every field of the injection files carries a marker pair (`HL1 … HL2` for the headline);
/// these are the fields the reader shows on its briefing screen.
const SHOWN_MARKERS: &[&str] = &[
    "HL", // headline
    "CL", // classification banner
    "LO", // location
    "SN", // source name
    "TA", "TB", // tags
    "SU", // summary
    "BP", "BH", "BL", "BI", "BJ", // paragraph, heading, lead, bullets
    "PT", // key point
    "QT", "QC", // quotation and its context
    "AN", // actor name (also the quote's speaker)
    "AR", "AO", "AC", // role, organization, country
];

fn injection(file: &str) {
    let path = corpus(file);
    let raw_json = std::fs::read_to_string(&path).expect("read corpus file");
    let mut pty = open(&path);
    let screen = pty.show(
        "HL2",
        &format!("{file}: the briefing never showed its headline"),
    );
    assert_every_field_shown(&pty, file, &screen, &raw_json);
    pty.with_screen(|s| {
        assert!(
            s.alternate_screen(),
            "{file}: the alternate screen was left"
        );
        assert_layout_holds(s, file);
    });
    assert_no_controls_on_screen(&pty, file);
    assert_raw_clean(&pty, file, Allow::default());
    through_the_panes_to_the_library(&mut pty, file);
    assert_quits_clean(pty, file);
}

/// Every marker of the fields the briefing screen shows, and every visible symbol the
/// file's controls must become, is on `screen`.
fn assert_every_field_shown(pty: &Pty, file: &str, screen: &str, raw_json: &str) {
    let missing: Vec<String> = SHOWN_MARKERS
        .iter()
        .flat_map(|m| [format!("{m}1"), format!("{m}2")])
        .filter(|m| !screen.contains(m.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{file}: fields not shown (their text was lost with the controls, or a control moved it): {missing:?}\n--- screen ---\n{screen}"
    );
    let raw_text = String::from_utf8_lossy(&pty.raw()).into_owned();
    for symbol in expected_symbols(raw_json) {
        // C1 controls are shown as U+FFFD, which the parser sees as its stand-in; the
        // bytes written must hold the real one, once for each of the 32 controls.
        let shown = if symbol == '\u{fffd}' {
            raw_text.matches(symbol).count() >= 32 && screen.contains(REPLACEMENT_STAND_IN)
        } else {
            screen.contains(symbol)
        };
        assert!(
            shown,
            "{file}: visible symbol U+{:04X} missing\n--- screen ---\n{screen}",
            symbol as u32
        );
    }
}

/// Moving through every pane redraws every field, and Esc shows the library holding the
/// briefing (its row shows the hostile headline): still nothing leaks.
fn through_the_panes_to_the_library(pty: &mut Pty, file: &str) {
    for key in ["\t", "\t", "\t", "\t", "j", "G", "\t", "g"] {
        pty.type_keys(key.as_bytes());
    }
    pty.settle();
    assert_raw_clean(
        pty,
        &format!("{file} after moving through the panes"),
        Allow::default(),
    );
    pty.type_keys(b"\x1b");
    assert!(
        pty.wait_until(TIMEOUT, |s| s.contents().contains("Library")),
        "{file}: Esc did not show the library\n{}",
        pty.contents()
    );
    pty.settle();
    pty.with_screen(|s| assert_layout_holds(s, &format!("{file} in the library")));
    assert_no_controls_on_screen(pty, file);
    assert_raw_clean(pty, &format!("{file} in the library"), Allow::default());
}

/// `q` ends brief with status 0, the terminal restored and the whole run clean.
fn assert_quits_clean(mut pty: Pty, file: &str) {
    let status = pty.quit();
    assert!(status.success(), "{file}: exit status {status:?}");
    assert!(pty.wait_eof(TIMEOUT), "{file}: output never ended");
    assert_raw_clean(&pty, &format!("{file} whole run"), Allow::WHOLE_RUN);
    pty.with_screen(|s| {
        assert!(
            !s.alternate_screen(),
            "{file}: alternate screen not left at exit"
        );
        assert!(!s.hide_cursor(), "{file}: cursor left hidden at exit");
    });
}

macro_rules! injection_tests {
    ($($name:ident => $file:literal),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                injection($file);
            }
        )*
    };
}

injection_tests! {
    escape_and_csi_in_every_field => "esc-csi.json",
    osc_window_title_in_every_field => "osc-title.json",
    osc52_clipboard_in_every_field => "osc-clipboard.json",
    osc8_hyperlink_in_every_field => "osc-hyperlink.json",
    dcs_apc_pm_sos_in_every_field => "dcs-apc.json",
    c1_controls_json_escaped_in_every_field => "c1-escaped.json",
    c1_controls_raw_utf8_in_every_field => "c1-raw.json",
    every_c0_control_and_del_in_every_field => "c0-del.json",
    carriage_return_and_backspace_overstrike => "overstrike.json",
}

/// The source URL is shown when the source has no name: a URL full of escapes.
#[test]
fn escapes_in_a_source_url() {
    let path = corpus("source-url.json");
    let mut pty = open(&path);
    let screen = pty.show("HL2", "source-url.json: the briefing never showed");
    assert!(
        screen.contains("UR1") && screen.contains('\u{241b}'),
        "the URL is not shown with visible symbols\n{screen}"
    );
    assert_no_controls_on_screen(&pty, "source-url.json");
    assert_raw_clean(&pty, "source-url.json", Allow::default());
    pty.with_screen(|s| assert_layout_holds(s, "source-url.json"));
    assert!(pty.quit().success());
}
