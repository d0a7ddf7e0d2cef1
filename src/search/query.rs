//! What a search asks a store for and the page it gets back, as MLflow's search APIs take
//! and return them; shared by every store backend.

/// What a search asks for, as MLflow's search APIs take it.
#[derive(Debug, Clone)]
pub struct SearchQuery<'a> {
    pub filter: &'a str,
    pub order_by: &'a [String],
    pub max_results: i64,
    pub page_token: Option<&'a str>,
}

/// One page of a search and MLflow's token for the next one.
pub struct SearchPage<T> {
    pub items: Vec<T>,
    pub next_page_token: Option<String>,
}
