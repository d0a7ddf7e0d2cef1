//! The background reader of `mlrs ui`: one thread that owns the store, takes `Request`s and
//! sends `Response`s, so the UI never waits on a disk or a server. Runs arrive page by page
//! (the first page is on screen while the rest is read).

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, Sender};

use mlrs::backend::{RegistryStore, TrackingStore};
use mlrs::entities::{RunParts, ViewType};
use mlrs::search::SearchQuery;

use super::app::{Action, ChartData, Request, Response, RunDetail};

/// How much of a file the artifact preview shows.
pub const PREVIEW_BYTES: usize = 64 * 1024;

/// Runs per page of a runs search.
pub const PAGE: i64 = 1000;
/// Metric histories read for a run's detail (sparklines), at most.
pub const MAX_HISTORIES: usize = 50;

/// The stores the UI reads: the tracking store, and the registry when one could be opened
/// (else why not).
pub struct Stores {
    pub tracking: Box<dyn TrackingStore>,
    pub registry: Result<Box<dyn RegistryStore>, String>,
}

/// Serves `requests` from `stores` until the UI hangs up.
pub fn serve(stores: Stores, requests: Receiver<Request>, answers: Sender<Response>) {
    // An answer to a question the UI has moved on from is dropped there (by its generation).
    while let Ok(request) = requests.recv() {
        if answer(&stores, request, &answers).is_err() {
            return; // the UI is gone
        }
    }
}

fn answer(
    stores: &Stores,
    request: Request,
    answers: &Sender<Response>,
) -> Result<(), std::sync::mpsc::SendError<Response>> {
    let store = &*stores.tracking;
    let registry = || stores.registry.as_deref().map_err(Clone::clone);
    match request {
        Request::Models { generation } => answers.send(Response::Models {
            generation,
            models: registry().and_then(|r| r.list_registered_models().map_err(|e| e.to_string())),
        }),
        Request::Versions { generation, name } => answers.send(Response::Versions {
            generation,
            versions: registry()
                .and_then(|r| r.list_model_versions(&name).map_err(|e| e.to_string())),
        }),
        Request::Experiments => answers.send(Response::Experiments(
            store
                .list_experiments(ViewType::ActiveOnly)
                .map_err(|e| e.to_string()),
        )),
        Request::Artifacts {
            generation,
            run_id,
            path,
        } => answers.send(Response::Artifacts {
            generation,
            files: store
                .list_artifacts(&run_id, &path)
                .map_err(|e| e.to_string()),
            path,
        }),
        Request::Preview {
            generation,
            run_id,
            path,
        } => answers.send(Response::Preview {
            generation,
            text: preview(store, &run_id, &path),
            path,
        }),
        Request::Write(action) => answers.send(Response::Written(write(stores, &action))),
        Request::Runs {
            generation,
            experiment_id,
            filter,
            view,
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
                    .search_runs(&ids, view, &query)
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
                .collect::<mlrs::Result<Vec<mlrs::entities::Run>>>()
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

/// Makes a confirmed change; says what was done, or why not.
fn write(stores: &Stores, action: &Action) -> Result<String, String> {
    let registry = || stores.registry.as_deref().map_err(Clone::clone);
    let err = |e: mlrs::Error| e.to_string();
    match action {
        Action::SetTag { run_id, key, value } => {
            stores.tracking.set_tag(run_id, key, value).map_err(err)?;
            Ok(format!("tag {key}={value} set on run {run_id}"))
        }
        Action::DeleteRun { run_id } => {
            stores.tracking.delete_run(run_id).map_err(err)?;
            Ok(format!(
                "run {run_id} deleted (v shows deleted runs, u restores)"
            ))
        }
        Action::RestoreRun { run_id } => {
            stores.tracking.restore_run(run_id).map_err(err)?;
            Ok(format!("run {run_id} restored"))
        }
        Action::Transition {
            name,
            version,
            stage,
        } => {
            let mv = registry()?
                .transition_model_version_stage(name, &version.to_string(), stage, false)
                .map_err(err)?;
            Ok(format!(
                "version {version} of {name} is now in stage {}",
                mv.current_stage.as_str()
            ))
        }
        Action::SetAlias {
            name,
            alias,
            version,
        } => {
            registry()?
                .set_registered_model_alias(name, alias, &version.to_string())
                .map_err(err)?;
            Ok(format!(
                "alias {alias} of {name} points at version {version}"
            ))
        }
    }
}

/// The start of an artifact file as text: copied into a scratch directory (that is how every
/// backend hands out files, a tracking server's included), read up to `PREVIEW_BYTES`, and
/// removed again. A file that is not text says so, with its size.
fn preview(store: &dyn TrackingStore, run_id: &str, path: &str) -> Result<String, String> {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("mlrs-ui-{}-{n}", std::process::id()));
    let result = (|| {
        let local = store
            .download_artifacts(run_id, path, &dir)
            .map_err(|e| e.to_string())?;
        let size = std::fs::metadata(&local).map(|m| m.len()).unwrap_or(0);
        let mut bytes = Vec::with_capacity(PREVIEW_BYTES.min(size as usize));
        use std::io::Read;
        std::fs::File::open(&local)
            .and_then(|f| f.take(PREVIEW_BYTES as u64).read_to_end(&mut bytes))
            .map_err(|e| format!("{}: {e}", local.display()))?;
        Ok(text_preview(&bytes, size))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// `bytes` (the first part of a file of `size` bytes) as text, or a line saying it is binary.
pub fn text_preview(bytes: &[u8], size: u64) -> String {
    // A cut may split a UTF-8 sequence at the end: tolerate that, not invalid text elsewhere.
    let valid = match std::str::from_utf8(bytes) {
        Ok(t) => Some(t),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok(),
        Err(_) => None,
    };
    match valid {
        Some(t) if !t.contains('\0') => {
            let mut out = t.replace('\t', "    ");
            if (bytes.len() as u64) < size {
                out.push_str(&format!("\n… ({size} bytes, first {} shown)", bytes.len()));
            }
            out
        }
        _ => format!("binary file, {size} bytes"),
    }
}
