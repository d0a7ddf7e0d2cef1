//! The background reader of `mlrs ui`: one thread that owns the store, takes `Request`s and
//! sends `Response`s, so the UI never waits on a disk or a server. Runs arrive page by page
//! (the first page is on screen while the rest is read).

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, Sender};

use mlrs::backend::TrackingStore;
use mlrs::entities::{RunParts, ViewType};
use mlrs::search::SearchQuery;

use super::app::{ChartData, Request, Response, RunDetail};

/// Runs per page of a runs search.
pub const PAGE: i64 = 1000;
/// Metric histories read for a run's detail (sparklines), at most.
pub const MAX_HISTORIES: usize = 50;

/// Serves `requests` from `store` until the UI hangs up.
pub fn serve(
    store: Box<dyn TrackingStore>,
    requests: Receiver<Request>,
    answers: Sender<Response>,
) {
    // An answer to a question the UI has moved on from is dropped there (by its generation).
    while let Ok(request) = requests.recv() {
        if answer(&*store, request, &answers).is_err() {
            return; // the UI is gone
        }
    }
}

fn answer(
    store: &dyn TrackingStore,
    request: Request,
    answers: &Sender<Response>,
) -> Result<(), std::sync::mpsc::SendError<Response>> {
    match request {
        Request::Experiments => answers.send(Response::Experiments(
            store
                .list_experiments(ViewType::ActiveOnly)
                .map_err(|e| e.to_string()),
        )),
        Request::Runs {
            generation,
            experiment_id,
            filter,
        } => {
            let ids = [experiment_id];
            let mut token: Option<String> = None;
            loop {
                let query = SearchQuery {
                    filter: &filter,
                    order_by: &[],
                    max_results: PAGE,
                    page_token: token.as_deref(),
                };
                let page = store
                    .search_runs(&ids, ViewType::ActiveOnly, &query)
                    .map_err(|e| e.to_string());
                let (runs, next) = match page {
                    Ok(p) => {
                        let runs: Vec<_> = store
                            .read_runs(p.items, RunParts::ALL)
                            .into_iter()
                            .filter_map(Result::ok)
                            .collect();
                        (Ok(runs), p.next_page_token)
                    }
                    Err(e) => (Err(e), None),
                };
                let done = next.is_none();
                answers.send(Response::Runs {
                    generation,
                    page: runs,
                    done,
                })?;
                match next {
                    Some(t) => token = Some(t),
                    None => return Ok(()),
                }
            }
        }
        Request::Compare {
            generation,
            run_ids,
        } => {
            let table = run_ids
                .iter()
                .map(|id| store.get_run(id))
                .collect::<mlrs::Result<Vec<_>>>()
                .and_then(|runs| {
                    let c = crate::cli::compare::compare(
                        &runs,
                        &|run_id, key| store.get_metric_history(run_id, key),
                        false,
                    )?;
                    Ok(crate::cli::compare::comparison_table(&runs, &c))
                })
                .map_err(|e| e.to_string());
            answers.send(Response::Compare { generation, table })
        }
        Request::Chart {
            generation,
            run_ids,
        } => {
            let data = run_ids
                .iter()
                .map(|id| {
                    let run = store.get_run(id)?;
                    let mut histories = BTreeMap::new();
                    for key in run.data.metrics.keys() {
                        histories.insert(key.clone(), store.get_metric_history(id, key)?);
                    }
                    Ok((crate::cli::compare::run_label(&run.info), histories))
                })
                .collect::<mlrs::Result<Vec<_>>>()
                .map(|runs| ChartData { runs })
                .map_err(|e| e.to_string());
            answers.send(Response::Chart { generation, data })
        }
        Request::Run { generation, run_id } => {
            let detail = store.get_run(&run_id).map(|run| {
                let mut histories = BTreeMap::new();
                for key in run.data.metrics.keys().take(MAX_HISTORIES) {
                    if let Ok(h) = store.get_metric_history(&run_id, key) {
                        histories.insert(key.clone(), h);
                    }
                }
                Box::new(RunDetail { run, histories })
            });
            answers.send(Response::Run {
                generation,
                detail: detail.map_err(|e| e.to_string()),
            })
        }
    }
}
