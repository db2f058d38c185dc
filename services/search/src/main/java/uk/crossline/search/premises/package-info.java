/**
 * Premises: every flag the caller may see on one premises, found by UPRN or address, across
 * agencies and as a timeline, audited as a premises look-up.
 */
package uk.crossline.search.premises;
