/**
 * Partnership statistics for the scrutiny panel: counts of the CLEAR and GREEN events the caller's
 * agency receives, by priority, category, district, month and agency type, with the ONS
 * small-number rules (suppression under 10, rounding to 5, secondary suppression) applied before
 * anything leaves the service.
 */
package uk.crossline.search.statistics;
