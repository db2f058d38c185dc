package uk.crossline.intake.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.crossline.kit.problem.ProblemException;
import uk.crossline.model.event.Marking;
import uk.crossline.model.event.ObservedAt;
import uk.crossline.model.event.SharingScope;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.model.location.LocationGeneraliser;
import uk.crossline.model.pseudonymisation.KeyRing;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.pseudonymisation.Redactor;
import uk.crossline.model.vocabulary.AgeBand;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.IdentifierType;
import uk.crossline.model.vocabulary.SubjectRole;
import uk.crossline.model.vocabulary.Tlp;

class AnonymiserTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  private final Anonymiser anonymiser =
      new Anonymiser(
          new Pseudonymiser(KeyRing.demo()),
          Redactor.standard(),
          new LocationGeneraliser(Gazetteer.bundled()),
          CLOCK);

  @Test
  void namedPersonBecomesATokenAndAnAgeBand() {
    var report =
        anonymiser.anonymise(
            observation(
                List.of(
                    new Observation.Person(
                        SubjectRole.YOUNG_PERSON,
                        Optional.of("Casey Fictional"),
                        Optional.of(LocalDate.parse("2011-06-01")),
                        Optional.empty())),
                List.of(),
                "Casey Fictional was seen with older males."));

    assertThat(report.subjects())
        .singleElement()
        .satisfies(
            subject -> {
              assertThat(subject.ageBand()).isEqualTo(AgeBand.AGE_14_TO_15);
              assertThat(subject.token()).isPresent();
            });
    assertThat(report.summary()).isEqualTo("[name] [name] was seen with older males.");
  }

  @Test
  void aNameDisguisedWithInvisibleCharactersIsStillRedactedFromTheText() {
    var report =
        anonymiser.anonymise(
            observation(
                List.of(
                    new Observation.Person(
                        SubjectRole.YOUNG_PERSON,
                        Optional.of("Ca\u200Bsey Fic\u2060tional"),
                        Optional.empty(),
                        Optional.empty())),
                List.of(),
                "Casey Fic\u200Btional was seen at the \u202Estation."));

    assertThat(report.summary()).isEqualTo("[name] [name] was seen at the station.");
  }

  @Test
  void aPhoneNumberInAnotherScriptsDigitsIsStillRedactedFromTheText() {
    // 07700 900123 in Arabic-Indic digits, as pasted from a message
    var report =
        anonymiser.anonymise(
            observation(
                List.of(),
                List.of(),
                "Called from \u0660\u0667\u0667\u0660\u0660 \u0669\u0660\u0660\u0661\u0662\u0663"
                    + " about a pick-up."));

    assertThat(report.summary()).isEqualTo("Called from [phone] about a pick-up.");
  }

  @Test
  void ageBandThatDisagreesWithTheDateOfBirthIsRefused() {
    assertThatThrownBy(
            () ->
                anonymiser.anonymise(
                    observation(
                        List.of(
                            new Observation.Person(
                                SubjectRole.YOUNG_PERSON,
                                Optional.empty(),
                                Optional.of(LocalDate.parse("2011-06-01")),
                                Optional.of(AgeBand.AGE_18_TO_24))),
                        List.of(),
                        "text")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors()).extracting("field").containsExactly("subjects[0].ageBand"));
  }

  @Test
  void reportAboutAPersonKeepsOnlyTheOutwardCode() {
    var report =
        anonymiser.anonymise(
            observation(
                List.of(
                    new Observation.Person(
                        SubjectRole.VULNERABLE_ADULT,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())),
                List.of(),
                "text"));

    assertThat(report.location().outwardPostcode()).contains("B97");
    assertThat(report.location().postcodeSector()).isEmpty();
  }

  @Test
  void reportAboutAPlaceAloneKeepsTheSector() {
    var report = anonymiser.anonymise(observation(List.of(), List.of(), "Youths gathering."));

    assertThat(report.location().postcodeSector()).contains("B97 4");
  }

  @Test
  void invalidIdentifiersAreAllNamedWithoutTheirValues() {
    assertThatThrownBy(
            () ->
                anonymiser.anonymise(
                    observation(
                        List.of(),
                        List.of(
                            new Observation.Identifier(IdentifierType.PHONE, "12345", false),
                            new Observation.Identifier(IdentifierType.EMAIL, "no-at-sign", false),
                            new Observation.Identifier(IdentifierType.VEHICLE, "AB12CDE", true)),
                        "text")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.errors())
                  .extracting("field")
                  .containsExactly(
                      "identifiers[0].value", "identifiers[1].value", "identifiers[2].dealLine");
              assertThat(e.errors().toString()).doesNotContain("12345", "no-at-sign");
            });
  }

  @Test
  void sameIdentifierTwiceInOneReportIsKeptOnce() {
    var report =
        anonymiser.anonymise(
            observation(
                List.of(),
                List.of(
                    new Observation.Identifier(IdentifierType.PHONE, "07700 900123", false),
                    new Observation.Identifier(IdentifierType.PHONE, "+447700900123", false)),
                "text"));

    assertThat(report.identifiers()).hasSize(1);
  }

  @Test
  void socialMediaHandlesNamedInTheFormAreRedactedFromTheText() {
    var report =
        anonymiser.anonymise(
            observation(
                List.of(),
                List.of(
                    new Observation.Identifier(
                        IdentifierType.SOCIAL_MEDIA, "snapchat:@fake_recruiter", false)),
                "Messages came from fake_recruiter offering work."));

    assertThat(report.summary()).doesNotContain("fake_recruiter");
  }

  private static Observation observation(
      List<Observation.Person> people, List<Observation.Identifier> identifiers, String summary) {
    return new Observation(
        "REF-1",
        new ObservedAt(Instant.parse("2026-11-20T12:00:00Z"), ObservedAt.Precision.EXACT),
        Category.ANTI_SOCIAL_BEHAVIOUR,
        Set.of(),
        summary,
        new Observation.Place(
            Optional.of("B97 4AB"), Optional.empty(), Optional.empty(), Optional.empty()),
        Optional.empty(),
        people,
        identifiers,
        Optional.empty(),
        Marking.official(Tlp.GREEN),
        SharingScope.none());
  }
}
