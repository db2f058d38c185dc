package uk.crossline.alerts.matching;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import uk.crossline.alerts.inbox.MatchedRule;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.event.Grading;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.Location;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.subscription.Area;
import uk.crossline.model.subscription.GradingThreshold;
import uk.crossline.model.subscription.Subscription;
import uk.crossline.model.vocabulary.Indicator;

/** Whether a report matches a subscription's rule, and which rule; the access policy is apart. */
final class SubscriptionRule {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  private final Gazetteer gazetteer;

  SubscriptionRule(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * @param detail the subscriber's alert detail now: a district-detail subscriber matches by
   *     district only and without finer filters, whatever the subscription holds, so no alert tells
   *     them more than the district of an event
   */
  Optional<MatchedRule> match(
      Subscription subscription, IntelligenceReport report, AlertDetail detail) {
    if (detail == AlertDetail.NONE) {
      return Optional.empty();
    }
    if (detail == AlertDetail.DISTRICT
        && (!subscription.indicators().isEmpty() || subscription.minimumGrading().isPresent())) {
      return Optional.empty();
    }
    Optional<Area> area =
        subscription.areas().stream()
            .filter(a -> detail == AlertDetail.FULL || a instanceof Area.District)
            .filter(a -> contains(a, report.location()))
            .findFirst();
    if (area.isEmpty()) {
      return Optional.empty();
    }
    if (!subscription.categories().isEmpty()
        && !subscription.categories().contains(report.category())) {
      return Optional.empty();
    }
    Set<Indicator> shared = EnumSet.noneOf(Indicator.class);
    shared.addAll(report.indicators());
    shared.retainAll(subscription.indicators());
    if (!subscription.indicators().isEmpty() && shared.isEmpty()) {
      return Optional.empty();
    }
    if (subscription.minimumGrading().isPresent()
        && !passes(subscription.minimumGrading().get(), report.grading())) {
      return Optional.empty();
    }
    return Optional.of(
        new MatchedRule(
            area.get().describe(),
            subscription.categories().isEmpty() ? "any" : report.category().name(),
            subscription.indicators().isEmpty() ? "any" : shared.toString(),
            subscription
                .minimumGrading()
                .map(g -> "at least " + g.code() + (g.includeUngraded() ? " or ungraded" : ""))
                .orElse("any")));
  }

  /**
   * A circle holds an event by its point, or else by the centroid of its outward postcode; an event
   * with neither (a district only) is in no circle, since a district's centroid says nothing of
   * where in it an event was.
   */
  boolean contains(Area area, Location location) {
    return switch (area) {
      case Area.District d -> d.district().equals(location.district());
      case Area.Outward o ->
          location.outwardPostcode().map(code -> code.equalsIgnoreCase(o.outward())).orElse(false);
      case Area.Radius r ->
          location
              .point()
              .or(() -> location.outwardPostcode().flatMap(gazetteer::centroidOfOutward))
              .map(point -> distanceKm(r.centre(), point) <= r.km())
              .orElse(false);
    };
  }

  /** 1 is better than 3 and A than E: a graded event passes when both are at least as good. */
  static boolean passes(GradingThreshold threshold, Optional<Grading> grading) {
    return grading
        .map(
            g ->
                g.source().ordinal() <= threshold.source().ordinal()
                    && g.intelligence().ordinal() <= threshold.intelligence().ordinal())
        .orElse(threshold.includeUngraded());
  }

  /** Great-circle distance (haversine): ample at the scale of a district. */
  static double distanceKm(GeoPoint a, GeoPoint b) {
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat()))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
