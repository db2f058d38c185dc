package uk.crossline.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.crossline.model.access.AccessFilter.allOf;
import static uk.crossline.model.access.AccessFilter.anyOf;
import static uk.crossline.model.access.AccessFilter.matchAll;
import static uk.crossline.model.access.AccessFilter.matchNone;
import static uk.crossline.model.access.AccessFilter.not;
import static uk.crossline.model.access.AccessFilter.term;
import static uk.crossline.model.access.AccessFilter.terms;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessFilterTest {

  private static final Map<String, Object> DOCUMENT =
      Map.of(
          "status", "ACTIVE",
          "agency", Map.of("id", "redditch-bc", "type", "LOCAL_AUTHORITY"),
          "marking", Map.of("tlp", "AMBER", "sensitive", false),
          "scope", Map.of("agencies", List.of("west-mercia-police", "bromsgrove-dc")),
          "identifiers", List.of(Map.of("token", "t1"), Map.of("token", "t2")),
          "version", 3);

  @Test
  void termWhenNestedFieldHoldsTheValueThenMatches() {
    assertThat(term("agency.id", "redditch-bc").matches(DOCUMENT)).isTrue();
    assertThat(term("agency.id", "bromsgrove-dc").matches(DOCUMENT)).isFalse();
  }

  @Test
  void termWhenListHoldsTheValueThenMatches() {
    assertThat(term("scope.agencies", "bromsgrove-dc").matches(DOCUMENT)).isTrue();
    assertThat(term("scope.agencies", "redditch-bc").matches(DOCUMENT)).isFalse();
  }

  @Test
  void termWhenListOfObjectsHoldsTheValueThenMatches() {
    assertThat(term("identifiers.token", "t2").matches(DOCUMENT)).isTrue();
    assertThat(term("identifiers.token", "t3").matches(DOCUMENT)).isFalse();
  }

  @Test
  void termWhenFieldMissingThenNoMatchAndItsNegationMatches() {
    assertThat(term("scope.agencyTypes", "POLICE").matches(DOCUMENT)).isFalse();
    assertThat(term("grants", "redditch-bc").matches(DOCUMENT)).isFalse();
    assertThat(not(term("grants", "redditch-bc")).matches(DOCUMENT)).isTrue();
  }

  @Test
  void termWhenValueIsNotTextThenComparedAsElasticsearchDoes() {
    assertThat(term("version", "3").matches(DOCUMENT)).isTrue();
    assertThat(term("marking.sensitive", "false").matches(DOCUMENT)).isTrue();
    // An object is not a value.
    assertThat(term("marking", "AMBER").matches(DOCUMENT)).isFalse();
  }

  @Test
  void termsWhenAnyValueMatchesThenMatches() {
    assertThat(terms("marking.tlp", List.of("GREEN", "AMBER")).matches(DOCUMENT)).isTrue();
    assertThat(terms("marking.tlp", List.of("GREEN", "RED")).matches(DOCUMENT)).isFalse();
  }

  @Test
  void combinationsEvaluateAsBooleanAlgebra() {
    AccessFilter amber = term("marking.tlp", "AMBER");
    AccessFilter red = term("marking.tlp", "RED");

    assertThat(allOf(amber, not(red)).matches(DOCUMENT)).isTrue();
    assertThat(allOf(amber, red).matches(DOCUMENT)).isFalse();
    assertThat(anyOf(red, amber).matches(DOCUMENT)).isTrue();
    assertThat(anyOf(red, not(amber)).matches(DOCUMENT)).isFalse();
  }

  @Test
  void factoriesSimplifySoNoEmptyClauseReachesATranslator() {
    AccessFilter amber = term("marking.tlp", "AMBER");

    assertThat(terms("category", List.of())).isEqualTo(matchNone());
    assertThat(terms("category", List.of("WEAPONS", "WEAPONS")))
        .isEqualTo(term("category", "WEAPONS"));
    assertThat(allOf()).isEqualTo(matchAll());
    assertThat(anyOf()).isEqualTo(matchNone());
    assertThat(allOf(matchAll(), amber)).isEqualTo(amber);
    assertThat(allOf(amber, matchNone())).isEqualTo(matchNone());
    assertThat(anyOf(matchNone(), amber)).isEqualTo(amber);
    assertThat(anyOf(amber, matchAll())).isEqualTo(matchAll());
    assertThat(not(not(amber))).isEqualTo(amber);
    assertThat(not(matchAll())).isEqualTo(matchNone());
    assertThat(allOf(allOf(amber, term("status", "ACTIVE")), term("category", "WEAPONS")))
        .isEqualTo(
            new AccessFilter.AllOf(
                List.of(amber, term("status", "ACTIVE"), term("category", "WEAPONS"))));
  }

  @Test
  void emptyClausesAreRefusedWhenBuiltDirectly() {
    assertThatThrownBy(() -> new AccessFilter.Terms("category", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessFilter.AllOf(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessFilter.AnyOf(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void termsAreSortedForStableQueries() {
    assertThat(new AccessFilter.Terms("marking.tlp", List.of("GREEN", "CLEAR", "GREEN")).values())
        .containsExactly("CLEAR", "GREEN");
  }

  @Test
  void reachesWhenChosenThenEachTakesItsTermOrItsFieldsAndInMemoryReadsTheFields() {
    AccessFilter byFields = term("agency.id", "redditch-bc");
    AccessFilter reaches =
        new AccessFilter.Reaches(new AccessFilter.Term("reach", "p/x"), byFields);
    AccessFilter filter = allOf(term("status", "ACTIVE"), not(anyOf(reaches, term("grants", "x"))));

    assertThat(filter.byReach())
        .isEqualTo(
            allOf(term("status", "ACTIVE"), not(anyOf(term("reach", "p/x"), term("grants", "x")))));
    assertThat(filter.byFields())
        .isEqualTo(allOf(term("status", "ACTIVE"), not(anyOf(byFields, term("grants", "x")))));
    assertThat(reaches.matches(DOCUMENT)).isTrue();
    assertThat(reaches.byReach().matches(DOCUMENT)).isFalse();
  }
}
