/**
 * Submitting, amending and retracting reports: each answered once the broker holds the event, a
 * retry recognised as one, and only the originating agency allowed to change what it reported.
 */
package uk.crossline.intake.submission;
