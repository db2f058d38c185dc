/**
 * Grants: the approved access requests, read from their compacted topic by every indexer instance
 * and written into the documents of the events they grant, so search honours them.
 */
package uk.crossline.indexer.grants;
