# shellcheck shell=bash
# Mailpit: a real SMTP server that keeps what it receives and shows it through an HTTP API, which the
# notifications' integration tests read. Accepts any credentials, over plain SMTP, on loopback only.

MAILPIT_SMTP_PORT=${RELAIS_MAILPIT_SMTP_PORT:-1025}
MAILPIT_HTTP_PORT=${RELAIS_MAILPIT_HTTP_PORT:-8025}
MAILPIT_HOME=$INFRA_HOME/mailpit
MAILPIT_CACHE=$INFRA_CACHE/mailpit-$MAILPIT_VERSION

mailpit_ports() { echo "$MAILPIT_SMTP_PORT $MAILPIT_HTTP_PORT"; }
mailpit_endpoint() { echo "http://$LOOPBACK:$MAILPIT_HTTP_PORT"; }
mailpit_smtp_endpoint() { echo "$LOOPBACK:$MAILPIT_SMTP_PORT"; }
mailpit_timeout_s() { echo 20; }
mailpit_stop_grace_s() { echo 5; }

fill_mailpit_cache() {
  local staging=$1
  require_command go "install Go to build Mailpit"
  GOBIN="$staging/bin" GOFLAGS=-buildvcs=false \
    go install "github.com/axllent/mailpit@$MAILPIT_VERSION"
}

mailpit_prepare() {
  local started
  if [[ ! -f $MAILPIT_CACHE/.complete ]]; then
    started=$(now_ms)
    say "mailpit: building Mailpit $MAILPIT_VERSION with go install into $MAILPIT_CACHE ..."
    fill_cache "$MAILPIT_CACHE" fill_mailpit_cache || die "could not build Mailpit (see go's output above)"
    say "mailpit: built in $(elapsed_since "$started")"
  fi
  # A fresh mailbox at each start (the path, under $INFRA_HOME, is how running_pid recognises it).
  mkdir -p "$MAILPIT_HOME"
  rm -f "$MAILPIT_HOME"/mailpit.db*
}

mailpit_start() {
  launch mailpit "$MAILPIT_CACHE/bin/mailpit" \
    --listen "$LOOPBACK:$MAILPIT_HTTP_PORT" \
    --smtp "$LOOPBACK:$MAILPIT_SMTP_PORT" \
    --smtp-auth-accept-any --smtp-auth-allow-insecure --enable-chaos \
    --database "$MAILPIT_HOME/mailpit.db"
}

mailpit_info_answers() {
  curl -fsS --max-time 2 "$(mailpit_endpoint)/api/v1/info" >/dev/null
}

mailpit_wait() {
  wait_for mailpit "$1" mailpit_info_answers
}
