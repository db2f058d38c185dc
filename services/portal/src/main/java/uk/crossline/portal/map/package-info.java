/**
 * The map of what the person may see: districts shaded by their visible count, the coarse grid's
 * points, drawn on the server as SVG with the same counts in a table.
 */
package uk.crossline.portal.map;
