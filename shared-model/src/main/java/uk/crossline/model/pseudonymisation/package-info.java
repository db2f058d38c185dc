/**
 * Turns identifiers and names into keyed pseudonym tokens, and redacts personal data from free
 * text, so reports can be linked across agencies without anyone seeing who they are about.
 */
package uk.crossline.model.pseudonymisation;
