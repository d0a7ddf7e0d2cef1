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
/// one streaming pass (memory stays small whatever the file's size), no allocation per line.
/// Any unreadable line makes the file malformed, exactly as `read_metric_history` would say.
pub fn read_latest_metric(key: &str, path: &Path) -> Result<Metric> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    latest_from_reader(key, std::io::BufReader::with_capacity(1 << 16, file)).map_err(|e| match e {
        LatestError::Io(e) => Error::io(path, e),
        LatestError::Malformed(m) => Error::malformed(path, m),
    })
}

/// The latest metric of a metric file's bytes (see `read_latest_metric`).
pub fn latest_of(key: &str, bytes: &[u8]) -> std::result::Result<Metric, String> {
    latest_from_reader(key, bytes).map_err(|e| match e {
        LatestError::Io(e) => e.to_string(),
        LatestError::Malformed(m) => m,
    })
}

enum LatestError {
    Io(std::io::Error),
    Malformed(String),
}

fn latest_from_reader(
    key: &str,
    mut reader: impl std::io::BufRead,
) -> std::result::Result<Metric, LatestError> {
    let mut buf = Vec::with_capacity(64);
    // (step, timestamp, value) of the best line, and its dataset fields when it has them.
    let mut best: Option<(i64, i64, f64)> = None;
    let mut best_dataset: Option<(String, String)> = None;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(LatestError::Io)?;
        if n == 0 {
            break;
        }
        let raw = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = std::str::from_utf8(raw)
            .map_err(|_| LatestError::Malformed("metric file is not valid UTF-8".into()))?;
        let (ts, value, step, dataset) = match fast_fields(line) {
            Some((t, v, s)) => (t, v, s, None),
            None => {
                let m = parse_metric_line(key, line).map_err(LatestError::Malformed)?;
                (
                    m.timestamp,
                    m.value,
                    m.step,
                    m.dataset_name.zip(m.dataset_digest),
                )
            }
        };
        let later = match best {
            None => true,
            Some((bs, bt, bv)) => match (step, ts).cmp(&(bs, bt)) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => value > bv,
            },
        };
        if later {
            best = Some((step, ts, value));
            best_dataset = dataset;
        }
    }
    let (step, timestamp, value) =
        best.ok_or_else(|| LatestError::Malformed("empty metric file".into()))?;
    let (dataset_name, dataset_digest) = best_dataset.unzip();
    Ok(Metric {
        key: key.to_string(),
        value,
        timestamp,
        step,
        dataset_name,
        dataset_digest,
    })
}

/// The common `ts value step` line of plain ASCII digits, parsed without allocating; anything
/// else (signs, underscores, 2 or 5 fields, CR) goes through the full parser.
fn fast_fields(line: &str) -> Option<(i64, f64, i64)> {
    let mut parts = line.splitn(4, ' ');
    let ts = parts.next()?;
    let value = parts.next()?;
    let step = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    let digits = |s: &str| !s.is_empty() && s.len() < 19 && s.bytes().all(|b| b.is_ascii_digit());
    let step_ok = digits(step) || (step.len() > 1 && step.starts_with('-') && digits(&step[1..]));
    if !digits(ts) || !step_ok {
        return None;
    }
    let value_ok = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && value.bytes().any(|b| b.is_ascii_digit());
    let v: f64 = if value_ok {
        value.parse().ok()?
    } else {
        return None;
    };
    Some((ts.parse().ok()?, v, step.parse().ok()?))
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
