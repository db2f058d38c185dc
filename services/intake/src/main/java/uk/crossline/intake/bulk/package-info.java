/**
 * Bulk uploads from an agency's own systems: CSV or NDJSON, streamed row by row, every valid row
 * published and every rejected row reported with the field at fault.
 */
package uk.crossline.intake.bulk;
