#!/usr/bin/env bash
# Creates the flow's topics on a real Kafka (docker-compose's topics-init, or by hand with the Kafka
# CLI on the PATH). Same names and compaction as the embedded stack (cutout-local FlowTopics); a test
# keeps the two lists equal. Existing topics are left as they are.
#   BOOTSTRAP=broker:9092 PARTITIONS=6 REPLICATION=3 deploy/create-topics.sh
set -euo pipefail

bootstrap="${BOOTSTRAP:-localhost:9092}"
partitions="${PARTITIONS:-6}"
replication="${REPLICATION:-1}"
dlq_retention_ms="${DLQ_RETENTION_MS:-2592000000}"
kafka_topics="${KAFKA_TOPICS:-$(command -v kafka-topics.sh || echo /opt/kafka/bin/kafka-topics.sh)}"

event_topics=(photos.ingested masks.inferred masks.scored cutouts.approved review.requests
  review.decisions dataset.samples cutouts.published models.released training.runs)
compacted_topics=(models.released)
consumed_topics=(photos.ingested masks.inferred masks.scored cutouts.approved review.requests
  review.decisions dataset.samples models.released)

create() {
  local topic="$1"; shift
  "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$replication" "$@"
}

for topic in "${event_topics[@]}"; do
  if [[ " ${compacted_topics[*]} " == *" $topic "* ]]; then
    create "$topic" --config cleanup.policy=compact
  else
    create "$topic"
  fi
done
for topic in "${consumed_topics[@]}"; do
  create "$topic.dlq" --config "retention.ms=$dlq_retention_ms"
done
echo "topics ready on $bootstrap"
