//! Rendering of command results: human tables, JSON documents, JSON lines, CSV and TSV.
//! Commands build a `Rendered` value; nothing here knows about the store.

use std::io::{self, Write};
use std::sync::OnceLock;

use clap::ValueEnum;
use serde_json::Value;

pub mod chart;
pub mod color;
pub mod columns;
pub mod json;
pub mod registry_json;
pub mod sparkline;

pub use color::Terminal;

static TERMINAL: OnceLock<Terminal> = OnceLock::new();

/// Records how output is drawn (colour, width); the CLI calls this once after parsing.
pub fn set_terminal(term: Terminal) {
    let _ = TERMINAL.set(term);
}

/// The terminal set by `set_terminal` (no colour, no width limit before that).
pub fn terminal() -> Terminal {
    TERMINAL.get().copied().unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Jsonl,
    Csv,
    Tsv,
}

/// `-o/--output` and `-q/--quiet`, flattened into every command that prints records.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(short = 'o', long = "output", value_enum, default_value_t = Format::Table)]
    pub output: Format,
    /// Print only the essential value (an id, a path).
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

/// A table: headers and rows of cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Indices of rows drawn highlighted when colour is on (e.g. values that differ).
    pub highlighted: Vec<usize>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            ..Table::default()
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// What a command prints: one record or a list, as JSON and as a table.
pub enum Rendered {
    Record(Value, Table),
    List(Vec<Value>, Table),
}

/// Writes `rendered` to stdout in `format`.
pub fn emit(format: Format, rendered: Rendered) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match (format, rendered) {
        (Format::Json, Rendered::Record(v, _)) => writeln!(out, "{}", pretty(&v)),
        (Format::Json, Rendered::List(items, _)) => {
            writeln!(out, "{}", pretty(&Value::Array(items)))
        }
        (Format::Jsonl, Rendered::Record(v, _)) => writeln!(out, "{v}"),
        (Format::Jsonl, Rendered::List(items, _)) => {
            for v in items {
                writeln!(out, "{v}")?;
            }
            Ok(())
        }
        (Format::Table, Rendered::Record(_, t) | Rendered::List(_, t)) => {
            if !t.rows.is_empty() || !t.headers.is_empty() {
                writeln!(out, "{}", render_table(&t))?;
            }
            Ok(())
        }
        (Format::Csv, Rendered::Record(_, t) | Rendered::List(_, t)) => {
            write_delimited(&mut out, &t, ',')
        }
        (Format::Tsv, Rendered::Record(_, t) | Rendered::List(_, t)) => {
            write_delimited(&mut out, &t, '\t')
        }
    }
}

/// An item as `JsonStream` writes it, without separators: one line for jsonl (`lines`), pretty
/// and indented for an array element. Pure, so that many items can be rendered on all cores
/// and then written in order with `JsonStream::rendered`.
pub fn stream_item(lines: bool, v: &Value) -> String {
    if lines {
        return v.to_string();
    }
    let text = pretty(v);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("  ");
        out.push_str(line);
    }
    out
}

/// Writes a JSON array (pretty, exactly as `serde_json::to_string_pretty` would) or JSON lines,
/// one item at a time, so memory stays bounded by one item rather than the whole list.
pub struct JsonStream<W: Write> {
    out: W,
    lines: bool,
    count: usize,
}

impl<W: Write> JsonStream<W> {
    pub fn new(out: W, format: Format) -> JsonStream<W> {
        JsonStream {
            out,
            lines: format == Format::Jsonl,
            count: 0,
        }
    }

    /// Whether this stream writes jsonl (one item a line) rather than a JSON array.
    pub fn is_lines(&self) -> bool {
        self.lines
    }

    /// Writes an item made by `stream_item` with this stream's `is_lines`.
    pub fn rendered(&mut self, item: &str) -> io::Result<()> {
        if self.lines {
            self.out.write_all(item.as_bytes())?;
            self.out.write_all(b"\n")?;
        } else {
            self.out
                .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
            self.out.write_all(item.as_bytes())?;
        }
        self.count += 1;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        if !self.lines {
            self.out
                .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// Pretty JSON with a stable key order (serde_json's maps are sorted).
pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// A human table with comfy-table for the terminal set by `set_terminal`.
pub fn render_table(t: &Table) -> String {
    render_table_for(t, terminal())
}

/// A human table fitted to `term.width` (when known): each row stays one line and a value too
/// long for its column is cut with `…` (json, csv and tsv keep it whole). Headers are bold and
/// highlighted rows yellow when `term.color`.
pub fn render_table_for(t: &Table, term: Terminal) -> String {
    use comfy_table::{Attribute, Cell, Color, ContentArrangement, Row, Table as Comfy, presets};
    let mut table = Comfy::new();
    table.load_style(presets::UTF8_BORDERS_ONLY);
    // Width and styling are decided here from `term`, not by comfy-table probing stdout.
    table.force_no_tty();
    if term.color {
        table.enforce_styling();
    }
    if let Some(width) = term.width {
        table.set_width(width);
        table.set_content_arrangement(ContentArrangement::Dynamic);
    }
    if !t.headers.is_empty() {
        let mut header = Row::from(t.headers.iter().map(|h| {
            let cell = Cell::new(one_line(h));
            if term.color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        header.max_height(1);
        table.set_header(header);
    }
    for (i, cells) in t.rows.iter().enumerate() {
        let highlight = term.color && t.highlighted.contains(&i);
        let mut row = Row::from(cells.iter().map(|c| {
            let cell = Cell::new(one_line(c));
            if highlight {
                cell.fg(Color::Yellow)
            } else {
                cell
            }
        }));
        row.max_height(1);
        table.add_row(row);
    }
    // An id cut short is useless, so id columns keep their width and others give way.
    for (i, h) in t.headers.iter().enumerate() {
        if is_id_header(h)
            && let Some(column) = table.column_mut(i)
        {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
    table.to_string()
}

/// `ID`, `run_id`, `Run ID`, `experiment_id`...
fn is_id_header(h: &str) -> bool {
    let h = h.to_ascii_lowercase();
    h == "id" || h.ends_with("_id") || h.ends_with(" id")
}

/// Table cells show control characters escaped so one value stays one line.
fn one_line(s: &str) -> String {
    s.replace('\n', "\\n")
        .replace('\r', "\\r")
        .replace('\t', "\\t")
}

/// CSV (RFC 4180 quoting) or TSV (tabs, newlines and backslashes escaped).
pub fn write_delimited(out: &mut dyn Write, t: &Table, sep: char) -> io::Result<()> {
    let cell = |s: &str| -> String {
        if sep == ',' {
            if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        } else {
            s.replace('\\', "\\\\")
                .replace('\t', "\\t")
                .replace('\n', "\\n")
                .replace('\r', "\\r")
        }
    };
    let sep_s = sep.to_string();
    if !t.headers.is_empty() {
        writeln!(
            out,
            "{}",
            t.headers
                .iter()
                .map(|h| cell(h))
                .collect::<Vec<_>>()
                .join(&sep_s)
        )?;
    }
    for row in &t.rows {
        writeln!(
            out,
            "{}",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(&sep_s)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_json_array_is_byte_identical_to_serde_pretty() {
        let items = [
            serde_json::json!({"a": 1, "b": [1, 2], "c": {"d": "x\ny"}}),
            serde_json::json!({}),
        ];
        for n in 0..=items.len() {
            let mut buf = Vec::new();
            let mut s = JsonStream::new(&mut buf, Format::Json);
            for v in &items[..n] {
                s.rendered(&stream_item(false, v)).unwrap();
            }
            s.finish().unwrap();
            let want = format!("{}\n", pretty(&Value::Array(items[..n].to_vec())));
            assert_eq!(String::from_utf8(buf).unwrap(), want);
            let mut buf = Vec::new();
            let mut s = JsonStream::new(&mut buf, Format::Jsonl);
            assert!(s.is_lines());
            for v in &items[..n] {
                s.rendered(&stream_item(true, v)).unwrap();
            }
            s.finish().unwrap();
            let want: String = items[..n].iter().map(|v| format!("{v}\n")).collect();
            assert_eq!(String::from_utf8(buf).unwrap(), want);
        }
    }

    #[test]
    fn csv_quotes_only_what_needs_quoting() {
        let mut t = Table::new(&["a", "b"]);
        t.row(vec!["x,y".into(), "plain".into()]);
        t.row(vec!["say \"hi\"".into(), "multi\nline".into()]);
        let mut buf = Vec::new();
        write_delimited(&mut buf, &t, ',').unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "a,b\n\"x,y\",plain\n\"say \"\"hi\"\"\",\"multi\nline\"\n"
        );
    }

    #[test]
    fn tsv_escapes_tabs_and_newlines() {
        let mut t = Table::new(&["k"]);
        t.row(vec!["a\tb\nc".into()]);
        let mut buf = Vec::new();
        write_delimited(&mut buf, &t, '\t').unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), "k\na\\tb\\nc\n");
    }
}
