/**
 * The safeguarding concern schools and youth services raise about a young person: what they
 * noticed, with a year group or age band, and no name needed.
 */
package uk.crossline.intake.safeguarding;
