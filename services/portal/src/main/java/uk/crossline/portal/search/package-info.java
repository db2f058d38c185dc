/** Searching what partners shared, with filters and their counts, and one report at a time. */
package uk.crossline.portal.search;
