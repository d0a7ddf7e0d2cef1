//! The one error type of the search module: a message, worded like MLflow's where MLflow has one.
//! Callers map it to exit code 5 (invalid parameter value).

use std::fmt;

/// A filter, order_by, page token or max_results value that MLflow (or mlrs) refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchError {
    pub message: String,
}

impl SearchError {
    pub fn new(message: impl Into<String>) -> Self {
        SearchError {
            message: message.into(),
        }
    }
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SearchError {}

/// Shorthand for an `Err(SearchError)`.
pub(crate) fn fail<T>(message: impl Into<String>) -> Result<T, SearchError> {
    Err(SearchError::new(message))
}
