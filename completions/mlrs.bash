_mlrs() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="mlrs"
                ;;
            mlrs,artifacts)
                cmd="mlrs__subcmd__artifacts"
                ;;
            mlrs,completions)
                cmd="mlrs__subcmd__completions"
                ;;
            mlrs,doctor)
                cmd="mlrs__subcmd__doctor"
                ;;
            mlrs,experiments)
                cmd="mlrs__subcmd__experiments"
                ;;
            mlrs,gc)
                cmd="mlrs__subcmd__gc"
                ;;
            mlrs,help)
                cmd="mlrs__subcmd__help"
                ;;
            mlrs,models)
                cmd="mlrs__subcmd__models"
                ;;
            mlrs,runs)
                cmd="mlrs__subcmd__runs"
                ;;
            mlrs,store)
                cmd="mlrs__subcmd__store"
                ;;
            mlrs,sync)
                cmd="mlrs__subcmd__sync"
                ;;
            mlrs,ui)
                cmd="mlrs__subcmd__ui"
                ;;
            mlrs__subcmd__artifacts,download)
                cmd="mlrs__subcmd__artifacts__subcmd__download"
                ;;
            mlrs__subcmd__artifacts,help)
                cmd="mlrs__subcmd__artifacts__subcmd__help"
                ;;
            mlrs__subcmd__artifacts,list)
                cmd="mlrs__subcmd__artifacts__subcmd__list"
                ;;
            mlrs__subcmd__artifacts,log-artifact)
                cmd="mlrs__subcmd__artifacts__subcmd__log__subcmd__artifact"
                ;;
            mlrs__subcmd__artifacts,log-artifacts)
                cmd="mlrs__subcmd__artifacts__subcmd__log__subcmd__artifacts"
                ;;
            mlrs__subcmd__artifacts__subcmd__help,download)
                cmd="mlrs__subcmd__artifacts__subcmd__help__subcmd__download"
                ;;
            mlrs__subcmd__artifacts__subcmd__help,help)
                cmd="mlrs__subcmd__artifacts__subcmd__help__subcmd__help"
                ;;
            mlrs__subcmd__artifacts__subcmd__help,list)
                cmd="mlrs__subcmd__artifacts__subcmd__help__subcmd__list"
                ;;
            mlrs__subcmd__artifacts__subcmd__help,log-artifact)
                cmd="mlrs__subcmd__artifacts__subcmd__help__subcmd__log__subcmd__artifact"
                ;;
            mlrs__subcmd__artifacts__subcmd__help,log-artifacts)
                cmd="mlrs__subcmd__artifacts__subcmd__help__subcmd__log__subcmd__artifacts"
                ;;
            mlrs__subcmd__experiments,create)
                cmd="mlrs__subcmd__experiments__subcmd__create"
                ;;
            mlrs__subcmd__experiments,csv)
                cmd="mlrs__subcmd__experiments__subcmd__csv"
                ;;
            mlrs__subcmd__experiments,delete)
                cmd="mlrs__subcmd__experiments__subcmd__delete"
                ;;
            mlrs__subcmd__experiments,delete-tag)
                cmd="mlrs__subcmd__experiments__subcmd__delete__subcmd__tag"
                ;;
            mlrs__subcmd__experiments,export)
                cmd="mlrs__subcmd__experiments__subcmd__export"
                ;;
            mlrs__subcmd__experiments,get)
                cmd="mlrs__subcmd__experiments__subcmd__get"
                ;;
            mlrs__subcmd__experiments,help)
                cmd="mlrs__subcmd__experiments__subcmd__help"
                ;;
            mlrs__subcmd__experiments,import)
                cmd="mlrs__subcmd__experiments__subcmd__import"
                ;;
            mlrs__subcmd__experiments,rename)
                cmd="mlrs__subcmd__experiments__subcmd__rename"
                ;;
            mlrs__subcmd__experiments,restore)
                cmd="mlrs__subcmd__experiments__subcmd__restore"
                ;;
            mlrs__subcmd__experiments,search)
                cmd="mlrs__subcmd__experiments__subcmd__search"
                ;;
            mlrs__subcmd__experiments,set-tag)
                cmd="mlrs__subcmd__experiments__subcmd__set__subcmd__tag"
                ;;
            mlrs__subcmd__experiments__subcmd__help,create)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__create"
                ;;
            mlrs__subcmd__experiments__subcmd__help,csv)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__csv"
                ;;
            mlrs__subcmd__experiments__subcmd__help,delete)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__delete"
                ;;
            mlrs__subcmd__experiments__subcmd__help,delete-tag)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__delete__subcmd__tag"
                ;;
            mlrs__subcmd__experiments__subcmd__help,export)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__export"
                ;;
            mlrs__subcmd__experiments__subcmd__help,get)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__get"
                ;;
            mlrs__subcmd__experiments__subcmd__help,help)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__help"
                ;;
            mlrs__subcmd__experiments__subcmd__help,import)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__import"
                ;;
            mlrs__subcmd__experiments__subcmd__help,rename)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__rename"
                ;;
            mlrs__subcmd__experiments__subcmd__help,restore)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__restore"
                ;;
            mlrs__subcmd__experiments__subcmd__help,search)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__search"
                ;;
            mlrs__subcmd__experiments__subcmd__help,set-tag)
                cmd="mlrs__subcmd__experiments__subcmd__help__subcmd__set__subcmd__tag"
                ;;
            mlrs__subcmd__help,artifacts)
                cmd="mlrs__subcmd__help__subcmd__artifacts"
                ;;
            mlrs__subcmd__help,completions)
                cmd="mlrs__subcmd__help__subcmd__completions"
                ;;
            mlrs__subcmd__help,doctor)
                cmd="mlrs__subcmd__help__subcmd__doctor"
                ;;
            mlrs__subcmd__help,experiments)
                cmd="mlrs__subcmd__help__subcmd__experiments"
                ;;
            mlrs__subcmd__help,gc)
                cmd="mlrs__subcmd__help__subcmd__gc"
                ;;
            mlrs__subcmd__help,help)
                cmd="mlrs__subcmd__help__subcmd__help"
                ;;
            mlrs__subcmd__help,models)
                cmd="mlrs__subcmd__help__subcmd__models"
                ;;
            mlrs__subcmd__help,runs)
                cmd="mlrs__subcmd__help__subcmd__runs"
                ;;
            mlrs__subcmd__help,store)
                cmd="mlrs__subcmd__help__subcmd__store"
                ;;
            mlrs__subcmd__help,sync)
                cmd="mlrs__subcmd__help__subcmd__sync"
                ;;
            mlrs__subcmd__help,ui)
                cmd="mlrs__subcmd__help__subcmd__ui"
                ;;
            mlrs__subcmd__help__subcmd__artifacts,download)
                cmd="mlrs__subcmd__help__subcmd__artifacts__subcmd__download"
                ;;
            mlrs__subcmd__help__subcmd__artifacts,list)
                cmd="mlrs__subcmd__help__subcmd__artifacts__subcmd__list"
                ;;
            mlrs__subcmd__help__subcmd__artifacts,log-artifact)
                cmd="mlrs__subcmd__help__subcmd__artifacts__subcmd__log__subcmd__artifact"
                ;;
            mlrs__subcmd__help__subcmd__artifacts,log-artifacts)
                cmd="mlrs__subcmd__help__subcmd__artifacts__subcmd__log__subcmd__artifacts"
                ;;
            mlrs__subcmd__help__subcmd__experiments,create)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__create"
                ;;
            mlrs__subcmd__help__subcmd__experiments,csv)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__csv"
                ;;
            mlrs__subcmd__help__subcmd__experiments,delete)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__delete"
                ;;
            mlrs__subcmd__help__subcmd__experiments,delete-tag)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__delete__subcmd__tag"
                ;;
            mlrs__subcmd__help__subcmd__experiments,export)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__export"
                ;;
            mlrs__subcmd__help__subcmd__experiments,get)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__get"
                ;;
            mlrs__subcmd__help__subcmd__experiments,import)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__import"
                ;;
            mlrs__subcmd__help__subcmd__experiments,rename)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__rename"
                ;;
            mlrs__subcmd__help__subcmd__experiments,restore)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__restore"
                ;;
            mlrs__subcmd__help__subcmd__experiments,search)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__search"
                ;;
            mlrs__subcmd__help__subcmd__experiments,set-tag)
                cmd="mlrs__subcmd__help__subcmd__experiments__subcmd__set__subcmd__tag"
                ;;
            mlrs__subcmd__help__subcmd__models,create)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__create"
                ;;
            mlrs__subcmd__help__subcmd__models,delete)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__delete"
                ;;
            mlrs__subcmd__help__subcmd__models,delete-alias)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__delete__subcmd__alias"
                ;;
            mlrs__subcmd__help__subcmd__models,delete-tag)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__delete__subcmd__tag"
                ;;
            mlrs__subcmd__help__subcmd__models,delete-version)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__delete__subcmd__version"
                ;;
            mlrs__subcmd__help__subcmd__models,delete-version-tag)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__delete__subcmd__version__subcmd__tag"
                ;;
            mlrs__subcmd__help__subcmd__models,export)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__export"
                ;;
            mlrs__subcmd__help__subcmd__models,get)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__get"
                ;;
            mlrs__subcmd__help__subcmd__models,get-version)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__get__subcmd__version"
                ;;
            mlrs__subcmd__help__subcmd__models,import)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__import"
                ;;
            mlrs__subcmd__help__subcmd__models,latest)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__latest"
                ;;
            mlrs__subcmd__help__subcmd__models,list)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__list"
                ;;
            mlrs__subcmd__help__subcmd__models,register)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__register"
                ;;
            mlrs__subcmd__help__subcmd__models,rename)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__rename"
                ;;
            mlrs__subcmd__help__subcmd__models,resolve)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__resolve"
                ;;
            mlrs__subcmd__help__subcmd__models,search)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__search"
                ;;
            mlrs__subcmd__help__subcmd__models,search-versions)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__search__subcmd__versions"
                ;;
            mlrs__subcmd__help__subcmd__models,set-alias)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__set__subcmd__alias"
                ;;
            mlrs__subcmd__help__subcmd__models,set-tag)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__set__subcmd__tag"
                ;;
            mlrs__subcmd__help__subcmd__models,set-version-tag)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__set__subcmd__version__subcmd__tag"
                ;;
            mlrs__subcmd__help__subcmd__models,transition)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__transition"
                ;;
            mlrs__subcmd__help__subcmd__models,update)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__update"
                ;;
            mlrs__subcmd__help__subcmd__models,update-version)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__update__subcmd__version"
                ;;
            mlrs__subcmd__help__subcmd__models,versions)
                cmd="mlrs__subcmd__help__subcmd__models__subcmd__versions"
                ;;
            mlrs__subcmd__help__subcmd__runs,best)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__best"
                ;;
            mlrs__subcmd__help__subcmd__runs,close-stale)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__close__subcmd__stale"
                ;;
            mlrs__subcmd__help__subcmd__runs,compare)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__compare"
                ;;
            mlrs__subcmd__help__subcmd__runs,create)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__create"
                ;;
            mlrs__subcmd__help__subcmd__runs,delete)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__delete"
                ;;
            mlrs__subcmd__help__subcmd__runs,delete-tag)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__delete__subcmd__tag"
                ;;
            mlrs__subcmd__help__subcmd__runs,describe)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__describe"
                ;;
            mlrs__subcmd__help__subcmd__runs,end)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__end"
                ;;
            mlrs__subcmd__help__subcmd__runs,export)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__export"
                ;;
            mlrs__subcmd__help__subcmd__runs,import)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__import"
                ;;
            mlrs__subcmd__help__subcmd__runs,list)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__list"
                ;;
            mlrs__subcmd__help__subcmd__runs,log-batch)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__log__subcmd__batch"
                ;;
            mlrs__subcmd__help__subcmd__runs,log-metric)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__log__subcmd__metric"
                ;;
            mlrs__subcmd__help__subcmd__runs,log-param)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__log__subcmd__param"
                ;;
            mlrs__subcmd__help__subcmd__runs,metric-history)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__metric__subcmd__history"
                ;;
            mlrs__subcmd__help__subcmd__runs,plot)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__plot"
                ;;
            mlrs__subcmd__help__subcmd__runs,restore)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__restore"
                ;;
            mlrs__subcmd__help__subcmd__runs,search)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__search"
                ;;
            mlrs__subcmd__help__subcmd__runs,set-tag)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__set__subcmd__tag"
                ;;
            mlrs__subcmd__help__subcmd__runs,start)
                cmd="mlrs__subcmd__help__subcmd__runs__subcmd__start"
                ;;
            mlrs__subcmd__help__subcmd__store,migrate)
                cmd="mlrs__subcmd__help__subcmd__store__subcmd__migrate"
                ;;
            mlrs__subcmd__help__subcmd__store,relocate)
                cmd="mlrs__subcmd__help__subcmd__store__subcmd__relocate"
                ;;
            mlrs__subcmd__models,create)
                cmd="mlrs__subcmd__models__subcmd__create"
                ;;
            mlrs__subcmd__models,delete)
                cmd="mlrs__subcmd__models__subcmd__delete"
                ;;
            mlrs__subcmd__models,delete-alias)
                cmd="mlrs__subcmd__models__subcmd__delete__subcmd__alias"
                ;;
            mlrs__subcmd__models,delete-tag)
                cmd="mlrs__subcmd__models__subcmd__delete__subcmd__tag"
                ;;
            mlrs__subcmd__models,delete-version)
                cmd="mlrs__subcmd__models__subcmd__delete__subcmd__version"
                ;;
            mlrs__subcmd__models,delete-version-tag)
                cmd="mlrs__subcmd__models__subcmd__delete__subcmd__version__subcmd__tag"
                ;;
            mlrs__subcmd__models,export)
                cmd="mlrs__subcmd__models__subcmd__export"
                ;;
            mlrs__subcmd__models,get)
                cmd="mlrs__subcmd__models__subcmd__get"
                ;;
            mlrs__subcmd__models,get-version)
                cmd="mlrs__subcmd__models__subcmd__get__subcmd__version"
                ;;
            mlrs__subcmd__models,help)
                cmd="mlrs__subcmd__models__subcmd__help"
                ;;
            mlrs__subcmd__models,import)
                cmd="mlrs__subcmd__models__subcmd__import"
                ;;
            mlrs__subcmd__models,latest)
                cmd="mlrs__subcmd__models__subcmd__latest"
                ;;
            mlrs__subcmd__models,list)
                cmd="mlrs__subcmd__models__subcmd__list"
                ;;
            mlrs__subcmd__models,register)
                cmd="mlrs__subcmd__models__subcmd__register"
                ;;
            mlrs__subcmd__models,rename)
                cmd="mlrs__subcmd__models__subcmd__rename"
                ;;
            mlrs__subcmd__models,resolve)
                cmd="mlrs__subcmd__models__subcmd__resolve"
                ;;
            mlrs__subcmd__models,search)
                cmd="mlrs__subcmd__models__subcmd__search"
                ;;
            mlrs__subcmd__models,search-versions)
                cmd="mlrs__subcmd__models__subcmd__search__subcmd__versions"
                ;;
            mlrs__subcmd__models,set-alias)
                cmd="mlrs__subcmd__models__subcmd__set__subcmd__alias"
                ;;
            mlrs__subcmd__models,set-tag)
                cmd="mlrs__subcmd__models__subcmd__set__subcmd__tag"
                ;;
            mlrs__subcmd__models,set-version-tag)
                cmd="mlrs__subcmd__models__subcmd__set__subcmd__version__subcmd__tag"
                ;;
            mlrs__subcmd__models,transition)
                cmd="mlrs__subcmd__models__subcmd__transition"
                ;;
            mlrs__subcmd__models,update)
                cmd="mlrs__subcmd__models__subcmd__update"
                ;;
            mlrs__subcmd__models,update-version)
                cmd="mlrs__subcmd__models__subcmd__update__subcmd__version"
                ;;
            mlrs__subcmd__models,versions)
                cmd="mlrs__subcmd__models__subcmd__versions"
                ;;
            mlrs__subcmd__models__subcmd__help,create)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__create"
                ;;
            mlrs__subcmd__models__subcmd__help,delete)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__delete"
                ;;
            mlrs__subcmd__models__subcmd__help,delete-alias)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__delete__subcmd__alias"
                ;;
            mlrs__subcmd__models__subcmd__help,delete-tag)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__delete__subcmd__tag"
                ;;
            mlrs__subcmd__models__subcmd__help,delete-version)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__delete__subcmd__version"
                ;;
            mlrs__subcmd__models__subcmd__help,delete-version-tag)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__delete__subcmd__version__subcmd__tag"
                ;;
            mlrs__subcmd__models__subcmd__help,export)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__export"
                ;;
            mlrs__subcmd__models__subcmd__help,get)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__get"
                ;;
            mlrs__subcmd__models__subcmd__help,get-version)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__get__subcmd__version"
                ;;
            mlrs__subcmd__models__subcmd__help,help)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__help"
                ;;
            mlrs__subcmd__models__subcmd__help,import)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__import"
                ;;
            mlrs__subcmd__models__subcmd__help,latest)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__latest"
                ;;
            mlrs__subcmd__models__subcmd__help,list)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__list"
                ;;
            mlrs__subcmd__models__subcmd__help,register)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__register"
                ;;
            mlrs__subcmd__models__subcmd__help,rename)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__rename"
                ;;
            mlrs__subcmd__models__subcmd__help,resolve)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__resolve"
                ;;
            mlrs__subcmd__models__subcmd__help,search)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__search"
                ;;
            mlrs__subcmd__models__subcmd__help,search-versions)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__search__subcmd__versions"
                ;;
            mlrs__subcmd__models__subcmd__help,set-alias)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__set__subcmd__alias"
                ;;
            mlrs__subcmd__models__subcmd__help,set-tag)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__set__subcmd__tag"
                ;;
            mlrs__subcmd__models__subcmd__help,set-version-tag)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__set__subcmd__version__subcmd__tag"
                ;;
            mlrs__subcmd__models__subcmd__help,transition)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__transition"
                ;;
            mlrs__subcmd__models__subcmd__help,update)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__update"
                ;;
            mlrs__subcmd__models__subcmd__help,update-version)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__update__subcmd__version"
                ;;
            mlrs__subcmd__models__subcmd__help,versions)
                cmd="mlrs__subcmd__models__subcmd__help__subcmd__versions"
                ;;
            mlrs__subcmd__runs,best)
                cmd="mlrs__subcmd__runs__subcmd__best"
                ;;
            mlrs__subcmd__runs,close-stale)
                cmd="mlrs__subcmd__runs__subcmd__close__subcmd__stale"
                ;;
            mlrs__subcmd__runs,compare)
                cmd="mlrs__subcmd__runs__subcmd__compare"
                ;;
            mlrs__subcmd__runs,create)
                cmd="mlrs__subcmd__runs__subcmd__create"
                ;;
            mlrs__subcmd__runs,delete)
                cmd="mlrs__subcmd__runs__subcmd__delete"
                ;;
            mlrs__subcmd__runs,delete-tag)
                cmd="mlrs__subcmd__runs__subcmd__delete__subcmd__tag"
                ;;
            mlrs__subcmd__runs,describe)
                cmd="mlrs__subcmd__runs__subcmd__describe"
                ;;
            mlrs__subcmd__runs,end)
                cmd="mlrs__subcmd__runs__subcmd__end"
                ;;
            mlrs__subcmd__runs,export)
                cmd="mlrs__subcmd__runs__subcmd__export"
                ;;
            mlrs__subcmd__runs,help)
                cmd="mlrs__subcmd__runs__subcmd__help"
                ;;
            mlrs__subcmd__runs,import)
                cmd="mlrs__subcmd__runs__subcmd__import"
                ;;
            mlrs__subcmd__runs,list)
                cmd="mlrs__subcmd__runs__subcmd__list"
                ;;
            mlrs__subcmd__runs,log-batch)
                cmd="mlrs__subcmd__runs__subcmd__log__subcmd__batch"
                ;;
            mlrs__subcmd__runs,log-metric)
                cmd="mlrs__subcmd__runs__subcmd__log__subcmd__metric"
                ;;
            mlrs__subcmd__runs,log-param)
                cmd="mlrs__subcmd__runs__subcmd__log__subcmd__param"
                ;;
            mlrs__subcmd__runs,metric-history)
                cmd="mlrs__subcmd__runs__subcmd__metric__subcmd__history"
                ;;
            mlrs__subcmd__runs,plot)
                cmd="mlrs__subcmd__runs__subcmd__plot"
                ;;
            mlrs__subcmd__runs,restore)
                cmd="mlrs__subcmd__runs__subcmd__restore"
                ;;
            mlrs__subcmd__runs,search)
                cmd="mlrs__subcmd__runs__subcmd__search"
                ;;
            mlrs__subcmd__runs,set-tag)
                cmd="mlrs__subcmd__runs__subcmd__set__subcmd__tag"
                ;;
            mlrs__subcmd__runs,start)
                cmd="mlrs__subcmd__runs__subcmd__start"
                ;;
            mlrs__subcmd__runs__subcmd__help,best)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__best"
                ;;
            mlrs__subcmd__runs__subcmd__help,close-stale)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__close__subcmd__stale"
                ;;
            mlrs__subcmd__runs__subcmd__help,compare)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__compare"
                ;;
            mlrs__subcmd__runs__subcmd__help,create)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__create"
                ;;
            mlrs__subcmd__runs__subcmd__help,delete)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__delete"
                ;;
            mlrs__subcmd__runs__subcmd__help,delete-tag)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__delete__subcmd__tag"
                ;;
            mlrs__subcmd__runs__subcmd__help,describe)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__describe"
                ;;
            mlrs__subcmd__runs__subcmd__help,end)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__end"
                ;;
            mlrs__subcmd__runs__subcmd__help,export)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__export"
                ;;
            mlrs__subcmd__runs__subcmd__help,help)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__help"
                ;;
            mlrs__subcmd__runs__subcmd__help,import)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__import"
                ;;
            mlrs__subcmd__runs__subcmd__help,list)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__list"
                ;;
            mlrs__subcmd__runs__subcmd__help,log-batch)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__log__subcmd__batch"
                ;;
            mlrs__subcmd__runs__subcmd__help,log-metric)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__log__subcmd__metric"
                ;;
            mlrs__subcmd__runs__subcmd__help,log-param)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__log__subcmd__param"
                ;;
            mlrs__subcmd__runs__subcmd__help,metric-history)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__metric__subcmd__history"
                ;;
            mlrs__subcmd__runs__subcmd__help,plot)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__plot"
                ;;
            mlrs__subcmd__runs__subcmd__help,restore)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__restore"
                ;;
            mlrs__subcmd__runs__subcmd__help,search)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__search"
                ;;
            mlrs__subcmd__runs__subcmd__help,set-tag)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__set__subcmd__tag"
                ;;
            mlrs__subcmd__runs__subcmd__help,start)
                cmd="mlrs__subcmd__runs__subcmd__help__subcmd__start"
                ;;
            mlrs__subcmd__store,help)
                cmd="mlrs__subcmd__store__subcmd__help"
                ;;
            mlrs__subcmd__store,migrate)
                cmd="mlrs__subcmd__store__subcmd__migrate"
                ;;
            mlrs__subcmd__store,relocate)
                cmd="mlrs__subcmd__store__subcmd__relocate"
                ;;
            mlrs__subcmd__store__subcmd__help,help)
                cmd="mlrs__subcmd__store__subcmd__help__subcmd__help"
                ;;
            mlrs__subcmd__store__subcmd__help,migrate)
                cmd="mlrs__subcmd__store__subcmd__help__subcmd__migrate"
                ;;
            mlrs__subcmd__store__subcmd__help,relocate)
                cmd="mlrs__subcmd__store__subcmd__help__subcmd__relocate"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        mlrs)
            opts="-h -V --tracking-uri --registry-uri --color --help --version experiments runs artifacts models gc doctor store sync ui completions help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts)
            opts="-h --tracking-uri --registry-uri --color --help list download log-artifact log-artifacts help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__download)
            opts="-r -a -u -d -h --run-id --artifact-path --artifact-uri --dst-path --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -r)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --artifact-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -a)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --artifact-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -u)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dst-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -d)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__help)
            opts="list download log-artifact log-artifacts help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__help__subcmd__download)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__help__subcmd__log__subcmd__artifact)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__help__subcmd__log__subcmd__artifacts)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__list)
            opts="-r -a -o -q -h --run-id --artifact-path --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -r)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --artifact-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -a)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__log__subcmd__artifact)
            opts="-l -r -a -h --local-file --run-id --artifact-path --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --local-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -l)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -r)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --artifact-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -a)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__artifacts__subcmd__log__subcmd__artifacts)
            opts="-l -r -a -h --local-dir --run-id --artifact-path --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --local-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -l)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -r)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --artifact-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -a)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__completions)
            opts="-h --dynamic --tracking-uri --registry-uri --color --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__doctor)
            opts="-o -q -h --fix --stale-after --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --stale-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments)
            opts="-h --tracking-uri --registry-uri --color --help create search get rename delete restore csv set-tag delete-tag export import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__create)
            opts="-n -l -o -q -h --experiment-name --artifact-location --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --artifact-location)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -l)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__csv)
            opts="-x -o -h --experiment-id --filename --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filename)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__delete)
            opts="-x -h --experiment-id --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__delete__subcmd__tag)
            opts="-x -h --experiment-id --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__export)
            opts="-x -o -q -h --experiment-id --output-dir --include-deleted --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__get)
            opts="-x -n -o -q -h --experiment-id --experiment-name --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help)
            opts="create search get rename delete restore csv set-tag delete-tag export import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__csv)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__delete__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__rename)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__restore)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__search)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__help__subcmd__set__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__import)
            opts="-o -q -h --input-dir --experiment-name --new-ids --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --input-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__rename)
            opts="-x -h --experiment-id --new-name --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --new-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__restore)
            opts="-x -h --experiment-id --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__search)
            opts="-v -o -q -h --view --filter --filter-file --order-by --max-results --page-token --paginate --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --view)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -v)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --order-by)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-results)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__experiments__subcmd__set__subcmd__tag)
            opts="-x -h --experiment-id --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__gc)
            opts="-h --older-than --run-ids --experiment-ids --logged-model-ids --dry-run --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --older-than)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --run-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --logged-model-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help)
            opts="experiments runs artifacts models gc doctor store sync ui completions help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__artifacts)
            opts="list download log-artifact log-artifacts"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__artifacts__subcmd__download)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__artifacts__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__artifacts__subcmd__log__subcmd__artifact)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__artifacts__subcmd__log__subcmd__artifacts)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__doctor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments)
            opts="create search get rename delete restore csv set-tag delete-tag export import"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__csv)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__delete__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__rename)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__restore)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__search)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__experiments__subcmd__set__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__gc)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models)
            opts="create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__delete__subcmd__alias)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__delete__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__delete__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__delete__subcmd__version__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__get__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__latest)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__register)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__rename)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__resolve)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__search)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__search__subcmd__versions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__set__subcmd__alias)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__set__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__set__subcmd__version__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__transition)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__update__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__models__subcmd__versions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs)
            opts="list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__best)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__close__subcmd__stale)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__compare)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__delete__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__describe)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__end)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__log__subcmd__batch)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__log__subcmd__metric)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__log__subcmd__param)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__metric__subcmd__history)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__plot)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__restore)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__search)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__set__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__runs__subcmd__start)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__store)
            opts="migrate relocate"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__store__subcmd__migrate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__store__subcmd__relocate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__sync)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__help__subcmd__ui)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models)
            opts="-h --tracking-uri --registry-uri --color --help create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__create)
            opts="-t -o -q -h --description --tag --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -t)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__delete)
            opts="-h --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__delete__subcmd__alias)
            opts="-h --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__delete__subcmd__tag)
            opts="-h --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__delete__subcmd__version)
            opts="-h --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__delete__subcmd__version__subcmd__tag)
            opts="-h --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__export)
            opts="-o -q -h --output-dir --include-runs --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__get)
            opts="-o -q -h --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__get__subcmd__version)
            opts="-o -q -h --alias --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --alias)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help)
            opts="create get list rename update delete set-tag delete-tag register versions get-version update-version delete-version set-version-tag delete-version-tag transition latest set-alias delete-alias resolve search search-versions export import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__delete__subcmd__alias)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__delete__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__delete__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__delete__subcmd__version__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__get__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__latest)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__register)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__rename)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__resolve)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__search)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__search__subcmd__versions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__set__subcmd__alias)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__set__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__set__subcmd__version__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__transition)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__update__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__help__subcmd__versions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__import)
            opts="-o -q -h --input-dir --include-runs --experiment-name --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --input-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__latest)
            opts="-s -o -q -h --stage --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --stage)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__list)
            opts="-o -q -h --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__register)
            opts="-t -o -q -h --tag --description --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -t)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__rename)
            opts="-o -q -h --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__resolve)
            opts="-o -q -h --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__search)
            opts="-o -q -h --filter --filter-file --order-by --max-results --page-token --paginate --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --order-by)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-results)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__search__subcmd__versions)
            opts="-o -q -h --filter --filter-file --order-by --max-results --page-token --paginate --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --order-by)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-results)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__set__subcmd__alias)
            opts="-h --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__set__subcmd__tag)
            opts="-h --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__set__subcmd__version__subcmd__tag)
            opts="-h --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__transition)
            opts="-o -q -h --archive-existing-versions --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__update)
            opts="-o -q -h --description --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__update__subcmd__version)
            opts="-o -q -h --description --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__models__subcmd__versions)
            opts="-o -q -h --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs)
            opts="-h --tracking-uri --registry-uri --color --help list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__best)
            opts="-v -o -q -h --experiment-ids --experiment-names --metric --max --min --filter --view --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-names)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --metric)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -v)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__close__subcmd__stale)
            opts="-o -q -h --older-than --status --experiment-ids --dry-run --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --older-than)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "finished failed killed FINISHED FAILED KILLED" -- "${cur}"))
                    return 0
                    ;;
                --experiment-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__compare)
            opts="-o -q -h --only-changed --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__create)
            opts="-t -o -q -h --experiment-id --experiment-name --run-name --description --tags --parent-run-id --status --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --run-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tags)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -t)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --parent-run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "finished failed killed FINISHED FAILED KILLED" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__delete)
            opts="-h --run-id --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__delete__subcmd__tag)
            opts="-h --run-id --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__describe)
            opts="-o -q -h --run-id --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__end)
            opts="-h --run-id --status --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -W "finished failed killed FINISHED FAILED KILLED" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__export)
            opts="-o -q -h --run-id --output-dir --include-deleted --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help)
            opts="list search describe create start end delete restore log-param log-metric log-batch set-tag delete-tag close-stale metric-history compare plot best export import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__best)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__close__subcmd__stale)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__compare)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__delete__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__describe)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__end)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__log__subcmd__batch)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__log__subcmd__metric)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__log__subcmd__param)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__metric__subcmd__history)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__plot)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__restore)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__search)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__set__subcmd__tag)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__help__subcmd__start)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__import)
            opts="-o -q -h --input-dir --experiment-id --new-ids --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --input-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__list)
            opts="-v -o -q -h --experiment-id --view --columns --filter --filter-file --order-by --max-results --page-token --paginate --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -v)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --columns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --order-by)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-results)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__log__subcmd__batch)
            opts="-h --run-id --json --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__log__subcmd__metric)
            opts="-h --run-id --step --timestamp --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --step)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timestamp)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__log__subcmd__param)
            opts="-h --run-id --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__metric__subcmd__history)
            opts="-o -q -h --run-id --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__plot)
            opts="-o -q -h --run-id --metric --x --svg --png --width --height --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --metric)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --x)
                    COMPREPLY=($(compgen -W "step time" -- "${cur}"))
                    return 0
                    ;;
                --svg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --png)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --height)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__restore)
            opts="-h --run-id --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__search)
            opts="-v -o -q -h --experiment-ids --experiment-names --view --filter --filter-file --order-by --max-results --page-token --paginate --columns --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-names)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -v)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --order-by)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-results)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --columns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__set__subcmd__tag)
            opts="-h --run-id --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__runs__subcmd__start)
            opts="-t -o -q -h --experiment-id --experiment-name --run-name --description --tags --parent-run-id --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --run-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tags)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -t)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --parent-run-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__store)
            opts="-h --tracking-uri --registry-uri --color --help migrate relocate help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__store__subcmd__help)
            opts="migrate relocate help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__store__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__store__subcmd__help__subcmd__migrate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__store__subcmd__help__subcmd__relocate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__store__subcmd__migrate)
            opts="-o -q -h --from --to --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__store__subcmd__relocate)
            opts="-o -q -h --from --to --dry-run --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__sync)
            opts="-x -o -q -h --from --to --registry-from --registry-to --experiment-id --no-registry --dry-run --verify --output --quiet --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table json jsonl csv tsv" -- "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        mlrs__subcmd__ui)
            opts="-x -n -h --experiment-id --experiment-name --columns --live --write --tracking-uri --registry-uri --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --experiment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -x)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --experiment-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --columns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tracking-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --registry-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _mlrs -o nosort -o bashdefault -o default mlrs
else
    complete -F _mlrs -o bashdefault -o default mlrs
fi
