/**
 * The access log's entries: who consulted or disclosed what, when and why, each chained to the
 * previous entry of its writer by hash so that an altered, missing or reordered entry shows.
 */
package uk.crossline.model.audit;
