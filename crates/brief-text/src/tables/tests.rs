use std::fmt::Write;
use std::path::Path;

use unicode_bidi::bidi_class;

use crate::cell_text::{FORMS, LOW, width_entry};
use crate::fast::props::{BLOCKS, SHAPED_FROM, SHAPED_LEN, TABLE_LEN, table};
use crate::fast::props_source::{forms_of, pack, simple_props};
use crate::reorder::{CLASSES, TABLED};

const REGENERATE: &str = "BRIEF_BLESS=1 cargo test -p brief-text tables";

/// `data.rs` as the sources make it today.
fn render() -> String {
    let props: Vec<u32> = BLOCKS
        .iter()
        .flat_map(|&(start, end, _)| start..end)
        .map(|u| u32::from(pack(char::from_u32(u).and_then(simple_props))))
        .collect();
    assert_eq!(props.len(), TABLE_LEN);
    let shapes: Vec<u32> = (SHAPED_FROM..SHAPED_FROM + SHAPED_LEN as u32)
        .flat_map(|u| forms_of(char::from_u32(u).unwrap_or(' ')))
        .map(u32::from)
        .collect();
    let classes: Vec<u32> = (0..TABLED as u32)
        .map(|u| {
            let class = char::from_u32(u).map_or(unicode_bidi::BidiClass::L, bidi_class);
            CLASSES
                .iter()
                .position(|&c| c == class)
                .map_or(u32::MAX, |i| i as u32)
        })
        .collect();
    let widths: Vec<u32> = (0..LOW)
        .chain(FORMS)
        .map(|u| u32::from(width_entry(u)))
        .collect();
    let mut out = String::from(
        "//! Made by `tables::tests::tables_are_current` from unicode-bidi, unicode-width and\n\
         //! ICU; do not edit. To make it again after a crate update:\n",
    );
    let _ = writeln!(out, "//! `{REGENERATE}`.\n");
    array(
        &mut out,
        "`fast::props_source::pack` of each code point of `fast::props::BLOCKS`.",
        "PROPS",
        "u16",
        &props,
        1,
    );
    array(
        &mut out,
        "The isolated, final, initial and medial forms of U+0600..U+08FF.",
        "SHAPES",
        "[u16; 4]",
        &shapes,
        4,
    );
    array(
        &mut out,
        "Bidi_Class of U+0000..U+07FF, as indices into `reorder::CLASSES`.",
        "BIDI_CLASSES",
        "u8",
        &classes,
        1,
    );
    array(
        &mut out,
        "`cell_text::width_entry` of U+0000..U+07FF, then of U+FB50..U+FEFF.",
        "WIDTHS",
        "u8",
        &widths,
        1,
    );
    // As rustfmt leaves it: one line break at the end.
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A `const` array of `values`, `group` to an element, hexadecimal, 12 elements a line.
fn array(out: &mut String, doc: &str, name: &str, element: &str, values: &[u32], group: usize) {
    let _ = writeln!(out, "/// {doc}");
    let _ = writeln!(out, "#[rustfmt::skip]");
    let len = values.len() / group;
    let _ = writeln!(out, "pub(crate) const {name}: [{element}; {len:#X}] = [");
    let per_line = if group == 1 { 12 } else { 3 };
    for line in values.chunks(group * per_line) {
        let items: Vec<String> = line
            .chunks(group)
            .map(|g| {
                let hex: Vec<String> = g.iter().map(|v| format!("{v:#X}")).collect();
                if group == 1 {
                    hex.join("")
                } else {
                    format!("[{}]", hex.join(", "))
                }
            })
            .collect();
        let _ = writeln!(out, "    {},", items.join(", "));
    }
    let _ = writeln!(out, "];\n");
}

#[test]
fn tables_are_current() {
    let expected = render();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tables/data.rs");
    if std::env::var_os("BRIEF_BLESS").is_some() {
        assert!(std::env::var_os("CI").is_none(), "BRIEF_BLESS under CI");
        if let Err(error) = std::fs::write(&path, &expected) {
            panic!("cannot write {}: {error}", path.display());
        }
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == expected,
        "src/tables/data.rs is stale: `{REGENERATE}`"
    );
}

/// What the compiled tables answer, against the sources themselves: what the file's
/// text cannot show (the packing's round trip, the order of the blocks).
#[test]
fn compiled_tables_answer_as_the_sources() {
    let chars = BLOCKS.iter().flat_map(|&(start, end, _)| start..end);
    for (u, entry) in chars.zip(table()) {
        let c = char::from_u32(u).unwrap_or('\u{FFFD}');
        assert_eq!(*entry, simple_props(c), "props of U+{u:04X}");
    }
    for u in SHAPED_FROM..SHAPED_FROM + SHAPED_LEN as u32 {
        let c = char::from_u32(u).unwrap_or(' ');
        let forms = forms_of(c);
        for (k, (prev, next)) in [(false, false), (true, false), (false, true), (true, true)]
            .into_iter()
            .enumerate()
        {
            assert_eq!(
                crate::fast::props::shaped(c, prev, next),
                forms[k],
                "U+{u:04X} form {k}"
            );
        }
    }
    for u in 0..0x0900u32 {
        let c = char::from_u32(u).unwrap_or(' ');
        use unicode_bidi::BidiDataSource;
        assert_eq!(
            crate::reorder::BidiData.bidi_class(c),
            bidi_class(c),
            "U+{u:04X}"
        );
    }
}
