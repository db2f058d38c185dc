/**
 * The intelligence event: one sealed family (reported, amended, retracted) carried on the events
 * topic, anonymised at the intake, with its JSON form and the reading of older schema versions.
 */
package uk.crossline.model.event;
