# shellcheck shell=bash
# Keycloak (Quarkus distribution from Maven Central) in development mode with the realm of
# deploy/keycloak/realm-relais.json imported, on the Temurin 25 JDK.

KEYCLOAK_PORT=8180
KEYCLOAK_MANAGEMENT_PORT=9000
KEYCLOAK_HOME=$INFRA_HOME/keycloak
KEYCLOAK_DIST=$KEYCLOAK_HOME/dist
KEYCLOAK_CACHE=$INFRA_CACHE/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_REALM_FILE=${RELAIS_KEYCLOAK_REALM_FILE:-$REPO_ROOT/deploy/keycloak/realm-relais.json}
KEYCLOAK_REALM=relais
# Readiness means "a demo user of the realm gets a token", not just "the server answers".
KEYCLOAK_PROBE_CLIENT=relais-portal
KEYCLOAK_PROBE_USER=teacher.01
# Build-time options: the cached server is pre-built with exactly these, so that starting it does
# not re-run Quarkus' 20-second augmentation; change them here only (both uses read this list).
KEYCLOAK_BUILD_OPTIONS=(--health-enabled=true)

keycloak_ports() { echo "$KEYCLOAK_PORT $KEYCLOAK_MANAGEMENT_PORT"; }
keycloak_endpoint() { echo "http://$LOOPBACK:$KEYCLOAK_PORT"; }
keycloak_timeout_s() { echo 240; }
keycloak_stop_grace_s() { echo 30; }

keycloak_java_home() {
  [[ -x $KEYCLOAK_JAVA_HOME/bin/java ]] ||
    die "keycloak: no JDK at $KEYCLOAK_JAVA_HOME (Keycloak $KEYCLOAK_VERSION runs on the Temurin 25 JDK)"
  echo "$KEYCLOAK_JAVA_HOME"
}

# Sets KEYCLOAK_COMMAND to the command that runs the distribution in <dist> in development mode.
keycloak_command() {
  local dist=$1
  shift
  KEYCLOAK_COMMAND=(
    env JAVA_HOME="$(keycloak_java_home)" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx640m"
    "$dist/bin/kc.sh" start-dev
    --http-host="$LOOPBACK" --http-port="$KEYCLOAK_PORT"
    --http-management-host="$LOOPBACK" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT"
    "${KEYCLOAK_BUILD_OPTIONS[@]}" "$@"
  )
}

keycloak_health_ready() {
  curl -fsS --max-time 2 "http://$LOOPBACK:$KEYCLOAK_MANAGEMENT_PORT/health/ready"
}

keycloak_issues_token() {
  curl -fsS --max-time 5 \
    --data-urlencode grant_type=password \
    --data-urlencode "client_id=$KEYCLOAK_PROBE_CLIENT" \
    --data-urlencode "username=$KEYCLOAK_PROBE_USER" \
    --data-urlencode "password=$KEYCLOAK_PROBE_USER" \
    "$(keycloak_endpoint)/realms/$KEYCLOAK_REALM/protocol/openid-connect/token" | grep -q '"access_token"'
}

# Unpack the distribution, then start it once in development mode so that Quarkus' augmentation
# (the dev-mode equivalent of `kc.sh build`, which refuses the dev profile) is done and kept in
# lib/quarkus, and the development database has its schema. Every start from a copy skips both.
fill_keycloak_cache() {
  local staging=$1 pid deadline
  require_command mvn "install Maven (apt-get install maven) to fetch Keycloak from Maven Central"
  require_command unzip "install unzip (apt-get install unzip)"
  mvn -q -B -Dstyle.color=never "org.apache.maven.plugins:maven-dependency-plugin:$MAVEN_DEPENDENCY_PLUGIN_VERSION:copy" \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$staging/download" 2>&1 | strip_colors || return 1
  unzip -q "$staging/download/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$staging/download" || return 1
  mv "$staging/download/keycloak-$KEYCLOAK_VERSION" "$staging/keycloak" || return 1
  rm -rf "$staging/download"

  say "keycloak: pre-building the server (first start in development mode) ..."
  keycloak_command "$staging/keycloak"
  spawn_detached "$staging/warmup.pid" "$staging/warmup.log" "${KEYCLOAK_COMMAND[@]}"
  pid=$(<"$staging/warmup.pid")
  deadline=$(($(now_ms) + 300000))
  until keycloak_health_ready >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null || (($(now_ms) > deadline)); then
      warn "keycloak: the first start failed; last lines of its log:"
      tail -n 25 "$staging/warmup.log" | sed 's/^/  | /' >&2
      kill -KILL -- "-$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.5
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  deadline=$(($(now_ms) + 30000))
  while group_alive "$pid" && (($(now_ms) < deadline)); do sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  # The build stays, and so does the development database with its schema and master realm: a first
  # start from a copy then only imports the relais realm (about 15 seconds less on 2 cores).
  rm -rf "$staging/keycloak/data/tmp" "$staging/warmup.pid" "$staging/warmup.log"
}

keycloak_realm_hash() { sha256sum "$KEYCLOAK_REALM_FILE" | cut -d' ' -f1; }

keycloak_realm_changed() {
  [[ $(cat "$KEYCLOAK_HOME/realm.sha256" 2>/dev/null) != "$(keycloak_realm_hash)" ]]
}

# A running Keycloak must be restarted when the realm file changed since it imported it.
keycloak_stale() {
  [[ -f $KEYCLOAK_REALM_FILE ]] && keycloak_realm_changed && echo "the realm file changed since it started"
}

keycloak_prepare() {
  local started
  [[ -f $KEYCLOAK_REALM_FILE ]] ||
    die "keycloak: the realm file $KEYCLOAK_REALM_FILE does not exist (set RELAIS_KEYCLOAK_REALM_FILE to use another one)"
  if [[ ! -f $KEYCLOAK_CACHE/.complete ]]; then
    started=$(now_ms)
    say "keycloak: fetching Keycloak $KEYCLOAK_VERSION from Maven Central into $KEYCLOAK_CACHE ..."
    fill_cache "$KEYCLOAK_CACHE" fill_keycloak_cache || die "could not prepare Keycloak (see the output above)"
    say "keycloak: downloaded and pre-built in $(elapsed_since "$started")"
  fi
  # Each checkout runs its own copy: its development database lives inside the distribution.
  if [[ $(cat "$KEYCLOAK_DIST/.relais-version" 2>/dev/null) != "$KEYCLOAK_VERSION" ]]; then
    rm -rf "$KEYCLOAK_DIST"
    mkdir -p "$KEYCLOAK_HOME"
    cp -a "$KEYCLOAK_CACHE/keycloak" "$KEYCLOAK_DIST.copying"
    echo "$KEYCLOAK_VERSION" >"$KEYCLOAK_DIST.copying/.relais-version"
    mv "$KEYCLOAK_DIST.copying" "$KEYCLOAK_DIST"
    rm -f "$KEYCLOAK_HOME/realm.sha256"
  fi
  # Keycloak skips realms that already exist: a changed realm file needs a fresh database.
  if keycloak_realm_changed; then
    if [[ -f $KEYCLOAK_HOME/realm.sha256 ]]; then
      say "keycloak: the realm file changed; resetting the development database to import it again"
    fi
    rm -rf "$KEYCLOAK_DIST/data/h2"
    cp -a "$KEYCLOAK_CACHE/keycloak/data/h2" "$KEYCLOAK_DIST/data/h2"
    rm -f "$KEYCLOAK_HOME/realm.sha256"
  fi
  mkdir -p "$KEYCLOAK_DIST/data/import"
  cp "$KEYCLOAK_REALM_FILE" "$KEYCLOAK_DIST/data/import/realm-relais.json"
}

keycloak_start() {
  keycloak_command "$KEYCLOAK_DIST" --import-realm
  # A local administrator for the admin console (http://127.0.0.1:8180/admin), reachable from this
  # machine only, to inspect the imported realm when a test disagrees with it.
  launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin "${KEYCLOAK_COMMAND[@]}"
}

keycloak_wait() {
  local deadline=$1 token_deadline
  wait_for keycloak "$deadline" keycloak_health_ready || return 1
  # The realm is imported before the server reports ready; allow a few seconds all the same.
  token_deadline=$(($(now_ms) + 15000))
  if ! wait_for keycloak "$token_deadline" keycloak_issues_token; then
    warn "keycloak: the server is ready, but the password grant of '$KEYCLOAK_PROBE_USER' with client"
    warn "  '$KEYCLOAK_PROBE_CLIENT' in realm '$KEYCLOAK_REALM' fails: check $KEYCLOAK_REALM_FILE."
    return 1
  fi
  keycloak_realm_hash >"$KEYCLOAK_HOME/realm.sha256"
}
