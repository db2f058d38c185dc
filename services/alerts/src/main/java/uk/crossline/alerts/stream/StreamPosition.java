package uk.crossline.alerts.stream;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A place in the inbox topic that every instance agrees on: for each partition, the offset up to
 * which (exclusive) the stream has given the subscriber everything of theirs. An alert comes after
 * it when its first record's offset is at least the position's offset for its partition. A
 * partition left out is at offset 0. Written as the SSE event id, e.g. {@code 0:12,1:5,2:7}.
 *
 * <p>Why a vector and not one number: the topic has several partitions, read interleaved, and no
 * instance's order of reading is another's; a time stamp is no order either (two instances' clocks,
 * transactions committed late). A vector of offsets names a cut of the topic that holds on every
 * instance.
 */
record StreamPosition(Map<Integer, Long> offsets) {

  private static final Pattern FORM =
      Pattern.compile("(\\d{1,5}:\\d{1,18})(,\\d{1,5}:\\d{1,18}){0,999}");

  static final StreamPosition START = new StreamPosition(Map.of());

  StreamPosition {
    offsets = Map.copyOf(new TreeMap<>(offsets));
  }

  /** The position read from an event id; empty when it is not one this service wrote. */
  static Optional<StreamPosition> parse(String id) {
    if (id.isEmpty()) {
      return Optional.of(START);
    }
    if (!FORM.matcher(id).matches()) {
      return Optional.empty();
    }
    Map<Integer, Long> offsets = new TreeMap<>();
    for (String part : id.split(",")) {
      String[] pair = part.split(":");
      if (offsets.put(Integer.parseInt(pair[0]), Long.parseLong(pair[1])) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(new StreamPosition(offsets));
  }

  long offset(int partition) {
    return offsets.getOrDefault(partition, 0L);
  }

  /** Whether the record at this place is not yet covered by this position. */
  boolean before(int partition, long offset) {
    return offset >= offset(partition);
  }

  /** This position with the record at this place passed. */
  StreamPosition passing(int partition, long offset) {
    if (!before(partition, offset)) {
      return this;
    }
    Map<Integer, Long> moved = new TreeMap<>(offsets);
    moved.put(partition, offset + 1);
    return new StreamPosition(moved);
  }

  /** The later of the two in every partition: still a cut when both are. */
  StreamPosition max(StreamPosition other) {
    Map<Integer, Long> merged = new TreeMap<>(offsets);
    other.offsets.forEach((partition, offset) -> merged.merge(partition, offset, Math::max));
    return new StreamPosition(merged);
  }

  /** The event id: partitions in order. */
  String id() {
    return new TreeMap<>(offsets)
        .entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining(","));
  }
}
