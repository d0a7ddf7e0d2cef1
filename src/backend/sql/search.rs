//! Search on the SQL store: the candidates are read from the database (run infos, and only the
//! metrics, params, tags and datasets the filter and the order name), then filtered, sorted and
//! paged by `crate::search`, the same evaluation the file store uses.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{SqlStore, read_value};
use crate::entities::{Experiment, RunInfo, ViewType};
use crate::error::{Error, Result};
use crate::search::{self, DatasetRef, Needs, RunView, SearchPage, SearchQuery};

fn search_error(e: search::SearchError) -> Error {
    Error::InvalidValue(e.message)
}

/// A run as search sees it: its info and the values search asked for, read beforehand.
struct SqlRun {
    info: RunInfo,
    metrics: HashMap<String, f64>,
    params: HashMap<String, String>,
    tags: HashMap<String, String>,
    datasets: Vec<DatasetRef>,
}

impl RunView for SqlRun {
    fn run_id(&self) -> &str {
        &self.info.run_id
    }
    fn run_name(&self) -> Option<&str> {
        Some(self.info.run_name.as_str()).filter(|n| !n.is_empty())
    }
    fn status(&self) -> &str {
        self.info.status.name()
    }
    fn user_id(&self) -> &str {
        &self.info.user_id
    }
    fn artifact_uri(&self) -> &str {
        &self.info.artifact_uri
    }
    fn start_time(&self) -> Option<i64> {
        self.info.start_time
    }
    fn end_time(&self) -> Option<i64> {
        self.info.end_time
    }
    fn metric(&self, key: &str) -> Option<f64> {
        self.metrics.get(key).copied()
    }
    fn param(&self, key: &str) -> Option<String> {
        self.params.get(key).cloned()
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
    fn datasets(&self) -> Vec<DatasetRef> {
        self.datasets.clone()
    }
}

impl SqlStore {
    /// MLflow's `search_runs` over the runs of `experiment_ids`: one page of run infos.
    pub fn search_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        q: &SearchQuery,
    ) -> Result<SearchPage<RunInfo>> {
        search::check_max_results(search::Entity::Runs, q.max_results).map_err(search_error)?;
        let filter = search::parse_run_filter(q.filter).map_err(search_error)?;
        let order = search::parse_run_order_by(q.order_by).map_err(search_error)?;
        let mut needs = filter.needs();
        needs.merge(&order.needs());
        let conn = self.conn();
        let mut runs = Vec::new();
        for id in experiment_ids {
            let Ok(n) = id.parse::<i64>() else { continue };
            runs.extend(self.candidates(&conn, n, view, &needs)?);
        }
        drop(conn);
        let mut matched =
            search::retain_matching(runs, |r| filter.matches(r)).map_err(search_error)?;
        search::sort_runs(&mut matched, &order).map_err(search_error)?;
        let (page, next) =
            search::paginate(matched, q.max_results, q.page_token).map_err(search_error)?;
        Ok(SearchPage {
            items: page.into_iter().map(|r| r.info).collect(),
            next_page_token: next,
        })
    }

    /// The runs of one experiment in `view`, each with the values `needs` names.
    fn candidates(
        &self,
        conn: &Connection,
        experiment_id: i64,
        view: ViewType,
        needs: &Needs,
    ) -> Result<Vec<SqlRun>> {
        let infos = self.run_infos(conn, &[experiment_id.to_string()], view)?;
        let mut runs: Vec<SqlRun> = infos
            .into_iter()
            .map(|info| SqlRun {
                info,
                metrics: HashMap::new(),
                params: HashMap::new(),
                tags: HashMap::new(),
                datasets: Vec::new(),
            })
            .collect();
        let index: HashMap<String, usize> = runs
            .iter()
            .enumerate()
            .map(|(i, r)| (r.info.run_id.clone(), i))
            .collect();
        for key in &needs.metrics {
            let mut st = conn
                .prepare_cached(
                    "SELECT m.run_uuid, m.value, m.is_nan FROM latest_metrics m JOIN runs r ON r.run_uuid = m.run_uuid WHERE r.experiment_id = ?1 AND m.key = ?2",
                )
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map(rusqlite::params![experiment_id, key], |r| {
                    Ok((r.get::<_, String>(0)?, read_value(r.get(1)?, r.get(2)?)))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (run, value) = row.map_err(|e| self.err(e))?;
                if let Some(&i) = index.get(&run) {
                    runs[i].metrics.insert(key.clone(), value);
                }
            }
        }
        for (keys, sql, field) in [
            (
                &needs.params,
                "SELECT p.run_uuid, p.value FROM params p JOIN runs r ON r.run_uuid = p.run_uuid WHERE r.experiment_id = ?1 AND p.key = ?2",
                0,
            ),
            (
                &needs.tags,
                "SELECT t.run_uuid, t.value FROM tags t JOIN runs r ON r.run_uuid = t.run_uuid WHERE r.experiment_id = ?1 AND t.key = ?2",
                1,
            ),
        ] {
            for key in keys {
                for (run, value) in self.run_key_rows(conn, sql, experiment_id, key)? {
                    if let Some(&i) = index.get(&run) {
                        let map = if field == 0 {
                            &mut runs[i].params
                        } else {
                            &mut runs[i].tags
                        };
                        map.insert(key.clone(), value);
                    }
                }
            }
        }
        if needs.datasets {
            let mut st = conn
                .prepare_cached(
                    "SELECT i.destination_id, d.name, d.digest, \
                     (SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context') \
                     FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id \
                     JOIN runs r ON r.run_uuid = i.destination_id \
                     WHERE r.experiment_id = ?1 AND i.source_type = 'DATASET' AND i.destination_type = 'RUN' \
                     ORDER BY i.rowid",
                )
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map([experiment_id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        DatasetRef {
                            name: r.get(1)?,
                            digest: r.get(2)?,
                            context: r.get(3)?,
                        },
                    ))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (run, ds) = row.map_err(|e| self.err(e))?;
                if let Some(&i) = index.get(&run) {
                    runs[i].datasets.push(ds);
                }
            }
        }
        Ok(runs)
    }

    /// MLflow's `search_experiments`.
    pub fn search_experiments(
        &self,
        view: ViewType,
        q: &SearchQuery,
    ) -> Result<SearchPage<Experiment>> {
        search::check_max_results(search::Entity::Experiments, q.max_results)
            .map_err(search_error)?;
        let exps = self.list_experiments(view)?;
        let (items, next) =
            search::search_experiments(exps, q.filter, q.order_by, q.max_results, q.page_token)
                .map_err(search_error)?;
        Ok(SearchPage {
            items,
            next_page_token: next,
        })
    }
}
