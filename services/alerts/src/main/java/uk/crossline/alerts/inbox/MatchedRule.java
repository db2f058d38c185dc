package uk.crossline.alerts.inbox;

import java.util.Objects;

/**
 * Which rule of a subscription an event matched, as the subscriber reads it.
 *
 * @param area the area the event lies in, e.g. {@code district redditch}
 * @param category the event's category if the subscription names categories, else {@code any}
 * @param indicators the subscription's indicators the event carries, else {@code any}
 * @param grading the threshold the event passed, else {@code any}
 */
public record MatchedRule(String area, String category, String indicators, String grading) {

  public MatchedRule {
    Objects.requireNonNull(area, "matchedRule.area");
    Objects.requireNonNull(category, "matchedRule.category");
    Objects.requireNonNull(indicators, "matchedRule.indicators");
    Objects.requireNonNull(grading, "matchedRule.grading");
  }
}
