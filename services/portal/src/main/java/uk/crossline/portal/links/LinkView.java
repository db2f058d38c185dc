package uk.crossline.portal.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import uk.crossline.model.location.Gazetteer;
import uk.crossline.portal.search.EventView;

/**
 * One thing a report shares with others, as the links API answered it.
 *
 * @param shared what is shared, in the API's words ("a shared phone"), never the token
 * @param token the pseudonym token, only when the API gave it (police analysts)
 * @param premisesKey the premises' key, for a link to the premises' page
 * @param total how many other visible reports share it; absent when warned
 */
public record LinkView(
    String via,
    String shared,
    Optional<String> token,
    Optional<String> premisesName,
    Optional<String> premisesAddress,
    Optional<String> premisesKey,
    boolean warned,
    Optional<Long> total,
    boolean capped,
    List<EventView> events) {

  static LinkView of(JsonNode link, Gazetteer gazetteer) {
    List<EventView> events = new ArrayList<>();
    link.path("events").forEach(e -> events.add(EventView.of(e, gazetteer)));
    JsonNode premises = link.path("premises");
    return new LinkView(
        link.path("via").asString(""),
        capitalised(link.path("shared").asString("")),
        text(link, "token"),
        text(premises, "name"),
        Optional.of(
                String.join(
                        " ",
                        premises.path("address").asString(""),
                        premises.path("postcode").asString(""))
                    .strip())
            .filter(a -> !a.isEmpty()),
        text(premises, "key"),
        link.path("warned").asBoolean(false),
        link.hasNonNull("total") ? Optional.of(link.get("total").asLong()) : Optional.empty(),
        link.path("capped").asBoolean(false),
        events);
  }

  /** "3 other reports share it", "No other report you may see shares it". */
  public String count() {
    long n = total.orElse(0L);
    return n == 0
        ? "No other report your agency may see shares it."
        : n == 1 ? "1 other report shares it." : n + " other reports share it.";
  }

  /**
   * What a thing of one kind the person may not follow is, in words: "2 identifiers are not
   * followed: that needs the link analysis role."
   */
  static String notFollowed(JsonNode entry) {
    int count = entry.path("count").asInt();
    String noun =
        switch (entry.path("via").asString("")) {
          case "IDENTIFIER" -> count == 1 ? "identifier" : "identifiers";
          case "SUBJECT" -> count == 1 ? "person" : "people";
          default -> count == 1 ? "shared thing" : "shared things";
        };
    String reason = entry.path("reason").asString("");
    return count
        + " "
        + noun
        + " in this report "
        + (count == 1 ? "is" : "are")
        + " not followed: "
        + (reason.contains("LINK_ANALYSIS") ? "that needs the link analysis role." : reason);
  }

  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(node.path(field).asString(null)).filter(s -> !s.isBlank());
  }

  private static String capitalised(String words) {
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
