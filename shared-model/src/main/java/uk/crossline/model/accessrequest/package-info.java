/**
 * Access requests after a hit / no-hit and the originator's decisions on them: the events of the
 * compacted access-requests topic, from which search lists requests and the indexer grants access.
 */
package uk.crossline.model.accessrequest;
