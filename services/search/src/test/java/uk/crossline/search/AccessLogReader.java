package uk.crossline.search;

import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditJson;
import uk.crossline.testsupport.TopicReader;

/**
 * Reads the access log (the audit topic, the source of truth) as the tests check what a call
 * recorded: take a {@link #mark()}, call, then read the entries since, found by the call's unique
 * purpose.
 */
public final class AccessLogReader {

  private AccessLogReader() {}

  /** The end of the access log now. */
  public static TopicReader.Mark mark() {
    return TopicReader.mark(Topics.AUDIT_LOG);
  }

  /** The entries written since the mark, in the order of their chains. */
  public static List<AuditEntry> entriesSince(TopicReader.Mark mark) {
    return TopicReader.recordsSince(mark).stream()
        .map(ConsumerRecord::value)
        .map(AuditJson::read)
        .sorted(Comparator.comparing(AuditEntry::chain).thenComparing(AuditEntry::sequence))
        .toList();
  }

  /** The entries written since the mark that give this purpose. */
  public static List<AuditEntry> entriesWithPurpose(TopicReader.Mark mark, String purpose) {
    return entriesSince(mark).stream()
        .filter(entry -> entry.purpose().orElse("").equals(purpose))
        .toList();
  }

  /** Every entry of the entry's chain the log holds, in order. */
  public static List<AuditEntry> chainOf(AuditEntry entry) {
    return entriesSince(TopicReader.beginning(Topics.AUDIT_LOG)).stream()
        .filter(e -> e.chain().equals(entry.chain()))
        .toList();
  }
}
