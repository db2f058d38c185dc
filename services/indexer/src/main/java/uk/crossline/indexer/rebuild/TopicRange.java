package uk.crossline.indexer.rebuild;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The part of the topic a rebuild reads: from the first offset still kept to the end offset taken
 * when reading began, per partition. Progress is counted in offsets, not in records, because the
 * topic is compacted and transactional: offsets have gaps, so counting records would never reach
 * the total.
 */
record TopicRange(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {

  TopicRange {
    start = Map.copyOf(start);
    end = Map.copyOf(end);
    if (!start.keySet().equals(end.keySet())) {
      throw new IllegalArgumentException("start and end offsets name different partitions");
    }
  }

  /** Offsets to read in all. */
  long total() {
    return end.keySet().stream().mapToLong(this::length).sum();
  }

  /** Offsets read, given where the reader is in each partition. */
  long read(Map<TopicPartition, Long> positions) {
    long read = 0;
    for (TopicPartition partition : end.keySet()) {
      long position = positions.getOrDefault(partition, start.get(partition));
      read += Math.clamp(position - start.get(partition), 0, length(partition));
    }
    return read;
  }

  /** Whether the record at this offset is inside the range. */
  boolean contains(TopicPartition partition, long offset) {
    Long last = end.get(partition);
    return last != null && offset < last;
  }

  /** Whether a reader at this position has read its partition's part of the range. */
  boolean reached(TopicPartition partition, long position) {
    return position >= end.get(partition);
  }

  /** Whole per cent read, rounded down: 100 only when everything is read. */
  static int percent(long read, long total) {
    if (total <= 0) {
      return 100;
    }
    return (int) Math.min(100, Math.floorDiv(Math.max(read, 0) * 100, total));
  }

  private long length(TopicPartition partition) {
    return Math.max(0, end.get(partition) - start.get(partition));
  }
}
