//! Line charts of metric histories: in the terminal (braille dots, axes with values, one colour
//! per series, a legend) and as SVG or PNG files drawn by `plotters` for CI artifacts.

use std::path::Path;

use super::color::{self, paint};

/// One line: a label for the legend and its points `(x, y)` in logging order.
#[derive(Debug, Clone)]
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
}

/// One chart: a title (the metric) and its series (one per run).
#[derive(Debug, Clone)]
pub struct Panel {
    pub title: String,
    pub series: Vec<Series>,
}

/// What the x axis holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum XAxis {
    /// The metric's step.
    #[default]
    Step,
    /// Wall time (the point's timestamp, shown in local time).
    Time,
}

impl XAxis {
    pub fn name(self) -> &'static str {
        match self {
            XAxis::Step => "step",
            XAxis::Time => "time",
        }
    }

    /// An x value as an axis label.
    fn label(self, x: f64, span_ms: f64) -> String {
        match self {
            XAxis::Step if (x - x.round()).abs() < 1e-9 => format!("{}", x.round() as i64),
            XAxis::Step => fmt_num(x),
            XAxis::Time => {
                use chrono::TimeZone;
                // Enough precision that neighbouring labels differ.
                let fmt = if span_ms < 10_000.0 {
                    "%H:%M:%S%.3f"
                } else if span_ms < 86_400_000.0 {
                    "%H:%M:%S"
                } else {
                    "%m-%d %H:%M"
                };
                chrono::Local
                    .timestamp_millis_opt(x.round() as i64)
                    .single()
                    .map(|t| t.format(fmt).to_string())
                    .unwrap_or_default()
            }
        }
    }
}

/// The characters that tell series apart when there is no colour.
const SYMBOLS: [char; 6] = ['*', '+', 'o', 'x', '#', '@'];

/// A number for an axis: four significant digits, exponent form for very large or small ones.
pub fn fmt_num(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.into();
    }
    if v == 0.0 {
        return "0".into();
    }
    let a = v.abs();
    if !(1e-3..1e6).contains(&a) {
        return format!("{v:.2e}");
    }
    let decimals = (3 - a.log10().floor() as i32).max(0) as usize;
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".into() } else { s }
}

/// The x and y ranges of the finite points of a panel, widened when flat.
fn bounds(panel: &Panel) -> Option<((f64, f64), (f64, f64))> {
    let mut pts = panel
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .peekable();
    pts.peek()?;
    let (mut x0, mut x1, mut y0, mut y1) = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    for &(x, y) in pts {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let widen = |lo: f64, hi: f64| {
        if hi > lo {
            (lo, hi)
        } else {
            let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
            (lo - pad, hi + pad)
        }
    };
    Some((widen(x0, x1), widen(y0, y1)))
}

/// The points of a series sorted by x (stable), split where a value is not finite.
fn segments(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let mut sorted = points.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (x, y) in sorted {
        if x.is_finite() && y.is_finite() {
            if let Some(last) = out.last_mut() {
                last.push((x, y));
            }
        } else if out.last().is_some_and(|s| !s.is_empty()) {
            out.push(Vec::new());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// A grid of cells, each drawn by the last series that touched it.
struct Canvas {
    /// Columns and rows of character cells.
    cols: usize,
    rows: usize,
    /// Braille: 2x4 dots per cell; otherwise one point per cell, drawn with a symbol.
    braille: bool,
    bits: Vec<u8>,
    owner: Vec<Option<usize>>,
}

impl Canvas {
    fn new(cols: usize, rows: usize, braille: bool) -> Canvas {
        Canvas {
            cols,
            rows,
            braille,
            bits: vec![0; cols * rows],
            owner: vec![None; cols * rows],
        }
    }

    /// Dots per cell across and down.
    fn dots(&self) -> (usize, usize) {
        if self.braille { (2, 4) } else { (1, 1) }
    }

    fn set(&mut self, px: i64, py: i64, series: usize) {
        let (dx, dy) = self.dots();
        let (w, h) = ((self.cols * dx) as i64, (self.rows * dy) as i64);
        if px < 0 || py < 0 || px >= w || py >= h {
            return;
        }
        let (px, py) = (px as usize, py as usize);
        let cell = (py / dy) * self.cols + px / dx;
        if self.braille {
            const BITS: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
            self.bits[cell] |= BITS[px % 2][py % 4];
        }
        self.owner[cell] = Some(series);
    }

    /// Bresenham's line between two dots.
    fn line(&mut self, (x0, y0): (i64, i64), (x1, y1): (i64, i64), series: usize) {
        let (dx, dy) = ((x1 - x0).abs(), -(y1 - y0).abs());
        let (sx, sy) = (if x0 < x1 { 1 } else { -1 }, if y0 < y1 { 1 } else { -1 });
        let (mut x, mut y, mut err) = (x0, y0, dx + dy);
        loop {
            self.set(x, y, series);
            if x == x1 && y == y1 {
                break;
            }
            let e2 = 2 * err;
            if e2 >= dy {
                err += dy;
                x += sx;
            }
            if e2 <= dx {
                err += dx;
                y += sy;
            }
        }
    }

    fn glyph(&self, cell: usize) -> char {
        match (self.owner[cell], self.braille) {
            (None, _) => ' ',
            (Some(_), true) => char::from_u32(0x2800 + u32::from(self.bits[cell])).unwrap_or(' '),
            (Some(s), false) => SYMBOLS[s % SYMBOLS.len()],
        }
    }
}

/// Draws `panel` for a terminal `width` columns wide with a plot `height` rows high.
/// With colour each series has its colour and braille dots; without colour and with more
/// than one series, each series is drawn with its own symbol so the legend still tells them
/// apart.
pub fn render_terminal(
    panel: &Panel,
    x_axis: XAxis,
    width: usize,
    height: usize,
    color: bool,
) -> String {
    let mut out = String::new();
    let title = format!("{} (x: {})", panel.title, x_axis.name());
    out.push_str(&paint(&title, color::BOLD, color));
    out.push('\n');
    let Some(((x0, x1), (y0, y1))) = bounds(panel) else {
        out.push_str("  (no finite values to plot)\n");
        out.push_str(&legend(panel, color, true));
        return out;
    };
    let rows = height.max(3);
    let braille = color || panel.series.len() <= 1;
    let (dx, dy) = if braille { (2usize, 4usize) } else { (1, 1) };
    // Top, middle and bottom values, each on the row holding its dot.
    let y_mid = (y0 + y1) / 2.0;
    let mid_row = (((y1 - y_mid) / (y1 - y0) * (rows * dy - 1) as f64).round() as usize / dy)
        .clamp(1, rows - 2);
    let y_labels: Vec<(usize, String)> = vec![
        (0, fmt_num(y1)),
        (mid_row, fmt_num(y_mid)),
        (rows - 1, fmt_num(y0)),
    ];
    let label_w = y_labels
        .iter()
        .map(|(_, l)| l.chars().count())
        .max()
        .unwrap_or(1);
    let cols = width.saturating_sub(label_w + 2).max(10);

    let mut canvas = Canvas::new(cols, rows, braille);
    let (w_dots, h_dots) = ((cols * dx - 1) as f64, (rows * dy - 1) as f64);
    let to_dot = |(x, y): (f64, f64)| -> (i64, i64) {
        (
            ((x - x0) / (x1 - x0) * w_dots).round() as i64,
            ((y1 - y) / (y1 - y0) * h_dots).round() as i64,
        )
    };
    for (i, s) in panel.series.iter().enumerate() {
        for seg in segments(&s.points) {
            let dots: Vec<(i64, i64)> = seg.iter().map(|&p| to_dot(p)).collect();
            canvas.set(dots[0].0, dots[0].1, i);
            for pair in dots.windows(2) {
                canvas.line(pair[0], pair[1], i);
            }
        }
    }

    for r in 0..rows {
        let label = y_labels
            .iter()
            .find(|(row, _)| *row == r)
            .map(|(_, l)| l.as_str());
        out.push_str(&format!(
            "{:>label_w$} {}",
            label.unwrap_or(""),
            if label.is_some() { '┤' } else { '│' }
        ));
        let mut current: Option<usize> = None;
        for c in 0..cols {
            let cell = r * cols + c;
            let owner = canvas.owner[cell];
            if color && owner != current {
                if current.is_some() {
                    out.push_str("\x1b[0m");
                }
                if let Some(s) = owner {
                    out.push_str(&format!("\x1b[{}m", color::series(s)));
                }
                current = owner;
            }
            out.push(canvas.glyph(cell));
        }
        if color && current.is_some() {
            out.push_str("\x1b[0m");
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }

    // The x axis: ticks at the first, middle (a whole step on a step axis) and last value.
    let span = x1 - x0;
    let x_mid = match x_axis {
        XAxis::Step if x0.fract() == 0.0 && x1.fract() == 0.0 => ((x0 + x1) / 2.0).floor(),
        _ => (x0 + x1) / 2.0,
    };
    let column = |x: f64| ((((x - x0) / span * w_dots).round() as usize) / dx).min(cols - 1);
    let ticks = [(0, x0), (column(x_mid), x_mid), (cols - 1, x1)];
    let mut axis: Vec<char> = vec!['─'; cols];
    for (c, _) in ticks {
        axis[c] = '┬';
    }
    out.push_str(&format!(
        "{:>label_w$} └{}\n",
        "",
        axis.iter().collect::<String>()
    ));
    let mut line: Vec<char> = vec![' '; cols];
    let mut place = |text: &str, start: usize| {
        let chars: Vec<char> = text.chars().collect();
        let start = start.min(cols.saturating_sub(chars.len()));
        if line[start..(start + chars.len()).min(cols)]
            .iter()
            .all(|c| *c == ' ')
            && (start == 0 || line[start - 1] == ' ')
        {
            for (i, ch) in chars.into_iter().enumerate() {
                if start + i < cols {
                    line[start + i] = ch;
                }
            }
        }
    };
    let [first, middle, last] = ticks.map(|(_, x)| x_axis.label(x, span));
    place(&first, 0);
    place(&last, cols.saturating_sub(last.chars().count()));
    place(
        &middle,
        ticks[1].0.saturating_sub(middle.chars().count() / 2),
    );
    out.push_str(&format!(
        "{:>label_w$}  {}\n",
        "",
        line.iter().collect::<String>().trim_end()
    ));
    out.push_str(&legend(panel, color, braille));
    out
}

/// One legend line per series, in its colour (or with its symbol).
fn legend(panel: &Panel, color: bool, braille: bool) -> String {
    let mut out = String::new();
    for (i, s) in panel.series.iter().enumerate() {
        let mark = if braille {
            "━━".to_string()
        } else {
            SYMBOLS[i % SYMBOLS.len()].to_string().repeat(2)
        };
        let empty = if segments(&s.points).is_empty() {
            " (no values)"
        } else {
            ""
        };
        out.push_str(&format!(
            "  {} {}{}\n",
            paint(&mark, color::series(i), color),
            s.label,
            empty
        ));
    }
    out
}

/// The image formats `runs plot` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
}

/// Series colours in images (matplotlib's tab10, so charts look familiar next to MLflow's).
const PALETTE: [(u8, u8, u8); 6] = [
    (0x1f, 0x77, 0xb4),
    (0xff, 0x7f, 0x0e),
    (0x2c, 0xa0, 0x2c),
    (0xd6, 0x27, 0x28),
    (0x94, 0x67, 0xbd),
    (0x8c, 0x56, 0x4b),
];

/// The RGB colour of series `i` in images.
pub fn image_color(i: usize) -> (u8, u8, u8) {
    PALETTE[i % PALETTE.len()]
}

/// Writes the panels, stacked, as an SVG or PNG file.
pub fn write_image(
    path: &Path,
    format: ImageFormat,
    panels: &[Panel],
    x: XAxis,
) -> Result<(), String> {
    use plotters::prelude::*;
    register_font();
    let size = (1000, 420 * panels.len().max(1) as u32);
    match format {
        ImageFormat::Svg => draw(SVGBackend::new(path, size).into_drawing_area(), panels, x),
        ImageFormat::Png => draw(
            BitMapBackend::new(path, size).into_drawing_area(),
            panels,
            x,
        ),
    }
}

/// plotters draws text with ab_glyph from a font registered by bytes, so a PNG needs no
/// system fonts (CI images often have none).
fn register_font() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = plotters::style::register_font(
            "sans-serif",
            plotters::style::FontStyle::Normal,
            dejavu::sans::regular(),
        );
    });
}

fn draw<DB: plotters::prelude::DrawingBackend>(
    root: plotters::drawing::DrawingArea<DB, plotters::coord::Shift>,
    panels: &[Panel],
    x_axis: XAxis,
) -> Result<(), String> {
    use plotters::prelude::*;
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let areas = root.split_evenly((panels.len().max(1), 1));
    for (area, panel) in areas.iter().zip(panels) {
        let ((x0, x1), (y0, y1)) = bounds(panel).unwrap_or(((0.0, 1.0), (0.0, 1.0)));
        let mut chart = ChartBuilder::on(area)
            .caption(&panel.title, ("sans-serif", 22))
            .margin(14)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(err)?;
        let span = x1 - x0;
        let x_fmt = |v: &f64| x_axis.label(*v, span);
        let y_fmt = |v: &f64| fmt_num(*v);
        chart
            .configure_mesh()
            .x_desc(x_axis.name())
            .x_labels(6)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .light_line_style(RGBColor(235, 235, 235))
            .draw()
            .map_err(err)?;
        for (i, s) in panel.series.iter().enumerate() {
            let (r, g, b) = image_color(i);
            let style = RGBColor(r, g, b).stroke_width(2);
            let mut segs = segments(&s.points);
            if segs.is_empty() {
                segs.push(Vec::new());
            }
            for (j, seg) in segs.into_iter().enumerate() {
                let dot = if seg.len() == 1 { 3 } else { 0 };
                let drawn = chart
                    .draw_series(LineSeries::new(seg, style).point_size(dot))
                    .map_err(err)?;
                if j == 0 {
                    drawn
                        .label(s.label.as_str())
                        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], style));
                }
            }
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font(("sans-serif", 14))
            .draw()
            .map_err(err)?;
    }
    root.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panel(series: Vec<Vec<(f64, f64)>>) -> Panel {
        Panel {
            title: "loss".into(),
            series: series
                .into_iter()
                .enumerate()
                .map(|(i, points)| Series {
                    label: format!("run{i}"),
                    points,
                })
                .collect(),
        }
    }

    #[test]
    fn numbers_on_axes_keep_four_significant_digits() {
        assert_eq!(fmt_num(0.91234), "0.9123");
        assert_eq!(fmt_num(12.345), "12.35");
        assert_eq!(fmt_num(12345.0), "12345");
        assert_eq!(fmt_num(0.5), "0.5");
        assert_eq!(fmt_num(0.0), "0");
        assert_eq!(fmt_num(1.5e7), "1.50e7");
        assert_eq!(fmt_num(-0.00001), "-1.00e-5");
    }

    #[test]
    fn nan_splits_a_line_into_segments() {
        let s = segments(&[(0.0, 1.0), (1.0, f64::NAN), (2.0, 3.0), (3.0, 4.0)]);
        assert_eq!(s, vec![vec![(0.0, 1.0)], vec![(2.0, 3.0), (3.0, 4.0)]]);
    }

    #[test]
    fn a_rising_line_goes_from_bottom_left_to_top_right() {
        let text = render_terminal(
            &panel(vec![vec![(0.0, 0.0), (10.0, 1.0)]]),
            XAxis::Step,
            40,
            4,
            false,
        );
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].trim_start().starts_with("1 ┤"), "{text}");
        assert!(lines[4].trim_start().starts_with("0 ┤"), "{text}");
        assert!(
            lines[1]
                .trim_end()
                .ends_with(|c: char| ('\u{2801}'..='\u{28ff}').contains(&c))
        );
        // The first point is the bottom-left dot of the first cell.
        let first = lines[4].split('┤').nth(1).and_then(|r| r.chars().next());
        assert!(
            first.is_some_and(|c| (c as u32 - 0x2800) & 0x40 != 0),
            "{text}"
        );
    }

    #[test]
    fn without_colour_two_series_get_two_symbols() {
        let text = render_terminal(
            &panel(vec![
                vec![(0.0, 0.0), (5.0, 1.0)],
                vec![(0.0, 1.0), (5.0, 0.0)],
            ]),
            XAxis::Step,
            30,
            5,
            false,
        );
        assert!(text.contains('*') && text.contains('+'), "{text}");
        assert!(
            text.contains("** run0") && text.contains("++ run1"),
            "{text}"
        );
        assert!(!text.contains('\x1b'));
    }

    #[test]
    fn with_colour_each_series_has_its_ansi_colour() {
        let text = render_terminal(
            &panel(vec![
                vec![(0.0, 0.0), (5.0, 1.0)],
                vec![(0.0, 1.0), (5.0, 0.0)],
            ]),
            XAxis::Step,
            30,
            5,
            true,
        );
        assert!(
            text.contains("\x1b[36m") && text.contains("\x1b[35m"),
            "{text:?}"
        );
    }

    #[test]
    fn a_panel_without_finite_values_says_so() {
        let text = render_terminal(
            &panel(vec![vec![(0.0, f64::NAN)]]),
            XAxis::Step,
            30,
            5,
            false,
        );
        assert!(text.contains("no finite values"), "{text}");
        assert!(text.contains("run0 (no values)"), "{text}");
    }
}
