package uk.crossline.search.audit;

import uk.crossline.model.audit.AuditEntry;

/**
 * One record of the audit topic, read, on its way into the index.
 *
 * @param position its place in the batch, so a refusal names the record to dead-letter
 * @param record the record's value exactly as written, kept beside the searchable fields
 */
record CopiedRecord(int position, AuditEntry entry, String record, int partition, long offset) {}
