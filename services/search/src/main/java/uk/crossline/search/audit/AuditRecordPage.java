package uk.crossline.search.audit;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A page of the access log as auditors read it.
 *
 * @param total how many records match
 * @param records each record exactly as written (which anyone can check against its hash), newest
 *     first
 * @param next the cursor of the next page, absent on the last
 */
record AuditRecordPage(long total, List<JsonNode> records, Optional<String> next) {}
