package uk.crossline.demo.report;

import static uk.crossline.demo.world.Weighted.option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.crossline.demo.world.DealLine;
import uk.crossline.demo.world.Places;
import uk.crossline.demo.world.Shop;
import uk.crossline.demo.world.Spot;
import uk.crossline.demo.world.Weighted;
import uk.crossline.demo.world.YoungPerson;
import uk.crossline.model.event.ObservedAt.Precision;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Indicator;
import uk.crossline.model.vocabulary.SubjectRole;

/**
 * Police intelligence reports: West Mercia's about the lines in its towns, West Midlands' about the
 * same lines at their source, just over the boundary. Every category occurs; every report is
 * graded.
 */
final class PoliceReports {

  private static final Weighted<Category> WEST_MERCIA =
      Weighted.of(
          option(Category.DEAL_LINE, 22),
          option(Category.DRUG_DEALING, 18),
          option(Category.CUCKOOING, 10),
          option(Category.EXPLOITATION_CONCERN, 10),
          option(Category.MISSING_EPISODE, 8),
          option(Category.WEAPONS, 7),
          option(Category.VIOLENCE, 7),
          option(Category.GROOMING_TACTIC, 5),
          option(Category.ANTI_SOCIAL_BEHAVIOUR, 5),
          option(Category.ILLICIT_VAPES, 4),
          option(Category.VAPE_SUPPLY_TO_MINORS, 4));

  private static final Weighted<Category> WEST_MIDLANDS =
      Weighted.of(
          option(Category.DEAL_LINE, 35),
          option(Category.DRUG_DEALING, 25),
          option(Category.WEAPONS, 13),
          option(Category.VIOLENCE, 12),
          option(Category.EXPLOITATION_CONCERN, 10),
          option(Category.MISSING_EPISODE, 5));

  private static final Set<Category> ABOUT_A_LINE =
      EnumSet.of(
          Category.DEAL_LINE,
          Category.DRUG_DEALING,
          Category.CUCKOOING,
          Category.EXPLOITATION_CONCERN,
          Category.MISSING_EPISODE,
          Category.WEAPONS,
          Category.VIOLENCE,
          Category.GROOMING_TACTIC);

  private PoliceReports() {}

  static Form.Police westMercia(Draft d) {
    Category category = WEST_MERCIA.draw(d.random);
    // Now and then a line reaches past the partnership into Droitwich, which Wychavon hears of.
    String district =
        ABOUT_A_LINE.contains(category) && d.chance(0.04) ? "wychavon" : d.homeDistrict();
    Optional<Shop> shop = shopFor(d, category, district);
    Optional<DealLine> line =
        shop.flatMap(Shop::line)
            .map(d.world::line)
            .or(
                () ->
                    ABOUT_A_LINE.contains(category)
                        ? Optional.of(d.lineIn(district))
                        : Optional.empty());
    double time = line.map(d::timeOf).orElseGet(() -> d.timeline.anyTime(d.random));
    Spot spot = d.world.places().spot(district, d.random);
    d.placeSlots(spot);
    line.ifPresent(d::lineSlots);
    shop.ifPresent(d::shopSlots);
    line.ifPresent(l -> lineIdentifiers(d, category, l, time));
    shop.ifPresent(s -> shopIdentifiers(d, category));
    d.noise(0.12);
    if (category == Category.GROOMING_TACTIC) {
      d.mentionIf(0.4, d.any(d.world.recruitmentHandles()));
    }
    d.slotUnlessFilled("car", "dark hatchback");
    d.slotUnlessFilled("platform", "Snapchat");
    d.slotUnlessFilled("elsewhere", "Birmingham");
    var subjects = subjects(d, category, district, line, time);
    var where =
        shop.map(d::whereShop).orElseGet(() -> d.where(spot, policeWhere(d), d.chance(0.3)));
    return new Form.Police(
        d.reference,
        d.timeline.when(time, d.chance(0.7) ? Precision.EXACT : Precision.DAY, d.random),
        where,
        Indicators.draw(category, required(category, subjects), d.random),
        d.summary(Summaries.Voice.POLICE, category.name(), category),
        Markings.draw(d.submitter, district, shop.isPresent(), d.random),
        category,
        Gradings.police(d.random),
        subjects,
        d.identifiers(),
        shop.map(s -> d.premises(s, false)));
  }

  static Form.Police westMidlands(Draft d) {
    Category category = WEST_MIDLANDS.draw(d.random);
    DealLine line = d.any(d.world.lines());
    String district = d.any(line.sourceDistricts());
    double time = d.timeOf(line);
    String target = d.any(line.targetDistricts());
    Spot spot = d.world.places().spot(district, d.random);
    Spot targetSpot =
        d.chance(0.75)
            ? d.world.places().spot(target, Places.mainTown(target), d.random)
            : d.world.places().spot(target, d.random);
    d.placeSlots(spot);
    d.lineSlots(line);
    d.slot("target", targetSpot.town());
    lineIdentifiers(d, category, line, time);
    d.noise(0.1);
    d.slotUnlessFilled("car", "dark saloon");
    var subjects = subjects(d, category, target, Optional.of(line), time);
    return new Form.Police(
        d.reference,
        d.timeline.when(time, d.chance(0.75) ? Precision.EXACT : Precision.DAY, d.random),
        d.where(
            spot,
            d.chance(0.6) ? Draft.WhereStyle.FULL_POSTCODE : Draft.WhereStyle.OUTWARD_CODE,
            d.chance(0.3)),
        Indicators.draw(category, required(category, subjects), d.random),
        d.summary(Summaries.Voice.NEIGHBOURING_FORCE, category.name(), category),
        Markings.draw(d.submitter, district, false, d.random),
        category,
        Gradings.police(d.random),
        subjects,
        d.identifiers(),
        Optional.empty());
  }

  private static Draft.WhereStyle policeWhere(Draft d) {
    return Weighted.of(
            option(Draft.WhereStyle.FULL_POSTCODE, 45),
            option(Draft.WhereStyle.OUTWARD_CODE, 25),
            option(Draft.WhereStyle.OUTWARD_CODE_AND_WARD, 15),
            option(Draft.WhereStyle.DISTRICT_AND_WARD, 15))
        .draw(d.random);
  }

  private static Optional<Shop> shopFor(Draft d, Category category, String district) {
    return switch (category) {
      case ILLICIT_VAPES -> d.shopIn(district, Shop.Profile.ILLICIT_STOCK);
      case VAPE_SUPPLY_TO_MINORS -> d.shopIn(district, Shop.Profile.UNDER_AGE_SALES);
      case DRUG_DEALING ->
          d.chance(0.35) ? d.shopIn(district, Shop.Profile.LINE_LINKED) : Optional.empty();
      case ANTI_SOCIAL_BEHAVIOUR -> d.chance(0.4) ? d.shopIn(district) : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static void lineIdentifiers(Draft d, Category category, DealLine line, double time) {
    switch (category) {
      case DEAL_LINE -> {
        d.mention(line.numberAt(time));
        d.mentionIf(0.35, line.runnerPhone());
        d.mentionIf(0.3, d.any(line.vehicles()));
        d.mentionIf(0.1, d.any(line.handles()));
      }
      case DRUG_DEALING -> {
        d.mentionIf(0.5, line.numberAt(time));
        d.mentionIf(0.4, d.any(line.vehicles()));
        d.mentionIf(0.2, line.runnerPhone());
      }
      case CUCKOOING -> {
        d.mentionIf(0.4, line.numberAt(time));
        d.mentionIf(0.3, d.any(line.vehicles()));
      }
      case EXPLOITATION_CONCERN, MISSING_EPISODE -> {
        d.mentionIf(0.3, line.runnerPhone());
        d.mentionIf(0.25, d.any(line.handles()));
        d.mentionIf(0.2, line.numberAt(time));
      }
      case WEAPONS, VIOLENCE -> {
        d.mentionIf(0.3, d.any(line.vehicles()));
        d.mentionIf(0.3, line.numberAt(time));
      }
      case GROOMING_TACTIC -> {
        d.mentionIf(0.5, d.any(line.handles()));
        d.mentionIf(0.2, d.any(line.vehicles()));
      }
      default -> {}
    }
  }

  private static void shopIdentifiers(Draft d, Category category) {
    switch (category) {
      case ILLICIT_VAPES -> {
        d.mentionIf(0.4, d.world.supplyIdentifiers().get(2));
        d.mentionIf(0.3, d.world.supplyIdentifiers().get(0));
        d.mentionIf(0.2, d.world.supplyIdentifiers().get(1));
      }
      default -> {}
    }
  }

  private static List<Form.Subject> subjects(
      Draft d, Category category, String district, Optional<DealLine> line, double time) {
    List<Form.Subject> subjects = new ArrayList<>();
    var day = d.timeline.day(time);
    switch (category) {
      case DEAL_LINE, DRUG_DEALING -> {
        if (d.chance(0.6)) {
          subjects.add(suspect(d));
        }
        if (d.chance(0.4)) {
          subjects.add(youngPerson(d, district, line, day, 0.2));
        }
      }
      case CUCKOOING -> {
        subjects.add(
            new Form.Subject(
                SubjectRole.VULNERABLE_ADULT,
                Optional.empty(),
                d.chance(0.6) ? AgeBand.AGE_40_AND_OVER : AgeBand.AGE_25_TO_39));
        if (d.chance(0.5)) {
          subjects.add(suspect(d));
        }
      }
      case EXPLOITATION_CONCERN, MISSING_EPISODE, GROOMING_TACTIC -> {
        subjects.add(youngPerson(d, district, line, day, 0.3));
        if (d.chance(0.3)) {
          subjects.add(
              new Form.Subject(SubjectRole.ASSOCIATE, Optional.empty(), AgeBand.AGE_18_TO_24));
        }
      }
      case WEAPONS -> subjects.add(suspect(d));
      case VIOLENCE -> {
        subjects.add(youngPerson(d, district, line, day, 0.1));
        if (d.chance(0.5)) {
          subjects.add(suspect(d));
        }
      }
      case ANTI_SOCIAL_BEHAVIOUR -> {
        if (d.chance(0.5)) {
          subjects.add(
              new Form.Subject(SubjectRole.YOUNG_PERSON, Optional.empty(), AgeBand.AGE_14_TO_15));
        }
      }
      case ILLICIT_VAPES, VAPE_SUPPLY_TO_MINORS -> {
        if (d.chance(0.4)) {
          subjects.add(
              new Form.Subject(SubjectRole.PREMISES_STAFF, Optional.empty(), AgeBand.AGE_25_TO_39));
        }
      }
    }
    return subjects;
  }

  private static Form.Subject suspect(Draft d) {
    return new Form.Subject(
        SubjectRole.SUSPECT,
        Optional.empty(),
        Weighted.of(
                option(AgeBand.AGE_16_TO_17, 2),
                option(AgeBand.AGE_18_TO_24, 5),
                option(AgeBand.AGE_25_TO_39, 3))
            .draw(d.random));
  }

  /** A child, now and then one of the world's named children so reports about them link. */
  static Form.Subject youngPerson(
      Draft d, String district, Optional<DealLine> line, LocalDate day, double named) {
    if (d.chance(named)) {
      Optional<YoungPerson> person = d.youngPersonIn(district, line);
      if (person.isPresent()) {
        return new Form.Subject(
            SubjectRole.YOUNG_PERSON,
            Optional.of(person.get().name()),
            person.get().ageBandOn(day, d.timeline.asOf()));
      }
    }
    return new Form.Subject(
        SubjectRole.YOUNG_PERSON,
        Optional.empty(),
        d.chance(0.55) ? AgeBand.AGE_14_TO_15 : AgeBand.AGE_16_TO_17);
  }

  private static List<Indicator> required(Category category, List<Form.Subject> subjects) {
    return category == Category.DEAL_LINE
            && subjects.stream().anyMatch(s -> s.role() == SubjectRole.YOUNG_PERSON)
        ? List.of(Indicator.TRAVEL_OUT_OF_AREA)
        : List.of();
  }
}
