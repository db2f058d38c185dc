/**
 * Access requests: asking an originator for what a look-up said exists, and deciding on requests
 * for the agency's own reports.
 */
package uk.crossline.portal.requests;
