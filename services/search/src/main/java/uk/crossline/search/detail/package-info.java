/** One event in full, as the caller may see it: with its handling conditions, audited as a view. */
package uk.crossline.search.detail;
