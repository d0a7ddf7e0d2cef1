//! max_results limits and page tokens (spec §9). A token is the padded base64 of
//! `{"offset": N}`; decoding follows Python's lenient base64, `json.loads` and `int()`.

use super::entity::Entity;
use super::error::{SearchError, fail};
use super::python::{PyValue, float_to_int, py_int, repr_bytes};

/// Checks `max_results` for `entity` with MLflow's limits and messages.
pub fn check_max_results(entity: Entity, max_results: i64) -> Result<(), SearchError> {
    match entity {
        Entity::Runs if max_results > 50_000 => fail(format!(
            "Invalid value for request parameter max_results. It must be at most 50000, but got value {max_results}"
        )),
        Entity::Runs => Ok(()),
        Entity::Experiments if max_results < 1 => fail(format!(
            "Invalid value {max_results} for parameter 'max_results' supplied. It must be a positive integer"
        )),
        Entity::Experiments if max_results > 50_000 => fail(format!(
            "Invalid value {max_results} for parameter 'max_results' supplied. It must be at most 50000"
        )),
        Entity::Experiments => Ok(()),
        Entity::RegisteredModels | Entity::ModelVersions => {
            let limit = if entity == Entity::RegisteredModels {
                1000
            } else {
                200_000
            };
            if max_results < 1 {
                fail(format!(
                    "Invalid value for max_results. It must be a positive integer, but got {max_results}"
                ))
            } else if max_results > limit {
                fail(format!(
                    "Invalid value for request parameter max_results. It must be at most {limit}, but got value {max_results}"
                ))
            } else {
                Ok(())
            }
        }
    }
}

/// One page of `items`: `items[offset : offset + max_results]` with Python slicing (negative
/// offsets count from the end), and the token of the next page if `offset + max_results` is
/// still inside `items`.
pub fn paginate<T>(
    items: Vec<T>,
    max_results: i64,
    page_token: Option<&str>,
) -> Result<(Vec<T>, Option<String>), SearchError> {
    let offset = parse_page_token(page_token)?;
    let end = offset.saturating_add(i128::from(max_results));
    let len = items.len() as i128;
    let next = (end < len).then(|| page_token_for(end));
    let (lo, hi) = (slice_index(offset, len), slice_index(end, len));
    let page = items
        .into_iter()
        .skip(lo)
        .take(hi.saturating_sub(lo))
        .collect();
    Ok((page, next))
}

/// Python's clamping of a slice bound.
fn slice_index(i: i128, len: i128) -> usize {
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    i as usize
}

/// The token for a page starting at `offset`.
pub fn page_token_for(offset: i128) -> String {
    base64_encode(format!("{{\"offset\": {offset}}}").as_bytes())
}

/// The offset a page token stands for (0 when there is none).
pub fn parse_page_token(token: Option<&str>) -> Result<i128, SearchError> {
    let token = match token {
        None | Some("") => return Ok(0),
        Some(t) => t,
    };
    let Some(bytes) = base64_decode_lenient(token) else {
        return fail("Invalid page token, could not base64-decode");
    };
    let Some(parsed) = decode_json_bytes(&bytes) else {
        return fail(format!(
            "Invalid page token, decoded value={}",
            repr_bytes(&bytes)
        ));
    };
    let PyValue::Dict(entries) = &parsed else {
        // MLflow fails with a raw AttributeError here.
        return fail(format!(
            "Invalid page token, parsed value={}",
            parsed.repr()
        ));
    };
    let offset = entries.iter().find(|(k, _)| k == "offset").map(|(_, v)| v);
    let Some(offset) = offset.filter(|v| v.is_truthy()) else {
        return fail(format!(
            "Invalid page token, parsed value={}",
            parsed.repr()
        ));
    };
    let value = match offset {
        PyValue::Int(digits) => py_int(digits),
        PyValue::Bool(b) => Some(i128::from(*b)),
        PyValue::Float(f) => float_to_int(*f),
        PyValue::Str(s) => py_int(s),
        // Lists and dicts make MLflow fail with a raw TypeError.
        _ => None,
    };
    match value {
        Some(v) => Ok(v),
        None => fail(format!(
            "Invalid page token, not stringable {}",
            offset.str()
        )),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `base64.b64decode(s)` without validation (CPython's `a2b_base64`): characters outside the
/// alphabet are skipped, decoding stops after a complete padded quad. `None` where Python
/// raises (incorrect padding, or a non-ASCII string, which Python refuses before decoding).
fn base64_decode_lenient(s: &str) -> Option<Vec<u8>> {
    if !s.is_ascii() {
        return None;
    }
    let mut out = Vec::new();
    let mut quad_pos = 0;
    let mut left: u32 = 0;
    let mut pads = 0;
    for c in s.bytes() {
        if c == b'=' {
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    return Some(out);
                }
            }
            continue;
        }
        let Some(v) = ALPHABET.iter().position(|&a| a == c) else {
            continue;
        };
        let v = v as u32;
        pads = 0;
        match quad_pos {
            0 => {
                left = v;
                quad_pos = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0xf;
                quad_pos = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x3;
                quad_pos = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                quad_pos = 0;
            }
        }
    }
    (quad_pos == 0).then_some(out)
}

/// `json.loads(bytes)`: detects UTF-8/16/32 as Python does, then parses.
fn decode_json_bytes(b: &[u8]) -> Option<PyValue> {
    let text = decode_detected(b)?;
    JsonParser {
        cs: text.chars().collect(),
        i: 0,
    }
    .document()
}

fn decode_detected(b: &[u8]) -> Option<String> {
    let utf16 = |b: &[u8], be: bool| -> Option<String> {
        if !b.len().is_multiple_of(2) {
            return None;
        }
        let units = b.chunks(2).map(|c| {
            if be {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok()
    };
    let utf32 = |b: &[u8], be: bool| -> Option<String> {
        if !b.len().is_multiple_of(4) {
            return None;
        }
        b.chunks(4)
            .map(|c| {
                let a = [c[0], c[1], c[2], c[3]];
                char::from_u32(if be {
                    u32::from_be_bytes(a)
                } else {
                    u32::from_le_bytes(a)
                })
            })
            .collect()
    };
    if let Some(rest) = b.strip_prefix(&[0x00, 0x00, 0xfe, 0xff]) {
        return utf32(rest, true);
    }
    if let Some(rest) = b.strip_prefix(&[0xff, 0xfe, 0x00, 0x00]) {
        return utf32(rest, false);
    }
    if let Some(rest) = b.strip_prefix(&[0xfe, 0xff]) {
        return utf16(rest, true);
    }
    if let Some(rest) = b.strip_prefix(&[0xff, 0xfe]) {
        return utf16(rest, false);
    }
    if let Some(rest) = b.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8(rest.to_vec()).ok();
    }
    if b.len() >= 4 {
        if b[0] == 0 {
            return if b[1] != 0 {
                utf16(b, true)
            } else {
                utf32(b, true)
            };
        }
        if b[1] == 0 {
            return if b[2] != 0 || b[3] != 0 {
                utf16(b, false)
            } else {
                utf32(b, false)
            };
        }
    } else if b.len() == 2 {
        if b[0] == 0 {
            return utf16(b, true);
        }
        if b[1] == 0 {
            return utf16(b, false);
        }
    }
    String::from_utf8(b.to_vec()).ok()
}

/// Python's `json.loads` grammar (NaN and Infinity included), into Python values.
struct JsonParser {
    cs: Vec<char>,
    i: usize,
}

impl JsonParser {
    fn document(mut self) -> Option<PyValue> {
        self.ws();
        let v = self.value(0)?;
        self.ws();
        (self.i == self.cs.len()).then_some(v)
    }

    fn ws(&mut self) {
        while matches!(self.cs.get(self.i), Some(' ' | '\t' | '\n' | '\r')) {
            self.i += 1;
        }
    }

    fn lit(&mut self, word: &str) -> bool {
        let n = word.chars().count();
        if self.cs.len() >= self.i + n
            && self.cs[self.i..self.i + n].iter().copied().eq(word.chars())
        {
            self.i += n;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<PyValue> {
        if depth > 500 {
            return None;
        }
        let c = *self.cs.get(self.i)?;
        match c {
            '{' => self.object(depth),
            '[' => self.array(depth),
            '"' => self.string().map(PyValue::Str),
            'n' if self.lit("null") => Some(PyValue::None),
            't' if self.lit("true") => Some(PyValue::Bool(true)),
            'f' if self.lit("false") => Some(PyValue::Bool(false)),
            'N' if self.lit("NaN") => Some(PyValue::Float(f64::NAN)),
            'I' if self.lit("Infinity") => Some(PyValue::Float(f64::INFINITY)),
            '-' if self.lit("-Infinity") => Some(PyValue::Float(f64::NEG_INFINITY)),
            _ => self.number(),
        }
    }

    fn object(&mut self, depth: usize) -> Option<PyValue> {
        self.i += 1;
        let mut entries: Vec<(String, PyValue)> = Vec::new();
        self.ws();
        if self.cs.get(self.i) == Some(&'}') {
            self.i += 1;
            return Some(PyValue::Dict(entries));
        }
        loop {
            self.ws();
            if self.cs.get(self.i) != Some(&'"') {
                return None;
            }
            let key = self.string()?;
            self.ws();
            if self.cs.get(self.i) != Some(&':') {
                return None;
            }
            self.i += 1;
            self.ws();
            let v = self.value(depth + 1)?;
            // A repeated key keeps its first position and takes the last value.
            match entries.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = v,
                None => entries.push((key, v)),
            }
            self.ws();
            match self.cs.get(self.i) {
                Some(',') => self.i += 1,
                Some('}') => {
                    self.i += 1;
                    return Some(PyValue::Dict(entries));
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<PyValue> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.cs.get(self.i) == Some(&']') {
            self.i += 1;
            return Some(PyValue::List(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.cs.get(self.i) {
                Some(',') => self.i += 1,
                Some(']') => {
                    self.i += 1;
                    return Some(PyValue::List(items));
                }
                _ => return None,
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let c = *self.cs.get(self.i)?;
            self.i += 1;
            match c {
                '"' => return Some(out),
                '\\' => {
                    let e = *self.cs.get(self.i)?;
                    self.i += 1;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\x08'),
                        'f' => out.push('\x0c'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hi = self.hex4()?;
                            let cp = if (0xd800..0xdc00).contains(&hi)
                                && self.cs.get(self.i) == Some(&'\\')
                                && self.cs.get(self.i + 1) == Some(&'u')
                            {
                                let save = self.i;
                                self.i += 2;
                                match self.hex4()? {
                                    lo @ 0xdc00..=0xdfff => {
                                        0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                                    }
                                    _ => {
                                        self.i = save;
                                        hi
                                    }
                                }
                            } else {
                                hi
                            };
                            // Python keeps lone surrogates; they cannot live in a Rust string.
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                        }
                        _ => return None,
                    }
                }
                c if (c as u32) < 0x20 => return None,
                c => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut v = 0;
        for _ in 0..4 {
            v = v * 16 + self.cs.get(self.i)?.to_digit(16)?;
            self.i += 1;
        }
        Some(v)
    }

    fn number(&mut self) -> Option<PyValue> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let s = p.i;
            while p.cs.get(p.i).is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            p.i - s
        };
        if self.cs.get(self.i) == Some(&'-') {
            self.i += 1;
        }
        match self.cs.get(self.i) {
            Some('0') => self.i += 1,
            Some('1'..='9') => {
                digits(self);
            }
            _ => return None,
        }
        let mut is_float = false;
        if self.cs.get(self.i) == Some(&'.')
            && self.cs.get(self.i + 1).is_some_and(|c| c.is_ascii_digit())
        {
            self.i += 1;
            digits(self);
            is_float = true;
        }
        if matches!(self.cs.get(self.i), Some('e' | 'E')) {
            let save = self.i;
            self.i += 1;
            if matches!(self.cs.get(self.i), Some('+' | '-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                self.i = save;
            } else {
                is_float = true;
            }
        }
        let text: String = self.cs[start..self.i].iter().collect();
        if is_float {
            text.parse().ok().map(PyValue::Float)
        } else {
            let trimmed = text.trim_start_matches('-');
            let normalized = if trimmed == "0" {
                "0".to_string()
            } else {
                text
            };
            Some(PyValue::Int(normalized))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(token: &str) -> String {
        parse_page_token(Some(token)).unwrap_err().message
    }

    #[test]
    fn token_is_padded_base64_of_offset_json() {
        assert_eq!(page_token_for(5), "eyJvZmZzZXQiOiA1fQ==");
        assert_eq!(parse_page_token(Some("eyJvZmZzZXQiOiA1fQ==")), Ok(5));
        assert_eq!(parse_page_token(None), Ok(0));
        assert_eq!(parse_page_token(Some("")), Ok(0));
    }

    #[test]
    fn base64_decoding_is_lenient() {
        // Junk characters are skipped, and data after a complete padded quad is ignored.
        assert_eq!(
            parse_page_token(Some("eyJvZmZz!ZXQiOiA1fQ==garbage")),
            Ok(5)
        );
        assert_eq!(
            err("eyJvZmZzZXQiOiA1fQ"),
            "Invalid page token, could not base64-decode"
        );
        assert_eq!(err("é"), "Invalid page token, could not base64-decode");
    }

    #[test]
    fn undecodable_json_shows_python_bytes() {
        assert_eq!(
            err(&base64_encode(b"not json")),
            "Invalid page token, decoded value=b'not json'"
        );
    }

    #[test]
    fn falsy_offset_is_rejected_with_parsed_value() {
        assert_eq!(
            err(&page_token_for(0)),
            "Invalid page token, parsed value={'offset': 0}"
        );
        assert_eq!(
            err(&base64_encode(b"{\"foo\": 1}")),
            "Invalid page token, parsed value={'foo': 1}"
        );
    }

    #[test]
    fn offset_goes_through_python_int() {
        let tok = |json: &str| parse_page_token(Some(&base64_encode(json.as_bytes())));
        assert_eq!(tok(r#"{"offset": "3"}"#), Ok(3));
        assert_eq!(tok(r#"{"offset": " 3 "}"#), Ok(3));
        assert_eq!(tok(r#"{"offset": "1_0"}"#), Ok(10));
        assert_eq!(tok(r#"{"offset": 2.7}"#), Ok(2));
        assert_eq!(tok(r#"{"offset": true}"#), Ok(1));
        assert_eq!(tok(r#"{"offset": -2}"#), Ok(-2));
        assert_eq!(
            tok(r#"{"offset": "abc"}"#).unwrap_err().message,
            "Invalid page token, not stringable abc"
        );
        assert_eq!(
            tok(r#"{"offset": NaN}"#).unwrap_err().message,
            "Invalid page token, not stringable nan"
        );
    }

    #[test]
    fn paginate_slices_and_emits_next_token() {
        let items: Vec<i32> = (0..5).collect();
        assert_eq!(
            paginate(items.clone(), 2, None),
            Ok((vec![0, 1], Some(page_token_for(2))))
        );
        assert_eq!(
            paginate(items.clone(), 2, Some(&page_token_for(4))),
            Ok((vec![4], None))
        );
        assert_eq!(
            paginate(items.clone(), 2, Some(&page_token_for(9))),
            Ok((vec![], None))
        );
    }

    #[test]
    fn runs_max_results_zero_and_negative_slice_like_python() {
        let items: Vec<i32> = (0..3).collect();
        assert_eq!(
            paginate(items.clone(), 0, None),
            Ok((vec![], Some(page_token_for(0))))
        );
        assert_eq!(
            paginate(items.clone(), -1, None),
            Ok((vec![0, 1], Some(page_token_for(-1))))
        );
        // items[-1:1] is empty, and the next token points at offset 1.
        assert_eq!(
            paginate(items.clone(), 2, Some(&page_token_for(-1))),
            Ok((vec![], Some(page_token_for(1))))
        );
        assert_eq!(
            paginate(items, 5, Some(&page_token_for(-1))),
            Ok((vec![2], None))
        );
    }

    #[test]
    fn max_results_limits_per_entity() {
        assert!(check_max_results(Entity::Runs, 0).is_ok());
        assert_eq!(
            check_max_results(Entity::Runs, 50_001).unwrap_err().message,
            "Invalid value for request parameter max_results. It must be at most 50000, but got value 50001"
        );
        assert_eq!(
            check_max_results(Entity::Experiments, 0)
                .unwrap_err()
                .message,
            "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer"
        );
        assert_eq!(
            check_max_results(Entity::RegisteredModels, 1001)
                .unwrap_err()
                .message,
            "Invalid value for request parameter max_results. It must be at most 1000, but got value 1001"
        );
        assert_eq!(
            check_max_results(Entity::ModelVersions, 0)
                .unwrap_err()
                .message,
            "Invalid value for max_results. It must be a positive integer, but got 0"
        );
        assert!(check_max_results(Entity::ModelVersions, 200_000).is_ok());
    }
}
