//! The few Python value semantics MLflow's answers depend on: `repr()` of the values quoted in
//! error messages, `int()` and `float()` conversions, and exact int/float comparison.

use std::cmp::Ordering;
use std::fmt::Write;

use super::chars::{digit_value, is_digit, is_printable, py_strip};

/// A value as Python would hold it, for `repr()` in error messages.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PyValue {
    None,
    Bool(bool),
    /// An integer, as its decimal digits (Python ints are unbounded).
    Int(String),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<PyValue>),
    List(Vec<PyValue>),
    /// A dict in insertion order.
    Dict(Vec<(String, PyValue)>),
}

impl PyValue {
    /// Python `repr(value)`.
    pub(crate) fn repr(&self) -> String {
        match self {
            PyValue::None => "None".into(),
            PyValue::Bool(true) => "True".into(),
            PyValue::Bool(false) => "False".into(),
            PyValue::Int(digits) => digits.clone(),
            PyValue::Float(f) => float_repr(*f),
            PyValue::Str(s) => repr_str(s),
            PyValue::Bytes(b) => repr_bytes(b),
            PyValue::Tuple(items) if items.len() == 1 => format!("({},)", items[0].repr()),
            PyValue::Tuple(items) => format!("({})", join_repr(items)),
            PyValue::List(items) => format!("[{}]", join_repr(items)),
            PyValue::Dict(items) => {
                let inner: Vec<String> = items
                    .iter()
                    .map(|(k, v)| format!("{}: {}", repr_str(k), v.repr()))
                    .collect();
                format!("{{{}}}", inner.join(", "))
            }
        }
    }

    /// Python `str(value)`: like `repr` except that a string is shown as is.
    pub(crate) fn str(&self) -> String {
        match self {
            PyValue::Str(s) => s.clone(),
            other => other.repr(),
        }
    }

    /// Python truthiness.
    pub(crate) fn is_truthy(&self) -> bool {
        match self {
            PyValue::None => false,
            PyValue::Bool(b) => *b,
            PyValue::Int(d) => d.trim_start_matches('-').bytes().any(|b| b != b'0'),
            PyValue::Float(f) => *f != 0.0,
            PyValue::Str(s) => !s.is_empty(),
            PyValue::Bytes(b) => !b.is_empty(),
            PyValue::Tuple(v) | PyValue::List(v) => !v.is_empty(),
            PyValue::Dict(v) => !v.is_empty(),
        }
    }
}

fn join_repr(items: &[PyValue]) -> String {
    items
        .iter()
        .map(PyValue::repr)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Python `repr(str)`.
pub(crate) fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// Python `repr(bytes)`.
pub(crate) fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// Python `repr(float)`: shortest round-trip digits, scientific below 1e-4 and from 1e16.
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let decpt = exp + 1;
    if !(-4 < decpt && decpt <= 16) {
        let (first, rest) = digits.split_at(1);
        let mant = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{mant}e{esign}{:02}", exp.abs());
    }
    let body = if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt as usize >= digits.len() {
        format!("{}{}.0", digits, "0".repeat(decpt as usize - digits.len()))
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{int}.{frac}")
    };
    format!("{sign}{body}")
}

/// Python `int(text)` for a `str`: surrounding whitespace, a sign, decimal digits (any script)
/// with single underscores between them. Saturates far outside `i128`; `None` when Python
/// raises `ValueError`.
pub(crate) fn py_int(text: &str) -> Option<i128> {
    let s = py_strip(text);
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let mut value: i128 = 0;
    let mut prev_digit = false;
    let mut any = false;
    for c in body.chars() {
        if c == '_' {
            if !prev_digit {
                return None;
            }
            prev_digit = false;
            continue;
        }
        if !is_digit(c) {
            return None;
        }
        value = value
            .saturating_mul(10)
            .saturating_add(i128::from(digit_value(c)));
        prev_digit = true;
        any = true;
    }
    if !any || !prev_digit {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// Python `float(text)` for the text of a sqlparse number token (digits may be non-ASCII).
pub(crate) fn py_float(text: &str) -> f64 {
    ascii_digits(text).parse().unwrap_or(f64::NAN)
}

/// Python `int(text)` for the text of a sqlparse Integer token.
pub(crate) fn token_int(text: &str) -> i128 {
    py_int(text).unwrap_or(0)
}

fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_digit(c) && !c.is_ascii_digit() {
                char::from_digit(digit_value(c), 10).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Python `int(float)`: truncation; `None` for NaN and infinities (Python raises).
pub(crate) fn float_to_int(f: f64) -> Option<i128> {
    if !f.is_finite() {
        return None;
    }
    // `as` saturates, which is fine far outside the range any timestamp or version uses.
    Some(f.trunc() as i128)
}

/// Exact comparison of a Python int and a Python float (`None` when the float is NaN).
pub(crate) fn cmp_int_float(i: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    // Every i128 lies strictly between these bounds, so the sign of `f` decides.
    if f >= 1.8e38 {
        return Some(Ordering::Less);
    }
    if f <= -1.8e38 {
        return Some(Ordering::Greater);
    }
    let floor = f.floor();
    let fi = floor as i128;
    match i.cmp(&fi) {
        Ordering::Equal if f > floor => Some(Ordering::Less),
        other => Some(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_repr_picks_quotes_like_python() {
        assert_eq!(repr_str("abc"), "'abc'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(repr_str("a\nb\\"), "'a\\nb\\\\'");
        assert_eq!(repr_str("\u{0}é\u{a0}"), "'\\x00é\\xa0'");
    }

    #[test]
    fn bytes_repr_escapes_non_ascii() {
        assert_eq!(repr_bytes(b"not json"), "b'not json'");
        assert_eq!(repr_bytes(&[0xff, b'\'']), "b\"\\xff'\"");
    }

    #[test]
    fn float_repr_matches_python() {
        assert_eq!(float_repr(0.0), "0.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(2.5), "2.5");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(123456.789), "123456.789");
        assert_eq!(float_repr(f64::INFINITY), "inf");
    }

    #[test]
    fn int_parsing_follows_python() {
        assert_eq!(py_int(" 3 "), Some(3));
        assert_eq!(py_int("1_0"), Some(10));
        assert_eq!(py_int("-007"), Some(-7));
        assert_eq!(py_int("+5"), Some(5));
        assert_eq!(py_int("٣"), Some(3));
        assert_eq!(py_int("1__0"), None);
        assert_eq!(py_int("_1"), None);
        assert_eq!(py_int("1_"), None);
        assert_eq!(py_int("1.5"), None);
        assert_eq!(py_int(""), None);
        assert_eq!(py_int("abc"), None);
    }

    #[test]
    fn int_float_comparison_is_exact() {
        assert_eq!(
            cmp_int_float(1_700_000_104_000, 1_700_000_104_000.5),
            Some(Ordering::Less)
        );
        assert_eq!(cmp_int_float(2, 2.0), Some(Ordering::Equal));
        assert_eq!(cmp_int_float(-3, -2.5), Some(Ordering::Less));
        assert_eq!(
            cmp_int_float(9_007_199_254_740_993, 9_007_199_254_740_992.0),
            Some(Ordering::Greater)
        );
        assert_eq!(cmp_int_float(0, f64::INFINITY), Some(Ordering::Less));
        assert_eq!(cmp_int_float(0, f64::NAN), None);
    }
}
