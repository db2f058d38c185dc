package uk.crossline.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.crossline.model.access.NorthWorcestershire.REDDITCH_BC;
import static uk.crossline.model.access.NorthWorcestershire.TRADING_STANDARDS;
import static uk.crossline.model.access.NorthWorcestershire.WEST_MERCIA_POLICE;
import static uk.crossline.model.access.NorthWorcestershire.WYRE_FOREST_DC;
import static uk.crossline.model.access.NorthWorcestershire.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyType;
import uk.crossline.model.event.IntelligenceAmended;
import uk.crossline.model.event.IntelligenceReported;
import uk.crossline.model.projection.DocumentStatus;
import uk.crossline.model.projection.IntelligenceDocuments;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

class EventAccessTest {

  @Test
  void reportGivesItsOriginatorMarkingScopeAndCategory() {
    var spec =
        event()
            .from(TRADING_STANDARDS)
            .tlp(Tlp.AMBER)
            .naming(REDDITCH_BC)
            .sharedWithTypes(AgencyType.POLICE)
            .category(Category.ILLICIT_VAPES);

    EventAccess access = EventAccess.of(spec.event());

    assertThat(access)
        .isEqualTo(
            new EventAccess(
                TRADING_STANDARDS,
                DocumentStatus.ACTIVE,
                Optional.of(Tlp.AMBER),
                Set.of(REDDITCH_BC),
                Set.of(AgencyType.POLICE),
                Optional.of(Category.ILLICIT_VAPES),
                Set.of()));
  }

  @Test
  void amendmentGivesWhatItsNewReportSays() {
    var reported = (IntelligenceReported) event().tlp(Tlp.RED).event();
    var amended =
        new IntelligenceAmended(
            1,
            reported.eventId(),
            2,
            reported.agency(),
            reported.submittedAt(),
            reported.originRefHash(),
            reported.report(),
            "Marked RED after a briefing");

    assertThat(EventAccess.of(amended)).isEqualTo(EventAccess.of(reported));
  }

  @Test
  void retractionGivesATombstoneWithNothingOfTheReport() {
    EventAccess access = EventAccess.of(event().retracted().event());

    assertThat(access).isEqualTo(EventAccess.tombstone(WEST_MERCIA_POLICE));
    assertThat(access.tlp()).isEmpty();
    assertThat(access.category()).isEmpty();
  }

  @Test
  void documentReadsBackAsTheEvent() {
    var spec =
        event()
            .tlp(Tlp.AMBER_STRICT)
            .naming(REDDITCH_BC, TRADING_STANDARDS)
            .grantedTo(WYRE_FOREST_DC);

    assertThat(EventAccess.fromDocument(spec.document())).isEqualTo(spec.access());
    assertThat(spec.access().grants()).containsExactly(WYRE_FOREST_DC);
  }

  @Test
  void tombstoneDocumentReadsBackAsATombstone() {
    var spec = event().retracted();

    assertThat(EventAccess.fromDocument(spec.document()))
        .isEqualTo(EventAccess.tombstone(WEST_MERCIA_POLICE));
  }

  @Test
  void documentWithUnknownMarkingIsRefusedNamingTheField() {
    Map<String, Object> document = reportDocument();
    document.put("marking", Map.of("tlp", "AMBER+STRICT"));

    assertThatThrownBy(() -> EventAccess.fromDocument(document))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("marking.tlp:");
  }

  @Test
  void documentWithoutOriginatorIsRefusedNamingTheField() {
    Map<String, Object> document = reportDocument();
    document.remove("agency");

    assertThatThrownBy(() -> EventAccess.fromDocument(document))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("agency.id:");
  }

  @Test
  void liveDocumentWithoutMarkingIsRefused() {
    Map<String, Object> document = reportDocument();
    document.remove("marking");

    assertThatThrownBy(() -> EventAccess.fromDocument(document))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("marking");
  }

  private static Map<String, Object> reportDocument() {
    return new HashMap<>(IntelligenceDocuments.source(event().event(), Instant.EPOCH));
  }
}
