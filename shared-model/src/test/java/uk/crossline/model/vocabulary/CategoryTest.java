package uk.crossline.model.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.crossline.model.vocabulary.Category.ANTI_SOCIAL_BEHAVIOUR;
import static uk.crossline.model.vocabulary.Category.CUCKOOING;
import static uk.crossline.model.vocabulary.Category.DEAL_LINE;
import static uk.crossline.model.vocabulary.Category.DRUG_DEALING;
import static uk.crossline.model.vocabulary.Category.EXPLOITATION_CONCERN;
import static uk.crossline.model.vocabulary.Category.GROOMING_TACTIC;
import static uk.crossline.model.vocabulary.Category.ILLICIT_VAPES;
import static uk.crossline.model.vocabulary.Category.MISSING_EPISODE;
import static uk.crossline.model.vocabulary.Category.VAPE_SUPPLY_TO_MINORS;
import static uk.crossline.model.vocabulary.Category.VIOLENCE;
import static uk.crossline.model.vocabulary.Category.WEAPONS;
import static uk.crossline.model.vocabulary.Priority.PROTECTING_VULNERABLE_COMMUNITIES;
import static uk.crossline.model.vocabulary.Priority.REDUCING_ANTI_SOCIAL_BEHAVIOUR;
import static uk.crossline.model.vocabulary.Priority.REDUCING_THEFT_AND_ACQUISITIVE_CRIME;
import static uk.crossline.model.vocabulary.Priority.REDUCING_VIOLENCE_AND_ABUSE;
import static uk.crossline.model.vocabulary.Theme.DRUG_AND_ALCOHOL_HARM;
import static uk.crossline.model.vocabulary.Theme.REOFFENDING;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The category → priority and themes mapping decides how every statistic of the partnership is
 * grouped, so it is written out here in full: changing it is a deliberate change to this table.
 */
class CategoryTest {

  record Row(Category category, Priority priority, Set<Theme> themes) {
    @Override
    public String toString() {
      return category + " → " + priority + " " + themes;
    }
  }

  static final List<Row> MAPPING =
      List.of(
          new Row(
              VAPE_SUPPLY_TO_MINORS,
              PROTECTING_VULNERABLE_COMMUNITIES,
              Set.of(DRUG_AND_ALCOHOL_HARM)),
          new Row(ILLICIT_VAPES, REDUCING_THEFT_AND_ACQUISITIVE_CRIME, Set.of()),
          new Row(
              GROOMING_TACTIC, PROTECTING_VULNERABLE_COMMUNITIES, Set.of(DRUG_AND_ALCOHOL_HARM)),
          new Row(CUCKOOING, PROTECTING_VULNERABLE_COMMUNITIES, Set.of(DRUG_AND_ALCOHOL_HARM)),
          new Row(DEAL_LINE, REDUCING_VIOLENCE_AND_ABUSE, Set.of(DRUG_AND_ALCOHOL_HARM)),
          new Row(
              DRUG_DEALING,
              REDUCING_VIOLENCE_AND_ABUSE,
              Set.of(DRUG_AND_ALCOHOL_HARM, REOFFENDING)),
          new Row(MISSING_EPISODE, PROTECTING_VULNERABLE_COMMUNITIES, Set.of()),
          new Row(
              EXPLOITATION_CONCERN,
              PROTECTING_VULNERABLE_COMMUNITIES,
              Set.of(DRUG_AND_ALCOHOL_HARM)),
          new Row(WEAPONS, REDUCING_VIOLENCE_AND_ABUSE, Set.of(REOFFENDING)),
          new Row(VIOLENCE, REDUCING_VIOLENCE_AND_ABUSE, Set.of(REOFFENDING)),
          new Row(ANTI_SOCIAL_BEHAVIOUR, REDUCING_ANTI_SOCIAL_BEHAVIOUR, Set.of()));

  static Stream<Row> mapping() {
    return MAPPING.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mapping")
  void everyCategoryServesTheIntendedPriorityAndTouchesTheIntendedThemes(Row row) {
    // when
    Category category = row.category();

    // then
    assertThat(category.priority()).isEqualTo(row.priority());
    assertThat(category.themes()).containsExactlyInAnyOrderElementsOf(row.themes());
  }

  @Test
  void theMappingTableNamesEveryCategoryExactlyOnce() {
    // given a category added to the vocabulary, it must be given a row above on purpose
    var categoriesInTable = MAPPING.stream().map(Row::category).toList();

    // then
    assertThat(categoriesInTable)
        .containsExactlyInAnyOrder(Category.values())
        .doesNotHaveDuplicates();
    assertThat(categoriesInTable).hasSize(11);
  }

  @Test
  void everyPartnershipPriorityIsServedBySomeCategory() {
    // when
    var served = Arrays.stream(Category.values()).map(Category::priority).distinct().toList();

    // then a priority without a category would never show in the statistics
    assertThat(served).containsExactlyInAnyOrder(Priority.values());
  }

  @Test
  void premisesRelatedCategoriesAreExactlyThoseAShopOrAFlatCanBeFlaggedFor() {
    // when
    var premisesRelated =
        Arrays.stream(Category.values()).filter(Category::premisesRelated).toList();

    // then
    assertThat(premisesRelated)
        .containsExactlyInAnyOrder(
            VAPE_SUPPLY_TO_MINORS, ILLICIT_VAPES, CUCKOOING, DRUG_DEALING, ANTI_SOCIAL_BEHAVIOUR);
  }

  @ParameterizedTest
  @EnumSource(
      value = Category.class,
      names = {
        "GROOMING_TACTIC",
        "DEAL_LINE",
        "MISSING_EPISODE",
        "EXPLOITATION_CONCERN",
        "WEAPONS",
        "VIOLENCE"
      })
  void categoriesAboutPeopleRatherThanPlacesAreNotPremisesRelated(Category category) {
    assertThat(category.premisesRelated()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Category.class)
  void everyCategoryHasALabelForPeopleToRead(Category category) {
    assertThat(category.label()).isNotBlank().isNotEqualTo(category.name());
  }
}
