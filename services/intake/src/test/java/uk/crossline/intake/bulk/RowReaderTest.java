package uk.crossline.intake.bulk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RowReaderTest {

  @Test
  void dottedColumnsBecomeNestedFieldsAndEmptyCellsAreLeftOut() {
    var cells = new LinkedHashMap<String, String>();
    cells.put("reference", "TS-1");
    cells.put("observedAt.at", "2026-10-01T15:00:00Z");
    cells.put("observedAt.precision", "EXACT");
    cells.put("premises.uprn", "");

    var json = RowReader.toJson(cells);

    assertThat(json.get("reference").asString()).isEqualTo("TS-1");
    assertThat(json.get("observedAt").get("at").asString()).isEqualTo("2026-10-01T15:00:00Z");
    assertThat(json.get("observedAt").get("precision").asString()).isEqualTo("EXACT");
    assertThat(json.has("premises")).isFalse();
  }

  @Test
  void listColumnsAreSplitOnSemicolons() {
    var json =
        RowReader.toJson(
            Map.of(
                "indicators", "NEW_PHONE; OLDER_ASSOCIATES;",
                "marking.shareWithAgencies", "redditch-bc;bromsgrove-dc"));

    assertThat(json.get("indicators").size()).isEqualTo(2);
    assertThat(json.get("indicators").get(1).asString()).isEqualTo("OLDER_ASSOCIATES");
    assertThat(json.get("marking").get("shareWithAgencies").get(0).asString())
        .isEqualTo("redditch-bc");
  }

  @Test
  void identifiersAreTypedAndDealLinesArePhones() {
    var json = RowReader.toJson(Map.of("identifiers", "PHONE:07700 900123;DEAL_LINE:07700 900456"));

    var identifiers = json.get("identifiers");
    assertThat(identifiers.get(0).get("type").asString()).isEqualTo("PHONE");
    assertThat(identifiers.get(0).get("dealLine").asBoolean()).isFalse();
    assertThat(identifiers.get(1).get("type").asString()).isEqualTo("PHONE");
    assertThat(identifiers.get(1).get("value").asString()).isEqualTo("07700 900456");
    assertThat(identifiers.get(1).get("dealLine").asBoolean()).isTrue();
  }

  @Test
  void identifierWithoutATypeIsRefusedNamingTheColumn() {
    assertThatThrownBy(() -> RowReader.toJson(Map.of("identifiers", "07700 900123")))
        .hasMessageStartingWith("identifiers:")
        .hasMessageNotContaining("07700");
  }

  @Test
  void subjectsCarryRoleAndOptionalAgeBand() {
    var json = RowReader.toJson(Map.of("subjects", "YOUNG_PERSON:AGE_14_TO_15;SUSPECT"));

    assertThat(json.get("subjects").get(0).get("ageBand").asString()).isEqualTo("AGE_14_TO_15");
    assertThat(json.get("subjects").get(1).get("role").asString()).isEqualTo("SUSPECT");
    assertThat(json.get("subjects").get(1).has("ageBand")).isFalse();
  }

  @Test
  void aLineThatIsNotUtf8OrNotAnObjectIsOneUnreadableRowAndTheOthersAreRead() throws Exception {
    var body = new ByteArrayOutputStream();
    body.writeBytes("{\"reference\": \"A\"}\n".getBytes(UTF_8));
    body.writeBytes(new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', '}', '\n'});
    body.writeBytes("null\r\n[]\n\n{\"reference\": \"B\"}".getBytes(UTF_8));
    var rows = new ArrayList<RowReader.Row>();

    new RowReader(JsonMapper.builder().build())
        .ndjson(new ByteArrayInputStream(body.toByteArray()), rows::add);

    assertThat(rows).extracting(RowReader.Row::number).containsExactly(1, 2, 3, 4, 6);
    assertThat(rows.get(0)).isInstanceOf(RowReader.Row.Read.class);
    assertThat(rows.get(1))
        .isInstanceOfSatisfying(
            RowReader.Row.Unreadable.class,
            row -> assertThat(row.problem().reason()).isEqualTo("not valid UTF-8"));
    assertThat(rows.get(2))
        .isInstanceOfSatisfying(
            RowReader.Row.Unreadable.class,
            row ->
                assertThat(row.problem().reason()).isEqualTo("each line must be one JSON object"));
    assertThat(rows.get(3)).isInstanceOf(RowReader.Row.Unreadable.class);
    assertThat(rows.get(4)).isInstanceOf(RowReader.Row.Read.class);
  }

  @Test
  void csvBytesThatAreNotUtf8AreReadAsReplacementCharactersNeverAsWhatTheyDisguise()
      throws Exception {
    var body = new ByteArrayOutputStream();
    body.writeBytes("reference,summary\nA,\"..".getBytes(UTF_8));
    body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF}); // an overlong "/"
    body.writeBytes("etc\"\nB,ok\n".getBytes(UTF_8));
    var rows = new ArrayList<RowReader.Row>();

    new RowReader(JsonMapper.builder().build())
        .csv(new ByteArrayInputStream(body.toByteArray()), rows::add);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .isInstanceOfSatisfying(
            RowReader.Row.Read.class,
            row -> assertThat(row.json().get("summary").asString()).isEqualTo("..\uFFFD\uFFFDetc"));
  }
}
