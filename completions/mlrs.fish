# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mlrs_global_optspecs
    string join \n tracking-uri= registry-uri= color= h/help V/version
end

function __fish_mlrs_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mlrs_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mlrs_using_subcommand
    set -l cmd (__fish_mlrs_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mlrs -n "__fish_mlrs_needs_command" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_needs_command" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_needs_command" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_needs_command" -s V -l version -d 'Print version'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "experiments" -d 'Create, list, rename, delete and restore experiments'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "runs" -d 'Create, log to, list and describe runs'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "artifacts" -d 'List, download and log run artifacts'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "models" -d 'The model registry: registered models, versions, stages, aliases, tags, model URIs'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "gc" -d 'Permanently remove deleted runs, experiments and logged models (like `mlflow gc`)'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "doctor" -d 'Check the store for objects MLflow or mlrs cannot read; repair them with --fix'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "store" -d 'Store-wide maintenance (relocate artifact URIs after a move)'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "sync" -d 'Push one store\'s experiments, runs, artifacts and registry into another, sending only what the destination lacks (ids are the destination\'s; the source\'s are kept as tags)'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "ui" -d 'Explore the store in the terminal: experiments, runs (filter, sort), run details'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mlrs -n "__fish_mlrs_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "create" -d 'Create an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "search" -d 'Search experiments with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "get" -d 'Show one experiment by id or name'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "rename" -d 'Rename an active experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "delete" -d 'Delete an experiment: its runs are marked deleted and it moves to .trash/'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "restore" -d 'Restore a deleted experiment and its deleted runs'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "csv" -d 'Write all runs of an experiment as CSV (to stdout, or to a file with -o)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "set-tag" -d 'Set a tag on an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "delete-tag" -d 'Delete a tag of an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "export" -d 'Export an experiment and its runs in mlflow-export-import\'s layout'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "import" -d 'Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and not __fish_seen_subcommand_from create search get rename delete restore csv set-tag delete-tag export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from create" -s n -l experiment-name -d 'Name of the experiment (unique among active and deleted experiments)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from create" -s l -l artifact-location -d 'Where the experiment\'s artifacts go [default: <store>/<id>]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from create" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from create" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from create" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -s v -l view -d 'active_only, deleted_only or all' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -l filter -d 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = \'adam\'"' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -l filter-file -d 'Read the filter string from a file, or - for standard input (for filters too long for a command line)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -l order-by -d 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -l max-results -d 'At most this many results per page [default: MLflow\'s for the entity]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -l page-token -d 'Continue from this page token (printed by the previous page)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -l paginate -d 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from get" -s x -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from get" -s n -l experiment-name -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from get" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from get" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from get" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from rename" -s x -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l new-name -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from rename" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete" -s x -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from restore" -s x -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from restore" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from restore" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from restore" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from csv" -s x -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from csv" -s o -l filename -d 'File to write (note: `-o` is the file name here, as in mlflow)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from csv" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from csv" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from csv" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from csv" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -s x -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from set-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -s x -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from delete-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from export" -s x -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from export" -l output-dir -d 'Directory to write experiment.json and runs/<run_id>/ into (created when missing)' -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from export" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from export" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from export" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from export" -l include-deleted -d 'Export deleted runs too (mlrs imports them; mlflow-export-import 1.2.1\'s import-experiment fails on a deleted run)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from import" -l input-dir -d 'A directory written by `experiments export` or mlflow-export-import\'s export-experiment' -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from import" -l experiment-name -d 'Import into this experiment (created when missing) [default: the exported name]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from import" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from import" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from import" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from import" -l new-ids -d 'Give every run a new id (parent links remapped) instead of keeping the exported ids'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search experiments with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one experiment by id or name'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename an active experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an experiment: its runs are marked deleted and it moves to .trash/'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a deleted experiment and its deleted runs'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "csv" -d 'Write all runs of an experiment as CSV (to stdout, or to a file with -o)'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "set-tag" -d 'Set a tag on an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "delete-tag" -d 'Delete a tag of an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export an experiment and its runs in mlflow-export-import\'s layout'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times'
complete -c mlrs -n "__fish_mlrs_using_subcommand experiments; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "list" -d 'List the runs of an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "search" -d 'Search runs with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "describe" -d 'Show a run: info, metrics, params, tags, inputs and outputs'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "create" -d 'Create a run and end it at once with a status (like `mlflow runs create`)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "start" -d 'Start a RUNNING run with MLflow\'s context tags; end it with `runs end`'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "end" -d 'End a run with a status (default finished)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "delete" -d 'Mark a run deleted (restore it with `runs restore`)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "restore" -d 'Restore a deleted run'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "log-param" -d 'Log a param (params are immutable: the same value again is fine, another is an error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "log-metric" -d 'Log one metric value (nan, inf and -inf accepted)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "log-batch" -d 'Log metrics, params and tags from MLflow\'s LogBatch JSON body (a file, or - for stdin)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "set-tag" -d 'Set a run tag (mlflow.runName also renames the run)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "delete-tag" -d 'Delete a run tag'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "close-stale" -d 'End runs left RUNNING by killed jobs (no write for longer than --older-than)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "metric-history" -d 'Every logged value of one metric, in logging order'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "compare" -d 'Params, metrics (latest, min, max) and tags of runs side by side, differences marked'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "plot" -d 'Line charts of metric histories, in the terminal or as SVG/PNG files'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "best" -d 'Print the id of the run with the best latest value of a metric (NaN and missing never win)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "export" -d 'Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import\'s layout'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "import" -d 'Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and not __fish_seen_subcommand_from list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -s v -l view -d 'active_only, deleted_only or all' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l columns -d 'Columns to show, comma-separated: metrics.KEY, params.KEY, tags.KEY or an attribute (run_id, run_name, status, start_time, ...); without an attribute, name and id lead' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l filter -d 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = \'adam\'"' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l filter-file -d 'Read the filter string from a file, or - for standard input (for filters too long for a command line)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l order-by -d 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l max-results -d 'At most this many results per page [default: MLflow\'s for the entity]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l page-token -d 'Continue from this page token (printed by the previous page)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -l paginate -d 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l experiment-ids -d 'Comma-separated experiment ids' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l experiment-names -d 'Comma-separated experiment names (instead of ids)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -s v -l view -d 'active_only, deleted_only or all' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l filter -d 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = \'adam\'"' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l filter-file -d 'Read the filter string from a file, or - for standard input (for filters too long for a command line)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l order-by -d 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l max-results -d 'At most this many results per page [default: MLflow\'s for the entity]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l page-token -d 'Continue from this page token (printed by the previous page)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l columns -d 'Table/CSV columns, e.g. metrics.accuracy,params.lr,tags.team (json prints whole runs)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -l paginate -d 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from describe" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from describe" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from describe" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from describe" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -l experiment-name -d 'Created if it does not exist yet (like mlflow.set_experiment)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -l run-name -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -l description -d 'Stored as the mlflow.note.content tag' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -s t -l tags -d 'key=value, repeatable' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -l parent-run-id -d 'Makes this a nested run of that parent' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -l status -d 'Final status: finished, failed or killed' -r -f -a "finished\t''
failed\t''
killed\t''
FINISHED\t''
FAILED\t''
KILLED\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -l experiment-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -l experiment-name -d 'Created if it does not exist yet (like mlflow.set_experiment)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -l run-name -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -l description -d 'Stored as the mlflow.note.content tag' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -s t -l tags -d 'key=value, repeatable' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -l parent-run-id -d 'Makes this a nested run of that parent' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from end" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from end" -l status -r -f -a "finished\t''
failed\t''
killed\t''
FINISHED\t''
FAILED\t''
KILLED\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from end" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from end" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from end" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from end" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from restore" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from restore" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from restore" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from restore" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-param" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-param" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-param" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-param" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-param" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-metric" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-metric" -l step -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-metric" -l timestamp -d 'Epoch milliseconds [default: now]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-metric" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-metric" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-metric" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-metric" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-batch" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-batch" -l json -d 'File with the JSON body, or - for standard input' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-batch" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-batch" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-batch" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from log-batch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from set-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from delete-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -l older-than -d 'How long without any write: 1d2h3m4s, each part optional' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -l status -d 'The status to end them with: killed, failed or finished' -r -f -a "finished\t''
failed\t''
killed\t''
FINISHED\t''
FAILED\t''
KILLED\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -l experiment-ids -d 'Only runs of these experiments (comma-separated ids)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -l dry-run -d 'List them, change nothing'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from close-stale" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from metric-history" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from metric-history" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from metric-history" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from metric-history" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from metric-history" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from metric-history" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from metric-history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from compare" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from compare" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from compare" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from compare" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from compare" -l only-changed -d 'Show only the rows whose values differ between the runs'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from compare" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from compare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l run-id -d 'A run to plot; repeat for more runs (one line per run)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l metric -d 'A metric to plot; repeat for more metrics (one chart per metric)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l x -d 'The x axis: the metric\'s step, or wall time' -r -f -a "step\t'The metric\'s step'
time\t'Wall time (the point\'s timestamp, shown in local time)'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l svg -d 'Also write the chart as an SVG file' -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l png -d 'Also write the chart as a PNG file' -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l width -d 'Width of the terminal chart in columns [default: the terminal\'s, else 80]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l height -d 'Height of the terminal chart\'s plot area in rows' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from plot" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -l experiment-ids -d 'Experiments to look in (comma-separated ids)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -l experiment-names -d 'Experiments to look in, by name (comma-separated)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -l metric -d 'The metric to rank by (its latest value in each run)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -l filter -d 'Only runs matching this MLflow filter string (as `runs search --filter`)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -s v -l view -d 'active_only, deleted_only or all' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -l max -d 'The highest value wins (the default)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -l min -d 'The lowest value wins'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from best" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from export" -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from export" -l output-dir -d 'Directory to write run.json and artifacts/ into (created when missing)' -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from export" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from export" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from export" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from export" -l include-deleted -d 'Export the run even when it is deleted'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from import" -l input-dir -d 'A directory written by `runs export` or mlflow-export-import\'s export-run' -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from import" -l experiment-id -d 'The experiment to import the run into' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from import" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from import" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from import" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from import" -l new-ids -d 'Give the run a new id instead of keeping the exported one'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the runs of an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search runs with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a run: info, metrics, params, tags, inputs and outputs'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a run and end it at once with a status (like `mlflow runs create`)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start a RUNNING run with MLflow\'s context tags; end it with `runs end`'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "end" -d 'End a run with a status (default finished)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Mark a run deleted (restore it with `runs restore`)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a deleted run'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "log-param" -d 'Log a param (params are immutable: the same value again is fine, another is an error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "log-metric" -d 'Log one metric value (nan, inf and -inf accepted)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "log-batch" -d 'Log metrics, params and tags from MLflow\'s LogBatch JSON body (a file, or - for stdin)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "set-tag" -d 'Set a run tag (mlflow.runName also renames the run)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "delete-tag" -d 'Delete a run tag'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "close-stale" -d 'End runs left RUNNING by killed jobs (no write for longer than --older-than)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "metric-history" -d 'Every logged value of one metric, in logging order'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "compare" -d 'Params, metrics (latest, min, max) and tags of runs side by side, differences marked'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "plot" -d 'Line charts of metric histories, in the terminal or as SVG/PNG files'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "best" -d 'Print the id of the run with the best latest value of a metric (NaN and missing never win)'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import\'s layout'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history'
complete -c mlrs -n "__fish_mlrs_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and not __fish_seen_subcommand_from list download log-artifact log-artifacts help" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and not __fish_seen_subcommand_from list download log-artifact log-artifacts help" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and not __fish_seen_subcommand_from list download log-artifact log-artifacts help" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and not __fish_seen_subcommand_from list download log-artifact log-artifacts help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and not __fish_seen_subcommand_from list download log-artifact log-artifacts help" -f -a "list" -d 'List the artifacts of a run (one directory level)'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and not __fish_seen_subcommand_from list download log-artifact log-artifacts help" -f -a "download" -d 'Copy artifacts out of a run; prints the local path of the copy'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and not __fish_seen_subcommand_from list download log-artifact log-artifacts help" -f -a "log-artifact" -d 'Log one local file as an artifact of a run'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and not __fish_seen_subcommand_from list download log-artifact log-artifacts help" -f -a "log-artifacts" -d 'Log the contents of a local directory as artifacts of a run'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and not __fish_seen_subcommand_from list download log-artifact log-artifacts help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s r -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s a -l artifact-path -d 'A directory inside the run\'s artifacts [default: the root]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from list" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s r -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s a -l artifact-path -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s u -l artifact-uri -d 'A runs:/RUN_ID/PATH URI instead of --run-id/--artifact-path' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s d -l dst-path -d 'Destination directory [default: a new temporary directory]' -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from download" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifact" -s l -l local-file -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifact" -s r -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifact" -s a -l artifact-path -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifact" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifact" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifact" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifact" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifacts" -s l -l local-dir -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifacts" -s r -l run-id -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifacts" -s a -l artifact-path -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifacts" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifacts" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifacts" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from log-artifacts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the artifacts of a run (one directory level)'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "download" -d 'Copy artifacts out of a run; prints the local path of the copy'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "log-artifact" -d 'Log one local file as an artifact of a run'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "log-artifacts" -d 'Log the contents of a local directory as artifacts of a run'
complete -c mlrs -n "__fish_mlrs_using_subcommand artifacts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "create" -d 'Create a registered model'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "get" -d 'Show a registered model with its tags, aliases and latest versions'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "list" -d 'List every registered model, sorted by name'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "rename" -d 'Rename a registered model, keeping its versions, tags and aliases'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "update" -d 'Set the description of a registered model'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "delete" -d 'Delete a registered model and all its versions (no undo, as in MLflow)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "set-tag" -d 'Set a tag on a registered model'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "delete-tag" -d 'Delete a tag of a registered model (a missing tag is no error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "register" -d 'Register a model as a new version (creates the registered model if missing)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "versions" -d 'List the live versions of a registered model, oldest first'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "get-version" -d 'Show one model version, by number or by alias'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "update-version" -d 'Set the description of a model version'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "delete-version" -d 'Delete a model version (soft, as MLflow does); its aliases are removed'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "set-version-tag" -d 'Set a tag on a model version'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "delete-version-tag" -d 'Delete a tag of a model version (a missing tag is no error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "transition" -d 'Move a version to None, Staging, Production or Archived'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "latest" -d 'The highest version in each stage (None, Staging, Production, Archived)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "set-alias" -d 'Point an alias at a version (`latest` and `v<N>` are reserved)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "delete-alias" -d 'Delete an alias (a missing alias is no error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "resolve" -d 'Print the local directory behind a models:/ or runs:/ URI'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "search" -d 'Search registered models with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "search-versions" -d 'Search model versions with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "export" -d 'Export a registered model (versions, stages, aliases, tags) in mlflow-export-import\'s layout'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "import" -d 'Import a registered model exported by mlrs or mlflow-export-import, version numbers kept'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and not __fish_seen_subcommand_from create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from create" -l description -d 'A description (markdown)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from create" -s t -l tag -d 'A tag as key=value (repeatable)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from create" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from create" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from create" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from list" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from list" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from list" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from rename" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from rename" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from rename" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from rename" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update" -l description -d 'The new description (markdown)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-tag" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-tag" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-tag" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from register" -s t -l tag -d 'A version tag as key=value (repeatable)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from register" -l description -d 'A description (markdown)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from register" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from register" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from register" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from register" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from register" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from versions" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from versions" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from versions" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from versions" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from versions" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from versions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get-version" -l alias -d 'An alias instead of a version number (`latest` is the highest version)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get-version" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get-version" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get-version" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get-version" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get-version" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from get-version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update-version" -l description -d 'The new description (markdown)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update-version" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update-version" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update-version" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update-version" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update-version" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from update-version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-version" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-version" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-version" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-version-tag" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-version-tag" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-version-tag" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-version-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-version-tag" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-version-tag" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-version-tag" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-version-tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from transition" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from transition" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from transition" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from transition" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from transition" -l archive-existing-versions -d 'Archive the other versions currently in STAGE (Staging or Production only)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from transition" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from transition" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from latest" -s s -l stage -d 'Only this stage (repeatable) [default: all four]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from latest" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from latest" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from latest" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from latest" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from latest" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from latest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-alias" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-alias" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-alias" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from set-alias" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from delete-alias" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from resolve" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from resolve" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from resolve" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from resolve" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from resolve" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -l filter -d 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = \'adam\'"' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -l filter-file -d 'Read the filter string from a file, or - for standard input (for filters too long for a command line)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -l order-by -d 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -l max-results -d 'At most this many results per page [default: MLflow\'s for the entity]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -l page-token -d 'Continue from this page token (printed by the previous page)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -l paginate -d 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -l filter -d 'MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = \'adam\'"' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -l filter-file -d 'Read the filter string from a file, or - for standard input (for filters too long for a command line)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -l order-by -d 'MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -l max-results -d 'At most this many results per page [default: MLflow\'s for the entity]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -l page-token -d 'Continue from this page token (printed by the previous page)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -l paginate -d 'Print `{"items": [...], "next_page_token": ...}` for the first page (-o json)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from search-versions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from export" -l output-dir -d 'Directory to write model.json (and with --include-runs, <run_id>/) into' -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from export" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from export" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from export" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from export" -l include-runs -d 'Also export the run of every version (what mlflow-export-import\'s import-model needs)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from import" -l input-dir -d 'A directory written by `models export` or mlflow-export-import\'s export-model' -r -F
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from import" -l experiment-name -d 'With --include-runs: the experiment for those runs [default: the one they came from]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from import" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from import" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from import" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from import" -l include-runs -d 'Also import the runs the versions point to (from <input-dir>/<run_id>/), ids kept'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a registered model'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show a registered model with its tags, aliases and latest versions'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every registered model, sorted by name'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a registered model, keeping its versions, tags and aliases'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "update" -d 'Set the description of a registered model'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a registered model and all its versions (no undo, as in MLflow)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "set-tag" -d 'Set a tag on a registered model'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "delete-tag" -d 'Delete a tag of a registered model (a missing tag is no error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "register" -d 'Register a model as a new version (creates the registered model if missing)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "versions" -d 'List the live versions of a registered model, oldest first'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "get-version" -d 'Show one model version, by number or by alias'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "update-version" -d 'Set the description of a model version'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "delete-version" -d 'Delete a model version (soft, as MLflow does); its aliases are removed'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "set-version-tag" -d 'Set a tag on a model version'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "delete-version-tag" -d 'Delete a tag of a model version (a missing tag is no error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "transition" -d 'Move a version to None, Staging, Production or Archived'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "latest" -d 'The highest version in each stage (None, Staging, Production, Archived)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "set-alias" -d 'Point an alias at a version (`latest` and `v<N>` are reserved)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "delete-alias" -d 'Delete an alias (a missing alias is no error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "resolve" -d 'Print the local directory behind a models:/ or runs:/ URI'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search registered models with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "search-versions" -d 'Search model versions with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export a registered model (versions, stages, aliases, tags) in mlflow-export-import\'s layout'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import a registered model exported by mlrs or mlflow-export-import, version numbers kept'
complete -c mlrs -n "__fish_mlrs_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand gc" -l older-than -d 'Only what was deleted at least this long ago: 1d2h3m4s, each part optional' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand gc" -l run-ids -d 'Comma-separated run ids (each must be deleted)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand gc" -l experiment-ids -d 'Comma-separated experiment ids (each must be deleted); their deleted runs go too' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand gc" -l logged-model-ids -d 'Comma-separated MLflow 3 logged model ids (each must be deleted)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand gc" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand gc" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand gc" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand gc" -l dry-run -d 'Print what would be removed, remove nothing'
complete -c mlrs -n "__fish_mlrs_using_subcommand gc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand doctor" -l stale-after -d 'Report RUNNING runs without a write for this long' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand doctor" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand doctor" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand doctor" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand doctor" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand doctor" -l fix -d 'Repair what can be repaired without guessing; quarantine what cannot (nothing is deleted)'
complete -c mlrs -n "__fish_mlrs_using_subcommand doctor" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and not __fish_seen_subcommand_from migrate relocate help" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and not __fish_seen_subcommand_from migrate relocate help" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and not __fish_seen_subcommand_from migrate relocate help" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and not __fish_seen_subcommand_from migrate relocate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and not __fish_seen_subcommand_from migrate relocate help" -f -a "migrate" -d 'Copy a whole store into another (file store to SQLite or back): experiments, runs and the model registry with ids, times, stages, version numbers, aliases, tags and every metric point kept, one run at a time; running it again copies nothing twice'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and not __fish_seen_subcommand_from migrate relocate help" -f -a "relocate" -d 'Rewrite absolute artifact URIs after the store moved (default target: where it is now)'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and not __fish_seen_subcommand_from migrate relocate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from migrate" -l from -d 'The store to copy: a path, file: URI or sqlite:/// URI (it is only read)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from migrate" -l to -d 'The store to copy into: a sqlite:/// URI (created with MLflow\'s schema when missing), or, from a SQLite source, a path or file: URI (created when missing)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from migrate" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from migrate" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from migrate" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from migrate" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from relocate" -l from -d 'The old location: an absolute path or file:/// URI prefix' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from relocate" -l to -d 'The new location [default: this store\'s root]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from relocate" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from relocate" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from relocate" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from relocate" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from relocate" -l dry-run -d 'Print what would change, change nothing'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from relocate" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from relocate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Copy a whole store into another (file store to SQLite or back): experiments, runs and the model registry with ids, times, stages, version numbers, aliases, tags and every metric point kept, one run at a time; running it again copies nothing twice'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "relocate" -d 'Rewrite absolute artifact URIs after the store moved (default target: where it is now)'
complete -c mlrs -n "__fish_mlrs_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l from -d 'The store to read: a path, file: URI, sqlite:/// URI or tracking server\'s http(s):// URL' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l to -d 'The store to write into (a file store or database is created when missing)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l registry-from -d 'The source\'s model registry [default: --from]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l registry-to -d 'The destination\'s model registry [default: --to]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -s x -l experiment-id -d 'Only this source experiment (repeatable); the registry follows its runs\' models' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''
tsv\t''"
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l no-registry -d 'Leave the model registry alone'
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l dry-run -d 'Print what would be sent; write nothing'
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -l verify -d 'Read every metric history in the destination back, not trusting the digest sync left on each run (mlrs.sync.metrics_digest): finds points lost behind sync\'s back. Slower'
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -s q -l quiet -d 'Print only the essential value (an id, a path)'
complete -c mlrs -n "__fish_mlrs_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand ui" -s x -l experiment-id -d 'Open the runs of this experiment at once' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand ui" -s n -l experiment-name -d 'Open the runs of the experiment with this name at once' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand ui" -l columns -d 'The columns of the runs table, as `runs list --columns` takes them (default: run name, status, start time and the first four metrics)' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand ui" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand ui" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand ui" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand ui" -l live -d 'Live mode: read the screen\'s data again every 2 seconds (new runs, new metric points); `L` toggles it'
complete -c mlrs -n "__fish_mlrs_using_subcommand ui" -l write -d 'Allow changes (tag, delete or restore a run; move a version to a stage, set an alias), each behind a y/n confirmation; without it the UI is read-only'
complete -c mlrs -n "__fish_mlrs_using_subcommand ui" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand completions" -l tracking-uri -d 'The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server\'s http(s)://HOST:PORT [default: ./mlruns]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand completions" -l registry-uri -d 'The registry store [default: the tracking URI]' -r
complete -c mlrs -n "__fish_mlrs_using_subcommand completions" -l color -d 'Colour output: auto (only on a terminal, never with NO_COLOR), always or never' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset or empty'
always\t'Always colour (an explicit flag wins over `NO_COLOR`, as no-color.org asks)'
never\t'Never colour'"
complete -c mlrs -n "__fish_mlrs_using_subcommand completions" -l dynamic -d 'Print a script that asks mlrs at each TAB, so experiment names and ids, run ids and model names are completed from the store (`source <(mlrs completions bash --dynamic)`)'
complete -c mlrs -n "__fish_mlrs_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "experiments" -d 'Create, list, rename, delete and restore experiments'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "runs" -d 'Create, log to, list and describe runs'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "artifacts" -d 'List, download and log run artifacts'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "models" -d 'The model registry: registered models, versions, stages, aliases, tags, model URIs'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "gc" -d 'Permanently remove deleted runs, experiments and logged models (like `mlflow gc`)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "doctor" -d 'Check the store for objects MLflow or mlrs cannot read; repair them with --fix'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "store" -d 'Store-wide maintenance (relocate artifact URIs after a move)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "sync" -d 'Push one store\'s experiments, runs, artifacts and registry into another, sending only what the destination lacks (ids are the destination\'s; the source\'s are kept as tags)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "ui" -d 'Explore the store in the terminal: experiments, runs (filter, sort), run details'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and not __fish_seen_subcommand_from experiments runs artifacts models gc doctor store sync ui completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "create" -d 'Create an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "search" -d 'Search experiments with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "get" -d 'Show one experiment by id or name'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "rename" -d 'Rename an active experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "delete" -d 'Delete an experiment: its runs are marked deleted and it moves to .trash/'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "restore" -d 'Restore a deleted experiment and its deleted runs'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "csv" -d 'Write all runs of an experiment as CSV (to stdout, or to a file with -o)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "set-tag" -d 'Set a tag on an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "delete-tag" -d 'Delete a tag of an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "export" -d 'Export an experiment and its runs in mlflow-export-import\'s layout'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from experiments" -f -a "import" -d 'Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "list" -d 'List the runs of an experiment'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "search" -d 'Search runs with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "describe" -d 'Show a run: info, metrics, params, tags, inputs and outputs'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "create" -d 'Create a run and end it at once with a status (like `mlflow runs create`)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "start" -d 'Start a RUNNING run with MLflow\'s context tags; end it with `runs end`'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "end" -d 'End a run with a status (default finished)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "delete" -d 'Mark a run deleted (restore it with `runs restore`)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "restore" -d 'Restore a deleted run'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "log-param" -d 'Log a param (params are immutable: the same value again is fine, another is an error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "log-metric" -d 'Log one metric value (nan, inf and -inf accepted)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "log-batch" -d 'Log metrics, params and tags from MLflow\'s LogBatch JSON body (a file, or - for stdin)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "set-tag" -d 'Set a run tag (mlflow.runName also renames the run)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "delete-tag" -d 'Delete a run tag'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "close-stale" -d 'End runs left RUNNING by killed jobs (no write for longer than --older-than)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "metric-history" -d 'Every logged value of one metric, in logging order'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "compare" -d 'Params, metrics (latest, min, max) and tags of runs side by side, differences marked'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "plot" -d 'Line charts of metric histories, in the terminal or as SVG/PNG files'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "best" -d 'Print the id of the run with the best latest value of a metric (NaN and missing never win)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "export" -d 'Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import\'s layout'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "import" -d 'Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "list" -d 'List the artifacts of a run (one directory level)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "download" -d 'Copy artifacts out of a run; prints the local path of the copy'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "log-artifact" -d 'Log one local file as an artifact of a run'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from artifacts" -f -a "log-artifacts" -d 'Log the contents of a local directory as artifacts of a run'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "create" -d 'Create a registered model'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "get" -d 'Show a registered model with its tags, aliases and latest versions'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "list" -d 'List every registered model, sorted by name'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "rename" -d 'Rename a registered model, keeping its versions, tags and aliases'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "update" -d 'Set the description of a registered model'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "delete" -d 'Delete a registered model and all its versions (no undo, as in MLflow)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "set-tag" -d 'Set a tag on a registered model'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "delete-tag" -d 'Delete a tag of a registered model (a missing tag is no error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "register" -d 'Register a model as a new version (creates the registered model if missing)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "versions" -d 'List the live versions of a registered model, oldest first'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "get-version" -d 'Show one model version, by number or by alias'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "update-version" -d 'Set the description of a model version'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "delete-version" -d 'Delete a model version (soft, as MLflow does); its aliases are removed'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "set-version-tag" -d 'Set a tag on a model version'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "delete-version-tag" -d 'Delete a tag of a model version (a missing tag is no error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "transition" -d 'Move a version to None, Staging, Production or Archived'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "latest" -d 'The highest version in each stage (None, Staging, Production, Archived)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "set-alias" -d 'Point an alias at a version (`latest` and `v<N>` are reserved)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "delete-alias" -d 'Delete an alias (a missing alias is no error)'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "resolve" -d 'Print the local directory behind a models:/ or runs:/ URI'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "search" -d 'Search registered models with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "search-versions" -d 'Search model versions with MLflow\'s filter and order_by language'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "export" -d 'Export a registered model (versions, stages, aliases, tags) in mlflow-export-import\'s layout'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "import" -d 'Import a registered model exported by mlrs or mlflow-export-import, version numbers kept'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "migrate" -d 'Copy a whole store into another (file store to SQLite or back): experiments, runs and the model registry with ids, times, stages, version numbers, aliases, tags and every metric point kept, one run at a time; running it again copies nothing twice'
complete -c mlrs -n "__fish_mlrs_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "relocate" -d 'Rewrite absolute artifact URIs after the store moved (default target: where it is now)'
