package uk.crossline.model.subscription;

import java.net.URI;
import java.util.Objects;

/**
 * Where a {@link Channel#WEBHOOK} subscription's alerts are posted, and the secret they are signed
 * with ({@link WebhookSignature}). The secret is made by the hub and shown to the subscriber once;
 * it lives in the subscription's events on the hub's internal topic so every alerts instance signs
 * alike after any restart.
 *
 * @param url an absolute http(s) URL; whether plain http is allowed is the alerts service's rule
 * @param secret the signing secret, never shown again nor logged
 */
public record Webhook(URI url, String secret) {

  public Webhook {
    Objects.requireNonNull(url, "webhook.url");
    if (!url.isAbsolute()
        || url.getHost() == null
        || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
      throw new IllegalArgumentException("webhook.url: an absolute http(s) URL");
    }
    Objects.requireNonNull(secret, "webhook.secret");
    if (secret.length() < 16) {
      throw new IllegalArgumentException("webhook.secret: at least 16 characters");
    }
  }

  /** Without the secret, so a log line or an exception never carries it. */
  @Override
  public String toString() {
    return "Webhook[url=" + url.getScheme() + "://" + url.getHost() + "/…, secret=…]";
  }
}
