package uk.crossline.model.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.crossline.model.vocabulary.IdentifierType.EMAIL;
import static uk.crossline.model.vocabulary.IdentifierType.PHONE;
import static uk.crossline.model.vocabulary.IdentifierType.SOCIAL_MEDIA;
import static uk.crossline.model.vocabulary.IdentifierType.VEHICLE;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.crossline.model.vocabulary.IdentifierType;

class NormaliserTest {

  @Nested
  class Phone {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "07700 900123",
          "07700-900-123",
          "07700.900.123",
          "07700900123",
          "(07700) 900123",
          "+44 7700 900123",
          "+44 (0)7700 900123",
          "+44(0)7700900123",
          "+44 07700 900123",
          "+447700900123",
          "0044 7700 900123",
          "0044 (0)7700 900123",
          "447700900123",
          "  07700 900123\t",
          "07700\u00A0900123"
        })
    void ukMobileInEveryUsualFormIsE164(String raw) {
      assertThat(Normaliser.normalise(PHONE, raw)).isEqualTo("+447700900123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(01527) 123456", "01527 123456", "+44 1527 123456", "01527-123456"})
    void ukLandlineIsE164(String raw) {
      assertThat(Normaliser.normalise(PHONE, raw)).isEqualTo("+441527123456");
    }

    @Test
    void londonNumberWrittenInThreeGroupsIsE164() {
      assertThat(Normaliser.normalise(PHONE, "020 7946 0000")).isEqualTo("+442079460000");
    }

    @Test
    void legacyNineDigitGeographicNumberIsAccepted() {
      assertThat(Normaliser.normalise(PHONE, "(01527) 12345")).isEqualTo("+44152712345");
      assertThat(Normaliser.normalise(PHONE, "+44 1527 12345")).isEqualTo("+44152712345");
    }

    @ParameterizedTest
    @CsvSource({
      "'+33 6 12 34 56 78', +33612345678",
      "'0033 6 12 34 56 78', +33612345678",
      "'+1 (212) 555-0123', +12125550123",
      "'+49 (0)30 1234567', +49301234567",
      "'+353 87 123 4567', +353871234567"
    })
    void internationalNumberKeepsItsCountryCode(String raw, String expected) {
      assertThat(Normaliser.normalise(PHONE, raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "07700 900123 ext 12",
          "07700 900123 x12",
          "O77OO 9OO123",
          "call me",
          "0770 090 012",
          "077009001234",
          "0770090012",
          "07700 9001",
          "7700900123",
          "2125550123",
          "+44 7700 90012",
          "+44 7700 9001234",
          "+1234567",
          "+1234567890123456",
          "+0 7700 900123",
          "+",
          "00",
          "07700+900123",
          "07700/900123",
          "07700 900123 #2",
          "441234567",
          "(0)7700 900123 and more text than any phone number has"
        })
    void notAPhoneNumberIsRejected(String raw) {
      assertThatThrownBy(() -> Normaliser.normalise(PHONE, raw))
          .isInstanceOf(InvalidIdentifierException.class)
          .satisfies(e -> assertThat(((InvalidIdentifierException) e).type()).isEqualTo(PHONE));
    }

    @Test
    void extensionIsRejectedNotSilentlyDropped() {
      assertThatThrownBy(() -> Normaliser.normalise(PHONE, "01527 123456 ext. 204"))
          .isInstanceOf(InvalidIdentifierException.class)
          .hasMessageContaining("extension");
    }

    @Test
    void nineDigitNumberOutsideGeographicRangeIsRejected() {
      assertThatThrownBy(() -> Normaliser.normalise(PHONE, "07700 90012"))
          .isInstanceOf(InvalidIdentifierException.class)
          .hasMessageContaining("a UK number has 10");
    }
  }

  @Nested
  class Vehicle {

    @ParameterizedTest
    @ValueSource(strings = {"AB12 CDE", "ab12cde", " Ab12-cde ", "AB 12 CDE", "ab12\u00A0cde"})
    void registrationIsUpperCaseWithoutSpacesOrHyphens(String raw) {
      assertThat(Normaliser.normalise(VEHICLE, raw)).isEqualTo("AB12CDE");
    }

    @Test
    void olderAndCherishedPlatesAreKept() {
      assertThat(Normaliser.normalise(VEHICLE, "a123 bcd")).isEqualTo("A123BCD");
      assertThat(Normaliser.normalise(VEHICLE, "1 A")).isEqualTo("1A");
      assertThat(Normaliser.normalise(VEHICLE, "abc 123d")).isEqualTo("ABC123D");
    }

    @Test
    void lookAlikeLettersAndDigitsAreNotGuessed() {
      assertThat(Normaliser.normalise(VEHICLE, "AB12 CD0"))
          .isNotEqualTo(Normaliser.normalise(VEHICLE, "AB12 CDO"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"A", "ABCDE12345", "AB12.CDE", "AB12_CDE", "ÅB12CDE", "stra\u00DFe", "--"})
    void notARegistrationIsRejected(String raw) {
      assertThatThrownBy(() -> Normaliser.normalise(VEHICLE, raw))
          .isInstanceOf(InvalidIdentifierException.class)
          .satisfies(e -> assertThat(((InvalidIdentifierException) e).type()).isEqualTo(VEHICLE));
    }
  }

  @Nested
  class SocialMedia {

    @ParameterizedTest
    @CsvSource({
      "@Dave_99, dave_99",
      "Dave_99, dave_99",
      "'  @dave_99  ', dave_99",
      "Snapchat:@Dave_99, snapchat:dave_99",
      "'snapchat : @Dave_99', snapchat:dave_99",
      "TikTok:dave.99, tiktok:dave.99",
      "@@dave, @dave"
    })
    void handleIsLowerCaseWithoutItsAt(String raw, String expected) {
      assertThat(Normaliser.normalise(SOCIAL_MEDIA, raw)).isEqualTo(expected);
    }

    @Test
    void fullWidthLettersFoldToTheirPlainForm() {
      assertThat(Normaliser.normalise(SOCIAL_MEDIA, "＠Ｄａｖｅ_99")).isEqualTo("dave_99");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "@",
          "dave 99",
          "snapchat:",
          "snapchat:@",
          "snap chat:dave",
          ":dave",
          "https://instagram.com/dave",
          "snapchat:dave:99"
        })
    void notAHandleIsRejected(String raw) {
      assertThatThrownBy(() -> Normaliser.normalise(SOCIAL_MEDIA, raw))
          .isInstanceOf(InvalidIdentifierException.class);
    }
  }

  @Nested
  class Email {

    @Test
    void emailIsTrimmedAndLowerCase() {
      assertThat(Normaliser.normalise(EMAIL, "  Dave.Smith@Example.ORG "))
          .isEqualTo("dave.smith@example.org");
    }

    @Test
    void providerTricksAreLeftAlone() {
      assertThat(Normaliser.normalise(EMAIL, "dave.smith+x@gmail.com"))
          .isEqualTo("dave.smith+x@gmail.com");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "dave",
          "@example.org",
          "dave@",
          "dave@example",
          "dave@@example.org",
          "dave@smith@example.org",
          "dave smith@example.org",
          "dave@.example.org",
          "dave@example.org.",
          "dave@example..org"
        })
    void notAnEmailIsRejected(String raw) {
      assertThatThrownBy(() -> Normaliser.normalise(EMAIL, raw))
          .isInstanceOf(InvalidIdentifierException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(IdentifierType.class)
  void blankOrMissingValueIsRejectedForEveryType(IdentifierType type) {
    assertThatThrownBy(() -> Normaliser.normalise(type, "   "))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessage(type + " identifier is blank");
    assertThatThrownBy(() -> Normaliser.normalise(type, null))
        .isInstanceOf(InvalidIdentifierException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "PHONE, 07700 900123 ext 12",
    "PHONE, 07700 9001",
    "PHONE, 07700 900123 / 07700 900124",
    "PHONE, 9001234567",
    "VEHICLE, AB12 CDE FGH",
    "VEHICLE, AB12_CDE",
    "SOCIAL_MEDIA, dave smith 99",
    "SOCIAL_MEDIA, https://instagram.com/davesmith99",
    "EMAIL, dave.smith99",
    "EMAIL, dave.smith99@localhost"
  })
  void exceptionNeverContainsTheRawIdentifier(IdentifierType type, String raw) {
    assertThatThrownBy(() -> Normaliser.normalise(type, raw))
        .isInstanceOf(InvalidIdentifierException.class)
        .satisfies(
            e -> {
              String message = e.getMessage();
              assertThat(message).doesNotContain(raw).doesNotContain(raw.strip());
              for (String piece : raw.split("[\\s@./:_]+")) {
                if (piece.length() >= 4) {
                  assertThat(message).doesNotContainIgnoringCase(piece);
                }
              }
              assertThat(e.toString()).doesNotContain(raw);
            });
  }

  @Test
  void personNameAgreesAcrossSpacingCaseAndPunctuation() {
    assertThat(Normaliser.personName("  DAVE   Smith ")).isEqualTo("dave smith");
    assertThat(Normaliser.personName("Dave\tSMITH")).isEqualTo("dave smith");
    assertThat(Normaliser.personName("Mary-Jane O’Neill")).isEqualTo("mary-jane o'neill");
    assertThat(Normaliser.personName("J.Smith")).isEqualTo("j smith");
    assertThat(Normaliser.personName("Dave 'Tiny' Smith")).isEqualTo("dave tiny smith");
    assertThat(Normaliser.personName("Ｄａｖｅ Smith")).isEqualTo("dave smith");
  }

  @Test
  void personNameKeepsWordOrderAndAccents() {
    assertThat(Normaliser.personName("Smith Dave")).isEqualTo("smith dave");
    assertThat(Normaliser.personName("Zoë Brontë")).isEqualTo("zoë brontë");
    assertThat(Normaliser.personName("Zoe\u0308")).isEqualTo("zoë");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "123", "--- '"})
  void personNameWithoutLettersIsRejected(String raw) {
    assertThatThrownBy(() -> Normaliser.personName(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a person's name must contain letters");
  }

  @Nested
  class DisguisedValues {

    @ParameterizedTest
    @CsvSource({
      "PHONE, 07700\u200B900123",
      "PHONE, \u202E07700 900123",
      "PHONE, \uFEFF07700 900123",
      "PHONE, 07700\u00AD900123",
      "VEHICLE, AB12\u200BCDE",
      "SOCIAL_MEDIA, snapchat:dave\u200B_99",
      "SOCIAL_MEDIA, snapchat:\u202E99_evad",
      "EMAIL, dave\u200D99@example.org",
      "EMAIL, dave99@example.org\u2066",
      "PHONE, 07700\\uFFFD900123"
    })
    void invisibleCharactersAreRefusedNotDropped(IdentifierType type, String escaped) {
      assertThatThrownBy(() -> Normaliser.normalise(type, unescape(escaped)))
          .isInstanceOf(InvalidIdentifierException.class)
          .hasMessageContaining("invisible");
    }

    @ParameterizedTest
    @CsvSource({
      "SOCIAL_MEDIA, snapchat:d\u0430ve_99",
      "SOCIAL_MEDIA, r\u03BFnnie_x",
      "EMAIL, d\u0430ve99@example.org",
      "EMAIL, dave99@\u0435xample.org"
    })
    void lookAlikeLettersOfAnotherScriptAreRefused(IdentifierType type, String escaped) {
      assertThatThrownBy(() -> Normaliser.normalise(type, unescape(escaped)))
          .isInstanceOf(InvalidIdentifierException.class)
          .hasMessageContaining("alphabets");
    }

    @Test
    void aValueWhollyInOneOtherScriptIsKept() {
      assertThat(Normaliser.normalise(SOCIAL_MEDIA, "vk:\u0434\u0438\u043C\u0430_99"))
          .isEqualTo("vk:\u0434\u0438\u043C\u0430_99");
      assertThat(Normaliser.normalise(EMAIL, "\u0434\u0438\u043C\u0430@example.org"))
          .isEqualTo("\u0434\u0438\u043C\u0430@example.org");
    }

    @Test
    void fullWidthHandlesAndEmailsAreTheSameAsTheirAsciiSpelling() {
      assertThat(Normaliser.normalise(SOCIAL_MEDIA, "snapchat:\uFF44\uFF41\uFF56\uFF45_99"))
          .isEqualTo(Normaliser.normalise(SOCIAL_MEDIA, "snapchat:dave_99"));
      assertThat(Normaliser.normalise(EMAIL, "\uFF44\uFF41\uFF56\uFF45@example.org"))
          .isEqualTo("dave@example.org");
    }

    @Test
    void fullWidthDigitsAreNotAPhoneNumber() {
      assertThatThrownBy(
              () ->
                  Normaliser.normalise(
                      PHONE, "\uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF11\uFF12\uFF13"))
          .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void aZeroWidthCharacterInANameDoesNotSplitIt() {
      assertThat(Normaliser.personName("Da\u200Bve Sm\u2060ith")).isEqualTo("dave smith");
    }

    private static String unescape(String escaped) {
      var out = new StringBuilder();
      for (int i = 0; i < escaped.length(); i++) {
        if (escaped.startsWith("\\u", i)) {
          out.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
          i += 5;
        } else {
          out.append(escaped.charAt(i));
        }
      }
      return out.toString();
    }
  }
}
