/**
 * The measurements: raw Kafka and Elasticsearch ceilings, and the hub's ingest, search and alerts.
 */
package uk.crossline.bench.measure;
