package uk.crossline.alerts.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.crossline.alerts.AlertEvents;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.access.AlertDetail;
import uk.crossline.model.event.Grading;
import uk.crossline.model.event.IntelligenceReport;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.location.GeoPoint;
import uk.crossline.model.subscription.Area;
import uk.crossline.model.subscription.Channel;
import uk.crossline.model.subscription.GradingThreshold;
import uk.crossline.model.subscription.Pacing;
import uk.crossline.model.subscription.Subscription;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.HandlingCode;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.IntelligenceAssessment;
import uk.crossline.model.vocabulary.SourceEvaluation;
import uk.crossline.model.vocabulary.Tlp;

class SubscriptionRuleTest {

  private final SubscriptionRule rule = new SubscriptionRule(Gazetteer.bundled());

  @Test
  void eventInSubscribedDistrictThenMatchesNamingTheDistrict() {
    var matched =
        rule.match(subscription(new Area.District("redditch")), in("redditch"), AlertDetail.FULL);

    assertThat(matched).isPresent();
    assertThat(matched.get().area()).isEqualTo("district redditch");
    assertThat(matched.get().category()).isEqualTo("any");
  }

  @Test
  void eventInAnotherDistrictThenNoMatch() {
    assertThat(
            rule.match(
                subscription(new Area.District("redditch")), in("bromsgrove"), AlertDetail.FULL))
        .isEmpty();
  }

  @Test
  void eventInSubscribedOutwardThenMatchesAndOtherOutwardNot() {
    var b97 = withLocation("redditch", Optional.of("B97"), Optional.empty());

    assertThat(rule.match(subscription(new Area.Outward("B97")), b97, AlertDetail.FULL))
        .isPresent();
    assertThat(rule.match(subscription(new Area.Outward("B98")), b97, AlertDetail.FULL)).isEmpty();
  }

  @Test
  void pointWithinRadiusThenMatchesAndBeyondNot() {
    var event = withLocation("redditch", Optional.empty(), Optional.of(new GeoPoint(52.30, -1.94)));
    // about 2.2 km north of the event
    var centre = new GeoPoint(52.32, -1.94);

    assertThat(rule.match(subscription(new Area.Radius(centre, 3)), event, AlertDetail.FULL))
        .isPresent();
    assertThat(rule.match(subscription(new Area.Radius(centre, 2)), event, AlertDetail.FULL))
        .isEmpty();
  }

  @Test
  void eventWithoutPointThenRadiusUsesTheOutwardCentroidAndADistrictAloneIsInNoCircle() {
    var centroidOfB97 = new GeoPoint(52.300, -1.960);

    assertThat(
            rule.match(
                subscription(new Area.Radius(centroidOfB97, 1)),
                withLocation("redditch", Optional.of("B97"), Optional.empty()),
                AlertDetail.FULL))
        .isPresent();
    assertThat(
            rule.match(
                subscription(new Area.Radius(centroidOfB97, 50)), in("redditch"), AlertDetail.FULL))
        .isEmpty();
  }

  @Test
  void districtDetailSubscriberThenOnlyDistrictAreasCount() {
    var b97 = withLocation("redditch", Optional.of("B97"), Optional.empty());

    assertThat(rule.match(subscription(new Area.Outward("B97")), b97, AlertDetail.DISTRICT))
        .isEmpty();
    assertThat(rule.match(subscription(new Area.District("redditch")), b97, AlertDetail.DISTRICT))
        .isPresent();
    assertThat(rule.match(subscription(new Area.District("redditch")), b97, AlertDetail.NONE))
        .isEmpty();
  }

  @Test
  void categoriesAndIndicatorsThenAtLeastOneMustBeShared() {
    var s =
        subscription(
            List.of(new Area.District("redditch")),
            Set.of(Category.CUCKOOING),
            Set.of(),
            Optional.empty());
    assertThat(rule.match(s, in("redditch"), AlertDetail.FULL)).isEmpty();

    var t =
        subscription(
            List.of(new Area.District("redditch")),
            Set.of(Category.DEAL_LINE),
            Set.of(Indicator.NEW_PHONE, Indicator.DEBT_BONDAGE),
            Optional.empty());
    var matched = rule.match(t, in("redditch"), AlertDetail.FULL);
    assertThat(matched).isPresent();
    assertThat(matched.get().category()).isEqualTo("DEAL_LINE");
    assertThat(matched.get().indicators()).isEqualTo("[NEW_PHONE]");

    var u =
        subscription(
            List.of(new Area.District("redditch")),
            Set.of(),
            Set.of(Indicator.DEBT_BONDAGE),
            Optional.empty());
    assertThat(rule.match(u, in("redditch"), AlertDetail.FULL)).isEmpty();
  }

  @Test
  void gradingAtLeastTheThresholdThenPassesAndWorseNot() {
    var threshold =
        new GradingThreshold(SourceEvaluation.UNTESTED, IntelligenceAssessment.B, false);

    assertThat(
            SubscriptionRule.passes(
                threshold, grading(SourceEvaluation.RELIABLE, IntelligenceAssessment.A)))
        .isTrue();
    assertThat(
            SubscriptionRule.passes(
                threshold, grading(SourceEvaluation.UNTESTED, IntelligenceAssessment.B)))
        .isTrue();
    assertThat(
            SubscriptionRule.passes(
                threshold, grading(SourceEvaluation.NOT_RELIABLE, IntelligenceAssessment.A)))
        .isFalse();
    assertThat(
            SubscriptionRule.passes(
                threshold, grading(SourceEvaluation.RELIABLE, IntelligenceAssessment.C)))
        .isFalse();
  }

  @Test
  void ungradedReportThenPassesOnlyWhenTheSubscriptionIncludesUngraded() {
    assertThat(
            SubscriptionRule.passes(
                new GradingThreshold(SourceEvaluation.RELIABLE, IntelligenceAssessment.A, true),
                Optional.empty()))
        .isTrue();
    assertThat(
            SubscriptionRule.passes(
                new GradingThreshold(SourceEvaluation.RELIABLE, IntelligenceAssessment.A, false),
                Optional.empty()))
        .isFalse();
  }

  @Test
  void districtDetailSubscriptionHoldingFinerFiltersThenMatchesNothing() {
    var s =
        subscription(
            List.of(new Area.District("redditch")),
            Set.of(),
            Set.of(Indicator.NEW_PHONE),
            Optional.empty());
    assertThat(rule.match(s, in("redditch"), AlertDetail.DISTRICT)).isEmpty();
  }

  private static Optional<Grading> grading(
      SourceEvaluation source, IntelligenceAssessment intelligence) {
    return Optional.of(new Grading(source, intelligence, HandlingCode.P, Optional.empty()));
  }

  private static IntelligenceReport in(String district) {
    return AlertEvents.report(Tlp.GREEN, SharingScope.none(), district);
  }

  private static IntelligenceReport withLocation(
      String district, Optional<String> outward, Optional<GeoPoint> point) {
    return AlertEvents.report(
        Tlp.GREEN, SharingScope.none(), district, outward, point, Optional.empty());
  }

  private static Subscription subscription(Area area) {
    return subscription(List.of(area), Set.of(), Set.of(), Optional.empty());
  }

  private static Subscription subscription(
      List<Area> areas,
      Set<Category> categories,
      Set<Indicator> indicators,
      Optional<GradingThreshold> grading) {
    Instant now = Instant.now();
    return new Subscription(
        UUID.randomUUID(),
        new Caller(
            "u1",
            "bromsgrove.cso",
            AgencyId.of("bromsgrove-dc"),
            AgencyType.LOCAL_AUTHORITY,
            Set.of(Role.SUBSCRIBE_ALERTS)),
        "Test",
        "Community safety planning",
        areas,
        categories,
        indicators,
        grading,
        Channel.INBOX,
        now,
        now,
        Optional.empty(),
        Pacing.DEFAULT);
  }
}
