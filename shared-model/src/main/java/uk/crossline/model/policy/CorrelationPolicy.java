package uk.crossline.model.policy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.Postcode;
import uk.crossline.model.pseudonymisation.InvalidIdentifierException;
import uk.crossline.model.pseudonymisation.Normaliser;
import uk.crossline.model.pseudonymisation.PseudonymToken;
import uk.crossline.model.pseudonymisation.Pseudonymiser;
import uk.crossline.model.vocabulary.IdentifierType;

/**
 * How far links between reports are followed: at most {@code capPerToken} linked reports for any
 * one shared token or premises, and never through what the warning list names (a switchboard, a
 * chain's head-office email, a shopping centre's postcode), so a common identifier cannot turn into
 * thousands of links. From {@code infra/policy/correlation.yml}.
 *
 * @param version the file's version, recorded with every link look-up it bounds
 * @param capPerToken the most linked reports listed for one shared token or premises
 * @param identifiers identifiers never followed, in clear (organisations' public contacts only)
 * @param premisesKeys premises never followed, by the projection's premises key
 * @param postcodes every premises at these postcodes is never followed, as {@code B97 4HJ}
 */
public record CorrelationPolicy(
    int version,
    int capPerToken,
    List<WarnedIdentifier> identifiers,
    Set<String> premisesKeys,
    Set<String> postcodes) {

  /** The file's name in {@code infra/policy/} and on the classpath under {@code policy/}. */
  public static final String FILE = "correlation.yml";

  /** Bounded so that one look-up stays one page of Elasticsearch per token. */
  public static final int MAX_CAP = 500;

  private static final Set<String> KEYS = Set.of("version", "cap-per-token", "warning-list");
  private static final Set<String> LIST_KEYS = Set.of("identifiers", "premises");
  private static final Set<String> IDENTIFIER_KEYS = Set.of("type", "value", "note");
  private static final Set<String> PREMISES_KEYS = Set.of("key", "postcode", "note");
  private static final Pattern PREMISES_KEY =
      Pattern.compile("uprn:[A-Za-z0-9]+|pc:[A-Z0-9]{5,7}:[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * An identifier on the warning list. Its value is an organisation's public contact, yet it is
   * still an identifier: {@link #toString} leaves it out, so it never reaches a log.
   */
  public record WarnedIdentifier(IdentifierType type, String value, String note) {

    public WarnedIdentifier {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String toString() {
      return "WarnedIdentifier[type=" + type + ", note=" + note + "]";
    }
  }

  public CorrelationPolicy {
    if (version < 1) {
      throw new PolicyFormatException(FILE, "version", "a whole number from 1");
    }
    if (capPerToken < 1 || capPerToken > MAX_CAP) {
      throw new PolicyFormatException(FILE, "cap-per-token", "between 1 and " + MAX_CAP);
    }
    identifiers = List.copyOf(identifiers);
    premisesKeys = Set.copyOf(premisesKeys);
    postcodes = Set.copyOf(postcodes);
  }

  /**
   * Reads a correlation policy.
   *
   * @throws PolicyFormatException naming the key at fault: an unknown key, a cap out of bounds, an
   *     identifier that cannot be normalised (never quoting it), a malformed premises key or
   *     postcode, an entry without a note
   */
  public static CorrelationPolicy load(InputStream yaml) {
    return from(PolicyFiles.read(yaml, FILE));
  }

  /** The policy bundled with this build, from {@code infra/policy/correlation.yml}. */
  public static CorrelationPolicy bundled() {
    return from(PolicyFiles.bundled(FILE));
  }

  /**
   * The tokens of the warning list's identifiers under every key the pseudonymiser holds, so that
   * reports tokenised before a key rotation are held back as well as newer ones.
   */
  public Set<String> warnedTokens(Pseudonymiser pseudonymiser) {
    Set<String> tokens = new LinkedHashSet<>();
    for (WarnedIdentifier identifier : identifiers) {
      pseudonymiser.tokensUnderEveryKey(identifier.type(), identifier.value()).stream()
          .map(PseudonymToken::value)
          .forEach(tokens::add);
    }
    return Set.copyOf(tokens);
  }

  /**
   * Whether links through this premises (its key and postcode as the projection holds them) stop.
   */
  public boolean warnsOfPremises(String key, String postcode) {
    if (premisesKeys.contains(key)) {
      return true;
    }
    try {
      return postcode != null && postcodes.contains(Postcode.parse(postcode).toString());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static CorrelationPolicy from(JsonNode file) {
    onlyKeys(file, KEYS, "", "the correlation policy");
    int version = wholeNumber(file.get("version"), "version");
    int cap = wholeNumber(file.get("cap-per-token"), "cap-per-token");
    List<WarnedIdentifier> identifiers = new ArrayList<>();
    Set<String> premisesKeys = new LinkedHashSet<>();
    Set<String> postcodes = new LinkedHashSet<>();
    JsonNode list = file.get("warning-list");
    if (list != null && !list.isNull()) {
      if (!list.isObject()) {
        throw new PolicyFormatException(
            FILE, "warning-list", "a mapping with identifiers and premises");
      }
      onlyKeys(list, LIST_KEYS, "warning-list.", "the warning list");
      JsonNode ids = entries(list.get("identifiers"), "warning-list.identifiers");
      for (int i = 0; i < ids.size(); i++) {
        identifiers.add(identifier(ids.get(i), "warning-list.identifiers[" + i + "]"));
      }
      JsonNode places = entries(list.get("premises"), "warning-list.premises");
      for (int i = 0; i < places.size(); i++) {
        premises(places.get(i), "warning-list.premises[" + i + "]", premisesKeys, postcodes);
      }
    }
    return new CorrelationPolicy(version, cap, identifiers, premisesKeys, postcodes);
  }

  private static WarnedIdentifier identifier(JsonNode entry, String key) {
    if (entry == null || !entry.isObject()) {
      throw new PolicyFormatException(FILE, key, "a mapping with type, value and note");
    }
    onlyKeys(entry, IDENTIFIER_KEYS, key + ".", "an identifier entry");
    String typeName = text(entry.get("type"), key + ".type");
    IdentifierType type;
    try {
      type = IdentifierType.valueOf(typeName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException(
          FILE,
          key + ".type",
          "not an identifier type; expected one of "
              + Arrays.stream(IdentifierType.values())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
    String value = text(entry.get("value"), key + ".value");
    try {
      Normaliser.normalise(type, value);
    } catch (InvalidIdentifierException e) {
      // The exception's reason never repeats the value.
      throw new PolicyFormatException(FILE, key + ".value", "not a " + type + ": " + e.reason());
    }
    return new WarnedIdentifier(type, value, note(entry, key));
  }

  private static void premises(
      JsonNode entry, String key, Set<String> premisesKeys, Set<String> postcodes) {
    if (entry == null || !entry.isObject()) {
      throw new PolicyFormatException(FILE, key, "a mapping with key or postcode, and note");
    }
    onlyKeys(entry, PREMISES_KEYS, key + ".", "a premises entry");
    boolean byKey = entry.has("key");
    if (byKey == entry.has("postcode")) {
      throw new PolicyFormatException(FILE, key, "give either key or postcode, not both or none");
    }
    note(entry, key);
    if (byKey) {
      String premisesKey = text(entry.get("key"), key + ".key");
      if (!PREMISES_KEY.matcher(premisesKey).matches()) {
        throw new PolicyFormatException(
            FILE, key + ".key", "a premises key as uprn:<UPRN> or pc:<POSTCODE>:<name-in-words>");
      }
      premisesKeys.add(premisesKey);
    } else {
      try {
        postcodes.add(Postcode.parse(text(entry.get("postcode"), key + ".postcode")).toString());
      } catch (PolicyFormatException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new PolicyFormatException(FILE, key + ".postcode", "not a full UK postcode");
      }
    }
  }

  private static String note(JsonNode entry, String key) {
    JsonNode note = entry.get("note");
    if (note == null || !note.isString() || note.stringValue().isBlank()) {
      throw new PolicyFormatException(
          FILE, key + ".note", "required: say why it is listed, for information governance");
    }
    return note.stringValue().strip();
  }

  private static JsonNode entries(JsonNode node, String key) {
    if (node == null || node.isNull()) {
      return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    if (!node.isArray()) {
      throw new PolicyFormatException(FILE, key, "a list of entries");
    }
    return node;
  }

  private static void onlyKeys(JsonNode node, Set<String> allowed, String prefix, String what) {
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new PolicyFormatException(
            FILE,
            prefix + name,
            "not a key of " + what + "; expected one of " + String.join(", ", sorted(allowed)));
      }
    }
  }

  private static int wholeNumber(JsonNode node, String key) {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new PolicyFormatException(FILE, key, "required, a whole number");
    }
    return node.intValue();
  }

  private static String text(JsonNode node, String key) {
    if (node == null || !node.isString() || node.stringValue().isBlank()) {
      throw new PolicyFormatException(FILE, key, "required, as text");
    }
    return node.stringValue().strip();
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
