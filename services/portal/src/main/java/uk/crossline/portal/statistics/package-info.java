/**
 * The partnership's statistics as the search API publishes them (small numbers suppressed, others
 * rounded), as tables with bar charts beside the counts, and their CSV to download.
 */
package uk.crossline.portal.statistics;
