//! MLflow's search for runs, experiments, registered models and model versions: filter
//! strings, order_by clauses, max_results and page tokens (spec `search.md`). Knows no files:
//! the store implements the view traits and either calls `search_*` (the whole pipeline in
//! MLflow's order of checks) or the steps itself: `check_max_results`, `parse_*_filter`,
//! `matches`, `parse_*_order_by`, `sort_*`, `paginate`. `needs()` on a filter or order tells
//! which metrics, params, tags and datasets will be read, so loading can be planned.
//!
//! Layout: `lexer` and `group` rebuild the token tree sqlparse gives MLflow (its error messages
//! quote pieces of that tree); `parser` turns it into `ast` clauses following each entity's
//! declaration in `entity`; `eval` evaluates clauses lazily; `order` sorts; `page` slices;
//! `pipeline` chains them. Where MLflow silently accepts nonsense, mlrs refuses (DIFFERENCES.md).

mod ast;
mod chars;
mod entity;
mod error;
mod eval;
mod group;
mod latest;
mod lexer;
mod like;
mod order;
mod page;
mod parser;
mod pipeline;
mod pylit;
mod python;
mod query;
#[cfg(test)]
mod robustness;
mod tables;
#[cfg(test)]
mod testing;
mod view_type;

pub use ast::{Clause, Comparator, Key, KeyType, Value};
pub use entity::{
    DatasetRef, Entity, ExperimentView, ModelVersionView, Needs, RegisteredModelView, RunView,
};
pub use error::SearchError;
pub use eval::{
    ExperimentFilter, ModelVersionFilter, PROMPT_TAG, RegisteredModelFilter, RunFilter,
    parse_experiment_filter, parse_model_version_filter, parse_model_version_filter_as_written,
    parse_registered_model_filter, parse_run_filter, retain_matching,
};
pub use latest::{ALL_STAGES, canonical_stages, latest_versions};
pub use order::{
    ExperimentOrder, ModelOrder, OrderClause, RunOrder, parse_experiment_order_by,
    parse_model_version_order_by, parse_model_version_order_clause, parse_order_by_text,
    parse_registered_model_order_by, parse_run_order_by, sort_experiments, sort_model_versions,
    sort_registered_models, sort_runs,
};
pub use page::{check_max_results, page_token_for, paginate, parse_page_token};
pub use pipeline::{
    Page, search_experiments, search_model_versions, search_registered_models, search_runs,
};
pub(crate) use python::{float_repr, py_int};
pub use query::{SearchPage, SearchQuery};
pub use view_type::ViewType;
