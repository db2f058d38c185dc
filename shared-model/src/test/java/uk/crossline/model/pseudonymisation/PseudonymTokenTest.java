package uk.crossline.model.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PseudonymTokenTest {

  private static final String HMAC = "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  @Test
  void wellFormedTokenParsesAndReadsBackItsKeyVersion() {
    var token = PseudonymToken.parse("k12." + HMAC);

    assertThat(token.keyVersion()).isEqualTo(12);
    assertThat(token.value()).isEqualTo("k12." + HMAC);
    assertThat(token).hasToString("k12." + HMAC).isEqualTo(PseudonymToken.parse("k12." + HMAC));
  }

  @Test
  void tokenMadeFromAnHmacHasTheDocumentedForm() {
    byte[] hmac = new byte[32];
    Arrays.fill(hmac, (byte) 0xFF);

    var token = PseudonymToken.of(3, hmac);

    assertThat(token.value()).isEqualTo("k3.__________________________________________8");
    assertThat(token.keyVersion()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "k1",
        "k1.",
        "1.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "k0.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "k01.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "K1.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "k1.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "k1.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "k1.3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "k1.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "k1.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB",
        "k1234567890.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        " k1.3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void malformedTokenIsRejected(String text) {
    assertThatThrownBy(() -> PseudonymToken.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a pseudonym token");
  }

  @Test
  void tokenIsWrittenToJsonAsItsPlainValue() {
    var mapper = JsonMapper.builder().build();
    var token = PseudonymToken.parse("k2." + HMAC);

    String json = mapper.writeValueAsString(token);

    assertThat(json).isEqualTo("\"k2." + HMAC + "\"");
    assertThat(mapper.readValue(json, PseudonymToken.class)).isEqualTo(token);
  }

  @Test
  void missingTokenIsRefused() {
    assertThatThrownBy(() -> PseudonymToken.parse(null)).isInstanceOf(NullPointerException.class);
  }
}
