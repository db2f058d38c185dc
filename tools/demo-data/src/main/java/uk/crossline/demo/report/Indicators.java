package uk.crossline.demo.report;

import static uk.crossline.model.vocabulary.Indicator.AFFLUENT_AREA_TARGETING;
import static uk.crossline.model.vocabulary.Indicator.CARRYING_WEAPON;
import static uk.crossline.model.vocabulary.Indicator.CHANGE_IN_BEHAVIOUR;
import static uk.crossline.model.vocabulary.Indicator.DEBT_BONDAGE;
import static uk.crossline.model.vocabulary.Indicator.FREE_OR_CHEAP_VAPES;
import static uk.crossline.model.vocabulary.Indicator.MISSING_FROM_HOME_OR_SCHOOL;
import static uk.crossline.model.vocabulary.Indicator.NEW_PHONE;
import static uk.crossline.model.vocabulary.Indicator.NON_COMPLIANT_PRODUCT;
import static uk.crossline.model.vocabulary.Indicator.OLDER_ASSOCIATES;
import static uk.crossline.model.vocabulary.Indicator.SOCIAL_MEDIA_RECRUITMENT;
import static uk.crossline.model.vocabulary.Indicator.SUBSTANCE_USE;
import static uk.crossline.model.vocabulary.Indicator.TRAVEL_OUT_OF_AREA;
import static uk.crossline.model.vocabulary.Indicator.UNDER_AGE_SALE;
import static uk.crossline.model.vocabulary.Indicator.UNEXPLAINED_GIFTS_OR_MONEY;
import static uk.crossline.model.vocabulary.Indicator.UNEXPLAINED_INJURIES;
import static uk.crossline.model.vocabulary.Indicator.VISITORS_AT_ALL_HOURS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.random.RandomGenerator;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;

/**
 * The indicators that go with each category: one or two that define it, and others a practitioner
 * often notices alongside.
 */
final class Indicators {

  private record Fit(List<Indicator> core, List<Indicator> often) {}

  private Indicators() {}

  private static Fit fit(Category category) {
    return switch (category) {
      case DEAL_LINE ->
          new Fit(
              List.of(OLDER_ASSOCIATES),
              List.of(
                  TRAVEL_OUT_OF_AREA, NEW_PHONE, VISITORS_AT_ALL_HOURS, SOCIAL_MEDIA_RECRUITMENT));
      case DRUG_DEALING ->
          new Fit(
              List.of(VISITORS_AT_ALL_HOURS),
              List.of(OLDER_ASSOCIATES, TRAVEL_OUT_OF_AREA, SUBSTANCE_USE, CARRYING_WEAPON));
      case CUCKOOING ->
          new Fit(
              List.of(VISITORS_AT_ALL_HOURS),
              List.of(DEBT_BONDAGE, SUBSTANCE_USE, OLDER_ASSOCIATES));
      case EXPLOITATION_CONCERN ->
          new Fit(
              List.of(OLDER_ASSOCIATES),
              List.of(
                  UNEXPLAINED_GIFTS_OR_MONEY,
                  NEW_PHONE,
                  CHANGE_IN_BEHAVIOUR,
                  TRAVEL_OUT_OF_AREA,
                  MISSING_FROM_HOME_OR_SCHOOL,
                  AFFLUENT_AREA_TARGETING,
                  DEBT_BONDAGE));
      case GROOMING_TACTIC ->
          new Fit(
              List.of(),
              List.of(
                  FREE_OR_CHEAP_VAPES,
                  UNEXPLAINED_GIFTS_OR_MONEY,
                  SOCIAL_MEDIA_RECRUITMENT,
                  OLDER_ASSOCIATES,
                  NEW_PHONE,
                  AFFLUENT_AREA_TARGETING));
      case MISSING_EPISODE ->
          new Fit(
              List.of(MISSING_FROM_HOME_OR_SCHOOL),
              List.of(
                  TRAVEL_OUT_OF_AREA, OLDER_ASSOCIATES, UNEXPLAINED_INJURIES, CHANGE_IN_BEHAVIOUR));
      case VAPE_SUPPLY_TO_MINORS ->
          new Fit(List.of(FREE_OR_CHEAP_VAPES), List.of(UNDER_AGE_SALE, OLDER_ASSOCIATES));
      case ILLICIT_VAPES -> new Fit(List.of(NON_COMPLIANT_PRODUCT), List.of(FREE_OR_CHEAP_VAPES));
      case WEAPONS ->
          new Fit(List.of(CARRYING_WEAPON), List.of(OLDER_ASSOCIATES, UNEXPLAINED_INJURIES));
      case VIOLENCE ->
          new Fit(List.of(UNEXPLAINED_INJURIES), List.of(CARRYING_WEAPON, DEBT_BONDAGE));
      case ANTI_SOCIAL_BEHAVIOUR ->
          new Fit(
              List.of(),
              List.of(SUBSTANCE_USE, VISITORS_AT_ALL_HOURS, OLDER_ASSOCIATES, FREE_OR_CHEAP_VAPES));
    };
  }

  /**
   * The category's defining indicators, up to two others, and any the story requires, in the
   * vocabulary's order.
   */
  static List<Indicator> draw(
      Category category, Collection<Indicator> required, RandomGenerator random) {
    Fit fit = fit(category);
    EnumSet<Indicator> chosen = EnumSet.noneOf(Indicator.class);
    chosen.addAll(fit.core());
    chosen.addAll(required);
    List<Indicator> often = new ArrayList<>(fit.often());
    int extra = random.nextInt(3) + (chosen.isEmpty() ? 1 : 0);
    for (int i = 0; i < extra && !often.isEmpty(); i++) {
      chosen.add(often.remove(random.nextInt(often.size())));
    }
    return List.copyOf(chosen);
  }
}
