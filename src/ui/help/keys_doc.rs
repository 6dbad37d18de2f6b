//! docs/KEYS.md, written from the same key table and action descriptions as the help
//! screen, so that the document cannot drift from what the keys do.

use crate::ui::action::Action;
use crate::ui::keys::{KeyBinding, KeyTable};

use super::{PROMPT_HELP, key_list};

/// How to write docs/KEYS.md again after the key table or a description changed.
pub const REGENERATE: &str = "BRIEF_BLESS=1 cargo test --lib keys_doc";

/// docs/KEYS.md for the built-in key table.
pub fn markdown(keys: &KeyTable) -> String {
    let mut out = String::new();
    out.push_str("# Keys\n\n");
    out.push_str(&format!(
        "<!-- Generated from src/ui/keys.toml and the descriptions in src/ui/action.rs by\n     `{REGENERATE}`: edit those, not this file. -->\n\n"
    ));
    out.push_str(
        "The keys brief starts with, as its help screen (`?`) lists them. The last column is\n\
         the action's name in a key file.\n\n",
    );
    out.push_str("| keys | action | name |\n| --- | --- | --- |\n");
    for (action, bound) in keys.bindings() {
        let (names, describe) = (key_names(bound), described(&action));
        let name = snake_case(&action);
        out.push_str(&format!("| {names} | {describe} | `{name}` |\n"));
    }
    out.push_str("\n## The `/` prompt\n\n");
    out.push_str(&PROMPT_HELP.join("\n"));
    out.push_str(
        "\n\nCtrl-C cancels the prompt as Esc does; Ctrl-Z and Ctrl-L work there as elsewhere.\n",
    );
    out.push_str("\n## Rebinding keys\n\n");
    out.push_str(
        "A key file, `$XDG_CONFIG_HOME/brief/keys.toml` (else `~/.config/brief/keys.toml`), in\n\
         the form of the built-in table [`src/ui/keys.toml`](../src/ui/keys.toml)\n\
         (`action = [\"key\", ...]`, e.g. `zoom = [\"Z\"]`) is laid over the defaults: an action\n\
         named there gets exactly those keys, and those keys leave any other action. Key names:\n\
         a character, or `tab`, `backtab`, `enter`, `esc`, `space`, `backspace`, `up`, `down`,\n\
         `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `f1`–`f12`, with `ctrl-`,\n\
         `alt-`, `shift-`. A file with a mistake is reported by file and line on the status\n\
         line and the help screen, and the defaults are used.\n",
    );
    out
}

/// The actions README.md shows as the everyday keys, in its order.
const EVERYDAY: &[Action] = &[
    Action::Help,
    Action::Quit,
    Action::Select,
    Action::Back,
    Action::FocusNext,
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::SearchStart,
    Action::SearchNext,
    Action::CopyQuote,
    Action::CycleTranslation,
    Action::ActorIndex,
    Action::ToggleReviewed,
    Action::NextNew,
];

/// Where README.md's everyday key table starts and ends.
const README_START: &str = "<!-- everyday keys: generated, see docs/KEYS.md -->\n";
const README_END: &str = "<!-- end of everyday keys -->\n";

/// `readme` with its everyday key table made from `keys`; `None` without the markers.
pub fn readme_with_keys(readme: &str, keys: &KeyTable) -> Option<String> {
    let start = readme.find(README_START)? + README_START.len();
    let end = start + readme[start..].find(README_END)?;
    let mut table = String::from("| keys | action |\n| --- | --- |\n");
    for wanted in EVERYDAY {
        if let Some((action, bound)) = keys.bindings().find(|(action, _)| action == wanted) {
            table.push_str(&format!(
                "| {} | {} |\n",
                key_names(bound),
                described(&action)
            ));
        }
    }
    Some(format!("{}{table}{}", &readme[..start], &readme[end..]))
}

/// A table cell listing the keys bound to an action.
fn key_names(bound: &[KeyBinding]) -> String {
    key_list(bound, |key| code_span(&key.to_string()))
}

/// The action's description as a table cell.
fn described(action: &Action) -> String {
    action.describe().replace('|', "\\|")
}

/// `text` as a Markdown code span: a backtick inside needs a longer fence.
fn code_span(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// The action's name in a key file: its variant name in snake_case, as serde reads it.
fn snake_case(action: &Action) -> String {
    let variant = format!("{action:?}");
    let mut name = String::with_capacity(variant.len() + 4);
    for (i, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde::Deserialize;
    use serde::de::IntoDeserializer;

    use super::*;
    use crate::ui::help::key_lines;

    #[test]
    fn names_are_what_a_key_file_binds() {
        for action in Action::BINDABLE {
            let name = snake_case(action);
            let parsed: Result<Action, serde::de::value::Error> =
                Action::deserialize(name.as_str().into_deserializer());
            assert_eq!(parsed.as_ref(), Ok(action), "{name}");
        }
    }

    /// An action whose keys a user's file took away shows as unbound on the help screen
    /// and in the table, its other actions' keys still code spans in the table.
    #[test]
    fn an_action_without_keys_is_listed_unbound() {
        let keys = match KeyTable::with_user_file(Path::new("keys.toml"), "zoom = []") {
            Ok(keys) => keys,
            Err(error) => panic!("{error}"),
        };
        let zoom = Action::Zoom.describe();
        let help = key_lines(&keys);
        assert!(
            help.iter()
                .any(|line| line.starts_with("(unbound) ") && line.ends_with(zoom)),
            "{help:#?}"
        );
        let doc = markdown(&keys);
        assert!(
            doc.contains(&format!("| (unbound) | {zoom} | `zoom` |")),
            "{doc}"
        );
        assert!(doc.contains("| `?` `F1` |"), "{doc}");
    }

    /// Fails when docs/KEYS.md is not what the key table makes; with `BRIEF_BLESS` set it
    /// writes the file instead.
    #[test]
    fn keys_doc_is_current() {
        let expected = markdown(&KeyTable::defaults());
        crate::generated::assert_current("docs/KEYS.md", &expected, REGENERATE);
    }

    /// Fails when README.md's everyday key table is not what the key table makes; with
    /// `BRIEF_BLESS` set it writes it instead.
    #[test]
    fn keys_doc_readme_table_is_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        let Some(expected) = readme_with_keys(&current, &KeyTable::defaults()) else {
            panic!("README.md has lost the markers of its key table: {README_START}");
        };
        crate::generated::assert_current("README.md", &expected, REGENERATE);
    }
}
