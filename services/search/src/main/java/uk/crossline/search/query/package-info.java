/**
 * The search itself: free text over the redacted summary, filters, facets and deep paging, every
 * query under the caller's access filter and audited with its purpose.
 */
package uk.crossline.search.query;
