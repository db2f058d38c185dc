package uk.crossline.search.requests;

import static java.util.Comparator.comparing;
import static java.util.stream.Collectors.groupingBy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import uk.crossline.model.AgencyId;
import uk.crossline.model.accessrequest.AccessRequest;
import uk.crossline.search.requests.AccessRequestLog.Entry;
import uk.crossline.search.requests.AccessRequestLog.Status;

/**
 * What the requesting agency is shown of one ask: the requests one {@code POST} made, one per
 * hidden event, read as one. How many requests it holds, to whom, and which were refused never
 * show; only the events approved so far do, since the requester may see those.
 *
 * @param requestedBy who asked (every request of the ask was made by that one call)
 * @param justification the agency's own words, the same on every request of the ask
 * @param status {@link Status#PENDING} while any originator has not decided
 * @param approved the requests approved so far, in event id order
 */
record Ask(
    UUID askId,
    Instant requestedAt,
    String requestedBy,
    String justification,
    AskStatus status,
    List<AccessRequest> approved) {

  enum AskStatus {
    PENDING,
    /** Every originator has decided; some, all or none may have approved. */
    ANSWERED
  }

  /** The asks of the requesting agency among these requests, newest first. */
  static List<Ask> of(AgencyId requester, Collection<Entry> entries) {
    return entries.stream()
        .filter(entry -> entry.request().requester().equals(requester))
        .collect(groupingBy(entry -> entry.request().askId()))
        .entrySet()
        .stream()
        .map(ask -> of(ask.getKey(), ask.getValue()))
        .sorted(comparing(Ask::requestedAt).reversed().thenComparing(Ask::askId))
        .toList();
  }

  private static Ask of(UUID askId, List<Entry> requests) {
    AccessRequest first =
        requests.stream()
            .map(Entry::request)
            .min(comparing(AccessRequest::requestedAt).thenComparing(AccessRequest::requestId))
            .orElseThrow();
    boolean pending = requests.stream().anyMatch(entry -> entry.status() == Status.PENDING);
    List<AccessRequest> approved =
        requests.stream()
            .filter(entry -> entry.status() == Status.APPROVED)
            .map(Entry::request)
            .sorted(comparing(request -> request.eventId().value()))
            .toList();
    return new Ask(
        askId,
        first.requestedAt(),
        first.requestedBy(),
        first.justification(),
        pending ? AskStatus.PENDING : AskStatus.ANSWERED,
        approved);
  }
}
