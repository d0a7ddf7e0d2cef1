//! Python's notion of characters, as MLflow's parser (sqlparse, `re`, `str` methods) sees them.
//! Owns the character classes and simple case folding that the lexer and LIKE matcher share.

use super::tables::{DIGIT, NOT_PRINTABLE, WORD};

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python `\w` in Unicode mode.
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(WORD, c)
}

/// Python `\d` in Unicode mode (any decimal digit, not only ASCII).
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(DIGIT, c)
}

/// The value of a Python decimal digit (`is_digit` must be true).
pub(crate) fn digit_value(c: char) -> u32 {
    if c.is_ascii_digit() {
        return c as u32 - '0' as u32;
    }
    let cp = c as u32;
    DIGIT
        .iter()
        .find(|&&(lo, hi)| lo <= cp && cp <= hi)
        .map_or(0, |&(lo, _)| (cp - lo) % 10)
}

/// Python `\s` and `str.isspace()`.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'..='\x1f'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Python `str.isprintable()` for one character.
pub(crate) fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !in_ranges(NOT_PRINTABLE, c)
}

/// sqlparse's `[A-ZÀ-Ü]` under `re.IGNORECASE`.
pub(crate) fn is_letter(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '\u{c0}'..='\u{dc}' | '\u{e0}'..='\u{f6}' | '\u{f8}'..='\u{fc}'
        | '\u{130}' | '\u{131}' | '\u{17f}' | '\u{212a}' | '\u{212b}')
}

/// Whether `c` matches the ASCII letter `upper` in a pattern compiled with `re.IGNORECASE`.
pub(crate) fn ascii_ci_eq(c: char, upper: u8) -> bool {
    if c.to_ascii_uppercase() == upper as char {
        return true;
    }
    match upper {
        b'I' => c == '\u{130}' || c == '\u{131}',
        b'K' => c == '\u{212a}',
        b'S' => c == '\u{17f}',
        _ => false,
    }
}

/// The single-character lower-case mapping CPython's `re` uses for `IGNORECASE`.
fn simple_lower(c: char) -> char {
    if c == '\u{130}' {
        return 'i';
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Characters CPython's `re` treats as equal under `IGNORECASE` beyond plain lower-casing.
const EQUIVALENCES: &[&[char]] = &[
    &['\u{69}', '\u{131}'],
    &['\u{73}', '\u{17f}'],
    &['\u{b5}', '\u{3bc}'],
    &['\u{345}', '\u{3b9}', '\u{1fbe}'],
    &['\u{390}', '\u{1fd3}'],
    &['\u{3b0}', '\u{1fe3}'],
    &['\u{3b2}', '\u{3d0}'],
    &['\u{3b5}', '\u{3f5}'],
    &['\u{3b8}', '\u{3d1}'],
    &['\u{3ba}', '\u{3f0}'],
    &['\u{3c0}', '\u{3d6}'],
    &['\u{3c1}', '\u{3f1}'],
    &['\u{3c2}', '\u{3c3}'],
    &['\u{3c6}', '\u{3d5}'],
    &['\u{1e61}', '\u{1e9b}'],
    &['\u{fb05}', '\u{fb06}'],
];

/// Python `re.IGNORECASE` equality of two characters (Unicode mode).
pub(crate) fn ci_eq(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (simple_lower(a), simple_lower(b));
    la == lb
        || EQUIVALENCES
            .iter()
            .any(|class| class.contains(&la) && class.contains(&lb))
}

/// Python `str.strip()` with no argument.
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_class_follows_python_not_rust() {
        assert!(is_word('é'));
        assert!(is_word('_'));
        assert!(!is_word('-'));
        // A Devanagari vowel sign is alphabetic for Rust but not `\w` for Python.
        assert!('\u{93e}'.is_alphabetic());
        assert!(!is_word('\u{93e}'));
    }

    #[test]
    fn unicode_digits_have_values() {
        assert!(is_digit('٣'));
        assert_eq!(digit_value('٣'), 3);
        assert!(!is_digit('²'));
    }

    #[test]
    fn python_whitespace_includes_information_separators() {
        assert!(is_space('\x1f'));
        assert!(!'\x1f'.is_whitespace());
        assert!(!is_space('\u{200b}'));
    }

    #[test]
    fn ignorecase_equivalences_match_python() {
        assert!(ci_eq('Å', 'å'));
        assert!(ci_eq('ſ', 'S'));
        assert!(ci_eq('K', '\u{212a}'));
        assert!(ci_eq('İ', 'i'));
        assert!(!ci_eq('ß', 's'));
    }
}
