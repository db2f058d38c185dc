package uk.crossline.search.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.crossline.search.audit.VerificationReport.ChainReport;
import uk.crossline.search.audit.VerificationReport.CopyVerification;
import uk.crossline.search.audit.VerificationReport.UnattributedRecord;

/** The chains of one copy of the access log, checked as the copy is read. */
final class CopyCheck {

  /** Enough to show an auditor what is wrong; the count says how many there are. */
  private static final int MAX_UNATTRIBUTED_SHOWN = 100;

  private final String copy;
  private final String source;
  private final Map<String, ChainCheck> chains = new HashMap<>();
  private final List<UnattributedRecord> unattributed = new ArrayList<>();
  private long unattributedCount;

  CopyCheck(String copy, String source) {
    this.copy = copy;
    this.source = source;
  }

  ChainCheck chain(String chain) {
    return chains.computeIfAbsent(chain, ChainCheck::new);
  }

  void unattributed(String location, String reason) {
    unattributedCount++;
    if (unattributed.size() < MAX_UNATTRIBUTED_SHOWN) {
      unattributed.add(new UnattributedRecord(location, reason));
    }
  }

  CopyVerification result() {
    List<ChainReport> reports =
        chains.values().stream()
            .map(ChainCheck::report)
            .sorted(Comparator.comparing(ChainReport::intact).thenComparing(ChainReport::chain))
            .toList();
    long records = unattributedCount + reports.stream().mapToLong(ChainReport::records).sum();
    int broken = (int) reports.stream().filter(report -> !report.intact()).count();
    return new CopyVerification(
        copy,
        source,
        records,
        reports.size(),
        broken,
        broken == 0 && unattributedCount == 0,
        reports,
        List.copyOf(unattributed));
  }
}
