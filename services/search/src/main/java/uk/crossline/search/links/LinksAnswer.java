package uk.crossline.search.links;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a link look-up: for each thing the event shares, the other events the caller may
 * see that share it, and the bound applied.
 *
 * @param cap the most events listed for one shared thing (the correlation policy's cap-per-token)
 * @param policyVersion the version of the correlation policy that bounded this answer
 * @param links one per identifier, person and premises of the event that the caller may follow
 * @param notFollowed what the event shares that the caller may not follow, and why
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record LinksAnswer(
    String eventId, int cap, int policyVersion, List<Link> links, List<NotFollowed> notFollowed) {

  /** What kind of thing two events share. */
  enum Via {
    IDENTIFIER,
    SUBJECT,
    PREMISES
  }

  /**
   * One shared thing and the visible events that share it.
   *
   * @param shared what is shared, in words that never give the token ("a shared phone")
   * @param type the identifier's type or the subject's role, where that is what is shared
   * @param token the pseudonym token, only to callers whose field rights include it
   * @param premises the premises (not personal data: every caller who sees the event sees it)
   * @param warned the shared thing is on the warning list of common identifiers and premises: it is
   *     not followed, and neither total nor events are given
   * @param total how many other visible events share it, absent when warned
   * @param capped whether more events share it than the cap lets this answer list
   * @param events the newest visible events sharing it, at most the cap
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Link(
      Via via,
      String shared,
      Optional<String> type,
      Optional<String> token,
      Optional<Map<String, Object>> premises,
      boolean warned,
      Optional<Long> total,
      boolean capped,
      List<Map<String, Object>> events) {}

  /** Shared things of one kind that the caller may not follow. */
  record NotFollowed(Via via, int count, String reason) {}
}
