package uk.crossline.search.premises;

import java.util.List;
import java.util.Map;

/**
 * Every visible flag on one premises, oldest first.
 *
 * @param asked what the caller asked for
 * @param keys the premises keys the flags were found under: the one asked for and, where visible
 *     flags show the same premises under its other form (by UPRN, or by name and postcode), that
 *     one too
 * @param premises the premises as the flags name it (name, address, postcode, UPRN), each once
 * @param total how many visible flags the premises has
 * @param complete whether {@code events} holds all of them (at most {@value
 *     PremisesFlags#MAX_EVENTS})
 * @param agencies every agency with a visible flag here, with how many
 * @param months flags per month observed, with the agencies of that month
 * @param events the flags, oldest first: when, which agency, category, indicators, marking,
 *     handling conditions where they apply, and the summary
 */
record PremisesTimeline(
    Map<String, String> asked,
    List<String> keys,
    List<Map<String, Object>> premises,
    long total,
    boolean complete,
    List<Agency> agencies,
    List<Month> months,
    List<Map<String, Object>> events) {

  record Agency(String id, String type, long flags) {}

  record Month(String month, long flags, List<String> agencies) {}
}
