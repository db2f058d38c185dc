/** The police intelligence report: 3x5x2 grading, people, identifiers and deal lines. */
package uk.crossline.intake.police;
