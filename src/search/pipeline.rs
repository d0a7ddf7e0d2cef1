//! The whole search of each entity in MLflow's order of checks (spec §1): max_results, filter
//! parse, filter evaluation, order_by parse, sort, page token. The store lists the candidates.

use super::entity::{Entity, ExperimentView, ModelVersionView, RegisteredModelView, RunView};
use super::error::SearchError;
use super::eval::{
    parse_experiment_filter, parse_model_version_filter, parse_registered_model_filter,
    parse_run_filter, retain_matching,
};
use super::order::{
    parse_experiment_order_by, parse_model_version_order_by, parse_registered_model_order_by,
    parse_run_order_by, sort_experiments, sort_model_versions, sort_registered_models, sort_runs,
};
use super::page::{check_max_results, paginate};

/// One page of results and the token of the next page.
pub type Page<T> = (Vec<T>, Option<String>);

/// Searches `runs` (all runs of the requested experiments, in the order listed, already
/// restricted to the view type).
pub fn search_runs<T: RunView>(
    runs: Vec<T>,
    filter: &str,
    order_by: &[String],
    max_results: i64,
    page_token: Option<&str>,
) -> Result<Page<T>, SearchError> {
    check_max_results(Entity::Runs, max_results)?;
    let filter = parse_run_filter(filter)?;
    let mut runs = retain_matching(runs, |r| filter.matches(r))?;
    let order = parse_run_order_by(order_by)?;
    sort_runs(&mut runs, &order)?;
    paginate(runs, max_results, page_token)
}

/// Searches `experiments` (those of the requested view type).
pub fn search_experiments<T: ExperimentView>(
    experiments: Vec<T>,
    filter: &str,
    order_by: &[String],
    max_results: i64,
    page_token: Option<&str>,
) -> Result<Page<T>, SearchError> {
    check_max_results(Entity::Experiments, max_results)?;
    let filter = parse_experiment_filter(filter)?;
    let mut experiments = retain_matching(experiments, |e| filter.matches(e))?;
    let order = parse_experiment_order_by(order_by)?;
    sort_experiments(&mut experiments, &order);
    paginate(experiments, max_results, page_token)
}

/// Searches all registered models; prompts are hidden unless the filter names the prompt tag.
pub fn search_registered_models<T: RegisteredModelView>(
    models: Vec<T>,
    filter: &str,
    order_by: &[String],
    max_results: i64,
    page_token: Option<&str>,
) -> Result<Page<T>, SearchError> {
    check_max_results(Entity::RegisteredModels, max_results)?;
    let filter = parse_registered_model_filter(filter)?;
    let mut models = retain_matching(models, |m| filter.matches(m))?;
    let order = parse_registered_model_order_by(order_by)?;
    sort_registered_models(&mut models, &order);
    paginate(models, max_results, page_token)
}

/// Searches all model versions of all models; deleted versions are dropped.
pub fn search_model_versions<T: ModelVersionView>(
    versions: Vec<T>,
    filter: &str,
    order_by: &[String],
    max_results: i64,
    page_token: Option<&str>,
) -> Result<Page<T>, SearchError> {
    check_max_results(Entity::ModelVersions, max_results)?;
    let filter = parse_model_version_filter(filter)?;
    let mut versions = retain_matching(versions, |v| filter.matches(v))?;
    let order = parse_model_version_order_by(order_by)?;
    sort_model_versions(&mut versions, &order);
    paginate(versions, max_results, page_token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::page::page_token_for;
    use crate::search::testing::{MemRun, MemVersion};

    #[test]
    fn checks_run_in_mlflow_order() {
        let runs = || vec![MemRun::new("a", 1).metric("m", 1.0), MemRun::new("b", 2)];
        // max_results before the filter.
        let e = search_runs(runs(), "bad", &[], 50_001, None).unwrap_err();
        assert!(e.message.contains("at most 50000"));
        // Filter evaluation before order_by parsing.
        let e = search_runs(runs(), "metrics.m LIKE 1", &["bad x".into()], 10, None).unwrap_err();
        assert!(e.message.starts_with("Invalid comparator"));
        // order_by before the page token.
        let e = search_runs(runs(), "", &["bad x".into()], 10, Some("!")).unwrap_err();
        assert!(e.message.starts_with("Invalid ordering key"));
    }

    #[test]
    fn runs_pages_follow_the_sorted_order() {
        let runs = vec![
            MemRun::new("a", 1),
            MemRun::new("b", 2),
            MemRun::new("c", 3),
        ];
        let (page, next) = search_runs(runs, "", &[], 2, None).unwrap();
        assert_eq!(
            page.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["c", "b"]
        );
        assert_eq!(next, Some(page_token_for(2)));
    }

    #[test]
    fn model_versions_search_drops_deleted_versions() {
        let mut deleted = MemVersion::new("m", 3, 9);
        deleted.stage = "Deleted_Internal".into();
        let versions = vec![
            MemVersion::new("m", 1, 1),
            deleted,
            MemVersion::new("m", 2, 1),
        ];
        let (page, next) = search_model_versions(versions, "", &[], 10, None).unwrap();
        assert_eq!(page.iter().map(|v| v.version).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(next, None);
    }
}
