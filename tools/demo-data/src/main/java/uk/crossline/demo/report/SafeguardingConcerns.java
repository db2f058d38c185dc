package uk.crossline.demo.report;

import static uk.crossline.demo.world.Weighted.option;

import java.util.List;
import java.util.Optional;
import uk.crossline.demo.world.DealLine;
import uk.crossline.demo.world.Spot;
import uk.crossline.demo.world.Weighted;
import uk.crossline.demo.world.YoungPerson;
import uk.crossline.model.event.ObservedAt.Precision;
import uk.crossline.model.vocabulary.Indicator;

/**
 * Concerns from school safeguarding leads and youth mentors: about one child each, by year group,
 * placed by district or ward rather than address. Pupils pass on the numbers and accounts that
 * contacted them, which is how a school's concern links to a police report.
 */
final class SafeguardingConcerns {

  private static final Weighted<Form.Concern> SCHOOL =
      Weighted.of(
          option(Form.Concern.EXPLOITATION_CONCERN, 35),
          option(Form.Concern.GROOMING_TACTIC, 25),
          option(Form.Concern.MISSING_EPISODE, 20),
          option(Form.Concern.VAPE_SUPPLY_TO_MINORS, 20));

  private static final Weighted<Form.Concern> YOUTH =
      Weighted.of(
          option(Form.Concern.GROOMING_TACTIC, 40),
          option(Form.Concern.EXPLOITATION_CONCERN, 35),
          option(Form.Concern.MISSING_EPISODE, 15),
          option(Form.Concern.VAPE_SUPPLY_TO_MINORS, 10));

  private SafeguardingConcerns() {}

  static Form.Safeguarding school(Draft d) {
    return write(d, SCHOOL.draw(d.random), Summaries.Voice.SCHOOL, 7, 11);
  }

  static Form.Safeguarding youthMentor(Draft d) {
    return write(d, YOUTH.draw(d.random), Summaries.Voice.YOUTH_MENTOR, 8, 12);
  }

  private static Form.Safeguarding write(
      Draft d, Form.Concern concern, Summaries.Voice voice, int lowestYear, int highestYear) {
    String district = d.homeDistrict();
    boolean aboutLine = concern != Form.Concern.VAPE_SUPPLY_TO_MINORS || d.chance(0.2);
    Optional<DealLine> line = aboutLine ? Optional.of(d.lineIn(district)) : Optional.empty();
    double time = line.map(d::timeOf).orElseGet(() -> d.timeline.anyTime(d.random));
    var day = d.timeline.day(time);
    Spot spot = d.world.places().spot(district, d.random);
    d.placeSlots(spot);
    line.ifPresent(d::lineSlots);
    line.ifPresent(l -> d.slot("elsewhere", elsewhere(d, l, spot)));
    d.slotUnlessFilled("elsewhere", "Birmingham");

    Optional<YoungPerson> named =
        d.chance(voice == Summaries.Voice.SCHOOL ? 0.15 : 0.2)
            ? d.youngPersonIn(district, line)
            : Optional.empty();
    int yearGroup =
        named
            .map(p -> p.yearGroupOn(day, d.timeline.asOf()))
            .orElseGet(() -> lowestYear + d.random.nextInt(highestYear - lowestYear + 1));
    d.slot("year", "Year " + yearGroup);

    line.ifPresent(l -> identifiers(d, concern, l, time));
    if (concern == Form.Concern.GROOMING_TACTIC) {
      d.mentionIf(0.3, d.any(d.world.recruitmentHandles()));
    }
    d.noise(0.05);
    d.slotUnlessFilled("car", "dark car");
    d.slotUnlessFilled("platform", "Snapchat");

    var where =
        d.where(
            spot,
            Weighted.of(
                    option(Draft.WhereStyle.DISTRICT, 40),
                    option(Draft.WhereStyle.DISTRICT_AND_WARD, 40),
                    option(Draft.WhereStyle.OUTWARD_CODE, 20))
                .draw(d.random),
            false);
    Precision precision =
        voice == Summaries.Voice.SCHOOL
            ? (d.chance(0.6) ? Precision.DAY : Precision.WEEK)
            : Weighted.of(
                    option(Precision.DAY, 40),
                    option(Precision.WEEK, 50),
                    option(Precision.MONTH, 10))
                .draw(d.random);
    return new Form.Safeguarding(
        d.reference,
        d.timeline.when(time, precision, d.random),
        where,
        Indicators.draw(concern.category(), required(d, concern), d.random),
        d.summary(voice, concern.name(), concern.category()),
        Markings.draw(d.submitter, district, false, d.random),
        concern,
        new Form.YoungPerson(yearGroup, named.map(YoungPerson::name)),
        d.identifiers());
  }

  /** Where a child is sent: the line's home, or another town it sells in. */
  private static String elsewhere(Draft d, DealLine line, Spot home) {
    if (d.chance(0.6)) {
      return line.originTown();
    }
    String other = d.any(line.targetDistricts());
    String town = d.world.places().spot(other, d.random).town();
    return town.equals(home.town()) ? line.originTown() : town;
  }

  private static void identifiers(Draft d, Form.Concern concern, DealLine line, double time) {
    switch (concern) {
      case GROOMING_TACTIC -> {
        d.mentionIf(0.4, d.any(line.handles()));
        d.mentionIf(0.1, d.any(line.vehicles()));
      }
      case EXPLOITATION_CONCERN -> {
        d.mentionIf(0.25, line.numberAt(time));
        d.mentionIf(0.2, d.any(line.handles()));
        d.mentionIf(0.15, d.any(line.vehicles()));
        d.mentionIf(0.1, line.runnerPhone());
      }
      case MISSING_EPISODE -> {
        d.mentionIf(0.15, line.numberAt(time));
        d.mentionIf(0.1, line.runnerPhone());
      }
      case VAPE_SUPPLY_TO_MINORS -> d.mentionIf(0.1, d.any(line.handles()));
    }
  }

  private static List<Indicator> required(Draft d, Form.Concern concern) {
    return concern == Form.Concern.GROOMING_TACTIC && d.chance(0.4)
        ? List.of(Indicator.FREE_OR_CHEAP_VAPES)
        : List.of();
  }
}
