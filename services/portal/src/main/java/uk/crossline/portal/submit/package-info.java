/**
 * Submitting reports through the agency's intake as the signed-in person: the question pages of
 * their agency's form, check your answers, amending and retracting their agency's own reports, and
 * uploading a CSV file of many.
 */
package uk.crossline.portal.submit;
