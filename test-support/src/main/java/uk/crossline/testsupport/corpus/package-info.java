/**
 * The bad-input corpus: hostile and malformed inputs, one list shared by every service's corpus
 * tests, and the tally of what each answered.
 */
package uk.crossline.testsupport.corpus;
