/**
 * Rate limits on searches and look-ups, per user and per agency, so that a script cannot fish for
 * identifiers in bulk: a request over its allowance is refused with 429 before anything runs.
 */
package uk.crossline.search.limits;
