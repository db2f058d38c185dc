/**
 * The search itself: free text over the redacted summary, filters and facets (grading detail only
 * for those who may see it), sort orders, deep paging and map tiles, every query under the caller's
 * access filter and audited with its purpose.
 */
package uk.crossline.search.query;
