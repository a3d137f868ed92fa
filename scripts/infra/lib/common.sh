# shellcheck shell=bash
# Shared by scripts/infra/infra and the component files: paths, caches, locks, processes, waiting.

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_ROOT=$(cd "$INFRA_DIR/../.." && pwd)
# shellcheck source=scripts/infra/versions.env
source "$INFRA_DIR/versions.env"

LOOPBACK=127.0.0.1
# Per checkout: state, data, logs. Git-ignored.
INFRA_HOME=${RELAIS_INFRA_HOME:-$REPO_ROOT/.infra}
# Per machine: finished artefacts, reused by every clone (one folder per component and version).
INFRA_CACHE=${RELAIS_INFRA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/relais-infra}
RUN_DIR=$INFRA_HOME/run
LOG_DIR=$INFRA_HOME/logs

# ---------------------------------------------------------------------------------------------------
# Output

say() { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }
die() {
  warn "infra: $*"
  exit 1
}

# Maven 3.8 prints colour resets even in batch mode with colours off; keep our output plain.
strip_colors() { sed -u 's/\x1b\[[0-9;]*m//g'; }

now_ms() { date +%s%3N; }

# Seconds since a now_ms mark, one decimal: "6.2s".
elapsed_since() {
  local started=$1 elapsed
  elapsed=$(($(now_ms) - started))
  printf '%d.%ds' $((elapsed / 1000)) $((elapsed % 1000 / 100))
}

# One line per component, aligned: "kafka      up    6.2s  127.0.0.1:9092 (started)".
report_line() {
  printf '%-10s %-5s %7s  %s\n' "$1" "$2" "$3" "$4"
}

# ---------------------------------------------------------------------------------------------------
# Locks: one `infra` command at a time per checkout, one cache fill at a time per artefact.

hold_checkout_lock() {
  mkdir -p "$INFRA_HOME" "$RUN_DIR" "$LOG_DIR"
  exec 9>"$INFRA_HOME/.lock"
  if ! flock -w 600 9; then
    die "another 'scripts/infra/infra' command still holds $INFRA_HOME/.lock after 10 minutes"
  fi
}

# Fill a cache folder exactly once, even when several clones run `up` at the same moment: the folder
# only appears (atomically renamed from a staging folder) once its filler succeeded.
#   fill_cache <cache folder> <filler function>; the filler receives the staging folder as $1.
fill_cache() {
  local target=$1 filler=$2 staging
  [[ -f $target/.complete ]] && return 0
  mkdir -p "$INFRA_CACHE"
  exec 8>"$target.lock"
  flock -w 1200 8 || die "timed out waiting for another process filling $target"
  if [[ ! -f $target/.complete ]]; then
    rm -rf "$target" "$target".staging.*
    staging=$(mktemp -d "$target.staging.XXXXXX")
    if ! "$filler" "$staging"; then
      rm -rf "$staging"
      exec 8>&-
      return 1
    fi
    touch "$staging/.complete"
    mv "$staging" "$target"
  fi
  exec 8>&-
}

# ---------------------------------------------------------------------------------------------------
# Processes. Each component runs as the leader of its own session (setsid), so that `down` can signal
# the whole process group (Keycloak's kc.sh wraps a java child), and its pid is kept in $RUN_DIR.

pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# Pid of a running component, or failure. The command line must still mention this checkout's
# $INFRA_HOME: a recycled pid belonging to something else is not ours.
running_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$INFRA_HOME/" || return 1
  printf '%s' "$pid"
}

is_running() { running_pid "$1" >/dev/null; }

# spawn_detached <pid file> <log file> <command...>: start a command as the leader of a new session,
# detached from our terminal and pipes, and wait until it wrote its pid. File descriptors 8 and 9
# hold our locks and must not leak into it.
spawn_detached() {
  local pidfile=$1 log=$2 waited=0
  shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # $$, $0 and $@ belong to the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >"$log" 2>&1 8>&- 9>&- &
  until [[ -s $pidfile ]]; do
    ((waited++ < 100)) || die "could not start $1 (no pid file after 5s)"
    sleep 0.05
  done
}

# launch <component> <command...>: run a component in the background, its output in its log (the
# previous log is kept as .log.previous).
launch() {
  local component=$1 log
  shift
  log=$(log_file "$component")
  [[ -f $log ]] && mv -f "$log" "$log.previous"
  spawn_detached "$(pid_file "$component")" "$log" "$@"
}

# Whether any live process remains in a process group. Zombies do not count: our daemons are
# orphans whose reaping, by whatever runs as pid 1, can lag by seconds.
group_alive() {
  ps -eo pgid=,stat= | awk -v group="$1" '$1 == group && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

# Stop a component if it runs: SIGTERM to its process group, then SIGKILL after a grace period.
stop_component() {
  local component=$1 grace=$2 pid deadline
  if ! pid=$(running_pid "$component"); then
    rm -f "$(pid_file "$component")"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  deadline=$(($(now_ms) + grace * 1000))
  while group_alive "$pid" && (($(now_ms) < deadline)); do
    sleep 0.2
  done
  if group_alive "$pid"; then
    warn "$component did not stop within ${grace}s: killing it"
    kill -KILL -- "-$pid" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$(pid_file "$component")"
}

# ---------------------------------------------------------------------------------------------------
# Ports and readiness

port_open() {
  (exec 3<>"/dev/tcp/$LOOPBACK/$1") 2>/dev/null
}

# Refuse to start when someone else already listens on one of our ports: we would only fail later,
# less clearly.
require_free_ports() {
  local component=$1 port
  shift
  for port in "$@"; do
    if port_open "$port"; then
      warn "infra: $component cannot start: $LOOPBACK:$port is already in use by another process."
      warn "  See who: ss -ltnp 'sport = :$port'. Stop it, or run the tests against it by exporting"
      warn "  KAFKA_BROKERS, MONGO_URL and KEYCLOAK_URL (see scripts/infra/README.md)."
      return 1
    fi
  done
}

# wait_for <component> <deadline_ms> <check command...>: poll until the check passes; fail early
# when the component's process has died.
wait_for() {
  local component=$1 deadline=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    is_running "$component" || return 1
    (($(now_ms) < deadline)) || return 1
    sleep 0.25
  done
}

# What to tell a person when a component failed.
explain_failure() {
  local component=$1 why=$2 log
  log=$(log_file "$component")
  warn ""
  warn "infra: $component $why. Last lines of $log:"
  tail -n 25 "$log" 2>/dev/null | sed 's/^/  | /' >&2 || true
  warn ""
  warn "What to do: read the log above (full log: $log); then"
  warn "  scripts/infra/infra down $component && scripts/infra/infra up $component"
  warn "If its data looks corrupt: scripts/infra/infra down $component && rm -rf $INFRA_HOME/$component"
  warn "and up again. To use your own instances instead, see scripts/infra/README.md."
}

require_command() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed; $2"
}

require_node_modules() {
  [[ -d $REPO_ROOT/node_modules/kafkajs && -x $REPO_ROOT/node_modules/.bin/tsx ]] ||
    die "node_modules is missing its dependencies: run 'npm ci' in $REPO_ROOT first"
}

# Run one of the TypeScript readiness probes of scripts/infra/probes.
run_probe() {
  local probe=$1
  shift
  (cd "$REPO_ROOT" && node --import tsx "$INFRA_DIR/probes/$probe.ts" "$@")
}
