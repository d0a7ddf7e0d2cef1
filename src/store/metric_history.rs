//! Metric files: one line per logged value (`ts value step [dataset_name dataset_digest]`),
//! parsed the way MLflow's readers parse them and written the way Python's `repr` prints floats.

use std::path::Path;

use crate::entities::Metric;
use crate::error::{Error, Result};

/// Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16.
pub fn python_float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let sci = format!("{:e}", v.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if v < 0.0 { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let body = if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                format!("{}{}.0", digits, "0".repeat(int_len - digits.len()))
            } else {
                format!("{}.{}", &digits[..int_len], &digits[int_len..])
            }
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        };
        format!("{sign}{body}")
    } else {
        let mant = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", exp.abs())
    }
}

/// One metric line as MLflow writes it: `"{ts} {repr(value)} {step}\n"`.
pub fn format_metric_line(m: &Metric) -> String {
    match (&m.dataset_name, &m.dataset_digest) {
        (Some(n), Some(d)) => format!(
            "{} {} {} {} {}\n",
            m.timestamp,
            python_float_repr(m.value),
            m.step,
            n,
            d
        ),
        _ => format!(
            "{} {} {}\n",
            m.timestamp,
            python_float_repr(m.value),
            m.step
        ),
    }
}

/// Python's `int(str)`: surrounding whitespace, a sign, digits with single `_` between them.
pub fn python_int(text: &str) -> Option<i64> {
    let t = text.trim();
    let (neg, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let clean = strip_digit_underscores(body)?;
    if clean.is_empty() || !clean.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = clean.parse().ok()?;
    Some(if neg { -n } else { n })
}

/// Python's `float(str)`: decimals, exponents, `nan`/`inf`/`infinity` in any case, `_` between
/// digits; values too large become infinite.
pub fn python_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let clean = if t.contains('_') {
        strip_digit_underscores(t)?
    } else {
        t.to_string()
    };
    let lower = clean.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if lower.len() - unsigned.len() > 1 {
        return None;
    }
    if matches!(unsigned, "nan" | "inf" | "infinity") {
        return clean.parse::<f64>().ok();
    }
    if !unsigned
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'+' | b'-'))
    {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// Removes `_` that sit between two digits; any other `_` makes the text invalid.
fn strip_digit_underscores(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok =
                i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit();
            if !ok {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(out)
}

/// Parses one metric line (2, 3 or 5 space-separated fields, like MLflow 3's reader).
pub fn parse_metric_line(key: &str, line: &str) -> std::result::Result<Metric, String> {
    let trimmed = line.trim();
    let fields: Vec<&str> = trimmed.split(' ').collect();
    if !matches!(fields.len(), 2 | 3 | 5) {
        return Err(format!(
            "metric line {trimmed:?} has {} fields, expected 2, 3 or 5",
            fields.len()
        ));
    }
    let timestamp = python_int(fields[0])
        .ok_or_else(|| format!("metric line {trimmed:?}: bad timestamp {:?}", fields[0]))?;
    let value = python_float(fields[1])
        .ok_or_else(|| format!("metric line {trimmed:?}: bad value {:?}", fields[1]))?;
    let step = match fields.get(2) {
        Some(s) => {
            python_int(s).ok_or_else(|| format!("metric line {trimmed:?}: bad step {s:?}"))?
        }
        None => 0,
    };
    let (dataset_name, dataset_digest) = if fields.len() == 5 {
        (Some(fields[3].to_string()), Some(fields[4].to_string()))
    } else {
        (None, None)
    };
    Ok(Metric {
        key: key.to_string(),
        value,
        timestamp,
        step,
        dataset_name,
        dataset_digest,
    })
}

/// Every line of a metric file, in file order. Any unreadable line makes the file malformed.
pub fn read_metric_history(key: &str, path: &Path) -> Result<Vec<Metric>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_metric_file(key, &bytes).map_err(|m| Error::malformed(path, m))
}

/// Parses the bytes of a metric file. `splitlines()` semantics: a final newline adds no line,
/// but an empty line anywhere (or an empty file) is an error, as in MLflow.
pub fn parse_metric_file(key: &str, bytes: &[u8]) -> std::result::Result<Vec<Metric>, String> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| "metric file is not valid UTF-8".to_string())?;
    if text.is_empty() {
        return Err("empty metric file".into());
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let body = body.strip_suffix('\r').unwrap_or(body);
    body.split('\n')
        .map(|line| parse_metric_line(key, line))
        .collect()
}

/// The latest value of a metric file (max of step, timestamp, value), without keeping history:
/// one streaming pass over a reused per-thread buffer (memory stays small whatever the file's
/// size), no allocation per line. Any unreadable line makes the file malformed, exactly as
/// `read_metric_history` would say.
pub fn read_latest_metric(key: &str, path: &Path) -> Result<Metric> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    SCAN_BUFFER
        .with_borrow_mut(|buf| latest_from_reader(key, file, buf))
        .map_err(|e| match e {
            LatestError::Io(e) => Error::io(path, e),
            LatestError::Malformed(m) => Error::malformed(path, m),
        })
}

/// The latest metric of a metric file's bytes (see `read_latest_metric`).
pub fn latest_of(key: &str, bytes: &[u8]) -> std::result::Result<Metric, String> {
    latest_from_reader(key, bytes, &mut Vec::new()).map_err(|e| match e {
        LatestError::Io(e) => e.to_string(),
        LatestError::Malformed(m) => m,
    })
}

thread_local! {
    /// The read buffer of `read_latest_metric`, kept between files: a search reads tens of
    /// thousands of small metric files on each thread.
    static SCAN_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Bytes read at a time; a line longer than this grows the buffer.
const SCAN_CHUNK: usize = 1 << 16;

enum LatestError {
    Io(std::io::Error),
    Malformed(String),
}

/// The best line so far: (step, timestamp, value) and its dataset fields when it has them.
#[derive(Default)]
struct Latest {
    best: Option<(i64, i64, f64)>,
    dataset: Option<(String, String)>,
}

impl Latest {
    /// Takes one line (without its `\n`).
    fn line(&mut self, key: &str, raw: &[u8]) -> std::result::Result<(), LatestError> {
        let (ts, value, step, dataset) = match fast_fields(raw) {
            Some((t, v, s)) => (t, v, s, None),
            None => {
                let line = std::str::from_utf8(raw)
                    .map_err(|_| LatestError::Malformed("metric file is not valid UTF-8".into()))?;
                let m = parse_metric_line(key, line).map_err(LatestError::Malformed)?;
                (
                    m.timestamp,
                    m.value,
                    m.step,
                    m.dataset_name.zip(m.dataset_digest),
                )
            }
        };
        let later = match self.best {
            None => true,
            Some((bs, bt, bv)) => match (step, ts).cmp(&(bs, bt)) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => value > bv,
            },
        };
        if later {
            self.best = Some((step, ts, value));
            self.dataset = dataset;
        }
        Ok(())
    }
}

fn latest_from_reader(
    key: &str,
    mut reader: impl std::io::Read,
    buf: &mut Vec<u8>,
) -> std::result::Result<Metric, LatestError> {
    let mut latest = Latest::default();
    // buf[..filled] holds bytes read but not yet taken as lines (at most one partial line).
    let mut filled = 0;
    loop {
        if buf.len() < filled + SCAN_CHUNK {
            buf.resize(filled + SCAN_CHUNK, 0);
        }
        let n = match reader.read(&mut buf[filled..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(LatestError::Io(e)),
        };
        if n == 0 {
            break;
        }
        let end = filled + n;
        let mut start = 0;
        // Only the new bytes can hold a newline: the kept partial line has none.
        let mut from = filled;
        while let Some(at) = buf[from..end].iter().position(|&b| b == b'\n') {
            let nl = from + at;
            latest.line(key, &buf[start..nl])?;
            start = nl + 1;
            from = start;
        }
        buf.copy_within(start..end, 0);
        filled = end - start;
    }
    if filled > 0 {
        latest.line(key, &buf[..filled])?;
    }
    let (step, timestamp, value) = latest
        .best
        .ok_or_else(|| LatestError::Malformed("empty metric file".into()))?;
    let (dataset_name, dataset_digest) = latest.dataset.unzip();
    Ok(Metric {
        key: key.to_string(),
        value,
        timestamp,
        step,
        dataset_name,
        dataset_digest,
    })
}

/// Plain ASCII digits, 1 to 18 of them (no sign, `_` or overflow), as an i64.
fn ascii_digits(field: &[u8]) -> Option<i64> {
    if field.is_empty() || field.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &b in field {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(b - b'0');
    }
    Some(n)
}

/// The common `ts value step` line of plain ASCII digits, parsed without allocating; anything
/// else (signs, underscores, 2 or 5 fields, CR, non-ASCII) goes through the full parser.
fn fast_fields(line: &[u8]) -> Option<(i64, f64, i64)> {
    let sp1 = line.iter().position(|&b| b == b' ')?;
    let rest = &line[sp1 + 1..];
    let sp2 = rest.iter().position(|&b| b == b' ')?;
    let (ts, value, step) = (&line[..sp1], &rest[..sp2], &rest[sp2 + 1..]);
    let ts = ascii_digits(ts)?;
    let step = match step.split_first() {
        Some((b'-', digits)) => -ascii_digits(digits)?,
        _ => ascii_digits(step)?,
    };
    let value_ok = !value.is_empty()
        && value
            .iter()
            .all(|&b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && value.iter().any(u8::is_ascii_digit);
    if !value_ok {
        return None;
    }
    // All ASCII by the check above, so valid UTF-8.
    let v: f64 = std::str::from_utf8(value).ok()?.parse().ok()?;
    Some((ts, v, step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_python_repr() {
        for (v, want) in [
            (1.5, "1.5"),
            (5.0, "5.0"),
            (100.0, "100.0"),
            (1e-7, "1e-07"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (1.2345678901234567e20, "1.2345678901234567e+20"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-2.5, "-2.5"),
            (-0.0, "-0.0"),
            (f64::NAN, "nan"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (1e300, "1e+300"),
            (5e-324, "5e-324"),
        ] {
            assert_eq!(python_float_repr(v), want, "repr({v:e})");
        }
    }

    #[test]
    fn reader_accepts_what_mlflow_accepts() {
        let ok = "1700000000000 1.5\n1 NaN 2\r\n+1700000000000 +1.5 +2\n1_700 7 3\n5 -Infinity 0\n9 1e400 1\n3 0.9 1 ds abc";
        let ms = parse_metric_file("k", ok.as_bytes()).unwrap();
        assert_eq!(ms.len(), 7);
        assert_eq!(ms[0].step, 0);
        assert!(ms[1].value.is_nan());
        assert_eq!(
            (ms[2].timestamp, ms[2].value, ms[2].step),
            (1700000000000, 1.5, 2)
        );
        assert_eq!(ms[3].timestamp, 1700);
        assert_eq!(ms[4].value, f64::NEG_INFINITY);
        assert_eq!(ms[5].value, f64::INFINITY);
        assert_eq!(ms[6].dataset_digest.as_deref(), Some("abc"));
    }

    #[test]
    fn reader_refuses_what_mlflow_refuses() {
        for bad in [
            "",
            "1 2 3\n\n",
            "1\t2\t3",
            "1  2 3",
            "1 2 3 4",
            "1 2 2.0",
            "1.5 2 3",
            "x y z",
        ] {
            assert!(
                parse_metric_file("k", bad.as_bytes()).is_err(),
                "{bad:?} accepted"
            );
        }
    }

    #[test]
    fn latest_of_agrees_with_the_full_history() {
        for text in [
            "5 1.0 0\n6 2.0 1\n7 0.5 1\n",
            "1 nan 3\n1 2.0 3\n",
            "1 2.0 3\n1 nan 3\n",
            "+1 1.5 -2\n1_0 7 -2\r\n",
            "3 0.9 1 ds abc\n4 0.8 0",
            "9 1e400 1\n",
        ] {
            let history = parse_metric_file("k", text.as_bytes()).unwrap();
            let mut best = history[0].clone();
            for m in &history[1..] {
                if m.is_later_than(&best) {
                    best = m.clone();
                }
            }
            let got = latest_of("k", text.as_bytes()).unwrap();
            assert!(
                got.value == best.value || (got.value.is_nan() && best.value.is_nan()),
                "{text:?}"
            );
            assert_eq!(
                (got.timestamp, got.step, got.dataset_name.clone()),
                (best.timestamp, best.step, best.dataset_name.clone()),
                "{text:?}"
            );
        }
        for bad in ["", "1 2 3\n\n", "1 2 2.0", "x y z"] {
            assert!(latest_of("k", bad.as_bytes()).is_err(), "{bad:?}");
        }
    }

    /// The scan keeps at most one partial line between reads: lines split across reads of any
    /// size, and files many times the read chunk, give the same answer as the full history.
    #[test]
    fn latest_is_the_same_whatever_the_read_boundaries() {
        struct Trickle<'a>(&'a [u8], usize);
        impl std::io::Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let n = self.1.min(out.len()).min(self.0.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut text = String::new();
        for i in 0..20_000i64 {
            let step = (i * 7919) % 5003;
            text.push_str(&format!(
                "{} {} {}\n",
                1_700_000_000_000 + i,
                i as f64 / 3.0,
                step
            ));
        }
        text.push_str(&format!(
            "5 {}1 4999 ds digest\n",
            "0".repeat(3 * SCAN_CHUNK)
        ));
        assert!(text.len() > 4 * SCAN_CHUNK);
        let history = parse_metric_file("k", text.as_bytes()).unwrap();
        let mut want = history[0].clone();
        for m in &history[1..] {
            if m.is_later_than(&want) {
                want = m.clone();
            }
        }
        for chunk in [1, 7, 4096, usize::MAX] {
            let mut buf = Vec::new();
            let got = latest_from_reader("k", Trickle(text.as_bytes(), chunk), &mut buf)
                .unwrap_or_else(|_| panic!("chunk {chunk}"));
            assert_eq!(
                (
                    got.timestamp,
                    got.step,
                    got.value.to_bits(),
                    &got.dataset_name
                ),
                (
                    want.timestamp,
                    want.step,
                    want.value.to_bits(),
                    &want.dataset_name
                ),
                "chunk {chunk}"
            );
        }
        let bad = format!("{text}1 2 x\n");
        assert!(latest_from_reader("k", Trickle(bad.as_bytes(), 4096), &mut Vec::new()).is_err());
    }

    #[test]
    fn lines_round_trip_through_the_writer() {
        for v in [
            0.1,
            1e-7,
            -3.0,
            1.2345678901234567e20,
            f64::NAN,
            f64::INFINITY,
        ] {
            let m = Metric {
                key: "k".into(),
                value: v,
                timestamp: 1700000000000,
                step: -5,
                dataset_name: None,
                dataset_digest: None,
            };
            let line = format_metric_line(&m);
            let back = parse_metric_line("k", &line).unwrap();
            assert!(back.value == v || (v.is_nan() && back.value.is_nan()));
            assert_eq!((back.timestamp, back.step), (1700000000000, -5));
        }
    }
}
