//! `mlrs ui`: a terminal UI over any store mlrs opens (ratatui + crossterm). `app` is the
//! state machine (keys in, data requests out, no terminal), `loader` the background reader
//! that owns the store, `view` the drawing; this module joins them to a real terminal.

pub mod app;
pub mod loader;
pub mod view;

#[cfg(test)]
mod tests;

use std::io::IsTerminal;
use std::sync::mpsc;
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind,
};

use mlrs::backend::{RegistryStore, TrackingStore};
use mlrs::entities::Experiment;
use mlrs::{Error, Result};

use crate::output::columns::Column;
use app::App;

/// How long the loop waits for a key before it looks for answers of the reader again.
const TICK: Duration = Duration::from_millis(50);
/// How often live mode reads the screen's data again.
const LIVE_EVERY: Duration = Duration::from_secs(2);

/// How the UI starts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Read the screen's data again every `LIVE_EVERY`.
    pub live: bool,
    /// Allow confirmed changes to the store.
    pub write: bool,
}

/// Runs the UI until the user quits. `start_in`: open that experiment's runs at once.
pub fn run(
    store: Box<dyn TrackingStore>,
    registry: std::result::Result<Box<dyn RegistryStore>, String>,
    columns: Option<Vec<Column>>,
    start_in: Option<Experiment>,
    options: Options,
) -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::invalid(
            "`mlrs ui` needs a terminal (stdin and stdout); for scripts use `mlrs runs search -o json`",
        ));
    }
    let (requests, inbox) = mpsc::channel();
    let (answers, replies) = mpsc::channel();
    let stores = loader::Stores {
        tracking: store,
        registry,
    };
    std::thread::spawn(move || loader::serve(stores, inbox, answers));
    let send = |reqs: Vec<app::Request>| {
        for r in reqs {
            // The reader only stops when this loop has; nothing to do if it is gone.
            let _ = requests.send(r);
        }
    };
    let mut app = App::new(columns);
    app.live = options.live;
    app.write = options.write;
    send(app.start());
    if let Some(exp) = start_in {
        send(app.open_experiment(exp));
    }
    let mut terminal = ratatui::try_init().map_err(|e| Error::Failed(format!("terminal: {e}")))?;
    let outcome = (|| -> std::io::Result<()> {
        ratatui::crossterm::execute!(std::io::stdout(), EnableMouseCapture)?;
        let mut last_live = std::time::Instant::now();
        while !app.quit {
            terminal.draw(|frame| view::draw(frame, &app))?;
            if last_live.elapsed() >= LIVE_EVERY {
                last_live = std::time::Instant::now();
                send(app.tick());
            }
            if event::poll(TICK)? {
                match event::read()? {
                    Event::Key(key) if key.kind == KeyEventKind::Press => send(app.on_key(key)),
                    Event::Mouse(m) => send(app.on_mouse(m)),
                    _ => {}
                }
            }
            while let Ok(reply) = replies.try_recv() {
                app.on_loaded(reply);
            }
        }
        Ok(())
    })();
    let _ = ratatui::crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    outcome.map_err(|e| Error::Failed(format!("terminal: {e}")))
}
