package uk.crossline.search.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.crossline.model.audit.AuditEntry;
import uk.crossline.model.audit.AuditIndex;
import uk.crossline.model.audit.AuditJson;

class AuditDocumentsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuditEntry entry =
      AuditChainsFixture.chain(AuditChainsFixture.newChain(), 3).get(2);

  @Test
  void documentReadBackFromJsonMatchesItsRecord() {
    // given: the document as the index gives it back (numbers as the parser likes them)
    Map<String, Object> source = readBack(documentOf(entry));

    // then
    assertThat(AuditDocuments.fieldsMatch(source, entry)).isTrue();
  }

  @Test
  void documentWithAnEditedFieldDoesNotMatchItsRecord() {
    // given
    Map<String, Object> source = readBack(documentOf(entry));
    source.put("purpose", "something else");

    // then
    assertThat(AuditDocuments.fieldsMatch(source, entry)).isFalse();
  }

  @Test
  void documentWithAnExtraSearchableValueDoesNotMatchItsRecord() {
    // given
    Map<String, Object> source = readBack(documentOf(entry));
    source.put("eventIds", java.util.List.of("00000000-0000-8000-8000-000000000000"));

    // then
    assertThat(AuditDocuments.fieldsMatch(source, entry)).isFalse();
  }

  @Test
  void documentKeepsTheRecordExactlyAsWrittenAndItsPlaceOnTheTopic() {
    // given
    String record = AuditJson.writeString(entry);

    // when
    Map<String, Object> source = AuditDocuments.source(entry, record, 2, 41L);

    // then
    assertThat(source.get(AuditDocuments.RECORD)).isEqualTo(record);
    assertThat(source.get(AuditDocuments.LOG)).isEqualTo(Map.of("partition", 2, "offset", 41L));
    assertThat(AuditIndex.documentId(entry.chain(), entry.sequence()))
        .isEqualTo(entry.chain() + "/2");
  }

  private static Map<String, Object> documentOf(AuditEntry entry) {
    return AuditDocuments.source(entry, AuditJson.writeString(entry), 0, 7L);
  }

  private static Map<String, Object> readBack(Map<String, Object> source) {
    return new LinkedHashMap<>(
        JSON.readValue(
            JSON.writeValueAsBytes(source), new TypeReference<Map<String, Object>>() {}));
  }
}
