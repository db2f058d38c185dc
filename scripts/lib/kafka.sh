# shellcheck shell=bash
# The Kafka broker of the local stack: one KRaft node in combined mode (broker and controller),
# run from the kafka_2.13 jars on Maven Central. Sourced by ./crossline after common.sh.

kafka_libs() { echo "$DIST_DIR/kafka-$KAFKA_VERSION/libs"; }

kafka_bootstrap() { echo "127.0.0.1:$KAFKA_PORT"; }

kafka_java() {
  "$JAVA_HOME/bin/java" -cp "$(kafka_libs)/*" -Dlog4j2.configurationFile="$ENV_DIR/kafka/log4j2.properties" "$@"
}

kafka_write_config() {
  local dir="$ENV_DIR/kafka"
  mkdir -p "$dir" "$DATA_DIR/kafka"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR/kafka
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Topics are created from infra/kafka/topics.tsv, never by a client asking for a name.
auto.create.topics.enable=false
PROPS
  cat >"$dir/log4j2.properties" <<PROPS
rootLogger.level=INFO
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
logger.kafka.name=kafka
logger.kafka.level=WARN
logger.apache.name=org.apache.kafka
logger.apache.level=WARN
PROPS
}

kafka_start() {
  is_running kafka && return 0
  kafka_write_config
  if [ ! -f "$DATA_DIR/kafka/meta.properties" ]; then
    kafka_java kafka.tools.StorageTool format -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
      -c "$ENV_DIR/kafka/server.properties" >>"$LOG_DIR/kafka.log" 2>&1 ||
      die "formatting the Kafka storage failed; see $LOG_DIR/kafka.log"
  fi
  start_process kafka "$JAVA_HOME/bin/java" -Xms256m -Xmx512m -XX:+UseG1GC \
    -Djava.io.tmpdir="$DATA_DIR/kafka-tmp" -Dlog4j2.configurationFile="$ENV_DIR/kafka/log4j2.properties" \
    -cp "$(kafka_libs)/*" kafka.Kafka "$ENV_DIR/kafka/server.properties"
}

kafka_ready() {
  kafka_java org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "$(kafka_bootstrap)" >/dev/null 2>&1
}

kafka_wait() { wait_until kafka 60 kafka_ready; }

kafka_stop() { stop_process kafka; }

# kafka_create_topics: every topic of infra/kafka/topics.tsv, created if missing (one JVM for all).
kafka_create_topics() {
  local created
  created=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$(kafka_bootstrap)" --list 2>/dev/null)
  local name partitions replication configs args
  while IFS=$'\t' read -r name partitions replication configs; do
    case "$name" in '' | \#*) continue ;; esac
    if grep -qx "$name" <<<"$created"; then continue; fi
    args=(--bootstrap-server "$(kafka_bootstrap)" --create --if-not-exists --topic "$name"
      --partitions "$partitions" --replication-factor "$replication")
    local config
    IFS=',' read -ra config <<<"$configs"
    for c in "${config[@]}"; do [ -n "$c" ] && args+=(--config "$c"); done
    kafka_java org.apache.kafka.tools.TopicCommand "${args[@]}" >>"$LOG_DIR/kafka-topics.log" 2>&1 ||
      die "creating topic $name failed; see $LOG_DIR/kafka-topics.log"
  done <"$CROSSLINE_ROOT/infra/kafka/topics.tsv"
  ok "Kafka topics: $(grep -cvE '^(#|$)' "$CROSSLINE_ROOT/infra/kafka/topics.tsv") defined in infra/kafka/topics.tsv"
}
