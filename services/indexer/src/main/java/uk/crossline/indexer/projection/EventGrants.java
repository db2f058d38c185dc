package uk.crossline.indexer.projection;

import java.util.Collection;
import java.util.Set;
import uk.crossline.model.AgencyId;
import uk.crossline.model.event.EventId;

/**
 * The agencies each event's originator granted access to, as the projection writes them into the
 * event's document ({@code grants}). The projection asks for them every time it writes an event, so
 * an amendment keeps its grants and a rebuild restores them; {@link #version()} lets it notice a
 * grant that arrived while it was writing.
 */
public interface EventGrants {

  /**
   * A number that grows with every grant recorded; waits until the grants are known at all.
   *
   * @throws ProjectionUnavailableException when they are not known in time (retry)
   */
  long version();

  /** The agencies granted access to the event by this originator (grants by others count not). */
  Set<AgencyId> of(EventId eventId, AgencyId originator);

  /** Those of the events whose grants changed after {@code version}. */
  Set<EventId> changedSince(long version, Collection<EventId> eventIds);
}
