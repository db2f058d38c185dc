package uk.crossline.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

class AuditFiltersTest {

  private static AuditFilters form(String... nameValues) {
    var form = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < nameValues.length; i += 2) {
      form.add(nameValues[i], nameValues[i + 1]);
    }
    return AuditFilters.of(form);
  }

  @Test
  void formWithEveryFilterThenTheApiParametersOfTheSameNames() {
    AuditFilters filters =
        form(
            "user", " police.analyst ",
            "agency", "west-mercia-police",
            "action", "SEARCH",
            "action", "VIEW",
            "eventId", "a, b  c",
            "chain", "crossline-search-1",
            "from", "2026-11-01",
            "to", "2026-11-30",
            "size", "100");

    String uri =
        filters.addTo(UriComponentsBuilder.fromPath("/api/v1/audit/records")).build().toString();

    assertThat(filters.problems()).isEmpty();
    assertThat(uri)
        .isEqualTo(
            "/api/v1/audit/records?user=police.analyst&agency=west-mercia-police&action=SEARCH,VIEW"
                + "&eventId=a,b,c&chain=crossline-search-1&from=2026-11-01&to=2026-11-30&size=100");
  }

  @Test
  void emptyFormThenOnlyTheDefaultPageSize() {
    String uri = form().addTo(UriComponentsBuilder.fromPath("/r")).build().toString();

    assertThat(uri).isEqualTo("/r?size=50");
  }

  @Test
  void unknownActionAndSizeThenDroppedNotSent() {
    AuditFilters filters = form("action", "DROP_TABLE", "action", "SEARCH", "size", "5000");

    assertThat(filters.actions()).containsExactly("SEARCH");
    assertThat(filters.size()).isEqualTo(50);
  }

  @Test
  void badDatesAndToBeforeFromThenProblemsByField() {
    assertThat(form("from", "1 November", "to", "2026-11-01").problems()).containsOnlyKeys("from");
    assertThat(form("from", "2026-11-02", "to", "2026-11-01").problems()).containsOnlyKeys("to");
  }

  @Test
  void moreThanTwentyEventIdsThenRefused() {
    String ids = String.join(",", java.util.Collections.nCopies(21, "x"));

    assertThat(form("eventId", ids).problems()).containsOnlyKeys("eventId");
    assertThat(form("eventId", String.join(",", List.of("a", "b"))).problems()).isEmpty();
  }
}
