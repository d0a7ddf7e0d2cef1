//! Export and import in mlflow-export-import's directory layout and JSON documents, so that
//! what mlrs exports the peer's `import-*` commands read, and what the peer exports mlrs imports.
//!
//! `format` holds the documents (`experiment.json`, `run.json`, `model.json`), `pyjson` the
//! peer's JSON dialect (bare `NaN`/`Infinity`), `export` and `import` the operations, `write`
//! the exact-as-given writes into a store, `summary` the counts every command prints.

mod export;
pub mod format;
pub(crate) mod import;
pub mod pyjson;
mod summary;
pub(crate) mod write;

pub use export::{export_experiment, export_model, export_run, read_run_doc, run_doc};
pub use format::SystemInfo;
pub use import::{import_experiment, import_model, import_run};
pub use summary::{NoProgress, Progress, Summary};
