/** Keeps personal data out of logs that a framework would otherwise write. */
package uk.crossline.kit.logging;
