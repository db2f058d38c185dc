/**
 * An agency's intake: it takes what the agency's people and systems submit, anonymises it at the
 * agency's edge and publishes intelligence events; nothing personal leaves it.
 */
package uk.crossline.intake;
