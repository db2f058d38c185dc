package uk.crossline.demo.report;

import java.util.List;
import java.util.Optional;
import uk.crossline.demo.world.DealLine;
import uk.crossline.demo.world.Shop;
import uk.crossline.demo.world.Weighted;
import uk.crossline.model.event.ObservedAt.Precision;
import uk.crossline.model.vocabulary.Indicator;

/**
 * Trading standards visits: test purchases at shops that sell vapes, inspections of shops with
 * illicit stock, and the odd visit that finds a shop fronting for a line. What a shop is really up
 * to decides what the officer finds, so repeated visits to one shop tell one story.
 */
final class TradingStandardsReports {

  private TradingStandardsReports() {}

  static Form.TradingStandards write(Draft d) {
    Shop shop =
        new Weighted<>(d.world.shops().stream().map(s -> Weighted.option(s, weight(s))).toList())
            .draw(d.random);
    Form.Visit visit = visit(d, shop);
    Form.Finding finding = finding(d, shop, visit);
    Optional<DealLine> line = shop.line().map(d.world::line);
    double time = line.map(d::timeOf).orElseGet(() -> d.timeline.anyTime(d.random));
    d.shopSlots(shop);
    d.slot("age", String.valueOf(14 + d.random.nextInt(3)));
    switch (finding) {
      case ILLICIT_VAPES, NON_COMPLIANT_VAPES -> {
        d.mentionIf(0.35, d.world.supplyIdentifiers().get(2));
        d.mentionIf(0.3, d.world.supplyIdentifiers().get(0));
        d.mentionIf(0.25, d.world.supplyIdentifiers().get(1));
      }
      case SUSPECTED_FACILITATION ->
          line.ifPresent(
              l -> {
                d.mentionIf(0.4, l.numberAt(time));
                d.mentionIf(0.4, d.any(l.vehicles()));
              });
      default -> {}
    }
    Precision precision = visit == Form.Visit.TEST_PURCHASE ? Precision.EXACT : Precision.DAY;
    return new Form.TradingStandards(
        d.reference,
        d.timeline.when(time, precision, d.random),
        d.whereShop(shop),
        indicators(d, finding),
        d.summary(Summaries.Voice.TRADING_STANDARDS, finding.name(), finding.category()),
        Markings.draw(d.submitter, shop.district(), true, d.random),
        visit,
        finding,
        d.premises(shop, d.chance(0.6)),
        d.identifiers(),
        Gradings.tradingStandards(d.random));
  }

  /** Officers visit where they have cause: vape sellers, and businesses police ask about. */
  private static int weight(Shop shop) {
    return switch (shop.profile()) {
      case UNDER_AGE_SALES, ILLICIT_STOCK -> 4;
      case LINE_LINKED -> 2;
      case CLEAN -> shop.sellsVapes() ? 1 : 0;
    };
  }

  private static Form.Visit visit(Draft d, Shop shop) {
    if (!shop.sellsVapes()) {
      return d.chance(0.7) ? Form.Visit.INTELLIGENCE : Form.Visit.COMPLAINT;
    }
    return switch (shop.profile()) {
      case UNDER_AGE_SALES, CLEAN ->
          d.chance(0.75) ? Form.Visit.TEST_PURCHASE : Form.Visit.COMPLAINT;
      case ILLICIT_STOCK -> d.chance(0.6) ? Form.Visit.INSPECTION : Form.Visit.INTELLIGENCE;
      case LINE_LINKED -> Form.Visit.INTELLIGENCE;
    };
  }

  private static Form.Finding finding(Draft d, Shop shop, Form.Visit visit) {
    return switch (shop.profile()) {
      case UNDER_AGE_SALES ->
          d.chance(0.7) ? Form.Finding.UNDER_AGE_SALE : Form.Finding.NO_ISSUE_FOUND;
      case CLEAN -> d.chance(0.2) ? Form.Finding.UNDER_AGE_SALE : Form.Finding.NO_ISSUE_FOUND;
      case ILLICIT_STOCK ->
          d.chance(0.6) ? Form.Finding.ILLICIT_VAPES : Form.Finding.NON_COMPLIANT_VAPES;
      case LINE_LINKED ->
          shop.sellsVapes() && visit != Form.Visit.INTELLIGENCE && d.chance(0.3)
              ? Form.Finding.ILLICIT_VAPES
              : Form.Finding.SUSPECTED_FACILITATION;
    };
  }

  /**
   * The intake adds the finding's own indicator (an under-age sale, a non-compliant product); the
   * officer adds what else was seen.
   */
  private static List<Indicator> indicators(Draft d, Form.Finding finding) {
    return switch (finding) {
      case UNDER_AGE_SALE -> d.chance(0.3) ? List.of(Indicator.FREE_OR_CHEAP_VAPES) : List.of();
      case ILLICIT_VAPES, NON_COMPLIANT_VAPES ->
          d.chance(0.4) ? List.of(Indicator.FREE_OR_CHEAP_VAPES) : List.of();
      case SUSPECTED_FACILITATION ->
          d.chance(0.5)
              ? List.of(Indicator.OLDER_ASSOCIATES, Indicator.VISITORS_AT_ALL_HOURS)
              : List.of(Indicator.VISITORS_AT_ALL_HOURS);
      case NO_ISSUE_FOUND -> List.of();
    };
  }
}
