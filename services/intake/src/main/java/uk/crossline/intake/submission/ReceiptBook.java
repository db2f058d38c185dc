package uk.crossline.intake.submission;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uk.crossline.model.AgencyId;
import uk.crossline.model.event.EventId;

/**
 * The receipts an intake holds in memory, one for every event its agencies have ever submitted, so
 * kept small: an event id as two longs, the two digests as their bytes rather than their text, the
 * agency shared. About 230 bytes a receipt against about 450-490 for the {@link Receipt} records
 * themselves; what is given back is the same receipt, field for field.
 */
final class ReceiptBook {

  private static final HexFormat HEX = HexFormat.of();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

  /** How a digest's text was packed, the first byte of its packed form. */
  private static final byte TEXT = 0;

  private static final byte LOWER_HEX = 1;
  private static final byte BASE64URL_UNPADDED = 2;
  private static final byte[] EMPTY = {TEXT};

  private final Map<Key, Packed> byEvent = new ConcurrentHashMap<>();
  private final Map<AgencyId, AgencyId> agencies = new ConcurrentHashMap<>();

  Optional<Receipt> of(EventId eventId) {
    return Optional.ofNullable(byEvent.get(Key.of(eventId))).map(p -> p.receipt(eventId));
  }

  /** Keeps the receipt unless a later revision of its event is already kept. */
  void keep(Receipt receipt) {
    byEvent.merge(Key.of(receipt.eventId()), pack(receipt), ReceiptBook::newer);
  }

  void forget(EventId eventId) {
    byEvent.remove(Key.of(eventId));
  }

  int size() {
    return byEvent.size();
  }

  private static Packed newer(Packed kept, Packed offered) {
    return offered.revision() >= kept.revision() ? offered : kept;
  }

  private Packed pack(Receipt receipt) {
    return new Packed(
        receipt.revision(),
        agencies.computeIfAbsent(receipt.agency(), a -> a),
        pack(receipt.originRefHash()),
        pack(receipt.fingerprint()),
        receipt.retracted());
  }

  /** The text's bytes, after a byte saying how to read them back; the same text on unpacking. */
  static byte[] pack(String text) {
    if (text.isEmpty()) {
      return EMPTY;
    }
    if (text.length() % 2 == 0 && text.chars().allMatch(ReceiptBook::isLowerHex)) {
      return tagged(LOWER_HEX, HEX.parseHex(text));
    }
    if (text.chars().allMatch(ReceiptBook::isBase64Url)) {
      try {
        byte[] bytes = BASE64URL_DECODER.decode(text);
        if (BASE64URL.encodeToString(bytes).equals(text)) {
          return tagged(BASE64URL_UNPADDED, bytes);
        }
      } catch (IllegalArgumentException notBase64) {
        // kept as text below
      }
    }
    return tagged(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  static String unpack(byte[] packed) {
    byte[] bytes = Arrays.copyOfRange(packed, 1, packed.length);
    return switch (packed[0]) {
      case LOWER_HEX -> HEX.formatHex(bytes);
      case BASE64URL_UNPADDED -> BASE64URL.encodeToString(bytes);
      default -> new String(bytes, StandardCharsets.UTF_8);
    };
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static boolean isBase64Url(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private static byte[] tagged(byte tag, byte[] bytes) {
    byte[] packed = new byte[bytes.length + 1];
    packed[0] = tag;
    System.arraycopy(bytes, 0, packed, 1, bytes.length);
    return packed;
  }

  /** An event id's 128 bits. */
  private record Key(long high, long low) {

    static Key of(EventId eventId) {
      String hex = eventId.value().replace("-", "");
      return new Key(
          HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    }
  }

  private record Packed(
      long revision, AgencyId agency, byte[] originRefHash, byte[] fingerprint, boolean retracted) {

    Receipt receipt(EventId eventId) {
      return new Receipt(
          eventId, agency, revision, unpack(originRefHash), unpack(fingerprint), retracted);
    }
  }
}
