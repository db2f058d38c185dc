/**
 * The projection in Elasticsearch: which generation is live, which indices exist, and how a batch
 * of events becomes one bulk request that is safe to repeat.
 */
package uk.crossline.indexer.projection;
