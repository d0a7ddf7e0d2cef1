//! Sparklines: a metric history drawn as one line of block characters (`▁▂▃▄▅▆▇█`), for tables.
//! NaN is a gap (a space), +inf the top block, -inf the bottom one.

const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Draws `values` in at most `max_width` characters; longer histories are averaged in equal
/// buckets (finite values only), so the shape survives the squeeze.
pub fn sparkline(values: &[f64], max_width: usize) -> String {
    let values = downsample(values, max_width.max(1));
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    values
        .iter()
        .map(|&v| {
            if v.is_nan() {
                ' '
            } else if v == f64::INFINITY {
                BLOCKS[7]
            } else if v == f64::NEG_INFINITY {
                BLOCKS[0]
            } else if hi <= lo {
                BLOCKS[3]
            } else {
                let level = ((v - lo) / (hi - lo) * 7.0).round() as usize;
                BLOCKS[level.min(7)]
            }
        })
        .collect()
}

/// At most `width` values: bucket means of the finite values (NaN for a bucket with none, an
/// infinity when the bucket's finite mean is taken over nothing but infinities of one sign).
fn downsample(values: &[f64], width: usize) -> Vec<f64> {
    if values.len() <= width {
        return values.to_vec();
    }
    (0..width)
        .map(|b| {
            let start = b * values.len() / width;
            let end = ((b + 1) * values.len() / width).max(start + 1);
            let bucket = &values[start..end];
            let finite: Vec<f64> = bucket.iter().copied().filter(|v| v.is_finite()).collect();
            if !finite.is_empty() {
                finite.iter().sum::<f64>() / finite.len() as f64
            } else {
                bucket
                    .iter()
                    .copied()
                    .find(|v| v.is_infinite())
                    .unwrap_or(f64::NAN)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rising_series_climbs_from_bottom_to_top() {
        assert_eq!(
            sparkline(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], 40),
            "▁▂▃▄▅▆▇█"
        );
    }

    #[test]
    fn flat_series_sits_in_the_middle() {
        assert_eq!(sparkline(&[2.0, 2.0, 2.0], 40), "▄▄▄");
    }

    #[test]
    fn non_finite_values_are_gaps_or_extremes() {
        assert_eq!(
            sparkline(&[0.0, f64::NAN, 1.0, f64::INFINITY, f64::NEG_INFINITY], 40),
            "▁ █".chars().chain(['█', '▁']).collect::<String>()
        );
    }

    #[test]
    fn long_histories_are_squeezed_to_the_width() {
        let values: Vec<f64> = (0..1000).map(f64::from).collect();
        let line = sparkline(&values, 10);
        assert_eq!(line.chars().count(), 10);
        assert!(line.starts_with('▁') && line.ends_with('█'));
    }
}
