//! mlrs: read and write MLflow's local file store (`mlruns/`) directly.
//!
//! The library holds everything but the command line: `backend` the store interface the
//! command line talks to (and which store a URI opens), `store` the file store's on-disk
//! format, `entities` the data, `validate` MLflow's rules, `error` the typed failures.

pub mod backend;
pub mod entities;
pub mod error;
pub mod search;
pub mod store;
pub mod sync;
pub mod transfer;
pub mod validate;

pub use backend::{RegistryStore, TrackingStore};
pub use error::{Error, ExitCode, Result};
pub use store::FileStore;
pub use store::parallel;
