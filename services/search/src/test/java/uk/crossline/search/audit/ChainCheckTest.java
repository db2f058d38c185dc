package uk.crossline.search.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.search.audit.VerificationReport.ChainReport;
import uk.crossline.search.audit.VerificationReport.Problem;

class ChainCheckTest {

  private final String chain = AuditChainsFixture.newChain();
  private final List<AuditEntry> entries = AuditChainsFixture.chain(chain, 5);

  @Test
  void wholeChainIsIntactWithEveryRecordCounted() {
    // given
    ChainCheck check = new ChainCheck(chain);

    // when
    entries.forEach(entry -> check.add(entry, "at " + entry.sequence()));

    // then
    ChainReport report = check.report();
    assertThat(report.intact()).isTrue();
    assertThat(report.records()).isEqualTo(5);
    assertThat(report.intactRecords()).isEqualTo(5);
    assertThat(report.lastSequence()).contains(4L);
  }

  @Test
  void copyWhoseFieldsWereEditedIsReportedAtItsSequenceWithWhereItIs() {
    // given
    ChainCheck check = new ChainCheck(chain);

    // when
    check.add(entries.get(0), "at 0");
    check.add(entries.get(1), "at 1");
    check.addUnfaithful(entries.get(2), "at 2");
    check.add(entries.get(3), "at 3");

    // then
    assertThat(check.report().firstBreak())
        .hasValueSatisfying(
            link -> {
              assertThat(link.problem()).isEqualTo(Problem.COPY_ALTERED);
              assertThat(link.sequence()).contains(2L);
              assertThat(link.location()).isEqualTo("at 2");
            });
    assertThat(check.report().intactRecords()).isEqualTo(2);
  }

  @Test
  void alteredRecordEarlierThanAnEditedCopyIsTheFirstBreak() {
    // given
    ChainCheck check = new ChainCheck(chain);

    // when
    check.add(entries.get(0), "at 0");
    check.add(AuditChainsFixture.withPurpose(entries.get(1), "another purpose"), "at 1");
    check.addUnfaithful(entries.get(2), "at 2");

    // then
    assertThat(check.report().firstBreak())
        .hasValueSatisfying(
            link -> {
              assertThat(link.problem()).isEqualTo(Problem.ALTERED);
              assertThat(link.sequence()).contains(1L);
              assertThat(link.location()).isEqualTo("at 1");
            });
  }

  @Test
  void recordAlteredAndItsCopyEditedIsReportedAsAltered() {
    // given
    ChainCheck check = new ChainCheck(chain);

    // when
    check.add(entries.get(0), "at 0");
    check.addUnfaithful(AuditChainsFixture.withPurpose(entries.get(1), "another"), "at 1");

    // then
    assertThat(check.report().firstBreak())
        .hasValueSatisfying(link -> assertThat(link.problem()).isEqualTo(Problem.ALTERED));
  }

  @Test
  void unreadableRecordBreaksTheChainWhereItIsAndHidesTheLinkItCut() {
    // given
    ChainCheck check = new ChainCheck(chain);

    // when
    check.add(entries.get(0), "at 0");
    check.addUnreadable(Optional.empty(), "not well-formed JSON", "at 1");
    check.add(entries.get(2), "at 2");

    // then
    ChainReport report = check.report();
    assertThat(report.records()).isEqualTo(3);
    assertThat(report.firstBreak())
        .hasValueSatisfying(
            link -> {
              assertThat(link.problem()).isEqualTo(Problem.UNREADABLE);
              assertThat(link.sequence()).isEmpty();
              assertThat(link.location()).isEqualTo("at 1");
            });
  }

  @Test
  void missingRecordIsReportedAtTheRecordAfterTheGap() {
    // given
    ChainCheck check = new ChainCheck(chain);

    // when
    check.add(entries.get(0), "at 0");
    check.add(entries.get(2), "at 2");
    check.add(entries.get(3), "at 3");

    // then
    assertThat(check.report().firstBreak())
        .hasValueSatisfying(
            link -> {
              assertThat(link.problem()).isEqualTo(Problem.MISSING);
              assertThat(link.sequence()).contains(2L);
              assertThat(link.detail()).isEqualTo("entry 1 is missing before entry 2");
              assertThat(link.location()).isEqualTo("at 2");
            });
  }
}
