/** Links between reports: what a report shares with others the person may see, and the bounds. */
package uk.crossline.portal.links;
