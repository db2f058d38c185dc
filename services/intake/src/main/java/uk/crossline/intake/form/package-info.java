/**
 * The parts every agency's form shares (when, where, marking, people, identifiers, grading,
 * premises) and their reading into an {@link uk.crossline.intake.anonymise.Observation}.
 */
package uk.crossline.intake.form;
