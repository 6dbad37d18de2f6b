//! Reading GNU gettext .mo catalogues: the translators' lines FriBidi is compared on.

/// The translated strings of a GNU gettext .mo catalogue; plural forms split apart.
pub fn mo_messages(bytes: &[u8]) -> Result<Vec<String>, String> {
    let word = |at: usize, little: bool| -> Result<usize, String> {
        let b: [u8; 4] = bytes
            .get(at..at + 4)
            .and_then(|s| s.try_into().ok())
            .ok_or(format!("truncated at {at}"))?;
        Ok(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        } as usize)
    };
    let little = match word(0, true)? {
        0x9504_12de => true,
        0xde12_0495 => false,
        m => return Err(format!("bad magic {m:x}")),
    };
    let (count, originals, translations) = (word(8, little)?, word(12, little)?, word(16, little)?);
    let mut messages = Vec::new();
    for i in 0..count {
        // The entry with an empty msgid is the catalogue's header, not a message.
        if word(originals + 8 * i, little)? == 0 {
            continue;
        }
        let (len, at) = (
            word(translations + 8 * i, little)?,
            word(translations + 8 * i + 4, little)?,
        );
        let raw = bytes
            .get(at..at + len)
            .ok_or(format!("string {i} out of bounds"))?;
        let text = String::from_utf8_lossy(raw);
        messages.extend(
            text.split('\0')
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
    }
    Ok(messages)
}

#[test]
fn mo_parser_reads_a_handmade_catalogue() {
    // Header entry "" -> "h", then "a" -> "x\0y" (two plural forms).
    let strings: [&[u8]; 4] = [b"", b"a", b"h", b"x\0y"];
    let mut mo = Vec::new();
    for w in [0x9504_12de_u32, 0, 2, 28, 44, 0, 0] {
        mo.extend(w.to_le_bytes());
    }
    let mut at = 60;
    for (i, s) in strings.iter().enumerate() {
        if i == 2 {
            assert_eq!(mo.len(), 44);
        }
        mo.extend((s.len() as u32).to_le_bytes());
        mo.extend((at as u32).to_le_bytes());
        at += s.len() + 1;
    }
    for s in strings {
        mo.extend(s);
        mo.push(0);
    }
    assert_eq!(mo_messages(&mo), Ok(vec!["x".to_string(), "y".to_string()]));
    assert!(mo_messages(b"nonsense").is_err());
}
