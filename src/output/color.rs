//! The terminal we draw on: whether to colour (`--color`, `NO_COLOR`, a TTY) and how wide it is.
//! Resolved once by the CLI into a `Terminal`; renderers take that value and never look again.

use std::io::IsTerminal;

use clap::ValueEnum;

/// `--color auto|always|never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks).
    Always,
    /// Never colour.
    Never,
}

/// How output is drawn: resolved once from flags and environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Terminal {
    /// Emit ANSI colours and styles.
    pub color: bool,
    /// Fit tables and charts to this many columns; `None` means no limit (a pipe without
    /// `COLUMNS`), so a redirected table keeps every value whole.
    pub width: Option<u16>,
}

impl Terminal {
    /// Reads the TTY state and the environment once.
    pub fn detect(choice: ColorChoice) -> Terminal {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        let width = if tty {
            terminal_size::terminal_size().map(|(w, _)| w.0)
        } else {
            None
        }
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse::<u16>().ok())
        })
        .filter(|w| *w > 0);
        Terminal {
            color: resolve_color(choice, tty, no_color, dumb),
            width,
        }
    }
}

/// The colour decision: `always` and `never` are final; `auto` colours only a real terminal
/// without `NO_COLOR` and with a `TERM` other than `dumb`.
pub fn resolve_color(choice: ColorChoice, tty: bool, no_color: bool, dumb: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && !no_color && !dumb,
    }
}

/// The ANSI colours series are drawn in (charts, legends), in order; they repeat after the last.
pub const SERIES: [&str; 6] = ["36", "35", "33", "32", "34", "31"];
/// Bold, for titles.
pub const BOLD: &str = "1";

/// The colour of series number `i`.
pub fn series(i: usize) -> &'static str {
    SERIES[i % SERIES.len()]
}

/// `text` wrapped in the SGR `code` when `on`, unchanged otherwise.
pub fn paint(text: &str, code: &str, on: bool) -> String {
    if on && !text.is_empty() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colours_only_a_terminal_without_no_color() {
        assert!(resolve_color(ColorChoice::Auto, true, false, false));
        assert!(!resolve_color(ColorChoice::Auto, false, false, false));
        assert!(!resolve_color(ColorChoice::Auto, true, true, false));
        assert!(!resolve_color(ColorChoice::Auto, true, false, true));
    }

    #[test]
    fn explicit_choices_are_final() {
        assert!(resolve_color(ColorChoice::Always, false, true, true));
        assert!(!resolve_color(ColorChoice::Never, true, false, false));
    }

    #[test]
    fn paint_adds_codes_only_when_on() {
        assert_eq!(paint("x", "33", false), "x");
        assert_eq!(paint("x", "33", true), "\x1b[33mx\x1b[0m");
        assert_eq!(paint("", "33", true), "");
    }
}
