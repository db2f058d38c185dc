package uk.crossline.search.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import uk.crossline.model.Topics;
import uk.crossline.model.audit.AuditFormatException;
import uk.crossline.model.audit.AuditJson;

/**
 * Copies each batch of the audit topic into the audit index. Returning normally lets the container
 * commit the batch's offsets; throwing does not.
 */
@Component
class AuditLogListener {

  private final AuditProjection projection;

  AuditLogListener(AuditProjection projection) {
    this.projection = projection;
  }

  @KafkaListener(
      id = "audit-projection",
      idIsGroup = false,
      topics = "${crossline.search.audit.topic:" + Topics.AUDIT_LOG + "}",
      containerFactory = AuditProjectionConfiguration.LISTENER_FACTORY,
      batch = "true")
  void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    List<CopiedRecord> readable = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, byte[]> record = records.get(i);
      try {
        readable.add(read(i, record));
      } catch (IllegalArgumentException e) {
        // What came before is copied and committed; this record goes to the dead-letter topic.
        copy(readable);
        throw new BatchListenerFailedException(reasonOf(e), e, i);
      }
    }
    copy(readable);
  }

  private void copy(List<CopiedRecord> records) {
    try {
      projection.apply(records);
    } catch (AuditRecordRejectedException e) {
      throw new BatchListenerFailedException(e.getMessage(), e, e.position());
    }
  }

  private static CopiedRecord read(int position, ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      throw new AuditFormatException("", "an access-log record needs a value");
    }
    return new CopiedRecord(
        position,
        AuditJson.read(record.value()),
        new String(record.value(), StandardCharsets.UTF_8),
        record.partition(),
        record.offset());
  }

  private static String reasonOf(IllegalArgumentException e) {
    return e instanceof AuditFormatException format
        ? "unreadable access-log entry: " + format.getMessage()
        : "unreadable record: " + e.getMessage();
  }
}
