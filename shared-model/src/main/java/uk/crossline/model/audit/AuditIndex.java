package uk.crossline.model.audit;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The names of the access log's copy in Elasticsearch, named once. Entries live in one index per
 * month of their time ({@code crossline-audit-2026.11}), all behind the alias auditors read; the
 * Kafka topic stays the source of truth and the indices can be rebuilt from it.
 */
public final class AuditIndex {

  /** What auditors read: every monthly index of the access log. */
  public static final String READ_ALIAS = "crossline-audit";

  /** The index template that gives every index of the access log its strict mapping. */
  public static final String TEMPLATE = "crossline-audit";

  private static final String PREFIX = "crossline-audit-";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

  private AuditIndex() {}

  /** The index that holds the entries written in this month (UTC). */
  public static String name(YearMonth month) {
    return PREFIX + MONTH.format(month);
  }

  public static String name(Instant at) {
    return name(YearMonth.from(at.atZone(ZoneOffset.UTC)));
  }

  /**
   * The document id of an entry: its place in its chain, which no other entry may hold, so a record
   * delivered twice lands on the same document.
   */
  public static String documentId(String chain, long sequence) {
    return chain + "/" + sequence;
  }
}
