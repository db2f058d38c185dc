/**
 * A compacted Kafka topic read from the beginning by every instance into memory, written through a
 * transaction that waits to read its own write back: the state of subscriptions and of the inbox.
 */
package uk.crossline.alerts.table;
