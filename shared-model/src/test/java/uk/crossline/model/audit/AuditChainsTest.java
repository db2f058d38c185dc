package uk.crossline.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.crossline.model.audit.AuditFixtures.chain;
import static uk.crossline.model.audit.AuditFixtures.withPurpose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.crossline.model.audit.ChainVerification.Problem;

class AuditChainsTest {

  @Test
  void intactChainVerifies() {
    // given
    List<AuditEntry> entries = chain(6);

    // when
    ChainVerification verification = AuditChains.verify(entries);

    // then
    assertThat(verification.isIntact()).isTrue();
    assertThat(verification.entriesChecked()).isEqualTo(6);
    assertThat(verification.chain()).isEqualTo(AuditFixtures.CHAIN);
  }

  @Test
  void intactChainReadBackFromJsonVerifies() {
    // given
    List<AuditEntry> readBack =
        chain(4).stream().map(AuditJson::write).map(AuditJson::read).toList();

    // then
    assertThat(AuditChains.verify(readBack).isIntact()).isTrue();
  }

  @Test
  void alteredEntryBreaksTheChain() {
    // given
    List<AuditEntry> entries = new ArrayList<>(chain(6));
    entries.set(3, withPurpose(entries.get(3), "routine check"));

    // when
    ChainVerification verification = AuditChains.verify(entries);

    // then
    assertThat(verification.isIntact()).isFalse();
    assertThat(verification.entriesChecked()).isEqualTo(3);
    assertThat(verification.firstBreak())
        .hasValueSatisfying(
            found -> {
              assertThat(found.problem()).isEqualTo(Problem.ALTERED);
              assertThat(found.sequence()).isEqualTo(3);
              assertThat(found.position()).isEqualTo(3);
            });
  }

  @Test
  void entryAlteredInItsJsonOnTheTopicBreaksTheChain() {
    // given: someone with write access to the topic's storage edits the record
    List<AuditEntry> entries = new ArrayList<>(chain(4));
    String json = AuditJson.writeString(entries.get(2));
    String edited = json.replace("redditch", "bromsgrove");
    entries.set(2, AuditJson.read(edited.getBytes(StandardCharsets.UTF_8)));

    // when
    ChainVerification verification = AuditChains.verify(entries);

    // then
    assertThat(edited).isNotEqualTo(json);
    assertThat(verification.firstBreak())
        .hasValueSatisfying(found -> assertThat(found.problem()).isEqualTo(Problem.ALTERED));
  }

  @Test
  void alteredEntryGivenANewHashBreaksTheLinkToTheNextEntry() {
    // given: the forger recomputes the altered entry's own hash so it looks whole
    List<AuditEntry> entries = new ArrayList<>(chain(6));
    AuditEntry altered = withPurpose(entries.get(2), "routine check");
    entries.set(2, altered.withHash(altered.contentHash()));

    // when
    ChainVerification verification = AuditChains.verify(entries);

    // then
    assertThat(verification.firstBreak())
        .hasValueSatisfying(
            found -> {
              assertThat(found.problem()).isEqualTo(Problem.LINK_BROKEN);
              assertThat(found.sequence()).isEqualTo(3);
            });
  }

  @Test
  void missingEntryIsDetected() {
    // given
    List<AuditEntry> entries = new ArrayList<>(chain(6));
    entries.remove(2);

    // when
    ChainVerification verification = AuditChains.verify(entries);

    // then
    assertThat(verification.firstBreak())
        .hasValueSatisfying(
            found -> {
              assertThat(found.problem()).isEqualTo(Problem.MISSING);
              assertThat(found.sequence()).isEqualTo(3);
              assertThat(found.detail()).isEqualTo("entry 2 is missing before entry 3");
            });
  }

  @Test
  void missingFirstEntriesAreDetected() {
    // given
    List<AuditEntry> entries = new ArrayList<>(chain(6).subList(2, 6));

    // then
    assertThat(AuditChains.verify(entries).firstBreak())
        .hasValueSatisfying(
            found -> {
              assertThat(found.problem()).isEqualTo(Problem.MISSING);
              assertThat(found.detail()).isEqualTo("entries 0 to 1 are missing before entry 2");
            });
  }

  @Test
  void missingEntryRenumberedAwayBreaksTheLink() {
    // given: entry 2 removed and every later entry renumbered and re-hashed, links left alone
    List<AuditEntry> entries = new ArrayList<>(chain(5));
    entries.remove(2);
    for (int i = 2; i < entries.size(); i++) {
      AuditEntry e = entries.get(i);
      AuditEntry renumbered =
          new AuditEntry(
              e.schemaVersion(),
              e.chain(),
              i,
              e.at(),
              e.actor(),
              e.action(),
              e.purpose(),
              e.criteria(),
              e.eventIds(),
              e.previousHash(),
              e.hash());
      entries.set(i, renumbered.withHash(renumbered.contentHash()));
    }

    // then
    assertThat(AuditChains.verify(entries).firstBreak())
        .hasValueSatisfying(
            found -> {
              assertThat(found.problem()).isEqualTo(Problem.LINK_BROKEN);
              assertThat(found.sequence()).isEqualTo(2);
            });
  }

  @Test
  void reorderedEntriesAreDetected() {
    // given
    List<AuditEntry> entries = new ArrayList<>(chain(6));
    Collections.swap(entries, 2, 3);

    // then
    assertThat(AuditChains.verify(entries).firstBreak())
        .hasValueSatisfying(
            found -> {
              assertThat(found.problem()).isEqualTo(Problem.REORDERED);
              assertThat(found.position()).isEqualTo(2);
              assertThat(found.sequence()).isEqualTo(3);
            });
  }

  @Test
  void repeatedEntryIsDetected() {
    // given
    List<AuditEntry> entries = new ArrayList<>(chain(4));
    entries.add(2, entries.get(1));

    // then
    assertThat(AuditChains.verify(entries).firstBreak())
        .hasValueSatisfying(found -> assertThat(found.problem()).isEqualTo(Problem.REORDERED));
  }

  @Test
  void entryOfAnotherChainIsDetected() {
    // given
    List<AuditEntry> entries = new ArrayList<>(chain(3));
    entries.add(
        AuditEntry.first("crossline-alerts-other", AuditFixtures.T0, AuditFixtures.search(9)));

    // then
    assertThat(AuditChains.verify(entries).firstBreak())
        .hasValueSatisfying(found -> assertThat(found.problem()).isEqualTo(Problem.FOREIGN));
  }

  @Test
  void chainCutShortAtItsEndStillVerifies() {
    // The chain alone cannot know how far its writer got: that is the writer's count to compare.
    assertThat(AuditChains.verify(chain(6).subList(0, 4)).isIntact()).isTrue();
  }
}
