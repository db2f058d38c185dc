package uk.crossline.demo.report;

import static uk.crossline.demo.world.Weighted.option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.crossline.demo.world.DealLine;
import uk.crossline.demo.world.Shop;
import uk.crossline.demo.world.Spot;
import uk.crossline.demo.world.Weighted;
import uk.crossline.model.event.ObservedAt.Precision;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.SubjectRole;

/**
 * Community safety officers' reports from each council's own district: anti-social behaviour,
 * cuckooed flats (placed by ward, never as a premises, since a flat is someone's home), dealing,
 * and worries about young people. Residents note cars and numbers, which link to police reports.
 */
final class CouncilReports {

  private static final Weighted<Form.CouncilConcern> CONCERNS =
      Weighted.of(
          option(Form.CouncilConcern.ANTI_SOCIAL_BEHAVIOUR, 40),
          option(Form.CouncilConcern.CUCKOOING, 25),
          option(Form.CouncilConcern.DRUG_DEALING, 20),
          option(Form.CouncilConcern.EXPLOITATION_CONCERN, 15));

  private CouncilReports() {}

  static Form.Council write(Draft d) {
    Form.CouncilConcern concern = CONCERNS.draw(d.random);
    String district = d.homeDistrict();
    Optional<Shop> shop =
        switch (concern) {
          case ANTI_SOCIAL_BEHAVIOUR -> d.chance(0.35) ? d.shopIn(district) : Optional.empty();
          case DRUG_DEALING ->
              d.chance(0.3) ? d.shopIn(district, Shop.Profile.LINE_LINKED) : Optional.empty();
          default -> Optional.empty();
        };
    Optional<DealLine> line =
        shop.flatMap(Shop::line)
            .map(d.world::line)
            .or(
                () ->
                    concern == Form.CouncilConcern.ANTI_SOCIAL_BEHAVIOUR && d.chance(0.6)
                        ? Optional.empty()
                        : Optional.of(d.lineIn(district)));
    double time = line.map(d::timeOf).orElseGet(() -> d.timeline.anyTime(d.random));
    Spot spot = d.world.places().spot(district, d.random);
    d.placeSlots(spot);
    line.ifPresent(d::lineSlots);
    shop.ifPresent(d::shopSlots);
    line.ifPresent(
        l -> {
          d.mentionIf(
              concern == Form.CouncilConcern.ANTI_SOCIAL_BEHAVIOUR ? 0.15 : 0.35,
              d.any(l.vehicles()));
          d.mentionIf(
              concern == Form.CouncilConcern.ANTI_SOCIAL_BEHAVIOUR ? 0.1 : 0.3, l.numberAt(time));
        });
    d.noise(0.1);
    d.slotUnlessFilled("car", "dark car");
    d.slotUnlessFilled("origin", "Birmingham");

    List<Form.Subject> subjects = new ArrayList<>();
    switch (concern) {
      case CUCKOOING ->
          subjects.add(
              new Form.Subject(
                  SubjectRole.VULNERABLE_ADULT,
                  Optional.empty(),
                  d.chance(0.6) ? AgeBand.AGE_40_AND_OVER : AgeBand.AGE_25_TO_39));
      case EXPLOITATION_CONCERN ->
          subjects.add(
              new Form.Subject(
                  SubjectRole.YOUNG_PERSON,
                  Optional.empty(),
                  d.chance(0.5) ? AgeBand.AGE_14_TO_15 : AgeBand.AGE_16_TO_17));
      default -> {}
    }

    Draft.WhereStyle style =
        concern == Form.CouncilConcern.CUCKOOING
            ? (d.chance(0.6)
                ? Draft.WhereStyle.OUTWARD_CODE_AND_WARD
                : Draft.WhereStyle.DISTRICT_AND_WARD)
            : (d.chance(0.5)
                ? Draft.WhereStyle.FULL_POSTCODE
                : Draft.WhereStyle.OUTWARD_CODE_AND_WARD);
    return new Form.Council(
        d.reference,
        d.timeline.when(time, d.chance(0.5) ? Precision.DAY : Precision.WEEK, d.random),
        shop.map(d::whereShop).orElseGet(() -> d.where(spot, style, false)),
        Indicators.draw(concern.category(), List.of(), d.random),
        d.summary(Summaries.Voice.COUNCIL, concern.name(), concern.category()),
        Markings.draw(d.submitter, district, shop.isPresent(), d.random),
        concern,
        subjects,
        d.identifiers(),
        shop.map(s -> d.premises(s, false)));
  }
}
