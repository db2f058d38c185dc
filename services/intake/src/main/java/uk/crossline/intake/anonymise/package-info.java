/**
 * Anonymisation at the agency's edge: an observation with personal data in, an intelligence report
 * with tokens, age bands, generalised places and redacted text out. Nothing personal goes further.
 */
package uk.crossline.intake.anonymise;
