# shellcheck shell=bash
# Shared helpers for ./crossline: where things live, how processes are started, watched and stopped.
# Sourced, never run. Every process we start gets a pid file; `down` stops only those pids.

CROSSLINE_ROOT="${CROSSLINE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
CROSSLINE_ENV="${CROSSLINE_ENV:-dev}"
CROSSLINE_HOME="${CROSSLINE_HOME:-$CROSSLINE_ROOT/.crossline}"
DIST_DIR="$CROSSLINE_HOME/dist"
ENV_DIR="$CROSSLINE_HOME/$CROSSLINE_ENV"
RUN_DIR="$ENV_DIR/run"
LOG_DIR="$ENV_DIR/logs"
DATA_DIR="$ENV_DIR/data"
STACK_FILE="$ENV_DIR/stack.env"

# Ports: the dev stack and the test stack run side by side without clashing.
case "$CROSSLINE_ENV" in
  dev) PORT_OFFSET=0 ;;
  test) PORT_OFFSET=10000 ;;
  bench) PORT_OFFSET=20000 ;;
  *) echo "unknown environment '$CROSSLINE_ENV' (dev, test or bench)" >&2; exit 2 ;;
esac
KAFKA_PORT=$((9092 + PORT_OFFSET))
KAFKA_CONTROLLER_PORT=$((9093 + PORT_OFFSET))
ES_PORT=$((9200 + PORT_OFFSET))
ES_TRANSPORT_PORT=$((9300 + PORT_OFFSET))
KEYCLOAK_PORT=$((8180 + PORT_OFFSET))
KEYCLOAK_MANAGEMENT_PORT=$((8181 + PORT_OFFSET))

JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
# Maven 3.8 on JDK 25 warns about sun.misc.Unsafe on every call; the warning says nothing about us.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

if [ -t 1 ]; then BOLD=$'\e[1m'; GREEN=$'\e[32m'; RED=$'\e[31m'; DIM=$'\e[2m'; RESET=$'\e[0m'
else BOLD=""; GREEN=""; RED=""; DIM=""; RESET=""; fi

say() { printf '%s\n' "$*"; }
step() { printf '%s==>%s %s\n' "$BOLD" "$RESET" "$*"; }
ok() { printf '    %s✓%s %s\n' "$GREEN" "$RESET" "$*"; }
fail() { printf '    %s✗%s %s\n' "$RED" "$RESET" "$*" >&2; }
die() { fail "$*"; exit 1; }

ensure_dirs() { mkdir -p "$DIST_DIR" "$RUN_DIR" "$LOG_DIR" "$DATA_DIR"; }

pid_file() { echo "$RUN_DIR/$1.pid"; }

# is_running NAME: the pid we recorded for NAME is alive.
is_running() {
  local file pid
  file=$(pid_file "$1")
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# start_process NAME COMMAND...: start in the background in its own session, logs to $LOG_DIR/NAME.log.
start_process() {
  local name=$1; shift
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

# stop_process NAME: TERM the process group we started, then KILL what is left after 30 s.
stop_process() {
  local name=$1 file pid waited=0
  file=$(pid_file "$name")
  if ! is_running "$name"; then rm -f "$file"; return 0; fi
  pid=$(cat "$file")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$file"
}

# wait_until NAME TIMEOUT_SECONDS CHECK...: run CHECK until it succeeds, showing elapsed time.
# Fails early if the process NAME has died, pointing at its log.
wait_until() {
  local name=$1 timeout=$2 start now; shift 2
  start=$(date +%s)
  while ! "$@" >/dev/null 2>&1; do
    now=$(date +%s)
    if ! is_running "$name"; then
      [ -t 1 ] && printf '\r\e[K'
      fail "$name stopped while starting; last lines of $LOG_DIR/$name.log:"
      tail -n 20 "$LOG_DIR/$name.log" >&2
      return 1
    fi
    if [ $((now - start)) -ge "$timeout" ]; then
      [ -t 1 ] && printf '\r\e[K'
      fail "$name not ready after ${timeout}s; see $LOG_DIR/$name.log"
      return 1
    fi
    if [ -t 1 ]; then printf '\r    %s… waiting for %s (%ss)%s' "$DIM" "$name" $((now - start)) "$RESET"
    elif [ $(((now - start) % 10)) -eq 0 ]; then printf '    … waiting for %s (%ss)\n' "$name" $((now - start)); fi
    sleep 1
  done
  [ -t 1 ] && printf '\r\e[K'
  ok "$name ready after $(($(date +%s) - start))s"
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# pom_property NAME: a version managed once in the root pom (e.g. kafka.version).
pom_property() {
  sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" "$CROSSLINE_ROOT/pom.xml" | head -n 1
}

KAFKA_VERSION=$(pom_property kafka.version)
ELASTICSEARCH_VERSION=${ELASTICSEARCH_VERSION:-$(pom_property elasticsearch.version)}
KEYCLOAK_VERSION=$(pom_property keycloak.version)

# fetch_dist: download Kafka, Elasticsearch and Keycloak from Maven Central once, through Maven's cache.
fetch_dist() {
  if [ -f "$DIST_DIR/kafka-$KAFKA_VERSION/libs/kafka_2.13-$KAFKA_VERSION.jar" ] &&
    [ -f "$DIST_DIR/archives/elasticsearch-$ELASTICSEARCH_VERSION.zip" ] &&
    [ -f "$DIST_DIR/archives/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" ]; then
    return 0
  fi
  step "Fetching Kafka, Elasticsearch and Keycloak from Maven Central (once; cached in $DIST_DIR)"
  mvn -B -q -f "$CROSSLINE_ROOT/infra/local/pom.xml" -Dcrossline.dist="$DIST_DIR" \
    dependency:copy-dependencies@kafka dependency:copy@archives >"$CROSSLINE_HOME/fetch.log" 2>&1 ||
    { tail -n 30 "$CROSSLINE_HOME/fetch.log" >&2; die "download failed; see $CROSSLINE_HOME/fetch.log"; }
  ok "downloaded: $(cd "$DIST_DIR" && du -sh . | cut -f1)"
}
