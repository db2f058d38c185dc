# shellcheck shell=bash
# ./crossline bench: the benchmark (bench/) on a stack of its own, the bench environment (ports
# +20000, data under .crossline/bench), so it never loads or fills the dev or test stack. Kafka
# and Elasticsearch start empty on every run, so each run measures the same thing; Keycloak keeps
# its realm. The services run from their packaged jars through service_start, as `up` runs them.
# Sourced by ./crossline after services.sh; defines functions only.

BENCH_SERVICES=(indexer intake search alerts)

# bench_build: package the four services and the benchmark when a source is newer than its jar.
bench_build() {
  local jar="$CROSSLINE_ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar" name built=1
  for name in "${BENCH_SERVICES[@]}"; do
    [ -f "$CROSSLINE_ROOT/services/$name/target/$name-0.1.0-SNAPSHOT.jar" ] || built=0
  done
  if [ "$built" = 1 ] && [ -f "$jar" ] &&
    [ -z "$(find "$CROSSLINE_ROOT/shared-model/src" "$CROSSLINE_ROOT/service-kit/src" \
      "$CROSSLINE_ROOT/services" "$CROSSLINE_ROOT/tools/demo-data/src" "$CROSSLINE_ROOT/bench/src" \
      -newer "$jar" -type f -not -path '*/target/*' -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  step "Packaging the services and the benchmark (tests skipped; log in $LOG_DIR/build.log)"
  (cd "$CROSSLINE_ROOT" && mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true \
    -pl services/intake,services/indexer,services/search,services/alerts,bench -am package) \
    >"$LOG_DIR/build.log" 2>&1 || { tail -n 30 "$LOG_DIR/build.log" >&2; die "the build failed; see $LOG_DIR/build.log"; }
  ok "packaged"
}

# bench_fresh_components: Kafka and Elasticsearch of the bench environment, stopped and emptied.
bench_fresh_components() {
  local name
  for name in "${BENCH_SERVICES[@]}"; do is_running "$name" && stop_process "$name"; done
  is_running kafka && kafka_stop
  is_running elasticsearch && elasticsearch_stop
  rm -rf "$DATA_DIR/kafka" "$(_es_data_dir)"
}

run_bench() {
  local mode=--short arg started
  for arg in "$@"; do
    case "$arg" in
      --short | --full) mode=$arg ;;
      *) die "usage: ./crossline bench [--short|--full] [--keep]" ;;
    esac
  done
  CROSSLINE_ENV=bench
  # Re-derive ports and directories for the bench environment.
  # shellcheck source=scripts/lib/common.sh
  source "$CROSSLINE_ROOT/scripts/lib/common.sh"
  # shellcheck source=scripts/lib/services.sh
  source "$CROSSLINE_ROOT/scripts/lib/services.sh"
  started=$(date +%s)
  ensure_dirs
  step "Crossline benchmark ($mode) on its own stack, 127.0.0.1 ports +$PORT_OFFSET (logs in $LOG_DIR)"
  fetch_dist
  bench_build
  bench_fresh_components
  [ -z "${KEEP_STACK:-}" ] && trap 'step "Stopping the bench stack"; down' EXIT
  # A larger heap than the dev and test stacks: the full mode holds a million events.
  ES_HEAP=${ES_HEAP:-1g}
  # The services run as their container images run them (C2 and the default collector, see the
  # Jib settings in pom.xml), not with the laptop's start-up-tuned C1-only JVM: the benchmark
  # measures what a deployment would get. The heap is room for the full mode's million events: the
  # intake holds a receipt of every event it published in memory, about 0.25 KB each (at 0.5 KB
  # and 512 MB it spent its time in full collections from about 850k events; docs/decisions.md,
  # Benchmark).
  SERVICE_JVM_OPTS=${BENCH_SERVICE_JVM_OPTS:--Xms256m -Xmx1536m -XX:+ExitOnOutOfMemoryError}
  kafka_start
  elasticsearch_start
  keycloak_start
  kafka_wait
  kafka_create_topics
  elasticsearch_wait
  elasticsearch_apply_templates
  keycloak_wait
  write_stack_file
  step "Starting the services from their jars"
  # No retention runs: the demo data holds events past their review period, and a run deleting
  # them mid-measurement (the first comes 15 minutes after start, within the full mode) would take
  # them from the counts the benchmark waits for. BENCH_INDEXER_ARGS adds settings for a
  # comparison, e.g. --crossline.indexer.past-months-refresh=1s (docs/decisions.md, Benchmark).
  # shellcheck disable=SC2086
  indexer_start --crossline.retention.enabled=false ${BENCH_INDEXER_ARGS:-}
  intake_start
  # Simulated analysts search far faster than people do: the rate limits (docs/search-api.md)
  # would refuse them. Lifted here, the limiter still runs on every call, so its cost is measured.
  search_start \
    --crossline.search.limits.search-per-user.requests=1000000 \
    --crossline.search.limits.search-per-agency.requests=1000000 \
    --crossline.search.limits.lookup-per-user.requests=1000000 \
    --crossline.search.limits.lookup-per-agency.requests=1000000
  # The benchmark's webhook receiver listens on 127.0.0.1, over plain http.
  service_start alerts "$CROSSLINE_ROOT/services/alerts/target/alerts-0.1.0-SNAPSHOT.jar" \
    "$ALERTS_PORT" --crossline.alerts.webhook.allow-local-http=true
  indexer_wait
  intake_wait
  search_wait
  alerts_wait
  ok "stack ready in $(($(date +%s) - started))s"
  step "Measuring"
  "$JAVA_HOME/bin/java" -Xmx1g -jar "$CROSSLINE_ROOT/bench/target/bench-0.1.0-SNAPSHOT.jar" "$mode" \
    --kafka "$(kafka_bootstrap)" --elasticsearch "$(elasticsearch_url)" --issuer "$(keycloak_issuer)" \
    --intake "http://127.0.0.1:$INTAKE_PORT" --search "http://127.0.0.1:$SEARCH_PORT" \
    --alerts "http://127.0.0.1:$ALERTS_PORT" --run-dir "$RUN_DIR" --out "$CROSSLINE_ROOT/bench/results" \
    --version "crossline=$(git -C "$CROSSLINE_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    --version "kafka=$KAFKA_VERSION" --version "keycloak=$KEYCLOAK_VERSION" \
    --version "elasticsearchHeap=$ES_HEAP" --version "serviceJvm=$SERVICE_JVM_OPTS" ||
    die "the benchmark failed"
}
