# shellcheck shell=bash
# The MongoDB-compatible database: FerretDB 1.x with its SQLite backend, a MongoDB wire-protocol
# server built from source with `go install` (the Go module proxy is reachable; prebuilt release
# binaries are not).

MONGO_PORT=27017
MONGO_HOME=$INFRA_HOME/mongo
FERRETDB_CACHE=$INFRA_CACHE/ferretdb-$FERRETDB_VERSION

mongo_ports() { echo "$MONGO_PORT"; }
mongo_endpoint() { echo "mongodb://$LOOPBACK:$MONGO_PORT/"; }
mongo_timeout_s() { echo 30; }
mongo_stop_grace_s() { echo 10; }

# `go install .../cmd/ferretdb@version` alone gives a binary that panics at start: FerretDB embeds
# build/version/version.txt, which its release tooling generates from git and the module zip lacks.
# So: take the module's source from the module cache, write that file, and build it there.
fill_ferretdb_cache() {
  local staging=$1 module_dir
  require_command go "install Go to build FerretDB"
  module_dir=$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))') || return 1
  [[ -d $module_dir ]] || return 1
  cp -r "$module_dir" "$staging/source" && chmod -R u+w "$staging/source" || return 1
  echo "$FERRETDB_VERSION" >"$staging/source/build/version/version.txt"
  # No build tags: the SQLite backend is in the default build (ferretdb_no_sqlite would remove it).
  (cd "$staging/source" && GOFLAGS=-buildvcs=false go build -trimpath -o "$staging/bin/ferretdb" ./cmd/ferretdb) ||
    return 1
  rm -rf "$staging/source"
}

mongo_prepare() {
  local started
  if [[ ! -f $FERRETDB_CACHE/.complete ]]; then
    started=$(now_ms)
    say "mongo: building FerretDB $FERRETDB_VERSION from the Go module proxy into $FERRETDB_CACHE (about 2 minutes) ..."
    fill_cache "$FERRETDB_CACHE" fill_ferretdb_cache || die "could not build FerretDB (see go's output above)"
    say "mongo: FerretDB built in $(elapsed_since "$started")"
  fi
  mkdir -p "$MONGO_HOME/data" "$MONGO_HOME/state"
}

mongo_start() {
  # --debug-addr=- : no extra HTTP listener (metrics, pprof) that could collide with other tools.
  launch mongo "$FERRETDB_CACHE/bin/ferretdb" \
    --handler=sqlite \
    --sqlite-url="file:$MONGO_HOME/data/" \
    --listen-addr="$LOOPBACK:$MONGO_PORT" \
    --debug-addr=- \
    --state-dir="$MONGO_HOME/state" \
    --telemetry=disable \
    --log-level=info
}

mongo_wait() {
  local deadline=$1 remaining_s
  wait_for mongo "$deadline" port_open "$MONGO_PORT" || return 1
  remaining_s=$(((deadline - $(now_ms)) / 1000))
  ((remaining_s > 5)) || remaining_s=5
  run_probe mongo-ready --url "$(mongo_endpoint)" --timeout-seconds "$remaining_s" \
    >>"$(log_file mongo)" 2>&1
}
