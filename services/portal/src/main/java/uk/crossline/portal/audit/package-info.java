/**
 * The access log for auditors: searching its records, one record whole, and checking its chains.
 */
package uk.crossline.portal.audit;
