#!/usr/bin/env bash
# Creates the topics of infra/kafka/topics.tsv (docker-compose's one-shot kafka-topics service).
set -euo pipefail
bootstrap=$1 definitions=$2
while IFS=$'\t' read -r name partitions replication configs; do
  case "$name" in '' | \#*) continue ;; esac
  args=(--bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name"
    --partitions "$partitions" --replication-factor "$replication")
  IFS=',' read -ra pairs <<<"$configs"
  for pair in "${pairs[@]}"; do [ -n "$pair" ] && args+=(--config "$pair"); done
  /opt/kafka/bin/kafka-topics.sh "${args[@]}"
done <"$definitions"
