/**
 * Rebuilding the projection from the beginning of the events topic into a fresh generation, while
 * search keeps reading the live one, and switching the read alias once the new one has caught up.
 */
package uk.crossline.indexer.rebuild;
