/**
 * Consuming the events topic in batches: offsets are committed only once Elasticsearch holds the
 * whole batch; unreadable or refused records go to the dead-letter topic with their reason.
 */
package uk.crossline.indexer.consumer;
