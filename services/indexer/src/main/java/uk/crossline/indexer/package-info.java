/**
 * The indexer: projects the intelligence events of Kafka into Elasticsearch, each event once in
 * effect, and can rebuild the projection from the topic at any time.
 */
package uk.crossline.indexer;
