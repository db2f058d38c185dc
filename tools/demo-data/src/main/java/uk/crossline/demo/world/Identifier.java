package uk.crossline.demo.world;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * A phone number, vehicle, handle or email of the synthetic world. Every value is fictional by
 * construction: phones from Ofcom's drama range (07700 900000 to 900999), vehicle marks with the ZZ
 * and ZY memory tags that are never issued in Great Britain, handles starting {@code xx_fake_},
 * emails at the reserved {@code .example} domain.
 *
 * @param value the identifier as most people would write it
 * @param description what it is, in words a report can use ("a grey Vauxhall Corsa")
 */
public record Identifier(IdentifierType type, String value, boolean dealLine, String description) {

  /**
   * The value as one agency's system or person happens to write it. The spellings differ on
   * purpose: the hub links them only because it normalises before it tokenises.
   */
  public String spelledBy(RandomGenerator random) {
    return switch (type) {
      case PHONE -> phoneSpelling(random);
      case VEHICLE ->
          Weighted.any(
              List.of(value, value.replace(" ", ""), value.toLowerCase(Locale.ROOT)), random);
      case SOCIAL_MEDIA -> handleSpelling(random);
      case EMAIL -> Weighted.chance(0.3, random) ? capitalised(value) : value;
    };
  }

  private String phoneSpelling(RandomGenerator random) {
    String digits = value.replace(" ", "");
    String national = digits.substring(1);
    return Weighted.any(
        List.of(
            value,
            digits,
            "+44 " + national.substring(0, 4) + " " + national.substring(4),
            "+44" + national,
            digits.substring(0, 5) + " " + digits.substring(5, 8) + " " + digits.substring(8),
            "07700-" + digits.substring(5)),
        random);
  }

  private String handleSpelling(RandomGenerator random) {
    int colon = value.indexOf(':');
    String platform = value.substring(0, colon);
    String handle = value.substring(colon + 2);
    return Weighted.any(
        List.of(
            value,
            capitalised(platform) + ":@" + handle,
            platform + ": " + handle,
            capitalised(platform) + ": @" + handle.toUpperCase(Locale.ROOT)),
        random);
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Only the type: an identifier's value is kept out of logs, fictional or not. */
  @Override
  public String toString() {
    return "Identifier[" + type + (dealLine ? ", deal line" : "") + "]";
  }
}
