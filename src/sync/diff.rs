//! What a destination lacks, computed from what both ends hold: params, tags, metric points and
//! artifact files; and the `log_batch` calls that send it within MLflow's limits. No I/O here.

use std::collections::{BTreeMap, HashSet};

use crate::entities::{Batch, Metric};
use crate::error::{Error, Result};
use crate::validate::{MAX_ENTITIES_PER_BATCH, MAX_METRICS_PER_BATCH, MAX_PARAMS_TAGS_PER_BATCH};

/// The params of `src` the destination lacks; a param it holds with another value is an
/// error (exit 4) naming the run and the key: params are immutable, sync never overwrites.
pub fn missing_params(
    run_label: &str,
    src: &BTreeMap<String, String>,
    dst: &BTreeMap<String, String>,
) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (k, v) in src {
        match dst.get(k) {
            None => out.push((k.clone(), v.clone())),
            Some(have) if have == v => {}
            Some(have) => {
                return Err(Error::AlreadyExists(format!(
                    "param '{k}' of run {run_label} is '{have}' in the destination and '{v}' in the source: params cannot change; sync stopped before writing anything for this run"
                )));
            }
        }
    }
    Ok(out)
}

/// The tags of `want` that `dst` lacks or holds with another value. Sync's own tags
/// (`mlrs.sync.*`) are never part of `want`; tags only the destination has are left alone.
pub fn changed_tags(
    want: &BTreeMap<String, String>,
    dst: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    want.iter()
        .filter(|(k, v)| dst.get(*k) != Some(*v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// The tags of a source object worth copying: all but sync's own.
pub fn copied_tags(tags: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    tags.iter()
        .filter(|(k, _)| !k.starts_with(super::TAG_PREFIX))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// A metric point as both ends can compare it: timestamp, step and value, where ±inf read as
/// the largest finite doubles and -0.0 as 0.0 (MLflow's SQL store keeps them so) and every NaN
/// is one NaN.
fn point_key(m: &Metric) -> (i64, i64, u64) {
    let v = if m.value.is_nan() {
        f64::NAN
    } else if m.value == f64::INFINITY {
        f64::MAX
    } else if m.value == f64::NEG_INFINITY {
        -f64::MAX
    } else if m.value == 0.0 {
        0.0
    } else {
        m.value
    };
    (m.timestamp, m.step, v.to_bits())
}

/// The points of `src` (one metric's history) that `dst` lacks, in the source's logging
/// order. A point the destination holds at least once is not sent again: MLflow's SQL store
/// keeps exact duplicates (same timestamp, step and value) once, so counting copies would send
/// them on every sync. A point it lacks is sent with all its copies. Points only the
/// destination has are left alone.
pub fn missing_points<'a>(src: &'a [Metric], dst: &[Metric]) -> Vec<&'a Metric> {
    let have: HashSet<(i64, i64, u64)> = dst.iter().map(point_key).collect();
    src.iter()
        .filter(|m| !have.contains(&point_key(m)))
        .collect()
}

/// A digest of a run's metric histories (key → points): 16 hex digits of FNV-1a (64-bit)
/// over the keys in order and each key's points as `missing_points` compares them, sorted, so
/// the order a store returns them in does not matter. Sync records it on a destination run once
/// everything was sent; a later sync that computes the same digest from the source knows the
/// destination holds every point (metric points cannot be deleted) without reading its
/// histories back, which is most of a no-op sync's requests to a server.
pub fn metrics_digest<'a>(histories: impl IntoIterator<Item = (&'a str, &'a [Metric])>) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    let mut sorted: Vec<(&str, &[Metric])> = histories.into_iter().collect();
    sorted.sort_by_key(|(key, _)| *key);
    for (key, points) in sorted {
        // Length-prefixed, so no two different lists of keys and points feed the same bytes.
        feed(&(key.len() as u64).to_le_bytes());
        feed(key.as_bytes());
        let mut keys: Vec<(i64, i64, u64)> = points.iter().map(point_key).collect();
        keys.sort_unstable();
        feed(&(keys.len() as u64).to_le_bytes());
        for (timestamp, step, value) in keys {
            feed(&timestamp.to_le_bytes());
            feed(&step.to_le_bytes());
            feed(&value.to_le_bytes());
        }
    }
    format!("{hash:016x}")
}

/// Splits params, tags and metrics into `log_batch` calls within MLflow's limits (at most
/// 100 params, 100 tags and 1000 metrics, 1000 items in all, per call). Params go first, so
/// a run's params are all written before its first metric.
pub fn batches(
    mut params: Vec<(String, String)>,
    mut tags: Vec<(String, String)>,
    mut metrics: Vec<Metric>,
) -> Vec<Batch> {
    params.reverse();
    tags.reverse();
    metrics.reverse();
    let mut out = Vec::new();
    while !(params.is_empty() && tags.is_empty() && metrics.is_empty()) {
        let mut b = Batch::default();
        while b.params.len() < MAX_PARAMS_TAGS_PER_BATCH {
            match params.pop() {
                Some(p) => b.params.push(p),
                None => break,
            }
        }
        while b.tags.len() < MAX_PARAMS_TAGS_PER_BATCH {
            match tags.pop() {
                Some(t) => b.tags.push(t),
                None => break,
            }
        }
        let room =
            MAX_METRICS_PER_BATCH.min(MAX_ENTITIES_PER_BATCH - b.params.len() - b.tags.len());
        while b.metrics.len() < room {
            match metrics.pop() {
                Some(m) => b.metrics.push(m),
                None => break,
            }
        }
        out.push(b);
    }
    out
}

/// The artifact files (path → size) of `src` that `dst` lacks or holds with another size.
pub fn missing_files(
    src: &BTreeMap<String, Option<u64>>,
    dst: &BTreeMap<String, Option<u64>>,
) -> Vec<(String, Option<u64>)> {
    src.iter()
        .filter(|(p, size)| dst.get(*p) != Some(*size))
        .map(|(p, s)| (p.clone(), *s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate_batch_limits;

    fn m(value: f64, timestamp: i64, step: i64) -> Metric {
        Metric {
            key: "k".into(),
            value,
            timestamp,
            step,
            dataset_name: None,
            dataset_digest: None,
        }
    }

    #[test]
    fn only_the_points_the_destination_lacks_are_sent() {
        let src = vec![
            m(1.0, 1, 0),
            m(1.0, 1, 0),
            m(f64::NAN, 2, 1),
            m(f64::INFINITY, 3, 2),
            m(-0.0, 4, 3),
        ];
        // Into an empty destination: every point, duplicates included.
        assert_eq!(missing_points(&src, &[]).len(), 5);
        // NaN, inf and -0.0 as SQL reads them back; a duplicate held once is held.
        let dst = vec![
            m(1.0, 1, 0),
            m(f64::NAN, 2, 1),
            m(f64::MAX, 3, 2),
            m(0.0, 4, 3),
        ];
        assert!(missing_points(&src, &dst).is_empty());
        assert!(missing_points(&src, &src).is_empty());
        // Lost points are sent, in the source's order.
        let missing = missing_points(&src, &dst[2..]);
        let at: Vec<(i64, i64)> = missing.iter().map(|p| (p.timestamp, p.step)).collect();
        assert_eq!(at, vec![(1, 0), (1, 0), (2, 1)]);
        // A point with the same step but another value is another point.
        assert_eq!(missing_points(&[m(2.0, 1, 0)], &dst).len(), 1);
    }

    #[test]
    fn the_metrics_digest_changes_with_any_point_and_not_with_order() {
        let a = vec![m(1.0, 1, 0), m(2.0, 2, 1)];
        let b = vec![m(3.0, 1, 0)];
        let base = metrics_digest([("a", &a[..]), ("b", &b[..])]);
        assert_eq!(base.len(), 16);
        // Keys and points in another order: the same histories.
        let a_rev: Vec<Metric> = a.iter().rev().cloned().collect();
        assert_eq!(metrics_digest([("b", &b[..]), ("a", &a_rev[..])]), base);
        // NaN, inf and -0.0 as a SQL store reads them back: the same points.
        let odd = [m(f64::INFINITY, 1, 0), m(-0.0, 2, 0)];
        let as_sql = [m(f64::MAX, 1, 0), m(0.0, 2, 0)];
        assert_eq!(
            metrics_digest([("k", &odd[..])]),
            metrics_digest([("k", &as_sql[..])])
        );
        // Any other value, step, timestamp, point, key or split between keys: another digest.
        let others: Vec<Vec<(&str, Vec<Metric>)>> = vec![
            vec![("a", vec![m(1.5, 1, 0), m(2.0, 2, 1)]), ("b", b.clone())],
            vec![("a", vec![m(1.0, 1, 5), m(2.0, 2, 1)]), ("b", b.clone())],
            vec![("a", vec![m(1.0, 9, 0), m(2.0, 2, 1)]), ("b", b.clone())],
            vec![("a", a.clone()), ("b", vec![m(3.0, 1, 0), m(3.0, 1, 0)])],
            vec![("a", a.clone())],
            vec![("a", a.clone()), ("c", b.clone())],
            vec![
                ("a", vec![m(1.0, 1, 0)]),
                ("b", vec![m(2.0, 2, 1), m(3.0, 1, 0)]),
            ],
            vec![("ab", a.clone()), ("", b.clone())],
        ];
        for other in &others {
            let d = metrics_digest(other.iter().map(|(k, p)| (*k, &p[..])));
            assert_ne!(d, base, "{other:?}");
        }
    }

    #[test]
    fn a_param_with_another_value_is_a_conflict_naming_run_and_key() {
        let src = BTreeMap::from([("a".to_string(), "1".to_string()), ("b".into(), "2".into())]);
        let dst = BTreeMap::from([("a".to_string(), "1".to_string())]);
        assert_eq!(
            missing_params("r", &src, &dst).unwrap(),
            vec![("b".into(), "2".into())]
        );
        let bad = BTreeMap::from([("b".to_string(), "3".to_string())]);
        let e = missing_params("r1", &src, &bad).unwrap_err();
        assert_eq!(i32::from(e.exit_code()), 4);
        assert!(e.to_string().contains("param 'b' of run r1"), "{e}");
    }

    #[test]
    fn sync_tags_are_never_copied_and_destination_only_tags_stay() {
        let src = BTreeMap::from([
            ("t".to_string(), "1".to_string()),
            ("mlrs.sync.source_run_id".into(), "x".into()),
        ]);
        let want = copied_tags(&src);
        assert_eq!(want.len(), 1);
        let dst = BTreeMap::from([
            ("t".to_string(), "0".to_string()),
            ("own".into(), "y".into()),
        ]);
        assert_eq!(changed_tags(&want, &dst), vec![("t".into(), "1".into())]);
        assert!(changed_tags(&want, &want).is_empty());
    }

    #[test]
    fn batches_stay_within_mlflows_limits_and_keep_everything_in_order() {
        let params: Vec<_> = (0..250)
            .map(|i| (format!("p{i}"), "v".to_string()))
            .collect();
        let tags: Vec<_> = (0..30)
            .map(|i| (format!("t{i}"), "v".to_string()))
            .collect();
        let metrics: Vec<_> = (0..2500).map(|i| m(i as f64, i, i)).collect();
        let out = batches(params, tags, metrics);
        for b in &out {
            validate_batch_limits(b.metrics.len(), b.params.len(), b.tags.len()).unwrap();
        }
        let all_m: Vec<i64> = out
            .iter()
            .flat_map(|b| b.metrics.iter().map(|m| m.step))
            .collect();
        assert_eq!(all_m, (0..2500).collect::<Vec<_>>());
        let all_p: usize = out.iter().map(|b| b.params.len()).sum();
        assert_eq!(all_p, 250);
        assert_eq!(out[0].params.len(), 100);
        assert_eq!(out[0].params[0].0, "p0");
        assert!(batches(Vec::new(), Vec::new(), Vec::new()).is_empty());
    }

    #[test]
    fn files_missing_or_of_another_size_are_sent() {
        let src = BTreeMap::from([("a".to_string(), Some(3)), ("d/b".into(), Some(5))]);
        let dst = BTreeMap::from([("a".to_string(), Some(3)), ("d/b".into(), Some(4))]);
        assert_eq!(missing_files(&src, &dst), vec![("d/b".into(), Some(5))]);
        assert!(missing_files(&src, &src).is_empty());
    }
}
