package uk.crossline.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.crossline.model.AgencyId;
import uk.crossline.model.event.EventId;

/** The compact receipts give back exactly what was kept, whatever form a digest's text takes. */
class ReceiptBookTest {

  private static final AgencyId POLICE = AgencyId.of("west-mercia-police");

  private final ReceiptBook book = new ReceiptBook();
  private final Random random = new Random(7);

  @Test
  void givesBackTheReceiptsAsKeptFieldForField() {
    for (int i = 0; i < 1_000; i++) {
      Receipt receipt =
          new Receipt(
              new EventId(UUID.randomUUID().toString()),
              i % 2 == 0 ? POLICE : AgencyId.of("redditch-borough-council"),
              1 + random.nextInt(5),
              Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32)),
              i % 10 == 0 ? "" : HexFormat.of().formatHex(bytes(32)),
              i % 10 == 0);
      book.keep(receipt);
      assertThat(book.of(receipt.eventId())).contains(receipt);
    }
    assertThat(book.size()).isEqualTo(1_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "ab",
        "0F",
        "ABCDEF0123456789",
        "abc",
        "aGVsbG8",
        "aGVsbG9=",
        "aGVsbG9",
        "a-_b",
        "٣٤",
        "hash with spaces",
        "résumé",
        "00",
        "-",
        "AAAA"
      })
  void anyTextComesBackAsItWas(String text) {
    assertThat(ReceiptBook.unpack(ReceiptBook.pack(text))).isEqualTo(text);
  }

  @Test
  void theDigestsTheIntakeMakesTakeTheirBytesAndOneMore() {
    String fingerprint = HexFormat.of().formatHex(bytes(32));
    String originRefHash = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));

    assertThat(ReceiptBook.pack(fingerprint)).hasSize(33);
    assertThat(ReceiptBook.pack(originRefHash)).hasSize(33);
    assertThat(ReceiptBook.pack("hash with spaces"))
        .hasSize(1 + "hash with spaces".getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void keepsTheLaterRevisionWhicheverArrivesFirst() {
    EventId event = new EventId(UUID.randomUUID().toString());
    Receipt first = new Receipt(event, POLICE, 1, "ref", "aa", false);
    Receipt amended = new Receipt(event, POLICE, 2, "ref", "bb", false);

    book.keep(amended);
    book.keep(first);
    assertThat(book.of(event)).contains(amended);

    Receipt retracted = new Receipt(event, POLICE, 3, "ref", "", true);
    book.keep(retracted);
    assertThat(book.of(event)).contains(retracted);
  }

  @Test
  void forgetsAnEventTheTopicForgets() {
    EventId event = new EventId(UUID.randomUUID().toString());
    EventId other = new EventId(UUID.randomUUID().toString());
    book.keep(new Receipt(event, POLICE, 1, "ref", "aa", false));
    book.keep(new Receipt(other, POLICE, 1, "ref", "aa", false));

    book.forget(event);

    assertThat(book.of(event)).isEmpty();
    assertThat(book.of(other)).isPresent();
  }

  private byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }
}
