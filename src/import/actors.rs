//! People named with a title or as speakers, and organizations from a short list.

use super::draft::DraftActor;
use super::lexicon::{NAME_STOPS, NOT_PEOPLE, ORGANIZATIONS, SPEECH_VERBS, TITLES};
use super::words::{Word, is_latin, is_latin_capital, is_one_of, without_conjunction, words};

const NAME_MAX_WORDS: usize = 3;
const ROLE_MAX_WORDS: usize = 10;

#[derive(Debug, Default)]
pub struct Actors {
    pub list: Vec<DraftActor>,
}

impl Actors {
    /// The actor a name means: its name or an alias, or a name that ends with it.
    pub fn resolve(&mut self, name: &str) -> Option<usize> {
        let same = |a: &str| a.eq_ignore_ascii_case(name);
        if let Some(at) = self
            .list
            .iter()
            .position(|actor| same(&actor.name) || actor.aliases.iter().any(|a| same(a)))
        {
            return Some(at);
        }
        // "Minister Omar Haddad" is Omar Haddad, with his title in front.
        let titled = |actor: &DraftActor| {
            name.len() > actor.name.len()
                && name.ends_with(&actor.name)
                && name[..name.len() - actor.name.len()].ends_with(' ')
        };
        if let Some(at) = self.list.iter().position(titled) {
            return Some(at);
        }
        let at = self.list.iter().position(|actor| {
            let parts: Vec<&str> = actor.name.split_whitespace().collect();
            parts.len() > 1 && parts.last().is_some_and(|last| same(last))
        })?;
        self.list[at].aliases.push(name.to_owned());
        Some(at)
    }

    /// The actor for a name found in the text, added when it looks like a person's name.
    pub fn person(&mut self, name: &str, role: Option<String>) -> Option<usize> {
        if let Some(at) = self.resolve(name) {
            let actor = &mut self.list[at];
            if actor.role.is_none() {
                actor.role = role;
            }
            return Some(at);
        }
        let count = name.split_whitespace().count();
        let generic = name.split_whitespace().any(|w| is_one_of(w, NOT_PEOPLE));
        if !(2..=NAME_MAX_WORDS).contains(&count) || generic {
            return None;
        }
        self.list.push(DraftActor {
            id: slug(name),
            name: name.to_owned(),
            role,
            aliases: Vec::new(),
        });
        Some(self.list.len() - 1)
    }
}

/// Lower-case letters and digits of any script, other runs joined by one `-`, as the
/// loader makes an actor's default id.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Up to three words of a name starting at `from`, stopping at punctuation or a stop word;
/// Latin names need capitals.
pub fn name_after(words: &[Word<'_>], from: usize) -> Option<(String, usize)> {
    let first = words.get(from)?;
    if first.cut_before && from > 0 && !words[from - 1].cut_after {
        return None;
    }
    let mut end = from;
    while end < words.len() && end - from < NAME_MAX_WORDS {
        let word = &words[end];
        let stop = is_one_of(word.text, NAME_STOPS)
            || is_one_of(word.text, SPEECH_VERBS)
            || (is_latin(word.text) && !is_latin_capital(word.text));
        if stop || (end > from && word.cut_before) {
            break;
        }
        end += 1;
        if word.cut_after {
            break;
        }
    }
    (end > from).then(|| (join(words, from, end), end))
}

/// Up to three words of a name ending just before `until`.
pub fn name_before(words: &[Word<'_>], until: usize) -> Option<String> {
    let mut start = until;
    while start > 0 && until - start < NAME_MAX_WORDS {
        let word = &words[start - 1];
        let stop = is_one_of(word.text, NAME_STOPS)
            || word.cut_after
            || (is_latin(word.text) && !is_latin_capital(word.text));
        if stop {
            break;
        }
        start -= 1;
        if word.cut_before {
            break;
        }
    }
    (start < until).then(|| join(words, start, until))
}

pub fn join(words: &[Word<'_>], from: usize, end: usize) -> String {
    words[from..end]
        .iter()
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name a speech verb at `verb` attributes: after it (Arabic, Hebrew, "said X"), else
/// before it (English "X said", Persian).
pub fn attributed(words: &[Word<'_>], verb: usize) -> Option<String> {
    let after = if words[verb].cut_after {
        None
    } else {
        name_after(words, verb + 1).map(|(name, _)| name)
    };
    let before_first = is_latin(words[verb].text) || matches!(words[verb].text, "گفت" | "افزود");
    if before_first {
        name_before(words, verb).or(after)
    } else {
        after
    }
}

fn title_at(words: &[Word<'_>], at: usize) -> Option<usize> {
    TITLES.iter().find_map(|title| {
        let parts: Vec<&str> = title.split(' ').collect();
        let matches = parts.iter().enumerate().all(|(k, part)| {
            words.get(at + k).is_some_and(|w| {
                w.text == *part || (k == 0 && without_conjunction(w.text) == Some(part))
            }) && (k + 1 == parts.len() || !words[at + k].cut_after)
        });
        matches.then_some(parts.len())
    })
}

/// People introduced by a title: `TITLE NAME` or `TITLE [role words], NAME`.
fn titled(actors: &mut Actors, text: &str) {
    let words = words(text);
    let mut at = 0;
    while at < words.len() {
        let Some(len) = title_at(&words, at) else {
            at += 1;
            continue;
        };
        let mut role_end = at + len;
        let direct = name_after(&words, role_end)
            .filter(|(name, _)| name.split(' ').all(is_latin_capital) && is_latin(name));
        let found = direct.or_else(|| {
            while role_end < words.len() && !words[role_end - 1].cut_after {
                if role_end - at >= ROLE_MAX_WORDS {
                    return None;
                }
                role_end += 1;
            }
            let cut = &text[words[role_end - 1].end..];
            if !cut.trim_start().starts_with(['،', ',']) {
                return None;
            }
            name_after(&words, role_end)
        });
        if let Some((name, _)) = found {
            let first = words[at].text;
            let joined = !TITLES
                .iter()
                .any(|title| title.split(' ').next() == Some(first));
            let start = words[at].start
                + if joined {
                    first.len() - without_conjunction(first).map_or(first.len(), str::len)
                } else {
                    0
                };
            let role = text[start..words[role_end - 1].end].to_owned();
            actors.person(&name, Some(role));
        }
        at += len;
    }
}

/// Everyone a speech verb names, full names before the short forms that may refer to them.
fn speakers(actors: &mut Actors, texts: &[&str]) {
    let mut names = Vec::new();
    for text in texts {
        let words = words(text);
        for verb in 0..words.len() {
            if is_one_of(words[verb].text, SPEECH_VERBS) {
                names.extend(attributed(&words, verb));
            }
        }
    }
    names.sort_by_key(|name| std::cmp::Reverse(name.split(' ').count()));
    for name in names {
        actors.person(&name, None);
    }
}

fn organizations(actors: &mut Actors, text: &str) {
    let mut rest = text.to_owned();
    for (id, forms) in ORGANIZATIONS {
        let found: Vec<&str> = forms.iter().copied().filter(|f| rest.contains(f)).collect();
        let Some((name, aliases)) = found.split_first() else {
            continue;
        };
        for form in &found {
            rest = rest.replace(form, " ");
        }
        actors.list.push(DraftActor {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
            role: None,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        });
    }
}

/// The actors of an article's texts (paragraphs, leads, list items), in the order found.
pub fn find(texts: &[&str]) -> Actors {
    let mut actors = Actors::default();
    for text in texts {
        titled(&mut actors, text);
    }
    speakers(&mut actors, texts);
    organizations(&mut actors, &texts.join("\n"));
    actors
}
