/**
 * Search across council and police boundaries: every query carries the caller's access filter, so
 * hits, counts and facets only ever count what the caller may see, and every consultation is
 * written to the audit log before it is answered.
 */
package uk.crossline.search;
