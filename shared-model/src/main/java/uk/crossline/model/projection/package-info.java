/**
 * The searchable projection of intelligence events: index and alias names, document fields, and the
 * mapping of each event to the document that represents it. Written by the indexer, read by search;
 * Kafka stays the source of truth.
 */
package uk.crossline.model.projection;
