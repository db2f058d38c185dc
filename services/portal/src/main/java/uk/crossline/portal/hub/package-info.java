/** Calling the hub's APIs as the signed-in person, with their own access token. */
package uk.crossline.portal.hub;
