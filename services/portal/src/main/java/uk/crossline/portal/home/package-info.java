/** The start page: what the signed-in person can do here, by their roles. */
package uk.crossline.portal.home;
