package uk.crossline.portal.alerts;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.District;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.vocabulary.Category;

/** A subscription from the alerts API, as the subscriptions page lists it. */
public final class SubscriptionView {

  private final JsonNode subscription;
  private final Gazetteer gazetteer;

  SubscriptionView(JsonNode subscription, Gazetteer gazetteer) {
    this.subscription = subscription;
    this.gazetteer = gazetteer;
  }

  public String id() {
    return subscription.path("subscriptionId").asString();
  }

  public String name() {
    return subscription.path("name").asString();
  }

  public String owner() {
    return subscription.path("subscriber").asString("");
  }

  public boolean paused() {
    return subscription.path("paused").asBoolean(false);
  }

  public String areas() {
    List<String> areas = new ArrayList<>();
    subscription
        .path("areas")
        .forEach(
            area ->
                areas.add(
                    switch (area.path("type").asString()) {
                      case "DISTRICT" ->
                          gazetteer
                              .district(area.path("district").asString())
                              .map(District::name)
                              .orElse(area.path("district").asString());
                      case "OUTWARD" -> area.path("outward").asString();
                      default -> area.path("km").asString() + " km around a point";
                    }));
    return String.join(", ", areas);
  }

  public String categories() {
    List<String> categories = new ArrayList<>();
    subscription
        .path("categories")
        .forEach(
            c -> {
              try {
                categories.add(Category.valueOf(c.asString()).label());
              } catch (IllegalArgumentException e) {
                categories.add(c.asString());
              }
            });
    return categories.isEmpty() ? "Any" : String.join(", ", categories);
  }

  public String pacing() {
    return switch (subscription.path("digest").asString("")) {
      case "HOURLY" -> "An hourly digest";
      case "DAILY" -> "A daily digest at 7am";
      default ->
          "Each alert as it comes (up to "
              + subscription.path("maxAlertsPerHour").asInt(20)
              + " an hour, then a digest)";
    };
  }
}
