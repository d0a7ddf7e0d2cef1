
use builtin;
use str;

set edit:completion:arg-completer[mlrs] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mlrs'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mlrs'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand experiments 'Create, list, rename, delete and restore experiments'
            cand runs 'Create, log to, list and describe runs'
            cand artifacts 'List, download and log run artifacts'
            cand models 'The model registry: registered models, versions, stages, aliases, tags, model URIs'
            cand gc 'Permanently remove deleted runs, experiments and logged models (like `mlflow gc`)'
            cand doctor 'Check the store for objects MLflow or mlrs cannot read; repair them with --fix'
            cand store 'Store-wide maintenance (relocate artifact URIs after a move)'
            cand sync 'Push one store''s experiments, runs, artifacts and registry into another, sending only what the destination lacks (ids are the destination''s; the source''s are kept as tags)'
            cand ui 'Explore the store in the terminal: experiments, runs (filter, sort), run details'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;experiments'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Create an experiment'
            cand search 'Search experiments with MLflow''s filter and order_by language'
            cand get 'Show one experiment by id or name'
            cand rename 'Rename an active experiment'
            cand delete 'Delete an experiment: its runs are marked deleted and it moves to .trash/'
            cand restore 'Restore a deleted experiment and its deleted runs'
            cand csv 'Write all runs of an experiment as CSV (to stdout, or to a file with -o)'
            cand set-tag 'Set a tag on an experiment'
            cand delete-tag 'Delete a tag of an experiment'
            cand export 'Export an experiment and its runs in mlflow-export-import''s layout'
            cand import 'Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;experiments;create'= {
            cand -n 'Name of the experiment (unique among active and deleted experiments)'
            cand --experiment-name 'Name of the experiment (unique among active and deleted experiments)'
            cand -l 'Where the experiment''s artifacts go [default: <store>/<id>]'
            cand --artifact-location 'Where the experiment''s artifacts go [default: <store>/<id>]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;search'= {
            cand -v 'active_only, deleted_only or all'
            cand --view 'active_only, deleted_only or all'
            cand --filter 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"'
            cand --filter-file 'Read the filter string from a file, or - for standard input (for filters too long for a command line)'
            cand --order-by 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)'
            cand --max-results 'At most this many results per page [default: MLflow''s for the entity]'
            cand --page-token 'Continue from this page token (printed by the previous page)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --paginate 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;get'= {
            cand -x 'x'
            cand --experiment-id 'experiment-id'
            cand -n 'n'
            cand --experiment-name 'experiment-name'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;rename'= {
            cand -x 'x'
            cand --experiment-id 'experiment-id'
            cand --new-name 'new-name'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;delete'= {
            cand -x 'x'
            cand --experiment-id 'experiment-id'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;restore'= {
            cand -x 'x'
            cand --experiment-id 'experiment-id'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;csv'= {
            cand -x 'x'
            cand --experiment-id 'experiment-id'
            cand -o 'File to write (note: `-o` is the file name here, as in mlflow)'
            cand --filename 'File to write (note: `-o` is the file name here, as in mlflow)'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;set-tag'= {
            cand -x 'x'
            cand --experiment-id 'experiment-id'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;delete-tag'= {
            cand -x 'x'
            cand --experiment-id 'experiment-id'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;export'= {
            cand -x 'x'
            cand --experiment-id 'experiment-id'
            cand --output-dir 'Directory to write experiment.json and runs/<run_id>/ into (created when missing)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --include-deleted 'Export deleted runs too (mlrs imports them; mlflow-export-import 1.2.1''s import-experiment fails on a deleted run)'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;import'= {
            cand --input-dir 'A directory written by `experiments export` or mlflow-export-import''s export-experiment'
            cand --experiment-name 'Import into this experiment (created when missing) [default: the exported name]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --new-ids 'Give every run a new id (parent links remapped) instead of keeping the exported ids'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;experiments;help'= {
            cand create 'Create an experiment'
            cand search 'Search experiments with MLflow''s filter and order_by language'
            cand get 'Show one experiment by id or name'
            cand rename 'Rename an active experiment'
            cand delete 'Delete an experiment: its runs are marked deleted and it moves to .trash/'
            cand restore 'Restore a deleted experiment and its deleted runs'
            cand csv 'Write all runs of an experiment as CSV (to stdout, or to a file with -o)'
            cand set-tag 'Set a tag on an experiment'
            cand delete-tag 'Delete a tag of an experiment'
            cand export 'Export an experiment and its runs in mlflow-export-import''s layout'
            cand import 'Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;experiments;help;create'= {
        }
        &'mlrs;experiments;help;search'= {
        }
        &'mlrs;experiments;help;get'= {
        }
        &'mlrs;experiments;help;rename'= {
        }
        &'mlrs;experiments;help;delete'= {
        }
        &'mlrs;experiments;help;restore'= {
        }
        &'mlrs;experiments;help;csv'= {
        }
        &'mlrs;experiments;help;set-tag'= {
        }
        &'mlrs;experiments;help;delete-tag'= {
        }
        &'mlrs;experiments;help;export'= {
        }
        &'mlrs;experiments;help;import'= {
        }
        &'mlrs;experiments;help;help'= {
        }
        &'mlrs;runs'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the runs of an experiment'
            cand search 'Search runs with MLflow''s filter and order_by language'
            cand describe 'Show a run: info, metrics, params, tags, inputs and outputs'
            cand create 'Create a run and end it at once with a status (like `mlflow runs create`)'
            cand start 'Start a RUNNING run with MLflow''s context tags; end it with `runs end`'
            cand end 'End a run with a status (default finished)'
            cand delete 'Mark a run deleted (restore it with `runs restore`)'
            cand restore 'Restore a deleted run'
            cand log-param 'Log a param (params are immutable: the same value again is fine, another is an error)'
            cand log-metric 'Log one metric value (nan, inf and -inf accepted)'
            cand log-batch 'Log metrics, params and tags from MLflow''s LogBatch JSON body (a file, or - for stdin)'
            cand set-tag 'Set a run tag (mlflow.runName also renames the run)'
            cand delete-tag 'Delete a run tag'
            cand close-stale 'End runs left RUNNING by killed jobs (no write for longer than --older-than)'
            cand metric-history 'Every logged value of one metric, in logging order'
            cand compare 'Params, metrics (latest, min, max) and tags of runs side by side, differences marked'
            cand plot 'Line charts of metric histories, in the terminal or as SVG/PNG files'
            cand best 'Print the id of the run with the best latest value of a metric (NaN and missing never win)'
            cand export 'Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import''s layout'
            cand import 'Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;runs;list'= {
            cand --experiment-id 'experiment-id'
            cand -v 'active_only, deleted_only or all'
            cand --view 'active_only, deleted_only or all'
            cand --columns 'Columns to show, comma-separated: metrics.KEY, params.KEY, tags.KEY or an attribute (run_id, run_name, status, start_time, ...); without an attribute, name and id lead'
            cand --filter 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"'
            cand --filter-file 'Read the filter string from a file, or - for standard input (for filters too long for a command line)'
            cand --order-by 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)'
            cand --max-results 'At most this many results per page [default: MLflow''s for the entity]'
            cand --page-token 'Continue from this page token (printed by the previous page)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --paginate 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;search'= {
            cand --experiment-ids 'Comma-separated experiment ids'
            cand --experiment-names 'Comma-separated experiment names (instead of ids)'
            cand -v 'active_only, deleted_only or all'
            cand --view 'active_only, deleted_only or all'
            cand --filter 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"'
            cand --filter-file 'Read the filter string from a file, or - for standard input (for filters too long for a command line)'
            cand --order-by 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)'
            cand --max-results 'At most this many results per page [default: MLflow''s for the entity]'
            cand --page-token 'Continue from this page token (printed by the previous page)'
            cand --columns 'Table/CSV columns, e.g. metrics.accuracy,params.lr,tags.team (json prints whole runs)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --paginate 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;describe'= {
            cand --run-id 'run-id'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;create'= {
            cand --experiment-id 'experiment-id'
            cand --experiment-name 'Created if it does not exist yet (like mlflow.set_experiment)'
            cand --run-name 'run-name'
            cand --description 'Stored as the mlflow.note.content tag'
            cand -t 'key=value, repeatable'
            cand --tags 'key=value, repeatable'
            cand --parent-run-id 'Makes this a nested run of that parent'
            cand --status 'Final status: finished, failed or killed'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;start'= {
            cand --experiment-id 'experiment-id'
            cand --experiment-name 'Created if it does not exist yet (like mlflow.set_experiment)'
            cand --run-name 'run-name'
            cand --description 'Stored as the mlflow.note.content tag'
            cand -t 'key=value, repeatable'
            cand --tags 'key=value, repeatable'
            cand --parent-run-id 'Makes this a nested run of that parent'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;end'= {
            cand --run-id 'run-id'
            cand --status 'status'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;delete'= {
            cand --run-id 'run-id'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;restore'= {
            cand --run-id 'run-id'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;log-param'= {
            cand --run-id 'run-id'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;log-metric'= {
            cand --run-id 'run-id'
            cand --step 'step'
            cand --timestamp 'Epoch milliseconds [default: now]'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;log-batch'= {
            cand --run-id 'run-id'
            cand --json 'File with the JSON body, or - for standard input'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;set-tag'= {
            cand --run-id 'run-id'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;delete-tag'= {
            cand --run-id 'run-id'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;close-stale'= {
            cand --older-than 'How long without any write: 1d2h3m4s, each part optional'
            cand --status 'The status to end them with: killed, failed or finished'
            cand --experiment-ids 'Only runs of these experiments (comma-separated ids)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --dry-run 'List them, change nothing'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;metric-history'= {
            cand --run-id 'run-id'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;compare'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --only-changed 'Show only the rows whose values differ between the runs'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;plot'= {
            cand --run-id 'A run to plot; repeat for more runs (one line per run)'
            cand --metric 'A metric to plot; repeat for more metrics (one chart per metric)'
            cand --x 'The x axis: the metric''s step, or wall time'
            cand --svg 'Also write the chart as an SVG file'
            cand --png 'Also write the chart as a PNG file'
            cand --width 'Width of the terminal chart in columns [default: the terminal''s, else 80]'
            cand --height 'Height of the terminal chart''s plot area in rows'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;best'= {
            cand --experiment-ids 'Experiments to look in (comma-separated ids)'
            cand --experiment-names 'Experiments to look in, by name (comma-separated)'
            cand --metric 'The metric to rank by (its latest value in each run)'
            cand --filter 'Only runs matching this MLflow filter string (as `runs search --filter`)'
            cand -v 'active_only, deleted_only or all'
            cand --view 'active_only, deleted_only or all'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --max 'The highest value wins (the default)'
            cand --min 'The lowest value wins'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;export'= {
            cand --run-id 'run-id'
            cand --output-dir 'Directory to write run.json and artifacts/ into (created when missing)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --include-deleted 'Export the run even when it is deleted'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;import'= {
            cand --input-dir 'A directory written by `runs export` or mlflow-export-import''s export-run'
            cand --experiment-id 'The experiment to import the run into'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --new-ids 'Give the run a new id instead of keeping the exported one'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;runs;help'= {
            cand list 'List the runs of an experiment'
            cand search 'Search runs with MLflow''s filter and order_by language'
            cand describe 'Show a run: info, metrics, params, tags, inputs and outputs'
            cand create 'Create a run and end it at once with a status (like `mlflow runs create`)'
            cand start 'Start a RUNNING run with MLflow''s context tags; end it with `runs end`'
            cand end 'End a run with a status (default finished)'
            cand delete 'Mark a run deleted (restore it with `runs restore`)'
            cand restore 'Restore a deleted run'
            cand log-param 'Log a param (params are immutable: the same value again is fine, another is an error)'
            cand log-metric 'Log one metric value (nan, inf and -inf accepted)'
            cand log-batch 'Log metrics, params and tags from MLflow''s LogBatch JSON body (a file, or - for stdin)'
            cand set-tag 'Set a run tag (mlflow.runName also renames the run)'
            cand delete-tag 'Delete a run tag'
            cand close-stale 'End runs left RUNNING by killed jobs (no write for longer than --older-than)'
            cand metric-history 'Every logged value of one metric, in logging order'
            cand compare 'Params, metrics (latest, min, max) and tags of runs side by side, differences marked'
            cand plot 'Line charts of metric histories, in the terminal or as SVG/PNG files'
            cand best 'Print the id of the run with the best latest value of a metric (NaN and missing never win)'
            cand export 'Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import''s layout'
            cand import 'Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;runs;help;list'= {
        }
        &'mlrs;runs;help;search'= {
        }
        &'mlrs;runs;help;describe'= {
        }
        &'mlrs;runs;help;create'= {
        }
        &'mlrs;runs;help;start'= {
        }
        &'mlrs;runs;help;end'= {
        }
        &'mlrs;runs;help;delete'= {
        }
        &'mlrs;runs;help;restore'= {
        }
        &'mlrs;runs;help;log-param'= {
        }
        &'mlrs;runs;help;log-metric'= {
        }
        &'mlrs;runs;help;log-batch'= {
        }
        &'mlrs;runs;help;set-tag'= {
        }
        &'mlrs;runs;help;delete-tag'= {
        }
        &'mlrs;runs;help;close-stale'= {
        }
        &'mlrs;runs;help;metric-history'= {
        }
        &'mlrs;runs;help;compare'= {
        }
        &'mlrs;runs;help;plot'= {
        }
        &'mlrs;runs;help;best'= {
        }
        &'mlrs;runs;help;export'= {
        }
        &'mlrs;runs;help;import'= {
        }
        &'mlrs;runs;help;help'= {
        }
        &'mlrs;artifacts'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the artifacts of a run (one directory level)'
            cand download 'Copy artifacts out of a run; prints the local path of the copy'
            cand log-artifact 'Log one local file as an artifact of a run'
            cand log-artifacts 'Log the contents of a local directory as artifacts of a run'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;artifacts;list'= {
            cand -r 'r'
            cand --run-id 'run-id'
            cand -a 'A directory inside the run''s artifacts [default: the root]'
            cand --artifact-path 'A directory inside the run''s artifacts [default: the root]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;artifacts;download'= {
            cand -r 'r'
            cand --run-id 'run-id'
            cand -a 'a'
            cand --artifact-path 'artifact-path'
            cand -u 'A runs:/RUN_ID/PATH URI instead of --run-id/--artifact-path'
            cand --artifact-uri 'A runs:/RUN_ID/PATH URI instead of --run-id/--artifact-path'
            cand -d 'Destination directory [default: a new temporary directory]'
            cand --dst-path 'Destination directory [default: a new temporary directory]'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;artifacts;log-artifact'= {
            cand -l 'l'
            cand --local-file 'local-file'
            cand -r 'r'
            cand --run-id 'run-id'
            cand -a 'a'
            cand --artifact-path 'artifact-path'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;artifacts;log-artifacts'= {
            cand -l 'l'
            cand --local-dir 'local-dir'
            cand -r 'r'
            cand --run-id 'run-id'
            cand -a 'a'
            cand --artifact-path 'artifact-path'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;artifacts;help'= {
            cand list 'List the artifacts of a run (one directory level)'
            cand download 'Copy artifacts out of a run; prints the local path of the copy'
            cand log-artifact 'Log one local file as an artifact of a run'
            cand log-artifacts 'Log the contents of a local directory as artifacts of a run'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;artifacts;help;list'= {
        }
        &'mlrs;artifacts;help;download'= {
        }
        &'mlrs;artifacts;help;log-artifact'= {
        }
        &'mlrs;artifacts;help;log-artifacts'= {
        }
        &'mlrs;artifacts;help;help'= {
        }
        &'mlrs;models'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Create a registered model'
            cand get 'Show a registered model with its tags, aliases and latest versions'
            cand list 'List every registered model, sorted by name'
            cand rename 'Rename a registered model, keeping its versions, tags and aliases'
            cand update 'Set the description of a registered model'
            cand delete 'Delete a registered model and all its versions (no undo, as in MLflow)'
            cand set-tag 'Set a tag on a registered model'
            cand delete-tag 'Delete a tag of a registered model (a missing tag is no error)'
            cand register 'Register a model as a new version (creates the registered model if missing)'
            cand versions 'List the live versions of a registered model, oldest first'
            cand get-version 'Show one model version, by number or by alias'
            cand update-version 'Set the description of a model version'
            cand delete-version 'Delete a model version (soft, as MLflow does); its aliases are removed'
            cand set-version-tag 'Set a tag on a model version'
            cand delete-version-tag 'Delete a tag of a model version (a missing tag is no error)'
            cand transition 'Move a version to None, Staging, Production or Archived'
            cand latest 'The highest version in each stage (None, Staging, Production, Archived)'
            cand set-alias 'Point an alias at a version (`latest` and `v<N>` are reserved)'
            cand delete-alias 'Delete an alias (a missing alias is no error)'
            cand resolve 'Print the local directory behind a models:/ or runs:/ URI'
            cand search 'Search registered models with MLflow''s filter and order_by language'
            cand search-versions 'Search model versions with MLflow''s filter and order_by language'
            cand export 'Export a registered model (versions, stages, aliases, tags) in mlflow-export-import''s layout'
            cand import 'Import a registered model exported by mlrs or mlflow-export-import, version numbers kept'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;models;create'= {
            cand --description 'A description (markdown)'
            cand -t 'A tag as key=value (repeatable)'
            cand --tag 'A tag as key=value (repeatable)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;get'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;rename'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;update'= {
            cand --description 'The new description (markdown)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;delete'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;set-tag'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;delete-tag'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;register'= {
            cand -t 'A version tag as key=value (repeatable)'
            cand --tag 'A version tag as key=value (repeatable)'
            cand --description 'A description (markdown)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;versions'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;get-version'= {
            cand --alias 'An alias instead of a version number (`latest` is the highest version)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;update-version'= {
            cand --description 'The new description (markdown)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;delete-version'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;set-version-tag'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;delete-version-tag'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;transition'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --archive-existing-versions 'Archive the other versions currently in STAGE (Staging or Production only)'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;latest'= {
            cand -s 'Only this stage (repeatable) [default: all four]'
            cand --stage 'Only this stage (repeatable) [default: all four]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;set-alias'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;delete-alias'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;resolve'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;search'= {
            cand --filter 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"'
            cand --filter-file 'Read the filter string from a file, or - for standard input (for filters too long for a command line)'
            cand --order-by 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)'
            cand --max-results 'At most this many results per page [default: MLflow''s for the entity]'
            cand --page-token 'Continue from this page token (printed by the previous page)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --paginate 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;search-versions'= {
            cand --filter 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"'
            cand --filter-file 'Read the filter string from a file, or - for standard input (for filters too long for a command line)'
            cand --order-by 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)'
            cand --max-results 'At most this many results per page [default: MLflow''s for the entity]'
            cand --page-token 'Continue from this page token (printed by the previous page)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --paginate 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;export'= {
            cand --output-dir 'Directory to write model.json (and with --include-runs, <run_id>/) into'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --include-runs 'Also export the run of every version (what mlflow-export-import''s import-model needs)'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;import'= {
            cand --input-dir 'A directory written by `models export` or mlflow-export-import''s export-model'
            cand --experiment-name 'With --include-runs: the experiment for those runs [default: the one they came from]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --include-runs 'Also import the runs the versions point to (from <input-dir>/<run_id>/), ids kept'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;models;help'= {
            cand create 'Create a registered model'
            cand get 'Show a registered model with its tags, aliases and latest versions'
            cand list 'List every registered model, sorted by name'
            cand rename 'Rename a registered model, keeping its versions, tags and aliases'
            cand update 'Set the description of a registered model'
            cand delete 'Delete a registered model and all its versions (no undo, as in MLflow)'
            cand set-tag 'Set a tag on a registered model'
            cand delete-tag 'Delete a tag of a registered model (a missing tag is no error)'
            cand register 'Register a model as a new version (creates the registered model if missing)'
            cand versions 'List the live versions of a registered model, oldest first'
            cand get-version 'Show one model version, by number or by alias'
            cand update-version 'Set the description of a model version'
            cand delete-version 'Delete a model version (soft, as MLflow does); its aliases are removed'
            cand set-version-tag 'Set a tag on a model version'
            cand delete-version-tag 'Delete a tag of a model version (a missing tag is no error)'
            cand transition 'Move a version to None, Staging, Production or Archived'
            cand latest 'The highest version in each stage (None, Staging, Production, Archived)'
            cand set-alias 'Point an alias at a version (`latest` and `v<N>` are reserved)'
            cand delete-alias 'Delete an alias (a missing alias is no error)'
            cand resolve 'Print the local directory behind a models:/ or runs:/ URI'
            cand search 'Search registered models with MLflow''s filter and order_by language'
            cand search-versions 'Search model versions with MLflow''s filter and order_by language'
            cand export 'Export a registered model (versions, stages, aliases, tags) in mlflow-export-import''s layout'
            cand import 'Import a registered model exported by mlrs or mlflow-export-import, version numbers kept'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;models;help;create'= {
        }
        &'mlrs;models;help;get'= {
        }
        &'mlrs;models;help;list'= {
        }
        &'mlrs;models;help;rename'= {
        }
        &'mlrs;models;help;update'= {
        }
        &'mlrs;models;help;delete'= {
        }
        &'mlrs;models;help;set-tag'= {
        }
        &'mlrs;models;help;delete-tag'= {
        }
        &'mlrs;models;help;register'= {
        }
        &'mlrs;models;help;versions'= {
        }
        &'mlrs;models;help;get-version'= {
        }
        &'mlrs;models;help;update-version'= {
        }
        &'mlrs;models;help;delete-version'= {
        }
        &'mlrs;models;help;set-version-tag'= {
        }
        &'mlrs;models;help;delete-version-tag'= {
        }
        &'mlrs;models;help;transition'= {
        }
        &'mlrs;models;help;latest'= {
        }
        &'mlrs;models;help;set-alias'= {
        }
        &'mlrs;models;help;delete-alias'= {
        }
        &'mlrs;models;help;resolve'= {
        }
        &'mlrs;models;help;search'= {
        }
        &'mlrs;models;help;search-versions'= {
        }
        &'mlrs;models;help;export'= {
        }
        &'mlrs;models;help;import'= {
        }
        &'mlrs;models;help;help'= {
        }
        &'mlrs;gc'= {
            cand --older-than 'Only what was deleted at least this long ago: 1d2h3m4s, each part optional'
            cand --run-ids 'Comma-separated run ids (each must be deleted)'
            cand --experiment-ids 'Comma-separated experiment ids (each must be deleted); their deleted runs go too'
            cand --logged-model-ids 'Comma-separated MLflow 3 logged model ids (each must be deleted)'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --dry-run 'Print what would be removed, remove nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;doctor'= {
            cand --stale-after 'Report RUNNING runs without a write for this long'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --fix 'Repair what can be repaired without guessing; quarantine what cannot (nothing is deleted)'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;store'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand migrate 'Copy a whole store into another (file store to SQLite or back): experiments, runs and the model registry with ids, times, stages, version numbers, aliases, tags and every metric point kept, one run at a time; running it again copies nothing twice'
            cand relocate 'Rewrite absolute artifact URIs after the store moved (default target: where it is now)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;store;migrate'= {
            cand --from 'The store to copy: a path, file: URI or sqlite:/// URI (it is only read)'
            cand --to 'The store to copy into: a sqlite:/// URI (created with MLflow''s schema when missing), or, from a SQLite source, a path or file: URI (created when missing)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;store;relocate'= {
            cand --from 'The old location: an absolute path or file:/// URI prefix'
            cand --to 'The new location [default: this store''s root]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --dry-run 'Print what would change, change nothing'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;store;help'= {
            cand migrate 'Copy a whole store into another (file store to SQLite or back): experiments, runs and the model registry with ids, times, stages, version numbers, aliases, tags and every metric point kept, one run at a time; running it again copies nothing twice'
            cand relocate 'Rewrite absolute artifact URIs after the store moved (default target: where it is now)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;store;help;migrate'= {
        }
        &'mlrs;store;help;relocate'= {
        }
        &'mlrs;store;help;help'= {
        }
        &'mlrs;sync'= {
            cand --from 'The store to read: a path, file: URI, sqlite:/// URI or tracking server''s http(s):// URL'
            cand --to 'The store to write into (a file store or database is created when missing)'
            cand --registry-from 'The source''s model registry [default: --from]'
            cand --registry-to 'The destination''s model registry [default: --to]'
            cand -x 'Only this source experiment (repeatable); the registry follows its runs'' models'
            cand --experiment-id 'Only this source experiment (repeatable); the registry follows its runs'' models'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --no-registry 'Leave the model registry alone'
            cand --dry-run 'Print what would be sent; write nothing'
            cand --verify 'Read every metric history in the destination back, not trusting the digest sync left on each run (mlrs.sync.metrics_digest): finds points lost behind sync''s back. Slower'
            cand -q 'Print only the essential value (an id, a path)'
            cand --quiet 'Print only the essential value (an id, a path)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;ui'= {
            cand -x 'Open the runs of this experiment at once'
            cand --experiment-id 'Open the runs of this experiment at once'
            cand -n 'Open the runs of the experiment with this name at once'
            cand --experiment-name 'Open the runs of the experiment with this name at once'
            cand --columns 'The columns of the runs table, as `runs list --columns` takes them (default: run name, status, start time and the first four metrics)'
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --live 'Live mode: read the screen''s data again every 2 seconds (new runs, new metric points); `L` toggles it'
            cand --write 'Allow changes (tag, delete or restore a run; move a version to a stage, set an alias), each behind a y/n confirmation; without it the UI is read-only'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;completions'= {
            cand --tracking-uri 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]'
            cand --registry-uri 'The registry store [default: the tracking URI]'
            cand --color 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never'
            cand --dynamic 'Print a script that asks mlrs at each TAB, so experiment names and ids, run ids and model names are completed from the store (`source <(mlrs completions bash --dynamic)`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mlrs;help'= {
            cand experiments 'Create, list, rename, delete and restore experiments'
            cand runs 'Create, log to, list and describe runs'
            cand artifacts 'List, download and log run artifacts'
            cand models 'The model registry: registered models, versions, stages, aliases, tags, model URIs'
            cand gc 'Permanently remove deleted runs, experiments and logged models (like `mlflow gc`)'
            cand doctor 'Check the store for objects MLflow or mlrs cannot read; repair them with --fix'
            cand store 'Store-wide maintenance (relocate artifact URIs after a move)'
            cand sync 'Push one store''s experiments, runs, artifacts and registry into another, sending only what the destination lacks (ids are the destination''s; the source''s are kept as tags)'
            cand ui 'Explore the store in the terminal: experiments, runs (filter, sort), run details'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mlrs;help;experiments'= {
            cand create 'Create an experiment'
            cand search 'Search experiments with MLflow''s filter and order_by language'
            cand get 'Show one experiment by id or name'
            cand rename 'Rename an active experiment'
            cand delete 'Delete an experiment: its runs are marked deleted and it moves to .trash/'
            cand restore 'Restore a deleted experiment and its deleted runs'
            cand csv 'Write all runs of an experiment as CSV (to stdout, or to a file with -o)'
            cand set-tag 'Set a tag on an experiment'
            cand delete-tag 'Delete a tag of an experiment'
            cand export 'Export an experiment and its runs in mlflow-export-import''s layout'
            cand import 'Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times'
        }
        &'mlrs;help;experiments;create'= {
        }
        &'mlrs;help;experiments;search'= {
        }
        &'mlrs;help;experiments;get'= {
        }
        &'mlrs;help;experiments;rename'= {
        }
        &'mlrs;help;experiments;delete'= {
        }
        &'mlrs;help;experiments;restore'= {
        }
        &'mlrs;help;experiments;csv'= {
        }
        &'mlrs;help;experiments;set-tag'= {
        }
        &'mlrs;help;experiments;delete-tag'= {
        }
        &'mlrs;help;experiments;export'= {
        }
        &'mlrs;help;experiments;import'= {
        }
        &'mlrs;help;runs'= {
            cand list 'List the runs of an experiment'
            cand search 'Search runs with MLflow''s filter and order_by language'
            cand describe 'Show a run: info, metrics, params, tags, inputs and outputs'
            cand create 'Create a run and end it at once with a status (like `mlflow runs create`)'
            cand start 'Start a RUNNING run with MLflow''s context tags; end it with `runs end`'
            cand end 'End a run with a status (default finished)'
            cand delete 'Mark a run deleted (restore it with `runs restore`)'
            cand restore 'Restore a deleted run'
            cand log-param 'Log a param (params are immutable: the same value again is fine, another is an error)'
            cand log-metric 'Log one metric value (nan, inf and -inf accepted)'
            cand log-batch 'Log metrics, params and tags from MLflow''s LogBatch JSON body (a file, or - for stdin)'
            cand set-tag 'Set a run tag (mlflow.runName also renames the run)'
            cand delete-tag 'Delete a run tag'
            cand close-stale 'End runs left RUNNING by killed jobs (no write for longer than --older-than)'
            cand metric-history 'Every logged value of one metric, in logging order'
            cand compare 'Params, metrics (latest, min, max) and tags of runs side by side, differences marked'
            cand plot 'Line charts of metric histories, in the terminal or as SVG/PNG files'
            cand best 'Print the id of the run with the best latest value of a metric (NaN and missing never win)'
            cand export 'Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import''s layout'
            cand import 'Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history'
        }
        &'mlrs;help;runs;list'= {
        }
        &'mlrs;help;runs;search'= {
        }
        &'mlrs;help;runs;describe'= {
        }
        &'mlrs;help;runs;create'= {
        }
        &'mlrs;help;runs;start'= {
        }
        &'mlrs;help;runs;end'= {
        }
        &'mlrs;help;runs;delete'= {
        }
        &'mlrs;help;runs;restore'= {
        }
        &'mlrs;help;runs;log-param'= {
        }
        &'mlrs;help;runs;log-metric'= {
        }
        &'mlrs;help;runs;log-batch'= {
        }
        &'mlrs;help;runs;set-tag'= {
        }
        &'mlrs;help;runs;delete-tag'= {
        }
        &'mlrs;help;runs;close-stale'= {
        }
        &'mlrs;help;runs;metric-history'= {
        }
        &'mlrs;help;runs;compare'= {
        }
        &'mlrs;help;runs;plot'= {
        }
        &'mlrs;help;runs;best'= {
        }
        &'mlrs;help;runs;export'= {
        }
        &'mlrs;help;runs;import'= {
        }
        &'mlrs;help;artifacts'= {
            cand list 'List the artifacts of a run (one directory level)'
            cand download 'Copy artifacts out of a run; prints the local path of the copy'
            cand log-artifact 'Log one local file as an artifact of a run'
            cand log-artifacts 'Log the contents of a local directory as artifacts of a run'
        }
        &'mlrs;help;artifacts;list'= {
        }
        &'mlrs;help;artifacts;download'= {
        }
        &'mlrs;help;artifacts;log-artifact'= {
        }
        &'mlrs;help;artifacts;log-artifacts'= {
        }
        &'mlrs;help;models'= {
            cand create 'Create a registered model'
            cand get 'Show a registered model with its tags, aliases and latest versions'
            cand list 'List every registered model, sorted by name'
            cand rename 'Rename a registered model, keeping its versions, tags and aliases'
            cand update 'Set the description of a registered model'
            cand delete 'Delete a registered model and all its versions (no undo, as in MLflow)'
            cand set-tag 'Set a tag on a registered model'
            cand delete-tag 'Delete a tag of a registered model (a missing tag is no error)'
            cand register 'Register a model as a new version (creates the registered model if missing)'
            cand versions 'List the live versions of a registered model, oldest first'
            cand get-version 'Show one model version, by number or by alias'
            cand update-version 'Set the description of a model version'
            cand delete-version 'Delete a model version (soft, as MLflow does); its aliases are removed'
            cand set-version-tag 'Set a tag on a model version'
            cand delete-version-tag 'Delete a tag of a model version (a missing tag is no error)'
            cand transition 'Move a version to None, Staging, Production or Archived'
            cand latest 'The highest version in each stage (None, Staging, Production, Archived)'
            cand set-alias 'Point an alias at a version (`latest` and `v<N>` are reserved)'
            cand delete-alias 'Delete an alias (a missing alias is no error)'
            cand resolve 'Print the local directory behind a models:/ or runs:/ URI'
            cand search 'Search registered models with MLflow''s filter and order_by language'
            cand search-versions 'Search model versions with MLflow''s filter and order_by language'
            cand export 'Export a registered model (versions, stages, aliases, tags) in mlflow-export-import''s layout'
            cand import 'Import a registered model exported by mlrs or mlflow-export-import, version numbers kept'
        }
        &'mlrs;help;models;create'= {
        }
        &'mlrs;help;models;get'= {
        }
        &'mlrs;help;models;list'= {
        }
        &'mlrs;help;models;rename'= {
        }
        &'mlrs;help;models;update'= {
        }
        &'mlrs;help;models;delete'= {
        }
        &'mlrs;help;models;set-tag'= {
        }
        &'mlrs;help;models;delete-tag'= {
        }
        &'mlrs;help;models;register'= {
        }
        &'mlrs;help;models;versions'= {
        }
        &'mlrs;help;models;get-version'= {
        }
        &'mlrs;help;models;update-version'= {
        }
        &'mlrs;help;models;delete-version'= {
        }
        &'mlrs;help;models;set-version-tag'= {
        }
        &'mlrs;help;models;delete-version-tag'= {
        }
        &'mlrs;help;models;transition'= {
        }
        &'mlrs;help;models;latest'= {
        }
        &'mlrs;help;models;set-alias'= {
        }
        &'mlrs;help;models;delete-alias'= {
        }
        &'mlrs;help;models;resolve'= {
        }
        &'mlrs;help;models;search'= {
        }
        &'mlrs;help;models;search-versions'= {
        }
        &'mlrs;help;models;export'= {
        }
        &'mlrs;help;models;import'= {
        }
        &'mlrs;help;gc'= {
        }
        &'mlrs;help;doctor'= {
        }
        &'mlrs;help;store'= {
            cand migrate 'Copy a whole store into another (file store to SQLite or back): experiments, runs and the model registry with ids, times, stages, version numbers, aliases, tags and every metric point kept, one run at a time; running it again copies nothing twice'
            cand relocate 'Rewrite absolute artifact URIs after the store moved (default target: where it is now)'
        }
        &'mlrs;help;store;migrate'= {
        }
        &'mlrs;help;store;relocate'= {
        }
        &'mlrs;help;sync'= {
        }
        &'mlrs;help;ui'= {
        }
        &'mlrs;help;completions'= {
        }
        &'mlrs;help;help'= {
        }
    ]
    $completions[$command]
}
