/**
 * The agencies this intake instance serves, from its settings: a caller's token must name one of
 * them, and the event carries the agency as configured here, never as a payload says.
 */
package uk.crossline.intake.agency;
