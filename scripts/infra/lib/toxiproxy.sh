# shellcheck shell=bash
# Toxiproxy: a TCP proxy whose faults (latency, cuts) tests control over HTTP.

TOXIPROXY_PORT=8474
TOXIPROXY_HOME=$INFRA_HOME/toxiproxy
TOXIPROXY_CACHE=$INFRA_CACHE/toxiproxy-$TOXIPROXY_VERSION

toxiproxy_ports() { echo "$TOXIPROXY_PORT"; }
toxiproxy_endpoint() { echo "http://$LOOPBACK:$TOXIPROXY_PORT"; }
toxiproxy_timeout_s() { echo 15; }
toxiproxy_stop_grace_s() { echo 5; }

fill_toxiproxy_cache() {
  local staging=$1
  require_command go "install Go to build Toxiproxy"
  GOBIN="$staging/bin" GOFLAGS=-buildvcs=false \
    go install "github.com/Shopify/toxiproxy/v2/cmd/server@$TOXIPROXY_VERSION" || return 1
  # The package is cmd/server; give the binary the name everyone knows it by.
  mv "$staging/bin/server" "$staging/bin/toxiproxy-server"
}

toxiproxy_prepare() {
  local started
  if [[ ! -f $TOXIPROXY_CACHE/.complete ]]; then
    started=$(now_ms)
    say "toxiproxy: building Toxiproxy $TOXIPROXY_VERSION with go install into $TOXIPROXY_CACHE ..."
    fill_cache "$TOXIPROXY_CACHE" fill_toxiproxy_cache || die "could not build Toxiproxy (see go's output above)"
    say "toxiproxy: built in $(elapsed_since "$started")"
  fi
  mkdir -p "$TOXIPROXY_HOME"
  # Tests create their proxies through the API; the file starts empty (and its path, under
  # $INFRA_HOME, is how running_pid recognises this process as ours).
  echo '[]' >"$TOXIPROXY_HOME/proxies.json"
}

toxiproxy_start() {
  launch toxiproxy "$TOXIPROXY_CACHE/bin/toxiproxy-server" \
    -host "$LOOPBACK" -port "$TOXIPROXY_PORT" -config "$TOXIPROXY_HOME/proxies.json"
}

toxiproxy_version_answers() {
  curl -fsS --max-time 2 "$(toxiproxy_endpoint)/version"
}

toxiproxy_wait() {
  wait_for toxiproxy "$1" toxiproxy_version_answers
}
