/**
 * A compacted Kafka topic as a table in memory, read from the beginning by every instance, ready
 * once it has read what the topic held when it started, and written in transactions that return
 * once read back.
 */
package uk.crossline.kit.table;
