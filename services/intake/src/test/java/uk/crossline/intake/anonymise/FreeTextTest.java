package uk.crossline.intake.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTest {

  @Test
  void invisibleAndBidiCharactersAreRemoved() {
    assertThat(FreeText.clean("Seen\u200B at the \u202Egnp.exe\u202C shop\u2066 \uFEFFtoday"))
        .isEqualTo("Seen at the gnp.exe shop today");
  }

  @Test
  void controlCharactersGoButLineBreaksAndTabsStay() {
    assertThat(FreeText.clean("a\u001B[31mb\u0007c\u0000d\r\ne\rf\tg"))
        .isEqualTo("a[31mbcd\ne\nf\tg");
  }

  @Test
  void unpairedSurrogatesBecomeTheReplacementCharacter() {
    assertThat(FreeText.clean("a \uD83D b \uDE00 c \uD83D\uDE00"))
        .isEqualTo("a \uFFFD b \uFFFD c \uD83D\uDE00");
  }

  @Test
  void fullWidthDigitsAreDigits() {
    assertThat(FreeText.clean("\uFF10\uFF17\uFF17\uFF10\uFF10")).isEqualTo("07700");
  }

  @Test
  void digitsOfEveryScriptAreWrittenAsAsciiDigits() {
    // Arabic-Indic, Bengali, Devanagari and mathematical bold (a surrogate pair each) digits
    assertThat(FreeText.clean("\u0660\u0667 \u09E7\u09E8 \u0966\u096F \uD835\uDFCE\uD835\uDFD7"))
        .isEqualTo("07 12 09 09");
  }

  @Test
  void markupFormulasAndQuerySyntaxAreKeptAsWritten() {
    String text = "<script>x</script> =HYPERLINK(\"a\") *:* ../../etc/passwd";
    assertThat(FreeText.clean(text)).isEqualTo(text);
  }
}
