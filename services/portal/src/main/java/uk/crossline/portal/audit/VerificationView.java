package uk.crossline.portal.audit;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the verification of the access log found, for both copies: the Kafka log (the source of
 * truth) and the index auditors search.
 */
public record VerificationView(String checkedAt, Copy log, Copy index) {

  /** One copy, chain by chain: the broken chains with what is wrong, and how many are whole. */
  public record Copy(
      String name,
      String source,
      long records,
      int chainsChecked,
      int chainsBroken,
      boolean intact,
      List<Chain> broken,
      List<Chain> whole,
      List<String> unattributed) {

    static Copy of(String name, JsonNode copy) {
      List<Chain> broken = new ArrayList<>();
      List<Chain> whole = new ArrayList<>();
      copy.path("chains")
          .forEach(
              chain -> (chain.path("intact").asBoolean() ? whole : broken).add(Chain.of(chain)));
      List<String> unattributed = new ArrayList<>();
      copy.path("unattributed")
          .forEach(
              r ->
                  unattributed.add(
                      r.path("location").asString("") + ": " + r.path("reason").asString("")));
      return new Copy(
          name,
          copy.path("source").asString(""),
          copy.path("records").asLong(),
          copy.path("chainsChecked").asInt(),
          copy.path("chainsBroken").asInt(),
          copy.path("intact").asBoolean(),
          broken,
          whole,
          unattributed);
    }
  }

  /** One chain in one copy; the break's fields are empty when it is whole. */
  public record Chain(
      String chain,
      long records,
      long intactRecords,
      String lastSequence,
      boolean intact,
      String sequence,
      String problem,
      String detail,
      String location) {

    static Chain of(JsonNode chain) {
      JsonNode at = chain.path("firstBreak");
      return new Chain(
          chain.path("chain").asString(""),
          chain.path("records").asLong(),
          chain.path("intactRecords").asLong(),
          chain.path("lastSequence").asString(""),
          chain.path("intact").asBoolean(),
          at.path("sequence").asString(""),
          VerificationView.problem(at.path("problem").asString("")),
          at.path("detail").asString(""),
          at.path("location").asString(""));
    }
  }

  static VerificationView of(JsonNode answer) {
    return new VerificationView(
        AuditRecordView.moment(answer.path("checkedAt").asString("")),
        Copy.of("The log (the source of truth)", answer.path("log")),
        Copy.of("The searchable copy", answer.path("index")));
  }

  public boolean intact() {
    return log.intact() && index.intact();
  }

  /** A problem as the API names it, in words (docs/search-api.md). */
  static String problem(String code) {
    return switch (code) {
      case "" -> "";
      case "ALTERED" -> "Changed after it was written";
      case "COPY_ALTERED" -> "The searchable copy was edited";
      case "MISSING" -> "Records missing";
      case "OUT_OF_ORDER" -> "Records moved or repeated";
      case "LINK_BROKEN" -> "Does not follow the record before it (a forged replacement)";
      case "FOREIGN" -> "A record of another chain";
      case "UNREADABLE" -> "Cannot be read";
      default -> AuditRecordView.words(code);
    };
  }
}
