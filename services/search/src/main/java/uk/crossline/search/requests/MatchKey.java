package uk.crossline.search.requests;

import java.util.List;
import java.util.Objects;
import uk.crossline.model.pseudonymisation.PseudonymToken;

/**
 * What a caller's look-up matched on, as the projection holds it: never a raw value. Hit / no-hit
 * and access requests work alike for every kind.
 */
public sealed interface MatchKey {

  /** The document field the key is matched against. */
  String field();

  /** The values of that field any of which matches. */
  List<String> values();

  /** An identifier, as its tokens under every key version (so older events match too). */
  record IdentifierTokens(List<PseudonymToken> tokens) implements MatchKey {
    public IdentifierTokens {
      tokens = List.copyOf(tokens);
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("at least one token");
      }
    }

    @Override
    public String field() {
      return "identifiers.token";
    }

    @Override
    public List<String> values() {
      return tokens.stream().map(PseudonymToken::value).toList();
    }
  }

  /** A premises, by the key the projection gives it ({@code premises.key}). */
  record PremisesKey(String key) implements MatchKey {
    public PremisesKey {
      Objects.requireNonNull(key, "key");
      if (key.isBlank()) {
        throw new IllegalArgumentException("a premises key is not blank");
      }
    }

    @Override
    public String field() {
      return "premises.key";
    }

    @Override
    public List<String> values() {
      return List.of(key);
    }
  }
}
