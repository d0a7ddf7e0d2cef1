
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mlrs' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mlrs'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mlrs' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('experiments', 'experiments', [CompletionResultType]::ParameterValue, 'Create, list, rename, delete and restore experiments')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'Create, log to, list and describe runs')
            [CompletionResult]::new('artifacts', 'artifacts', [CompletionResultType]::ParameterValue, 'List, download and log run artifacts')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'The model registry: registered models, versions, stages, aliases, tags, model URIs')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Permanently remove deleted runs, experiments and logged models (like `mlflow gc`)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the store for objects MLflow or mlrs cannot read; repair them with --fix')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Store-wide maintenance (relocate artifact URIs after a move)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Push one store''s experiments, runs, artifacts and registry into another, sending only what the destination lacks (ids are the destination''s; the source''s are kept as tags)')
            [CompletionResult]::new('ui', 'ui', [CompletionResultType]::ParameterValue, 'Explore the store in the terminal: experiments, runs (filter, sort), run details')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;experiments' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an experiment')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search experiments with MLflow''s filter and order_by language')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one experiment by id or name')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename an active experiment')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an experiment: its runs are marked deleted and it moves to .trash/')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted experiment and its deleted runs')
            [CompletionResult]::new('csv', 'csv', [CompletionResultType]::ParameterValue, 'Write all runs of an experiment as CSV (to stdout, or to a file with -o)')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on an experiment')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag of an experiment')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export an experiment and its runs in mlflow-export-import''s layout')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;experiments;create' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the experiment (unique among active and deleted experiments)')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Name of the experiment (unique among active and deleted experiments)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Where the experiment''s artifacts go [default: <store>/<id>]')
            [CompletionResult]::new('--artifact-location', '--artifact-location', [CompletionResultType]::ParameterName, 'Where the experiment''s artifacts go [default: <store>/<id>]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;search' {
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'active_only, deleted_only or all')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'active_only, deleted_only or all')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"')
            [CompletionResult]::new('--filter-file', '--filter-file', [CompletionResultType]::ParameterName, 'Read the filter string from a file, or - for standard input (for filters too long for a command line)')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'At most this many results per page [default: MLflow''s for the entity]')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Continue from this page token (printed by the previous page)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;get' {
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'x')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'n')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'experiment-name')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;rename' {
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'x')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('--new-name', '--new-name', [CompletionResultType]::ParameterName, 'new-name')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;delete' {
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'x')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;restore' {
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'x')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;csv' {
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'x')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'File to write (note: `-o` is the file name here, as in mlflow)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'File to write (note: `-o` is the file name here, as in mlflow)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;set-tag' {
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'x')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;delete-tag' {
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'x')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;export' {
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'x')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('--output-dir', '--output-dir', [CompletionResultType]::ParameterName, 'Directory to write experiment.json and runs/<run_id>/ into (created when missing)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--include-deleted', '--include-deleted', [CompletionResultType]::ParameterName, 'Export deleted runs too (mlrs imports them; mlflow-export-import 1.2.1''s import-experiment fails on a deleted run)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;import' {
            [CompletionResult]::new('--input-dir', '--input-dir', [CompletionResultType]::ParameterName, 'A directory written by `experiments export` or mlflow-export-import''s export-experiment')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Import into this experiment (created when missing) [default: the exported name]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--new-ids', '--new-ids', [CompletionResultType]::ParameterName, 'Give every run a new id (parent links remapped) instead of keeping the exported ids')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;experiments;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an experiment')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search experiments with MLflow''s filter and order_by language')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one experiment by id or name')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename an active experiment')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an experiment: its runs are marked deleted and it moves to .trash/')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted experiment and its deleted runs')
            [CompletionResult]::new('csv', 'csv', [CompletionResultType]::ParameterValue, 'Write all runs of an experiment as CSV (to stdout, or to a file with -o)')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on an experiment')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag of an experiment')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export an experiment and its runs in mlflow-export-import''s layout')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;experiments;help;create' {
            break
        }
        'mlrs;experiments;help;search' {
            break
        }
        'mlrs;experiments;help;get' {
            break
        }
        'mlrs;experiments;help;rename' {
            break
        }
        'mlrs;experiments;help;delete' {
            break
        }
        'mlrs;experiments;help;restore' {
            break
        }
        'mlrs;experiments;help;csv' {
            break
        }
        'mlrs;experiments;help;set-tag' {
            break
        }
        'mlrs;experiments;help;delete-tag' {
            break
        }
        'mlrs;experiments;help;export' {
            break
        }
        'mlrs;experiments;help;import' {
            break
        }
        'mlrs;experiments;help;help' {
            break
        }
        'mlrs;runs' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the runs of an experiment')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search runs with MLflow''s filter and order_by language')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a run: info, metrics, params, tags, inputs and outputs')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a run and end it at once with a status (like `mlflow runs create`)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a RUNNING run with MLflow''s context tags; end it with `runs end`')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a run with a status (default finished)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Mark a run deleted (restore it with `runs restore`)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted run')
            [CompletionResult]::new('log-param', 'log-param', [CompletionResultType]::ParameterValue, 'Log a param (params are immutable: the same value again is fine, another is an error)')
            [CompletionResult]::new('log-metric', 'log-metric', [CompletionResultType]::ParameterValue, 'Log one metric value (nan, inf and -inf accepted)')
            [CompletionResult]::new('log-batch', 'log-batch', [CompletionResultType]::ParameterValue, 'Log metrics, params and tags from MLflow''s LogBatch JSON body (a file, or - for stdin)')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a run tag (mlflow.runName also renames the run)')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a run tag')
            [CompletionResult]::new('close-stale', 'close-stale', [CompletionResultType]::ParameterValue, 'End runs left RUNNING by killed jobs (no write for longer than --older-than)')
            [CompletionResult]::new('metric-history', 'metric-history', [CompletionResultType]::ParameterValue, 'Every logged value of one metric, in logging order')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Params, metrics (latest, min, max) and tags of runs side by side, differences marked')
            [CompletionResult]::new('plot', 'plot', [CompletionResultType]::ParameterValue, 'Line charts of metric histories, in the terminal or as SVG/PNG files')
            [CompletionResult]::new('best', 'best', [CompletionResultType]::ParameterValue, 'Print the id of the run with the best latest value of a metric (NaN and missing never win)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import''s layout')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;runs;list' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'active_only, deleted_only or all')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'active_only, deleted_only or all')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated: metrics.KEY, params.KEY, tags.KEY or an attribute (run_id, run_name, status, start_time, ...); without an attribute, name and id lead')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"')
            [CompletionResult]::new('--filter-file', '--filter-file', [CompletionResultType]::ParameterName, 'Read the filter string from a file, or - for standard input (for filters too long for a command line)')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'At most this many results per page [default: MLflow''s for the entity]')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Continue from this page token (printed by the previous page)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;search' {
            [CompletionResult]::new('--experiment-ids', '--experiment-ids', [CompletionResultType]::ParameterName, 'Comma-separated experiment ids')
            [CompletionResult]::new('--experiment-names', '--experiment-names', [CompletionResultType]::ParameterName, 'Comma-separated experiment names (instead of ids)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'active_only, deleted_only or all')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'active_only, deleted_only or all')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"')
            [CompletionResult]::new('--filter-file', '--filter-file', [CompletionResultType]::ParameterName, 'Read the filter string from a file, or - for standard input (for filters too long for a command line)')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'At most this many results per page [default: MLflow''s for the entity]')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Continue from this page token (printed by the previous page)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Table/CSV columns, e.g. metrics.accuracy,params.lr,tags.team (json prints whole runs)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;describe' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;create' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Created if it does not exist yet (like mlflow.set_experiment)')
            [CompletionResult]::new('--run-name', '--run-name', [CompletionResultType]::ParameterName, 'run-name')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Stored as the mlflow.note.content tag')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'key=value, repeatable')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'key=value, repeatable')
            [CompletionResult]::new('--parent-run-id', '--parent-run-id', [CompletionResultType]::ParameterName, 'Makes this a nested run of that parent')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Final status: finished, failed or killed')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;start' {
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'experiment-id')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Created if it does not exist yet (like mlflow.set_experiment)')
            [CompletionResult]::new('--run-name', '--run-name', [CompletionResultType]::ParameterName, 'run-name')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Stored as the mlflow.note.content tag')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'key=value, repeatable')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'key=value, repeatable')
            [CompletionResult]::new('--parent-run-id', '--parent-run-id', [CompletionResultType]::ParameterName, 'Makes this a nested run of that parent')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;end' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'status')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;delete' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;restore' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;log-param' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;log-metric' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('--step', '--step', [CompletionResultType]::ParameterName, 'step')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Epoch milliseconds [default: now]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;log-batch' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'File with the JSON body, or - for standard input')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;set-tag' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;delete-tag' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;close-stale' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'How long without any write: 1d2h3m4s, each part optional')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'The status to end them with: killed, failed or finished')
            [CompletionResult]::new('--experiment-ids', '--experiment-ids', [CompletionResultType]::ParameterName, 'Only runs of these experiments (comma-separated ids)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List them, change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;metric-history' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;compare' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--only-changed', '--only-changed', [CompletionResultType]::ParameterName, 'Show only the rows whose values differ between the runs')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;plot' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'A run to plot; repeat for more runs (one line per run)')
            [CompletionResult]::new('--metric', '--metric', [CompletionResultType]::ParameterName, 'A metric to plot; repeat for more metrics (one chart per metric)')
            [CompletionResult]::new('--x', '--x', [CompletionResultType]::ParameterName, 'The x axis: the metric''s step, or wall time')
            [CompletionResult]::new('--svg', '--svg', [CompletionResultType]::ParameterName, 'Also write the chart as an SVG file')
            [CompletionResult]::new('--png', '--png', [CompletionResultType]::ParameterName, 'Also write the chart as a PNG file')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Width of the terminal chart in columns [default: the terminal''s, else 80]')
            [CompletionResult]::new('--height', '--height', [CompletionResultType]::ParameterName, 'Height of the terminal chart''s plot area in rows')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;best' {
            [CompletionResult]::new('--experiment-ids', '--experiment-ids', [CompletionResultType]::ParameterName, 'Experiments to look in (comma-separated ids)')
            [CompletionResult]::new('--experiment-names', '--experiment-names', [CompletionResultType]::ParameterName, 'Experiments to look in, by name (comma-separated)')
            [CompletionResult]::new('--metric', '--metric', [CompletionResultType]::ParameterName, 'The metric to rank by (its latest value in each run)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only runs matching this MLflow filter string (as `runs search --filter`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'active_only, deleted_only or all')
            [CompletionResult]::new('--view', '--view', [CompletionResultType]::ParameterName, 'active_only, deleted_only or all')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'The highest value wins (the default)')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'The lowest value wins')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;export' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('--output-dir', '--output-dir', [CompletionResultType]::ParameterName, 'Directory to write run.json and artifacts/ into (created when missing)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--include-deleted', '--include-deleted', [CompletionResultType]::ParameterName, 'Export the run even when it is deleted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;import' {
            [CompletionResult]::new('--input-dir', '--input-dir', [CompletionResultType]::ParameterName, 'A directory written by `runs export` or mlflow-export-import''s export-run')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'The experiment to import the run into')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--new-ids', '--new-ids', [CompletionResultType]::ParameterName, 'Give the run a new id instead of keeping the exported one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;runs;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the runs of an experiment')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search runs with MLflow''s filter and order_by language')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a run: info, metrics, params, tags, inputs and outputs')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a run and end it at once with a status (like `mlflow runs create`)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a RUNNING run with MLflow''s context tags; end it with `runs end`')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a run with a status (default finished)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Mark a run deleted (restore it with `runs restore`)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted run')
            [CompletionResult]::new('log-param', 'log-param', [CompletionResultType]::ParameterValue, 'Log a param (params are immutable: the same value again is fine, another is an error)')
            [CompletionResult]::new('log-metric', 'log-metric', [CompletionResultType]::ParameterValue, 'Log one metric value (nan, inf and -inf accepted)')
            [CompletionResult]::new('log-batch', 'log-batch', [CompletionResultType]::ParameterValue, 'Log metrics, params and tags from MLflow''s LogBatch JSON body (a file, or - for stdin)')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a run tag (mlflow.runName also renames the run)')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a run tag')
            [CompletionResult]::new('close-stale', 'close-stale', [CompletionResultType]::ParameterValue, 'End runs left RUNNING by killed jobs (no write for longer than --older-than)')
            [CompletionResult]::new('metric-history', 'metric-history', [CompletionResultType]::ParameterValue, 'Every logged value of one metric, in logging order')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Params, metrics (latest, min, max) and tags of runs side by side, differences marked')
            [CompletionResult]::new('plot', 'plot', [CompletionResultType]::ParameterValue, 'Line charts of metric histories, in the terminal or as SVG/PNG files')
            [CompletionResult]::new('best', 'best', [CompletionResultType]::ParameterValue, 'Print the id of the run with the best latest value of a metric (NaN and missing never win)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import''s layout')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;runs;help;list' {
            break
        }
        'mlrs;runs;help;search' {
            break
        }
        'mlrs;runs;help;describe' {
            break
        }
        'mlrs;runs;help;create' {
            break
        }
        'mlrs;runs;help;start' {
            break
        }
        'mlrs;runs;help;end' {
            break
        }
        'mlrs;runs;help;delete' {
            break
        }
        'mlrs;runs;help;restore' {
            break
        }
        'mlrs;runs;help;log-param' {
            break
        }
        'mlrs;runs;help;log-metric' {
            break
        }
        'mlrs;runs;help;log-batch' {
            break
        }
        'mlrs;runs;help;set-tag' {
            break
        }
        'mlrs;runs;help;delete-tag' {
            break
        }
        'mlrs;runs;help;close-stale' {
            break
        }
        'mlrs;runs;help;metric-history' {
            break
        }
        'mlrs;runs;help;compare' {
            break
        }
        'mlrs;runs;help;plot' {
            break
        }
        'mlrs;runs;help;best' {
            break
        }
        'mlrs;runs;help;export' {
            break
        }
        'mlrs;runs;help;import' {
            break
        }
        'mlrs;runs;help;help' {
            break
        }
        'mlrs;artifacts' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the artifacts of a run (one directory level)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Copy artifacts out of a run; prints the local path of the copy')
            [CompletionResult]::new('log-artifact', 'log-artifact', [CompletionResultType]::ParameterValue, 'Log one local file as an artifact of a run')
            [CompletionResult]::new('log-artifacts', 'log-artifacts', [CompletionResultType]::ParameterValue, 'Log the contents of a local directory as artifacts of a run')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;artifacts;list' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'A directory inside the run''s artifacts [default: the root]')
            [CompletionResult]::new('--artifact-path', '--artifact-path', [CompletionResultType]::ParameterName, 'A directory inside the run''s artifacts [default: the root]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;artifacts;download' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'a')
            [CompletionResult]::new('--artifact-path', '--artifact-path', [CompletionResultType]::ParameterName, 'artifact-path')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'A runs:/RUN_ID/PATH URI instead of --run-id/--artifact-path')
            [CompletionResult]::new('--artifact-uri', '--artifact-uri', [CompletionResultType]::ParameterName, 'A runs:/RUN_ID/PATH URI instead of --run-id/--artifact-path')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Destination directory [default: a new temporary directory]')
            [CompletionResult]::new('--dst-path', '--dst-path', [CompletionResultType]::ParameterName, 'Destination directory [default: a new temporary directory]')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;artifacts;log-artifact' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--local-file', '--local-file', [CompletionResultType]::ParameterName, 'local-file')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'a')
            [CompletionResult]::new('--artifact-path', '--artifact-path', [CompletionResultType]::ParameterName, 'artifact-path')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;artifacts;log-artifacts' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'l')
            [CompletionResult]::new('--local-dir', '--local-dir', [CompletionResultType]::ParameterName, 'local-dir')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'run-id')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'a')
            [CompletionResult]::new('--artifact-path', '--artifact-path', [CompletionResultType]::ParameterName, 'artifact-path')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;artifacts;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the artifacts of a run (one directory level)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Copy artifacts out of a run; prints the local path of the copy')
            [CompletionResult]::new('log-artifact', 'log-artifact', [CompletionResultType]::ParameterValue, 'Log one local file as an artifact of a run')
            [CompletionResult]::new('log-artifacts', 'log-artifacts', [CompletionResultType]::ParameterValue, 'Log the contents of a local directory as artifacts of a run')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;artifacts;help;list' {
            break
        }
        'mlrs;artifacts;help;download' {
            break
        }
        'mlrs;artifacts;help;log-artifact' {
            break
        }
        'mlrs;artifacts;help;log-artifacts' {
            break
        }
        'mlrs;artifacts;help;help' {
            break
        }
        'mlrs;models' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a registered model')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a registered model with its tags, aliases and latest versions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every registered model, sorted by name')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a registered model, keeping its versions, tags and aliases')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Set the description of a registered model')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a registered model and all its versions (no undo, as in MLflow)')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a registered model')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag of a registered model (a missing tag is no error)')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a model as a new version (creates the registered model if missing)')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List the live versions of a registered model, oldest first')
            [CompletionResult]::new('get-version', 'get-version', [CompletionResultType]::ParameterValue, 'Show one model version, by number or by alias')
            [CompletionResult]::new('update-version', 'update-version', [CompletionResultType]::ParameterValue, 'Set the description of a model version')
            [CompletionResult]::new('delete-version', 'delete-version', [CompletionResultType]::ParameterValue, 'Delete a model version (soft, as MLflow does); its aliases are removed')
            [CompletionResult]::new('set-version-tag', 'set-version-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a model version')
            [CompletionResult]::new('delete-version-tag', 'delete-version-tag', [CompletionResultType]::ParameterValue, 'Delete a tag of a model version (a missing tag is no error)')
            [CompletionResult]::new('transition', 'transition', [CompletionResultType]::ParameterValue, 'Move a version to None, Staging, Production or Archived')
            [CompletionResult]::new('latest', 'latest', [CompletionResultType]::ParameterValue, 'The highest version in each stage (None, Staging, Production, Archived)')
            [CompletionResult]::new('set-alias', 'set-alias', [CompletionResultType]::ParameterValue, 'Point an alias at a version (`latest` and `v<N>` are reserved)')
            [CompletionResult]::new('delete-alias', 'delete-alias', [CompletionResultType]::ParameterValue, 'Delete an alias (a missing alias is no error)')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Print the local directory behind a models:/ or runs:/ URI')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search registered models with MLflow''s filter and order_by language')
            [CompletionResult]::new('search-versions', 'search-versions', [CompletionResultType]::ParameterValue, 'Search model versions with MLflow''s filter and order_by language')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a registered model (versions, stages, aliases, tags) in mlflow-export-import''s layout')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a registered model exported by mlrs or mlflow-export-import, version numbers kept')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;models;create' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A description (markdown)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A tag as key=value (repeatable)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag as key=value (repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;rename' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;update' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The new description (markdown)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;delete' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;set-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;delete-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;register' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A version tag as key=value (repeatable)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A version tag as key=value (repeatable)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A description (markdown)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;versions' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;get-version' {
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'An alias instead of a version number (`latest` is the highest version)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;update-version' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The new description (markdown)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;delete-version' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;set-version-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;delete-version-tag' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;transition' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--archive-existing-versions', '--archive-existing-versions', [CompletionResultType]::ParameterName, 'Archive the other versions currently in STAGE (Staging or Production only)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;latest' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Only this stage (repeatable) [default: all four]')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Only this stage (repeatable) [default: all four]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;set-alias' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;delete-alias' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;resolve' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;search' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"')
            [CompletionResult]::new('--filter-file', '--filter-file', [CompletionResultType]::ParameterName, 'Read the filter string from a file, or - for standard input (for filters too long for a command line)')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'At most this many results per page [default: MLflow''s for the entity]')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Continue from this page token (printed by the previous page)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;search-versions' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = ''adam''"')
            [CompletionResult]::new('--filter-file', '--filter-file', [CompletionResultType]::ParameterName, 'Read the filter string from a file, or - for standard input (for filters too long for a command line)')
            [CompletionResult]::new('--order-by', '--order-by', [CompletionResultType]::ParameterName, 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'At most this many results per page [default: MLflow''s for the entity]')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Continue from this page token (printed by the previous page)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;export' {
            [CompletionResult]::new('--output-dir', '--output-dir', [CompletionResultType]::ParameterName, 'Directory to write model.json (and with --include-runs, <run_id>/) into')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--include-runs', '--include-runs', [CompletionResultType]::ParameterName, 'Also export the run of every version (what mlflow-export-import''s import-model needs)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;import' {
            [CompletionResult]::new('--input-dir', '--input-dir', [CompletionResultType]::ParameterName, 'A directory written by `models export` or mlflow-export-import''s export-model')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'With --include-runs: the experiment for those runs [default: the one they came from]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--include-runs', '--include-runs', [CompletionResultType]::ParameterName, 'Also import the runs the versions point to (from <input-dir>/<run_id>/), ids kept')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;models;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a registered model')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a registered model with its tags, aliases and latest versions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every registered model, sorted by name')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a registered model, keeping its versions, tags and aliases')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Set the description of a registered model')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a registered model and all its versions (no undo, as in MLflow)')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a registered model')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag of a registered model (a missing tag is no error)')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a model as a new version (creates the registered model if missing)')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List the live versions of a registered model, oldest first')
            [CompletionResult]::new('get-version', 'get-version', [CompletionResultType]::ParameterValue, 'Show one model version, by number or by alias')
            [CompletionResult]::new('update-version', 'update-version', [CompletionResultType]::ParameterValue, 'Set the description of a model version')
            [CompletionResult]::new('delete-version', 'delete-version', [CompletionResultType]::ParameterValue, 'Delete a model version (soft, as MLflow does); its aliases are removed')
            [CompletionResult]::new('set-version-tag', 'set-version-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a model version')
            [CompletionResult]::new('delete-version-tag', 'delete-version-tag', [CompletionResultType]::ParameterValue, 'Delete a tag of a model version (a missing tag is no error)')
            [CompletionResult]::new('transition', 'transition', [CompletionResultType]::ParameterValue, 'Move a version to None, Staging, Production or Archived')
            [CompletionResult]::new('latest', 'latest', [CompletionResultType]::ParameterValue, 'The highest version in each stage (None, Staging, Production, Archived)')
            [CompletionResult]::new('set-alias', 'set-alias', [CompletionResultType]::ParameterValue, 'Point an alias at a version (`latest` and `v<N>` are reserved)')
            [CompletionResult]::new('delete-alias', 'delete-alias', [CompletionResultType]::ParameterValue, 'Delete an alias (a missing alias is no error)')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Print the local directory behind a models:/ or runs:/ URI')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search registered models with MLflow''s filter and order_by language')
            [CompletionResult]::new('search-versions', 'search-versions', [CompletionResultType]::ParameterValue, 'Search model versions with MLflow''s filter and order_by language')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a registered model (versions, stages, aliases, tags) in mlflow-export-import''s layout')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a registered model exported by mlrs or mlflow-export-import, version numbers kept')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;models;help;create' {
            break
        }
        'mlrs;models;help;get' {
            break
        }
        'mlrs;models;help;list' {
            break
        }
        'mlrs;models;help;rename' {
            break
        }
        'mlrs;models;help;update' {
            break
        }
        'mlrs;models;help;delete' {
            break
        }
        'mlrs;models;help;set-tag' {
            break
        }
        'mlrs;models;help;delete-tag' {
            break
        }
        'mlrs;models;help;register' {
            break
        }
        'mlrs;models;help;versions' {
            break
        }
        'mlrs;models;help;get-version' {
            break
        }
        'mlrs;models;help;update-version' {
            break
        }
        'mlrs;models;help;delete-version' {
            break
        }
        'mlrs;models;help;set-version-tag' {
            break
        }
        'mlrs;models;help;delete-version-tag' {
            break
        }
        'mlrs;models;help;transition' {
            break
        }
        'mlrs;models;help;latest' {
            break
        }
        'mlrs;models;help;set-alias' {
            break
        }
        'mlrs;models;help;delete-alias' {
            break
        }
        'mlrs;models;help;resolve' {
            break
        }
        'mlrs;models;help;search' {
            break
        }
        'mlrs;models;help;search-versions' {
            break
        }
        'mlrs;models;help;export' {
            break
        }
        'mlrs;models;help;import' {
            break
        }
        'mlrs;models;help;help' {
            break
        }
        'mlrs;gc' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only what was deleted at least this long ago: 1d2h3m4s, each part optional')
            [CompletionResult]::new('--run-ids', '--run-ids', [CompletionResultType]::ParameterName, 'Comma-separated run ids (each must be deleted)')
            [CompletionResult]::new('--experiment-ids', '--experiment-ids', [CompletionResultType]::ParameterName, 'Comma-separated experiment ids (each must be deleted); their deleted runs go too')
            [CompletionResult]::new('--logged-model-ids', '--logged-model-ids', [CompletionResultType]::ParameterName, 'Comma-separated MLflow 3 logged model ids (each must be deleted)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be removed, remove nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;doctor' {
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Report RUNNING runs without a write for this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Repair what can be repaired without guessing; quarantine what cannot (nothing is deleted)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;store' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy a whole store into another (file store to SQLite or back): experiments, runs and the model registry with ids, times, stages, version numbers, aliases, tags and every metric point kept, one run at a time; running it again copies nothing twice')
            [CompletionResult]::new('relocate', 'relocate', [CompletionResultType]::ParameterValue, 'Rewrite absolute artifact URIs after the store moved (default target: where it is now)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;store;migrate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The store to copy: a path, file: URI or sqlite:/// URI (it is only read)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to copy into: a sqlite:/// URI (created with MLflow''s schema when missing), or, from a SQLite source, a path or file: URI (created when missing)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;store;relocate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The old location: an absolute path or file:/// URI prefix')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The new location [default: this store''s root]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would change, change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;store;help' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy a whole store into another (file store to SQLite or back): experiments, runs and the model registry with ids, times, stages, version numbers, aliases, tags and every metric point kept, one run at a time; running it again copies nothing twice')
            [CompletionResult]::new('relocate', 'relocate', [CompletionResultType]::ParameterValue, 'Rewrite absolute artifact URIs after the store moved (default target: where it is now)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;store;help;migrate' {
            break
        }
        'mlrs;store;help;relocate' {
            break
        }
        'mlrs;store;help;help' {
            break
        }
        'mlrs;sync' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The store to read: a path, file: URI, sqlite:/// URI or tracking server''s http(s):// URL')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to write into (a file store or database is created when missing)')
            [CompletionResult]::new('--registry-from', '--registry-from', [CompletionResultType]::ParameterName, 'The source''s model registry [default: --from]')
            [CompletionResult]::new('--registry-to', '--registry-to', [CompletionResultType]::ParameterName, 'The destination''s model registry [default: --to]')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Only this source experiment (repeatable); the registry follows its runs'' models')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Only this source experiment (repeatable); the registry follows its runs'' models')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--no-registry', '--no-registry', [CompletionResultType]::ParameterName, 'Leave the model registry alone')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be sent; write nothing')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Read every metric history in the destination back, not trusting the digest sync left on each run (mlrs.sync.metrics_digest): finds points lost behind sync''s back. Slower')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essential value (an id, a path)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;ui' {
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Open the runs of this experiment at once')
            [CompletionResult]::new('--experiment-id', '--experiment-id', [CompletionResultType]::ParameterName, 'Open the runs of this experiment at once')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Open the runs of the experiment with this name at once')
            [CompletionResult]::new('--experiment-name', '--experiment-name', [CompletionResultType]::ParameterName, 'Open the runs of the experiment with this name at once')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'The columns of the runs table, as `runs list --columns` takes them (default: run name, status, start time and the first four metrics)')
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--live', '--live', [CompletionResultType]::ParameterName, 'Live mode: read the screen''s data again every 2 seconds (new runs, new metric points); `L` toggles it')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Allow changes (tag, delete or restore a run; move a version to a stage, set an alias), each behind a y/n confirmation; without it the UI is read-only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;completions' {
            [CompletionResult]::new('--tracking-uri', '--tracking-uri', [CompletionResultType]::ParameterName, 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server''s http(s)://HOST:PORT [default: ./mlruns]')
            [CompletionResult]::new('--registry-uri', '--registry-uri', [CompletionResultType]::ParameterName, 'The registry store [default: the tracking URI]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never')
            [CompletionResult]::new('--dynamic', '--dynamic', [CompletionResultType]::ParameterName, 'Print a script that asks mlrs at each TAB, so experiment names and ids, run ids and model names are completed from the store (`source <(mlrs completions bash --dynamic)`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mlrs;help' {
            [CompletionResult]::new('experiments', 'experiments', [CompletionResultType]::ParameterValue, 'Create, list, rename, delete and restore experiments')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'Create, log to, list and describe runs')
            [CompletionResult]::new('artifacts', 'artifacts', [CompletionResultType]::ParameterValue, 'List, download and log run artifacts')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'The model registry: registered models, versions, stages, aliases, tags, model URIs')
            [CompletionResult]::new('gc', 'gc', [CompletionResultType]::ParameterValue, 'Permanently remove deleted runs, experiments and logged models (like `mlflow gc`)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the store for objects MLflow or mlrs cannot read; repair them with --fix')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Store-wide maintenance (relocate artifact URIs after a move)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Push one store''s experiments, runs, artifacts and registry into another, sending only what the destination lacks (ids are the destination''s; the source''s are kept as tags)')
            [CompletionResult]::new('ui', 'ui', [CompletionResultType]::ParameterValue, 'Explore the store in the terminal: experiments, runs (filter, sort), run details')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mlrs;help;experiments' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an experiment')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search experiments with MLflow''s filter and order_by language')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one experiment by id or name')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename an active experiment')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an experiment: its runs are marked deleted and it moves to .trash/')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted experiment and its deleted runs')
            [CompletionResult]::new('csv', 'csv', [CompletionResultType]::ParameterValue, 'Write all runs of an experiment as CSV (to stdout, or to a file with -o)')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on an experiment')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag of an experiment')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export an experiment and its runs in mlflow-export-import''s layout')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times')
            break
        }
        'mlrs;help;experiments;create' {
            break
        }
        'mlrs;help;experiments;search' {
            break
        }
        'mlrs;help;experiments;get' {
            break
        }
        'mlrs;help;experiments;rename' {
            break
        }
        'mlrs;help;experiments;delete' {
            break
        }
        'mlrs;help;experiments;restore' {
            break
        }
        'mlrs;help;experiments;csv' {
            break
        }
        'mlrs;help;experiments;set-tag' {
            break
        }
        'mlrs;help;experiments;delete-tag' {
            break
        }
        'mlrs;help;experiments;export' {
            break
        }
        'mlrs;help;experiments;import' {
            break
        }
        'mlrs;help;runs' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the runs of an experiment')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search runs with MLflow''s filter and order_by language')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a run: info, metrics, params, tags, inputs and outputs')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a run and end it at once with a status (like `mlflow runs create`)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a RUNNING run with MLflow''s context tags; end it with `runs end`')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a run with a status (default finished)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Mark a run deleted (restore it with `runs restore`)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a deleted run')
            [CompletionResult]::new('log-param', 'log-param', [CompletionResultType]::ParameterValue, 'Log a param (params are immutable: the same value again is fine, another is an error)')
            [CompletionResult]::new('log-metric', 'log-metric', [CompletionResultType]::ParameterValue, 'Log one metric value (nan, inf and -inf accepted)')
            [CompletionResult]::new('log-batch', 'log-batch', [CompletionResultType]::ParameterValue, 'Log metrics, params and tags from MLflow''s LogBatch JSON body (a file, or - for stdin)')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a run tag (mlflow.runName also renames the run)')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a run tag')
            [CompletionResult]::new('close-stale', 'close-stale', [CompletionResultType]::ParameterValue, 'End runs left RUNNING by killed jobs (no write for longer than --older-than)')
            [CompletionResult]::new('metric-history', 'metric-history', [CompletionResultType]::ParameterValue, 'Every logged value of one metric, in logging order')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Params, metrics (latest, min, max) and tags of runs side by side, differences marked')
            [CompletionResult]::new('plot', 'plot', [CompletionResultType]::ParameterValue, 'Line charts of metric histories, in the terminal or as SVG/PNG files')
            [CompletionResult]::new('best', 'best', [CompletionResultType]::ParameterValue, 'Print the id of the run with the best latest value of a metric (NaN and missing never win)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import''s layout')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history')
            break
        }
        'mlrs;help;runs;list' {
            break
        }
        'mlrs;help;runs;search' {
            break
        }
        'mlrs;help;runs;describe' {
            break
        }
        'mlrs;help;runs;create' {
            break
        }
        'mlrs;help;runs;start' {
            break
        }
        'mlrs;help;runs;end' {
            break
        }
        'mlrs;help;runs;delete' {
            break
        }
        'mlrs;help;runs;restore' {
            break
        }
        'mlrs;help;runs;log-param' {
            break
        }
        'mlrs;help;runs;log-metric' {
            break
        }
        'mlrs;help;runs;log-batch' {
            break
        }
        'mlrs;help;runs;set-tag' {
            break
        }
        'mlrs;help;runs;delete-tag' {
            break
        }
        'mlrs;help;runs;close-stale' {
            break
        }
        'mlrs;help;runs;metric-history' {
            break
        }
        'mlrs;help;runs;compare' {
            break
        }
        'mlrs;help;runs;plot' {
            break
        }
        'mlrs;help;runs;best' {
            break
        }
        'mlrs;help;runs;export' {
            break
        }
        'mlrs;help;runs;import' {
            break
        }
        'mlrs;help;artifacts' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the artifacts of a run (one directory level)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Copy artifacts out of a run; prints the local path of the copy')
            [CompletionResult]::new('log-artifact', 'log-artifact', [CompletionResultType]::ParameterValue, 'Log one local file as an artifact of a run')
            [CompletionResult]::new('log-artifacts', 'log-artifacts', [CompletionResultType]::ParameterValue, 'Log the contents of a local directory as artifacts of a run')
            break
        }
        'mlrs;help;artifacts;list' {
            break
        }
        'mlrs;help;artifacts;download' {
            break
        }
        'mlrs;help;artifacts;log-artifact' {
            break
        }
        'mlrs;help;artifacts;log-artifacts' {
            break
        }
        'mlrs;help;models' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a registered model')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a registered model with its tags, aliases and latest versions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every registered model, sorted by name')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a registered model, keeping its versions, tags and aliases')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Set the description of a registered model')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a registered model and all its versions (no undo, as in MLflow)')
            [CompletionResult]::new('set-tag', 'set-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a registered model')
            [CompletionResult]::new('delete-tag', 'delete-tag', [CompletionResultType]::ParameterValue, 'Delete a tag of a registered model (a missing tag is no error)')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a model as a new version (creates the registered model if missing)')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List the live versions of a registered model, oldest first')
            [CompletionResult]::new('get-version', 'get-version', [CompletionResultType]::ParameterValue, 'Show one model version, by number or by alias')
            [CompletionResult]::new('update-version', 'update-version', [CompletionResultType]::ParameterValue, 'Set the description of a model version')
            [CompletionResult]::new('delete-version', 'delete-version', [CompletionResultType]::ParameterValue, 'Delete a model version (soft, as MLflow does); its aliases are removed')
            [CompletionResult]::new('set-version-tag', 'set-version-tag', [CompletionResultType]::ParameterValue, 'Set a tag on a model version')
            [CompletionResult]::new('delete-version-tag', 'delete-version-tag', [CompletionResultType]::ParameterValue, 'Delete a tag of a model version (a missing tag is no error)')
            [CompletionResult]::new('transition', 'transition', [CompletionResultType]::ParameterValue, 'Move a version to None, Staging, Production or Archived')
            [CompletionResult]::new('latest', 'latest', [CompletionResultType]::ParameterValue, 'The highest version in each stage (None, Staging, Production, Archived)')
            [CompletionResult]::new('set-alias', 'set-alias', [CompletionResultType]::ParameterValue, 'Point an alias at a version (`latest` and `v<N>` are reserved)')
            [CompletionResult]::new('delete-alias', 'delete-alias', [CompletionResultType]::ParameterValue, 'Delete an alias (a missing alias is no error)')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Print the local directory behind a models:/ or runs:/ URI')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search registered models with MLflow''s filter and order_by language')
            [CompletionResult]::new('search-versions', 'search-versions', [CompletionResultType]::ParameterValue, 'Search model versions with MLflow''s filter and order_by language')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a registered model (versions, stages, aliases, tags) in mlflow-export-import''s layout')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a registered model exported by mlrs or mlflow-export-import, version numbers kept')
            break
        }
        'mlrs;help;models;create' {
            break
        }
        'mlrs;help;models;get' {
            break
        }
        'mlrs;help;models;list' {
            break
        }
        'mlrs;help;models;rename' {
            break
        }
        'mlrs;help;models;update' {
            break
        }
        'mlrs;help;models;delete' {
            break
        }
        'mlrs;help;models;set-tag' {
            break
        }
        'mlrs;help;models;delete-tag' {
            break
        }
        'mlrs;help;models;register' {
            break
        }
        'mlrs;help;models;versions' {
            break
        }
        'mlrs;help;models;get-version' {
            break
        }
        'mlrs;help;models;update-version' {
            break
        }
        'mlrs;help;models;delete-version' {
            break
        }
        'mlrs;help;models;set-version-tag' {
            break
        }
        'mlrs;help;models;delete-version-tag' {
            break
        }
        'mlrs;help;models;transition' {
            break
        }
        'mlrs;help;models;latest' {
            break
        }
        'mlrs;help;models;set-alias' {
            break
        }
        'mlrs;help;models;delete-alias' {
            break
        }
        'mlrs;help;models;resolve' {
            break
        }
        'mlrs;help;models;search' {
            break
        }
        'mlrs;help;models;search-versions' {
            break
        }
        'mlrs;help;models;export' {
            break
        }
        'mlrs;help;models;import' {
            break
        }
        'mlrs;help;gc' {
            break
        }
        'mlrs;help;doctor' {
            break
        }
        'mlrs;help;store' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy a whole store into another (file store to SQLite or back): experiments, runs and the model registry with ids, times, stages, version numbers, aliases, tags and every metric point kept, one run at a time; running it again copies nothing twice')
            [CompletionResult]::new('relocate', 'relocate', [CompletionResultType]::ParameterValue, 'Rewrite absolute artifact URIs after the store moved (default target: where it is now)')
            break
        }
        'mlrs;help;store;migrate' {
            break
        }
        'mlrs;help;store;relocate' {
            break
        }
        'mlrs;help;sync' {
            break
        }
        'mlrs;help;ui' {
            break
        }
        'mlrs;help;completions' {
            break
        }
        'mlrs;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
