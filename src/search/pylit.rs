//! The IN-list value: MLflow hands the parenthesised text to Python's `ast.literal_eval`, so
//! Python string syntax applies inside lists (escapes, prefixes, implicit concatenation).

use super::error::{SearchError, fail};
use super::python::PyValue;

const ILL_FORMED: &str = "While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.";
const EMPTY: &str = "While parsing a list in the query, expected a non-empty list of string values, but got empty list";

/// Parses the text of a parenthesised IN list into its strings (spec §5.4).
///
/// Text that Python would reject as a syntax error, and text that is valid Python but not a
/// literal (where MLflow raises a raw `ValueError`), both give the "ill-formed list" message.
pub(crate) fn parse_in_list(text: &str) -> Result<Vec<String>, SearchError> {
    let Some(value) = literal_eval(text) else {
        return fail(ILL_FORMED);
    };
    let items = match value {
        PyValue::Tuple(items) => items,
        other => vec![other],
    };
    if items.is_empty() {
        return fail(EMPTY);
    }
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        match item {
            PyValue::Str(s) => out.push(s.clone()),
            _ => {
                return fail(format!(
                    "While parsing a list in the query, expected string value, punctuation, or whitespace, \
                     but got different type in list: {}",
                    PyValue::Tuple(items).repr()
                ));
            }
        }
    }
    Ok(out)
}

/// `ast.literal_eval` for strings, bytes, ints, floats, `True`/`False`/`None`, a sign on a
/// number, tuples and lists. `None` for anything else.
fn literal_eval(text: &str) -> Option<PyValue> {
    let chars: Vec<char> = text.chars().collect();
    let mut p = LitParser { cs: &chars, i: 0 };
    let value = p.expr()?;
    p.skip_space();
    (p.i == chars.len()).then_some(value)
}

struct LitParser<'a> {
    cs: &'a [char],
    i: usize,
}

impl LitParser<'_> {
    fn peek(&self) -> Option<char> {
        self.cs.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.cs.get(self.i + k).copied()
    }

    /// Whitespace, newlines, comments and line continuations (we are always inside brackets).
    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                ' ' | '\t' | '\x0c' | '\n' | '\r' => self.i += 1,
                '#' => {
                    while self.peek().is_some_and(|c| c != '\n' && c != '\r') {
                        self.i += 1;
                    }
                }
                '\\' if matches!(self.peek_at(1), Some('\n' | '\r')) => self.i += 2,
                _ => break,
            }
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_space();
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expr(&mut self) -> Option<PyValue> {
        self.expr_node().map(|(value, _)| value)
    }

    /// An expression and whether its AST node is a unary operation (`-1`), which a sign may
    /// not be applied to again.
    fn expr_node(&mut self) -> Option<(PyValue, bool)> {
        self.skip_space();
        match self.peek()? {
            sign @ ('-' | '+') => {
                self.i += 1;
                // Parentheses create no AST node, so `-(1)` is still a signed number.
                let (operand, unary) = self.expr_node()?;
                if unary {
                    return None;
                }
                let value = match operand {
                    PyValue::Int(d) if sign == '-' => PyValue::Int(negate(&d)),
                    PyValue::Float(f) if sign == '-' => PyValue::Float(-f),
                    v @ (PyValue::Int(_) | PyValue::Float(_)) => v,
                    _ => return None,
                };
                Some((value, true))
            }
            '(' => self.sequence(')', true),
            '[' => self.sequence(']', false),
            c if c == '\'' || c == '"' || c.is_ascii_alphabetic() || c == '_' => {
                self.name_or_string().map(|v| (v, false))
            }
            c if c.is_ascii_digit() || c == '.' => self.number().map(|v| (v, false)),
            _ => None,
        }
    }

    /// `( ... )` or `[ ... ]`: a parenthesised expression, a tuple or a list.
    fn sequence(&mut self, close: char, paren: bool) -> Option<(PyValue, bool)> {
        self.i += 1;
        let mut items: Vec<(PyValue, bool)> = Vec::new();
        let mut trailing_comma = false;
        loop {
            if self.eat(close) {
                break;
            }
            if !items.is_empty() && !trailing_comma {
                return None;
            }
            items.push(self.expr_node()?);
            trailing_comma = self.eat(',');
        }
        if paren && items.len() == 1 && !trailing_comma {
            return items.pop();
        }
        let values = items.into_iter().map(|(v, _)| v).collect();
        Some((
            if paren {
                PyValue::Tuple(values)
            } else {
                PyValue::List(values)
            },
            false,
        ))
    }

    fn name_or_string(&mut self) -> Option<PyValue> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.i += 1;
        }
        let word: String = self.cs[start..self.i].iter().collect();
        if matches!(self.peek(), Some('\'' | '"')) && word.len() <= 2 {
            self.i = start;
            return self.strings();
        }
        if self
            .peek()
            .is_some_and(|c| !c.is_ascii() && c.is_alphanumeric())
        {
            return None;
        }
        match word.as_str() {
            "True" => Some(PyValue::Bool(true)),
            "False" => Some(PyValue::Bool(false)),
            "None" => Some(PyValue::None),
            _ => None,
        }
    }

    /// One or more adjacent string literals, concatenated.
    fn strings(&mut self) -> Option<PyValue> {
        let mut text: Option<String> = None;
        let mut bytes: Option<Vec<u8>> = None;
        loop {
            self.skip_space();
            let start = self.i;
            while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                self.i += 1;
            }
            let prefix: String = self.cs[start..self.i]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase();
            if !matches!(self.peek(), Some('\'' | '"')) {
                self.i = start;
                break;
            }
            let (raw, is_bytes) = match prefix.as_str() {
                "" | "u" => (false, false),
                "r" => (true, false),
                "b" => (false, true),
                "br" | "rb" => (true, true),
                _ => return None, // f-strings and unknown prefixes
            };
            let body = self.string_body(raw, is_bytes)?;
            match body {
                Lit::Str(s) if bytes.is_none() => text.get_or_insert_with(String::new).push_str(&s),
                Lit::Bytes(b) if text.is_none() => bytes.get_or_insert_with(Vec::new).extend(b),
                _ => return None, // mixing bytes and str is a syntax error
            }
        }
        match (text, bytes) {
            (Some(s), None) => Some(PyValue::Str(s)),
            (None, Some(b)) => Some(PyValue::Bytes(b)),
            _ => None,
        }
    }

    fn string_body(&mut self, raw: bool, is_bytes: bool) -> Option<Lit> {
        let q = self.peek()?;
        let triple = self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q);
        self.i += if triple { 3 } else { 1 };
        let mut out = String::new();
        loop {
            let c = self.peek()?;
            if c == q && (!triple || (self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q))) {
                self.i += if triple { 3 } else { 1 };
                break;
            }
            if !triple && (c == '\n' || c == '\r') {
                return None;
            }
            if is_bytes && !c.is_ascii() {
                return None;
            }
            if c != '\\' {
                out.push(c);
                self.i += 1;
                continue;
            }
            let e = self.peek_at(1)?;
            if raw {
                out.push('\\');
                out.push(e);
                self.i += 2;
                continue;
            }
            self.i += 2;
            self.escape(e, is_bytes, &mut out)?;
        }
        if is_bytes {
            // Escapes in bytes produce code points below 256; each is one byte.
            Some(Lit::Bytes(out.chars().map(|c| c as u32 as u8).collect()))
        } else {
            Some(Lit::Str(out))
        }
    }

    fn escape(&mut self, e: char, is_bytes: bool, out: &mut String) -> Option<()> {
        let simple = match e {
            '\n' => Some(None),
            '\r' => {
                if self.peek() == Some('\n') {
                    self.i += 1;
                }
                Some(None)
            }
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(c) = simple {
            out.extend(c);
            return Some(());
        }
        match e {
            '0'..='7' => {
                let mut v = e.to_digit(8)?;
                for _ in 0..2 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.i += 1;
                        }
                        None => break,
                    }
                }
                if is_bytes && v > 0xff {
                    return None;
                }
                out.push(char::from_u32(v)?);
            }
            'x' => out.push(char::from_u32(self.hex(2)?)?),
            'u' if !is_bytes => out.push(char::from_u32(self.hex(4)?)?),
            'U' if !is_bytes => out.push(char::from_u32(self.hex(8)?)?),
            // `\N{name}` needs Unicode's name table; treated as not supported.
            'N' if !is_bytes => return None,
            other => {
                out.push('\\');
                out.push(other);
            }
        }
        Some(())
    }

    fn hex(&mut self, n: usize) -> Option<u32> {
        let mut v = 0u32;
        for _ in 0..n {
            let d = self.peek()?.to_digit(16)?;
            v = v.checked_mul(16)?.checked_add(d)?;
            self.i += 1;
        }
        Some(v)
    }

    /// A Python number literal: decimal/hex/octal/binary int or a float (no imaginary part).
    fn number(&mut self) -> Option<PyValue> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        {
            // An exponent sign belongs to the literal.
            let c = self.peek()?;
            self.i += 1;
            if matches!(c, 'e' | 'E')
                && !self.cs[start..self.i]
                    .iter()
                    .any(|c| matches!(c, 'x' | 'X' | 'b' | 'B' | 'o' | 'O'))
                && matches!(self.peek(), Some('+' | '-'))
            {
                self.i += 1;
            }
        }
        let raw: String = self.cs[start..self.i].iter().collect();
        parse_number(&raw)
    }
}

enum Lit {
    Str(String),
    Bytes(Vec<u8>),
}

fn negate(digits: &str) -> String {
    match digits.strip_prefix('-') {
        Some(d) => d.to_string(),
        None if digits == "0" => digits.to_string(),
        None => format!("-{digits}"),
    }
}

/// Python's number literal grammar (underscores only between digits).
fn parse_number(raw: &str) -> Option<PyValue> {
    let valid_underscores = |s: &str, is_digit: &dyn Fn(char) -> bool| {
        let cs: Vec<char> = s.chars().collect();
        !cs.is_empty()
            && cs.iter().enumerate().all(|(i, &c)| {
                if c == '_' {
                    i > 0 && i + 1 < cs.len() && is_digit(cs[i - 1]) && is_digit(cs[i + 1])
                } else {
                    is_digit(c)
                }
            })
    };
    let lower = raw.to_ascii_lowercase();
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = rest.strip_prefix('_').unwrap_or(rest);
            if !valid_underscores(rest, &|c| c.is_digit(radix)) {
                return None;
            }
            let v = i128::from_str_radix(&rest.replace('_', ""), radix).ok()?;
            return Some(PyValue::Int(v.to_string()));
        }
    }
    let is_dec = |c: char| c.is_ascii_digit();
    let (mantissa, exponent) = match lower.split_once('e') {
        Some((m, e)) => (m, Some(e)),
        None => (lower.as_str(), None),
    };
    if let Some(e) = exponent {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        if !valid_underscores(e, &is_dec) {
            return None;
        }
    }
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    if !int_part.is_empty() && !valid_underscores(int_part, &is_dec) {
        return None;
    }
    if let Some(f) = frac_part {
        if !f.is_empty() && !valid_underscores(f, &is_dec) {
            return None;
        }
        if int_part.is_empty() && f.is_empty() {
            return None;
        }
    }
    if frac_part.is_none() && exponent.is_none() {
        let digits = int_part.replace('_', "");
        // Python forbids leading zeros in a non-zero decimal integer.
        if digits.len() > 1 && digits.starts_with('0') {
            return digits
                .bytes()
                .all(|b| b == b'0')
                .then(|| PyValue::Int("0".into()));
        }
        return Some(PyValue::Int(digits));
    }
    if int_part.is_empty() && frac_part.is_none() {
        return None;
    }
    lower
        .replace('_', "")
        .parse::<f64>()
        .ok()
        .map(PyValue::Float)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Vec<String> {
        parse_in_list(text).unwrap()
    }

    fn err(text: &str) -> String {
        parse_in_list(text).unwrap_err().message
    }

    #[test]
    fn in_list_accepts_both_quote_styles_and_trailing_comma() {
        assert_eq!(ok("('a', \"b\",)"), vec!["a", "b"]);
        assert_eq!(ok("('x')"), vec!["x"]);
        assert_eq!(ok("(\n 'a',\t'b'\n)"), vec!["a", "b"]);
    }

    #[test]
    fn in_list_decodes_python_escapes_and_concatenates() {
        assert_eq!(ok(r"('\x64', 'a\tb')"), vec!["d", "a\tb"]);
        assert_eq!(ok("('a' 'b')"), vec!["ab"]);
        assert_eq!(
            ok(r"(r'\d', u'é', '\u00e9', '\w')"),
            vec![r"\d", "é", "é", r"\w"]
        );
    }

    #[test]
    fn empty_in_list_is_rejected() {
        assert_eq!(err("()"), EMPTY);
    }

    #[test]
    fn non_string_items_are_listed_with_python_repr() {
        let prefix = "While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: ";
        assert_eq!(err("(1, 2)"), format!("{prefix}(1, 2)"));
        assert_eq!(err("('9', 9)"), format!("{prefix}('9', 9)"));
        assert_eq!(err("(b'a')"), format!("{prefix}(b'a',)"));
        assert_eq!(
            err("(-1.5, None, True)"),
            format!("{prefix}(-1.5, None, True)")
        );
        assert_eq!(err("(-(1),)"), format!("{prefix}(-1,)"));
        assert_eq!(err("(['a'],)"), format!("{prefix}(['a'],)"));
    }

    #[test]
    fn syntax_errors_and_non_literals_are_ill_formed() {
        for bad in [
            "(-(-1),)",
            "(-True,)",
            "('a',,)",
            "(abc)",
            "(f'a')",
            "('a' + 'b')",
            "('a' b'c')",
            "(--1)",
            "(0123)",
            "('\\N{DASH}')",
        ] {
            assert_eq!(err(bad), ILL_FORMED, "{bad}");
        }
    }
}
