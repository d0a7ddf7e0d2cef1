//! SQL LIKE / ILIKE as MLflow's file store evaluates them: the pattern becomes a Python regex
//! where `%` is `.*`, `_` is `.`, everything else is literal, and the end is anchored by `$`.

use super::chars::ci_eq;

#[derive(Clone, Copy)]
enum Item {
    Lit(char),
    /// `_`: any character except a newline.
    Any,
    /// `%`: any run of characters without a newline.
    Star,
}

/// Whether `value` matches `pattern` (spec §7.2). There is no escape character; `%` and `_`
/// never match `\n`; without a trailing `%`, the end may also sit before one final `\n`.
pub(crate) fn like(value: &str, pattern: &str, ignore_case: bool) -> bool {
    let items: Vec<Item> = pattern
        .chars()
        .map(|c| match c {
            '%' => Item::Star,
            '_' => Item::Any,
            c => Item::Lit(c),
        })
        .collect();
    let anchored_end = !pattern.ends_with('%');
    let m = items.len();
    let mut states = vec![false; m + 1];
    states[0] = true;
    close(&items, &mut states);
    let chars: Vec<char> = value.chars().collect();
    for (pos, &c) in chars.iter().enumerate() {
        if states[m] && (!anchored_end || (c == '\n' && pos + 1 == chars.len())) {
            return true;
        }
        let mut next = vec![false; m + 1];
        for (i, item) in items.iter().enumerate() {
            if !states[i] {
                continue;
            }
            match *item {
                Item::Lit(l) if l == c || (ignore_case && ci_eq(l, c)) => next[i + 1] = true,
                Item::Any if c != '\n' => next[i + 1] = true,
                Item::Star if c != '\n' => next[i] = true,
                _ => {}
            }
        }
        close(&items, &mut next);
        if !next.iter().any(|&s| s) {
            return false;
        }
        states = next;
    }
    states[m]
}

/// Adds the states reachable by letting a `%` match nothing.
fn close(items: &[Item], states: &mut [bool]) {
    for i in 0..items.len() {
        if states[i] && matches!(items[i], Item::Star) {
            states[i + 1] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::like;

    #[test]
    fn like_without_wildcards_is_equality() {
        assert!(like("abc", "abc", false));
        assert!(!like("abcd", "abc", false));
        assert!(!like("ABC", "abc", false));
    }

    #[test]
    fn percent_and_underscore_are_always_wildcards() {
        assert!(like("a%b", "a%b", false));
        assert!(like("axxb", "a%b", false));
        assert!(like("a_b", "a_b", false));
        assert!(like("azb", "a_b", false));
        assert!(like(r"a\b", r"a\b", false));
    }

    #[test]
    fn end_anchor_also_matches_before_final_newline() {
        assert!(like("abc\n", "abc", false));
        assert!(!like("abc\n\n", "abc", false));
        assert!(like("\n", "", false));
        assert!(like("", "", false));
        assert!(!like("x", "", false));
    }

    #[test]
    fn wildcards_do_not_cross_newlines() {
        assert!(!like("line1\nline2 target", "%line2%", false));
        assert!(like("line1\nline2 target", "line1%", false));
        assert!(!like("a\nb", "a_b", false));
        assert!(like("a\nb", "a\nb", false));
    }

    #[test]
    fn trailing_percent_matches_any_prefix() {
        assert!(like("abc", "%", false));
        assert!(like("\n\n", "%", false));
        assert!(like("abc\ndef", "ab%", false));
    }

    #[test]
    fn ilike_uses_unicode_simple_case_folding() {
        assert!(like("Ålice", "ålice", true));
        assert!(like("ÜNÏCODE", "ünïcode", true));
        assert!(!like("Ålice", "ålice", false));
    }
}
