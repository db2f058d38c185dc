/**
 * Retention: events past their category's review period, and tombstones past theirs, are removed by
 * retention tombstones on the events topic (so search and Kafka both forget them), closed months'
 * indices are dropped, and every deletion is written to the access log.
 */
package uk.crossline.indexer.retention;
