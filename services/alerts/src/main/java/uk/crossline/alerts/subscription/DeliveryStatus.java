package uk.crossline.alerts.subscription;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How a subscription's deliveries outside the inbox stand, for its view: told by the channel's own
 * feature (webhooks), so subscriptions do not depend on delivery.
 */
public interface DeliveryStatus {

  /** The delivery state to show with this subscription, if the channel has one. */
  Optional<Map<String, Object>> of(UUID subscriptionId);
}
