/**
 * Hit / no-hit and access requests: telling a searcher only that a hidden event it may learn of
 * matched, and carrying its request for access to the originating agency, which decides.
 */
package uk.crossline.search.requests;
