//! UAX #9 for a paragraph with no explicit formatting characters: one level run, one
//! isolating run sequence, sos = eos = the paragraph's direction. Rules W1-W7, N0-N2 and
//! I1-I2 on the characters' classes, in the order and with the reading of the rules that
//! unicode-bidi (which the general path uses and which passes BidiCharacterTest) has.

use super::props::{Bracket, Class};

/// BD16's stack depth: deeper brackets stop the pairing.
const MAX_BRACKET_DEPTH: usize = 63;

/// Resolved levels, one per character, into `levels`. `t` holds the characters' classes
/// and is resolved in place; `original(i)` is character i's class before any rule;
/// `brackets` are the indices of the bracket characters. `pairs` is a reused buffer.
pub(crate) fn resolve(
    t: &mut [Class],
    present: u16,
    original: impl Fn(usize) -> Class,
    brackets: &[(usize, Bracket)],
    rtl: bool,
    pairs: &mut Vec<(usize, usize)>,
    levels: &mut Vec<u8>,
) {
    let e = if rtl { Class::R } else { Class::L };
    weak_types(t, e, present);
    if !brackets.is_empty() {
        bracket_pairs(t, brackets, pairs);
        for &(open, close) in pairs.iter() {
            resolve_pair(t, &original, open, close, e);
        }
    }
    neutrals_and_levels(t, e, levels);
}

/// W1-W7, skipping the rules that cannot apply to the classes `present`.
fn weak_types(t: &mut [Class], sos: Class, present: u16) {
    use Class::*;
    let has = |classes: &[Class]| classes.iter().any(|&c| present & (1 << c as u16) != 0);
    let numbers = has(&[EN, AN]);
    let mut prev = sos;
    let mut last_strong = sos;
    // W1 (NSM takes the type before it), W2 (EN after AL is AN), W3 (AL is R).
    for x in t.iter_mut() {
        if *x == NSM {
            *x = prev;
        }
        prev = *x;
        match *x {
            L | R => last_strong = *x,
            AL => {
                last_strong = AL;
                *x = R;
            }
            EN if last_strong == AL => *x = AN,
            _ => {}
        }
    }
    // W4: a single separator between two numbers of the same type.
    let separators = numbers && has(&[ES, CS]);
    for i in 1..if separators {
        t.len().saturating_sub(1)
    } else {
        0
    } {
        let (before, after) = (t[i - 1], t[i + 1]);
        t[i] = match (t[i], before, after) {
            (ES | CS, EN, EN) => EN,
            (CS, AN, AN) => AN,
            (x, _, _) => x,
        };
    }
    // W5: terminators next to a European number (which NSMs may have copied, but only
    // from a European number present from the start).
    let mut i = if has(&[EN]) && has(&[ET]) { 0 } else { t.len() };
    while i < t.len() {
        if t[i] != ET {
            i += 1;
            continue;
        }
        let start = i;
        while i < t.len() && t[i] == ET {
            i += 1;
        }
        let before = start.checked_sub(1).map(|k| t[k]);
        if before == Some(EN) || t.get(i) == Some(&EN) {
            t[start..i].fill(EN);
        }
    }
    // W6, W7.
    let mut last_strong = sos;
    for x in t.iter_mut() {
        match *x {
            ES | ET | CS => *x = ON,
            L | R => last_strong = *x,
            EN if last_strong == L => *x = L,
            _ => {}
        }
    }
}

/// BD16: pairs of brackets, sorted by their opening bracket.
fn bracket_pairs(t: &[Class], brackets: &[(usize, Bracket)], pairs: &mut Vec<(usize, usize)>) {
    pairs.clear();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    for &(i, b) in brackets {
        if t[i] != Class::ON {
            continue;
        }
        match b {
            Bracket::None => {}
            Bracket::Open(_) if stack.len() >= MAX_BRACKET_DEPTH => break,
            Bracket::Open(id) => stack.push((id, i)),
            Bracket::Close(id) => {
                if let Some(k) = stack.iter().rposition(|&(open, _)| open == id) {
                    pairs.push((stack[k].1, i));
                    stack.truncate(k);
                }
            }
        }
    }
    pairs.sort_unstable();
}

/// The strong direction a type counts as within N0 and N1 (numbers count as R).
fn strong(t: Class) -> Option<Class> {
    match t {
        Class::L => Some(Class::L),
        Class::R | Class::EN | Class::AN => Some(Class::R),
        _ => None,
    }
}

/// N0 for one pair.
fn resolve_pair(
    t: &mut [Class],
    original: &impl Fn(usize) -> Class,
    open: usize,
    close: usize,
    e: Class,
) {
    let mut found_opposite = false;
    let mut set = None;
    for &x in &t[open + 1..close] {
        match strong(x) {
            Some(s) if s == e => {
                set = Some(e);
                break;
            }
            Some(_) => found_opposite = true,
            None => {}
        }
    }
    if set.is_none() && found_opposite {
        let before = t[..open].iter().rev().find_map(|&x| strong(x));
        set = Some(before.unwrap_or(e));
    }
    let Some(dir) = set else { return };
    for at in [open, close] {
        t[at] = dir;
        let marks = (at + 1..t.len())
            .take_while(|&k| original(k) == Class::NSM)
            .count();
        t[at + 1..at + 1 + marks].fill(dir);
    }
}

/// N1-N2 (runs of neutrals between two strong types of one direction take it, others
/// take the embedding direction) and I1-I2, writing each character's level.
fn neutrals_and_levels(t: &[Class], e: Class, levels: &mut Vec<u8>) {
    let rtl = e == Class::R;
    let level = |t: Class| match (rtl, t) {
        (false, Class::R) => 1,
        (false, Class::AN | Class::EN) => 2,
        (true, Class::L | Class::EN | Class::AN) => 2,
        _ => u8::from(rtl),
    };
    levels.clear();
    let mut i = 0;
    let mut prev = e;
    while i < t.len() {
        if !matches!(t[i], Class::WS | Class::ON) {
            prev = t[i];
            levels.push(level(prev));
            i += 1;
            continue;
        }
        let start = i;
        while i < t.len() && matches!(t[i], Class::WS | Class::ON) {
            i += 1;
        }
        let next = t.get(i).copied().unwrap_or(e);
        let dir = match (strong(prev), strong(next)) {
            (Some(a), Some(b)) if a == b => a,
            _ => e,
        };
        levels.resize(levels.len() + (i - start), level(dir));
    }
}
