package uk.crossline.model.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.crossline.model.vocabulary.IdentifierType;

class RedactorTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
  private static final Redactor REDACTOR = Redactor.standard();

  /** A Redditch corner shop that sold vapes to a child, and the child. */
  private static final RedactionContext SHOP_AND_CHILD =
      RedactionContext.of(
          List.of("Dave Smith"),
          List.of("Costcutter", "12 High Street, Redditch", "B97 4AB"),
          TODAY);

  private static String redact(String text) {
    return REDACTOR.redact(text, RedactionContext.none(TODAY));
  }

  private static String redact(String text, RedactionContext context) {
    return REDACTOR.redact(text, context);
  }

  private static RedactionContext naming(String... names) {
    return RedactionContext.of(List.of(names), List.of(), TODAY);
  }

  @Nested
  class PhoneNumbers {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "07700 900123",
          "07700-900-123",
          "07700.900.123",
          "07700900123",
          "(01527) 123456",
          "01527 123456",
          "0121 496 0000",
          "+44 7700 900123",
          "+44 (0)7700 900123",
          "+447700900123",
          "0044 7700 900123",
          "447700900123",
          "+33 6 12 34 56 78"
        })
    void phoneNumberInItsUsualWrittenFormIsRedacted(String number) {
      assertThat(redact("Deal line " + number + ", rang after school."))
          .isEqualTo("Deal line [phone], rang after school.");
    }

    @Test
    void numberFollowingAPhoneNumberIsNotSwallowed() {
      assertThat(redact("Rang 07700 900123 3 times")).isEqualTo("Rang [phone] 3 times");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "3 boys aged 14 were given £20 and vapes",
          "Year 9 pupil seen at 14:30 near the station",
          "Missing for 48 hours, 2 phones found",
          "Ref 12345678901 on the crime report",
          "Counted 0770 of them",
          "Bus 144 at 07:45"
        })
    void ordinaryNumbersAreNotRedacted(String text) {
      assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void dateFollowedByATimeIsNotTakenForAPhoneNumber() {
      assertThat(redact("Seen 01.02.2024 12:30 and 01-02-2024 12 times"))
          .isEqualTo("Seen 01.02.2024 12:30 and 01-02-2024 12 times");
    }
  }

  @Nested
  class Emails {

    @Test
    void emailAddressIsRedactedAndSentenceEndKept() {
      assertThat(redact("Messages came from dave.smith99@example.co.uk."))
          .isEqualTo("Messages came from [email].");
    }

    @Test
    void atSignWithoutAnAddressIsKept() {
      assertThat(redact("Meet @ the park, 2 @ £10")).isEqualTo("Meet @ the park, 2 @ £10");
    }

    @Test
    void nameInsideAnEmailIsRedactedAsTheEmail() {
      assertThat(redact("Wrote to dave.smith@example.org", naming("Dave Smith")))
          .isEqualTo("Wrote to [email]");
    }
  }

  @Nested
  class Handles {

    @Test
    void socialMediaHandleIsRedacted() {
      assertThat(redact("Recruited by @dave_99 on Snapchat."))
          .isEqualTo("Recruited by [handle] on Snapchat.");
    }

    @Test
    void atSignBeforeATimeIsKept() {
      assertThat(redact("Meet @14:30")).isEqualTo("Meet @14:30");
    }
  }

  @Nested
  class VehicleRegistrations {

    @ParameterizedTest
    @ValueSource(strings = {"AB12 CDE", "AB12CDE", "ab12 cde", "A123 BCD", "A1 BCD", "ABC 123D"})
    void registrationIsRedacted(String plate) {
      assertThat(redact("Dropped off from a silver Golf " + plate + " outside school"))
          .isEqualTo("Dropped off from a silver Golf [vehicle] outside school");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Seen in B97 and B98 on the A448",
          "SEEN IN B97 AND B98, DY10 THE SAME DAY",
          "M5 junction 4 then the A38 CAR PARK",
          "Y10 BOY and Y9 GIRL",
          "BUS 144A to town",
          "Outward postcode DY10 only",
          "A bag of 10 and a white van"
        })
    void roadsOutwardPostcodesAndOrdinaryWordsAreNotRedacted(String text) {
      assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void olderFormatsInLowerCaseAreNotGuessed() {
      assertThat(redact("on the m5 and m42 sat nav")).isEqualTo("on the m5 and m42 sat nav");
    }
  }

  @Nested
  class GivenIdentifiers {

    private RedactionContext giving(IdentifierType type, String value) {
      return new RedactionContext(Set.of(), Set.of(), TODAY, Map.of(type, Set.of(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CV21 QZT", "cv21qzt", "Cv21  Qzt"})
    void registrationGivenAsAnIdentifierIsRedactedInAnySpacingThoughNoPatternKnowsIt(String text) {
      // Q is not among the DVLA's letters, so only the report's own identifier finds it.
      assertThat(redact("Seen in " + text + " outside the shop."))
          .isEqualTo("Seen in " + text + " outside the shop.");
      assertThat(
              redact(
                  "Seen in " + text + " outside the shop.",
                  giving(IdentifierType.VEHICLE, "CV21 QZT")))
          .isEqualTo("Seen in [vehicle] outside the shop.");
    }

    @Test
    void foreignNumberGivenAsAnIdentifierIsRedactedAsAPhone() {
      assertThat(
              redact("Rang from 06-1234-5678 twice.", giving(IdentifierType.PHONE, "06-1234-5678")))
          .isEqualTo("Rang from [phone] twice.");
    }

    @Test
    void givenIdentifierDoesNotRedactAWordItIsOnlyPartOf() {
      assertThat(redact("Code AB123 and AB1234.", giving(IdentifierType.VEHICLE, "AB123")))
          .isEqualTo("Code [vehicle] and AB1234.");
    }

    @Test
    void contextNeverPrintsTheIdentifiers() {
      assertThat(giving(IdentifierType.VEHICLE, "CV21 QZT").toString())
          .doesNotContain("CV21")
          .contains("identifiers=1");
    }
  }

  @Nested
  class Postcodes {

    @ParameterizedTest
    @ValueSource(strings = {"B97 4AB", "DY10 1AA", "WR1 2AB", "B974AB", "dy10 1aa", "EC1A 1BB"})
    void fullPostcodeIsRedacted(String postcode) {
      assertThat(redact("Child lives at " + postcode + ", with an aunt"))
          .isEqualTo("Child lives at [postcode], with an aunt");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Reports from B97 and DY10 this month",
          "The B97 4 sector is busy",
          "Coming off the m5 4th exit",
          "Meet at 5pm, B4 5PM"
        })
    void outwardPostcodeAloneIsNotRedacted(String text) {
      assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void shopsOwnAddressIsKeptAndAPersonsPostcodeRedactedInTheSameText() {
      String text =
          "Costcutter, 12 High Street, Redditch B97 4AB sold vapes to Dave Smith,"
              + " who lives at B98 7XY. Costcutter (b974ab) refused entry later.";

      assertThat(redact(text, SHOP_AND_CHILD))
          .isEqualTo(
              "Costcutter, 12 High Street, Redditch B97 4AB sold vapes to [name] [name],"
                  + " who lives at [postcode]. Costcutter (b974ab) refused entry later.");
    }

    @Test
    void postcodeInsideAKeptAddressIsKeptWhereverItAppears() {
      var context =
          RedactionContext.of(Set.of(), Set.of("Unit 3, Church Green, Redditch B97 4AB"), TODAY);

      assertThat(redact("Premises at B97 4AB; boy from B97 4AD", context))
          .isEqualTo("Premises at B97 4AB; boy from [postcode]");
    }
  }

  @Nested
  class DatesOfBirth {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "DOB 12/03/2009|DOB [date of birth]",
          "DOB: 12-03-2009|DOB: [date of birth]",
          "D.O.B. 12.03.09|D.O.B. [date of birth]",
          "born 12 March 2009|born [date of birth]",
          "born on March 12, 2009|born on [date of birth]",
          "date of birth is 2009-03-12|date of birth is [date of birth]",
          "(DOB 12/03/2021)|(DOB [date of birth])",
          "dob 12th of March 2009|dob [date of birth]",
          "DOB 12-Mar-09|DOB [date of birth]",
          "born in March 2012|born in [date of birth]",
          "born in 2012|born in [date of birth]",
          "DOB 31/02/2009|DOB [date of birth]"
        })
    void dateAfterABirthMarkerIsRedactedHoweverRecent(String text, String expected) {
      assertThat(redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/03/2009", "12.03.09", "12 March 2009", "2009-03-12", "31/05/2020"})
    void fullDateMoreThanFiveYearsAgoIsRedacted(String date) {
      assertThat(redact("Mentioned " + date + " twice"))
          .isEqualTo("Mentioned [date of birth] twice");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Seen on 12/03/2024 at 14:30",
          "Seen on 12 March 2024",
          "Seen on 2025-05-30",
          "Seen on 01/06/2020, the day it started",
          "Last seen March 2012 and in 2009",
          "Scored 3-1 in the 2019 final",
          "Bag of 12.5 grams"
        })
    void recentDatesPartialDatesAndOrdinaryNumbersAreKept(String text) {
      assertThat(redact(text)).isEqualTo(text);
    }

    @Test
    void dateOfBirthIsRedactedNextToARecentEventDate() {
      assertThat(redact("On 20/05/2025 a girl (DOB 01/09/2011) was approached"))
          .isEqualTo("On 20/05/2025 a girl (DOB [date of birth]) was approached");
    }
  }

  @Nested
  class Names {

    @Test
    void everyWordOfANameIsRedactedAsAWholeWordInAnyCase() {
      assertThat(redact("Dave Smith's brother said DAVE owes smith money", naming("Dave Smith")))
          .isEqualTo("[name] [name]'s brother said [name] owes [name] money");
    }

    @Test
    void wordContainingANameIsNotRedacted() {
      assertThat(redact("Met at Smithfield market by Davenport Road", naming("Dave Smith")))
          .isEqualTo("Met at Smithfield market by Davenport Road");
    }

    @Test
    void hyphenatedAndApostrophisedNamesAreRedactedWholeAndInPart() {
      assertThat(
              redact(
                  "Mary-Jane O’Neill, known as Jane, and O'NEILL's cousin",
                  naming("Mary-Jane O'Neill")))
          .isEqualTo("[name] [name], known as [name], and [name]'s cousin");
    }

    @Test
    void initialsTitlesAndParticlesAreNotRedactedOnTheirOwn() {
      assertThat(redact("Mr J van Dijk drove a white van", naming("Mr J van Dijk")))
          .isEqualTo("Mr J van [name] drove a white van");
    }

    @Test
    void particleThatOpensANameIsRedacted() {
      assertThat(redact("Van Nguyen got in the van", naming("Van Nguyen")))
          .isEqualTo("[name] [name] got in the [name]");
    }

    @Test
    void nicknameInQuotesIsRedacted() {
      assertThat(redact("Known as Tiny on the estate", naming("Dave \"Tiny\" Smith")))
          .isEqualTo("Known as [name] on the estate");
    }

    @Test
    void namesFromSeveralSubjectsAreAllRedacted() {
      assertThat(redact("Dave met Kyle and Chloe", naming("Dave Smith", "Kyle Jones", "Chloe")))
          .isEqualTo("[name] met [name] and [name]");
    }

    @Test
    void shopNameContainingASubjectsNameIsKept() {
      var context = RedactionContext.of(List.of("Dave Smith"), List.of("Dave's Vapes"), TODAY);

      assertThat(redact("Dave's Vapes sold to Dave", context))
          .isEqualTo("Dave's Vapes sold to [name]");
    }
  }

  @Test
  void everythingElseIsKeptExactly() {
    String text = "  Line one:\tDave (14) — “café”  vapes £5.\r\n\nLine two: 07700 900123;  ☺ end ";

    assertThat(redact(text, naming("Dave Smith")))
        .isEqualTo("  Line one:\t[name] (14) — “café”  vapes £5.\r\n\nLine two: [phone];  ☺ end ");
  }

  @Test
  void textWithNothingPersonalIsReturnedUnchanged() {
    String text = "Three boys in school uniform bought vapes at the kiosk after 15:30 on Friday.";

    assertThat(redact(text, SHOP_AND_CHILD)).isEqualTo(text);
    assertThat(redact("", SHOP_AND_CHILD)).isEmpty();
  }

  @Test
  void fullReportRedactsEveryRule() {
    String text =
        "On 20/05/2025 Dave Smith (DOB 12/03/2011) of B98 7XY was seen at Costcutter,"
            + " 12 High Street, Redditch B97 4AB, getting into AB12 CDE. He gave 07700 900123"
            + " and dave99@example.com, and is @dave_99 on Snapchat.";

    assertThat(redact(text, SHOP_AND_CHILD))
        .isEqualTo(
            "On 20/05/2025 [name] [name] (DOB [date of birth]) of [postcode] was seen at"
                + " Costcutter, 12 High Street, Redditch B97 4AB, getting into [vehicle]. He gave"
                + " [phone] and [email], and is [handle] on Snapchat.");
  }

  @Test
  void contextDoesNotPrintTheNamesItCarries() {
    assertThat(SHOP_AND_CHILD.toString()).doesNotContain("Dave").doesNotContain("Smith");
  }

  @Test
  void contextIsACopyOfWhatItWasGiven() {
    var names = new java.util.HashSet<>(Set.of("Dave Smith"));
    var context = new RedactionContext(names, Set.of(), TODAY);

    names.add("Kyle Jones");

    assertThat(context.names()).containsExactly("Dave Smith");
    assertThatThrownBy(() -> new RedactionContext(Set.of(), Set.of(), null))
        .isInstanceOf(NullPointerException.class);
  }
}
