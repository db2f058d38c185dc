# shellcheck shell=bash
# Crossline's own services for the local run: built once with Maven, run as plain java processes
# with pid files like the components. Sourced by ./crossline after common.sh.

# Ports of the services on the dev stack.
INTAKE_PORT=$((8081 + PORT_OFFSET))
INDEXER_PORT=$((8082 + PORT_OFFSET))
SEARCH_PORT=$((8083 + PORT_OFFSET))
ALERTS_PORT=$((8084 + PORT_OFFSET))
# The portal's port is the one its identity-provider client redirects to (infra/keycloak).
PORTAL_PORT=$((8080 + PORT_OFFSET))

# The services `up` builds and starts, in order.
SERVICES=(indexer intake search alerts portal)

# services_build: build the service jars (and the demo loader) when a source is newer than its jar.
services_build() {
  local jar="$CROSSLINE_ROOT/services/intake/target/intake-0.1.0-SNAPSHOT.jar"
  local others=("$CROSSLINE_ROOT/services/indexer/target/indexer-0.1.0-SNAPSHOT.jar"
    "$CROSSLINE_ROOT/services/search/target/search-0.1.0-SNAPSHOT.jar"
    "$CROSSLINE_ROOT/services/alerts/target/alerts-0.1.0-SNAPSHOT.jar"
    "$CROSSLINE_ROOT/services/portal/target/portal-0.1.0-SNAPSHOT.jar"
    "$CROSSLINE_ROOT/tools/demo-data/target/demo-data-0.1.0-SNAPSHOT.jar")
  local built=1 other
  for other in "$jar" "${others[@]}"; do [ -f "$other" ] || built=0; done
  if [ "$built" = 1 ] &&
    [ -z "$(find "$CROSSLINE_ROOT/shared-model/src" "$CROSSLINE_ROOT/service-kit/src" \
      "$CROSSLINE_ROOT/services" "$CROSSLINE_ROOT/tools/demo-data/src" "$CROSSLINE_ROOT/infra" \
      -newer "$jar" -type f -not -path '*/target/*' -not -path '*/infra/kubernetes/*' \
      -not -path '*/node_modules/*' -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  step "Building the services (mvn install, tests skipped; log in $LOG_DIR/build.log)"
  local started
  started=$(date +%s)
  (cd "$CROSSLINE_ROOT" && mvn -B -ntp -DskipTests -Dspotless.check.skip=true \
    -pl services/intake,services/indexer,services/search,services/alerts,services/portal,tools/demo-data -am install) >"$LOG_DIR/build.log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if [ -t 1 ]; then
      printf '\r    %s… building (%ss): %s%s\e[K' "$DIM" $(($(date +%s) - started)) \
        "$(grep -o 'Building Crossline [a-z -]*' "$LOG_DIR/build.log" | tail -n 1)" "$RESET"
    fi
    sleep 1
  done
  [ -t 1 ] && printf '\r\e[K'
  wait "$pid" || { tail -n 30 "$LOG_DIR/build.log" >&2; die "the build failed; see $LOG_DIR/build.log"; }
  ok "built in $(($(date +%s) - started))s"
}

# The services' JVM on a laptop: quick to start and small (C1 only, serial GC). The benchmark sets
# SERVICE_JVM_OPTS to the container image's JVM instead (C2, the default collector).
SERVICE_JVM_OPTS=${SERVICE_JVM_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}

# service_start NAME JAR PORT ARGS...: run a Spring Boot jar against this environment's stack.
# It runs from a copy, so a rebuild while it runs cannot pull classes from under it.
service_start() {
  local name=$1 jar=$2 port=$3; shift 3
  is_running "$name" && return 0
  cp "$jar" "$RUN_DIR/$name.jar"
  # shellcheck disable=SC2086 # the options are words
  start_process "$name" "$JAVA_HOME/bin/java" $SERVICE_JVM_OPTS -Djava.io.tmpdir="$DATA_DIR" \
    -jar "$RUN_DIR/$name.jar" \
    --server.port="$port" \
    --server.address=127.0.0.1 \
    --spring.kafka.bootstrap-servers="$(kafka_bootstrap)" \
    --spring.security.oauth2.resourceserver.jwt.issuer-uri="$(keycloak_issuer)" \
    --crossline.elasticsearch.url="$(elasticsearch_url)" \
    "$@"
}

service_ready() { http_ok "http://127.0.0.1:$1/actuator/health/readiness"; }

intake_start() {
  service_start intake "$CROSSLINE_ROOT/services/intake/target/intake-0.1.0-SNAPSHOT.jar" \
    "$INTAKE_PORT" --spring.profiles.active=demo --crossline.intake.instance="$CROSSLINE_ENV"
}

intake_wait() { wait_until intake 120 service_ready "$INTAKE_PORT"; }

# indexer_start [ARGS...]: the indexer, with any extra settings.
indexer_start() {
  service_start indexer "$CROSSLINE_ROOT/services/indexer/target/indexer-0.1.0-SNAPSHOT.jar" \
    "$INDEXER_PORT" "$@"
}

indexer_wait() { wait_until indexer 120 service_ready "$INDEXER_PORT"; }

search_start() {
  service_start search "$CROSSLINE_ROOT/services/search/target/search-0.1.0-SNAPSHOT.jar" \
    "$SEARCH_PORT" "$@"
}

search_wait() { wait_until search 120 service_ready "$SEARCH_PORT"; }

alerts_start() {
  service_start alerts "$CROSSLINE_ROOT/services/alerts/target/alerts-0.1.0-SNAPSHOT.jar" \
    "$ALERTS_PORT"
}

alerts_wait() { wait_until alerts 120 service_ready "$ALERTS_PORT"; }

portal_start() {
  service_start portal "$CROSSLINE_ROOT/services/portal/target/portal-0.1.0-SNAPSHOT.jar" \
    "$PORTAL_PORT" \
    --spring.security.oauth2.client.provider.keycloak.issuer-uri="$(keycloak_issuer)"
}

portal_wait() { wait_until portal 120 service_ready "$PORTAL_PORT"; }

# services_start: every service, then wait for each (they start side by side).
services_start() {
  local name
  for name in "${SERVICES[@]}"; do "${name}_start"; done
  for name in "${SERVICES[@]}"; do "${name}_wait"; done
}

# demo_data_load: submit the synthetic demo data through the intake; idempotent (same seed, same
# references: a second load is all duplicates).
demo_data_load() {
  step "Loading the demo data through the intake (synthetic, fictional)"
  "$JAVA_HOME/bin/java" -jar "$CROSSLINE_ROOT/tools/demo-data/target/demo-data-0.1.0-SNAPSHOT.jar" \
    --intake "http://127.0.0.1:$INTAKE_PORT" --issuer "$(keycloak_issuer)" 2>&1 | sed 's/^/    /'
  [ "${PIPESTATUS[0]}" -eq 0 ] || die "loading the demo data failed"
}

# json_field NAME: the value of the first "NAME": member of the JSON on stdin (string quotes
# dropped; null as "null"). Enough for the indexer's flat status document, without needing jq.
json_field() {
  sed -n "s/.*\"$1\":\(\"\(\([^\"\\\\]\|\\\\.\)*\)\"\|\([^,}]*\)\).*/\2\4/p" | head -n 1
}

# projection_rebuild: ask the indexer, as the demo operator ops.admin (role OPERATE), to rebuild
# the projection from the beginning of the events topic into a new generation, then follow it
# every second until search has switched to it, or it has failed and search still reads the old.
projection_rebuild() {
  local base="http://127.0.0.1:$INDEXER_PORT/api/v1/admin/projection" token code body state
  local generation phase read total percent error shown="" previous="" started
  http_ok "http://127.0.0.1:$INDEXER_PORT/actuator/health/readiness" 2>/dev/null ||
    die "the indexer does not answer on 127.0.0.1:$INDEXER_PORT ($CROSSLINE_ENV); start the hub with ./crossline up"
  token=$(curl -fsS --max-time 10 -d grant_type=password -d client_id=crossline-cli \
    -d username=ops.admin --data-urlencode "password=Crossline-Demo-1" \
    "$(keycloak_issuer)/protocol/openid-connect/token" | json_field access_token) ||
    die "no token for ops.admin from $(keycloak_issuer); is Keycloak up (./crossline status)?"
  [ -n "$token" ] || die "Keycloak gave no token for ops.admin"
  body=$(mktemp)
  code=$(curl -sS --max-time 30 -o "$body" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $token" "$base/rebuild") || code=000
  case "$code" in
    202) ;;
    409) say "    a rebuild is already running; following it" ;;
    401 | 403) rm -f "$body"
      die "the indexer refused ops.admin ($code); if the realm predates the OPERATE role, re-import it: ./crossline down && ./crossline up" ;;
    *) fail "the indexer answered $code to the rebuild request:"; cat "$body" >&2; echo >&2; rm -f "$body"; exit 1 ;;
  esac
  rm -f "$body"
  started=$(date +%s)
  while true; do
    state=$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$base") ||
      die "lost the indexer while rebuilding; see $LOG_DIR/indexer.log"
    generation=$(json_field generation <<<"$state")
    [ -n "$generation" ] || die "a rebuild runs on another indexer instance; follow it there"
    phase=$(json_field phase <<<"$state")
    read=$(json_field recordsRead <<<"$state")
    total=$(json_field recordsToRead <<<"$state")
    percent=$(json_field percent <<<"$state")
    case "$phase" in
      WAITING_FOR_WRITERS) shown="rebuilding generation $generation: waiting until every indexer writes it too" ;;
      READING) shown="rebuilding generation $generation: $read/$total records ($percent%)" ;;
      SWEEPING) shown="rebuilding generation $generation: $read/$total records; re-applying deletions published meanwhile" ;;
      SWITCHING) shown="rebuilding generation $generation: switching search to it" ;;
      CLEANING_UP) shown="generation $generation is live; deleting the old generation" ;;
      *) break ;;
    esac
    if [ -t 1 ]; then printf '\r    %s… %s%s\e[K' "$DIM" "$shown" "$RESET"
    elif [ "$shown" != "$previous" ]; then printf '    … %s\n' "$shown"; fi
    previous=$shown
    sleep 1
  done
  [ -t 1 ] && printf '\r\e[K'
  error=$(json_field lastError <<<"$state")
  if [ "$phase" = SUCCEEDED ]; then
    ok "search reads generation $generation, rebuilt from $read records of the topic in $(($(date +%s) - started))s ($(json_field unreadable <<<"$state") unreadable, $(json_field rejected <<<"$state") refused)"
    [ "$error" = null ] || say "    note: $error"
  else
    case "$error" in
      "the read alias serves"*) die "the rebuild of generation $generation failed: $error" ;;
      *) die "the rebuild of generation $generation failed: $error; search still reads generation $(json_field replacing <<<"$state")" ;;
    esac
  fi
}

services_stop() {
  local name
  for name in "${SERVICES[@]}"; do
    if is_running "$name"; then
      stop_process "$name"
      ok "$name stopped"
    fi
  done
}
