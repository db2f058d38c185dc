#!/usr/bin/env bash
# PUTs the component and index templates of infra/elasticsearch (docker-compose's one-shot service).
set -euo pipefail
url=$1 dir=$2
put() {
  local kind=$1 endpoint=$2 file name
  for file in "$dir/$kind"/*.json; do
    [ -e "$file" ] || continue
    name=$(basename "$file" .json)
    curl -fsS -X PUT -H 'Content-Type: application/json' --data-binary "@$file" "$url/$endpoint/$name"
    echo
  done
}
put component-templates _component_template
put index-templates _index_template
