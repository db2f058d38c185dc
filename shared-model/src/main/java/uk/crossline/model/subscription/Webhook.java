package uk.crossline.model.subscription;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link Channel#WEBHOOK} subscription's alerts are posted, and the secret they are signed
 * with ({@link WebhookSignature}). The secret is made by the hub and shown to the subscriber once;
 * it lives in the subscription's events on the hub's internal topic so every alerts instance signs
 * alike after any restart.
 *
 * @param url an absolute http(s) URL; whether plain http is allowed is the alerts service's rule
 * @param secret the signing secret, never shown again nor logged
 * @param rotation the last time the secret was replaced, with the secret it replaced while that one
 *     is still signed with (so a receiver can switch secrets without refusing a genuine alert);
 *     empty for a secret never rotated (and in events written before rotation existed)
 */
public record Webhook(URI url, String secret, Optional<Rotation> rotation) {

  static final int MIN_SECRET = 16;

  public Webhook {
    Objects.requireNonNull(url, "webhook.url");
    if (!url.isAbsolute()
        || url.getHost() == null
        || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
      throw new IllegalArgumentException("webhook.url: an absolute http(s) URL");
    }
    checkSecret(secret, "webhook.secret");
    rotation = Objects.requireNonNullElse(rotation, Optional.empty());
    if (rotation.flatMap(Rotation::previousSecret).filter(secret::equals).isPresent()) {
      throw new IllegalArgumentException("webhook.rotation: the new secret is the previous one");
    }
  }

  /** A webhook whose secret was never rotated. */
  public Webhook(URI url, String secret) {
    this(url, secret, Optional.empty());
  }

  /**
   * The secrets a POST made now is signed with, newest first: this secret, and the one it replaced
   * until that one expires.
   */
  public List<String> liveSecrets(Instant now) {
    return rotation
        .flatMap(r -> r.previousSecret().filter(previous -> now.isBefore(r.previousExpiresAt())))
        .map(previous -> List.of(secret, previous))
        .orElse(List.of(secret));
  }

  /** The same secrets posted to another URL (a subscription replaced by its owner). */
  public Webhook at(URI newUrl, Instant now) {
    return new Webhook(newUrl, secret, rotation.map(r -> r.forgottenIfExpired(now)));
  }

  /**
   * Signed from now on with a new secret; the current one is still signed with for {@code overlap}
   * (not at all when zero), so the receiver has time to switch. A previous secret still in its
   * overlap is dropped now: at most two secrets are ever live.
   *
   * @param by the username of who rotated it
   */
  public Webhook rotated(String newSecret, Instant now, Duration overlap, String by) {
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("overlap: zero or more");
    }
    Instant expiresAt = now.plus(overlap);
    return new Webhook(
        url,
        newSecret,
        Optional.of(
            new Rotation(
                now, by, overlap.isZero() ? Optional.empty() : Optional.of(secret), expiresAt)));
  }

  /** Without the secrets, so a log line or an exception never carries them. */
  @Override
  public String toString() {
    return "Webhook[url="
        + url.getScheme()
        + "://"
        + url.getHost()
        + "/…, secret=…, rotation="
        + rotation.map(Rotation::toString).orElse("none")
        + "]";
  }

  private static void checkSecret(String secret, String field) {
    Objects.requireNonNull(secret, field);
    if (secret.length() < MIN_SECRET) {
      throw new IllegalArgumentException(field + ": at least " + MIN_SECRET + " characters");
    }
  }

  /**
   * One replacement of a webhook's secret.
   *
   * @param rotatedAt when the new secret was made
   * @param rotatedBy the username of who rotated it (only the subscriber may)
   * @param previousSecret the secret replaced, still signed with before {@code previousExpiresAt};
   *     empty when it expired at once, or is forgotten after it expired
   * @param previousExpiresAt from when the replaced secret is no longer signed with
   */
  public record Rotation(
      Instant rotatedAt,
      String rotatedBy,
      Optional<String> previousSecret,
      Instant previousExpiresAt) {

    public Rotation {
      Objects.requireNonNull(rotatedAt, "webhook.rotation.rotatedAt");
      Objects.requireNonNull(rotatedBy, "webhook.rotation.rotatedBy");
      previousSecret = Objects.requireNonNullElse(previousSecret, Optional.empty());
      previousSecret.ifPresent(s -> checkSecret(s, "webhook.rotation.previousSecret"));
      Objects.requireNonNull(previousExpiresAt, "webhook.rotation.previousExpiresAt");
      if (previousExpiresAt.isBefore(rotatedAt)) {
        throw new IllegalArgumentException(
            "webhook.rotation.previousExpiresAt: not before rotatedAt");
      }
    }

    /** Whether the replaced secret is still signed with at this time. */
    public boolean overlapping(Instant now) {
      return previousSecret.isPresent() && now.isBefore(previousExpiresAt);
    }

    /** Without an expired previous secret: a secret no longer used is not kept. */
    Rotation forgottenIfExpired(Instant now) {
      return overlapping(now)
          ? this
          : new Rotation(rotatedAt, rotatedBy, Optional.empty(), previousExpiresAt);
    }

    /** Without the previous secret. */
    @Override
    public String toString() {
      return "Rotation[rotatedAt="
          + rotatedAt
          + ", rotatedBy="
          + rotatedBy
          + ", previousSecret="
          + (previousSecret.isPresent() ? "…" : "none")
          + ", previousExpiresAt="
          + previousExpiresAt
          + "]";
    }
  }
}
