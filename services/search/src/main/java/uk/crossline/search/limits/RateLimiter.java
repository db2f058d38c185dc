package uk.crossline.search.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import uk.crossline.model.Caller;

/**
 * Token buckets per person and per agency, kept as the generic cell rate algorithm does: one
 * instant per bucket, the "theoretical arrival time" when it would be full again, so the arithmetic
 * is exact in nanoseconds and a bucket that is full again is the same as none and can be dropped.
 *
 * <p>A request must fit both the person's and the agency's bucket; it takes from both or from
 * neither, so a refused person does not use up their colleagues' share.
 */
final class RateLimiter {

  /** Whose allowance is used up. */
  enum Scope {
    USER,
    AGENCY
  }

  /** What to do with a request. */
  sealed interface Decision {}

  record Admitted() implements Decision {}

  /**
   * Refused: try again after {@code retryIn} ({@code retryAfterSeconds} rounded up, at least 1).
   *
   * @param firstOfEpisode the first refusal since this bucket last admitted a request, the one
   *     worth a log line
   */
  record Refused(
      Allowance allowance,
      Scope scope,
      LimitSettings.Rate rate,
      Duration retryIn,
      boolean firstOfEpisode)
      implements Decision {

    long retryAfterSeconds() {
      long seconds = retryIn.getSeconds() + (retryIn.getNano() > 0 ? 1 : 0);
      return Math.max(1, seconds);
    }
  }

  /** Dropping full buckets more often than this would cost more than it frees. */
  static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private record Key(Allowance allowance, Scope scope, String id) {}

  private static final class Bucket {
    long fullAt;
    boolean refusing;
  }

  private final LimitSettings settings;
  private final Clock clock;
  private final Map<Key, Bucket> buckets = new HashMap<>();
  // A lock, not synchronized: requests run on virtual threads.
  private final ReentrantLock lock = new ReentrantLock();
  private long lastSweep;

  RateLimiter(LimitSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.lastSweep = nanos(clock.instant());
  }

  Decision admit(Caller caller, Allowance allowance) {
    Key user = new Key(allowance, Scope.USER, caller.userId());
    Key agency = new Key(allowance, Scope.AGENCY, caller.agency().value());
    LimitSettings.Rate userRate = settings.perUser(allowance);
    LimitSettings.Rate agencyRate = settings.perAgency(allowance, caller.agency().value());
    lock.lock();
    try {
      long now = nanos(clock.instant());
      sweep(now);
      long userWait = waitFor(user, userRate, now);
      long agencyWait = waitFor(agency, agencyRate, now);
      if (userWait == 0 && agencyWait == 0) {
        take(user, userRate, now);
        take(agency, agencyRate, now);
        return new Admitted();
      }
      boolean byUser = userWait >= agencyWait;
      Key refusing = byUser ? user : agency;
      Bucket bucket = buckets.get(refusing);
      boolean first = !bucket.refusing;
      bucket.refusing = true;
      return new Refused(
          allowance,
          refusing.scope(),
          byUser ? userRate : agencyRate,
          Duration.ofNanos(Math.max(userWait, agencyWait)),
          first);
    } finally {
      lock.unlock();
    }
  }

  /** How many buckets are held now (for tests of the memory bound). */
  int held() {
    lock.lock();
    try {
      return buckets.size();
    } finally {
      lock.unlock();
    }
  }

  /** How long until the bucket has room for one more request; 0 if it has now. */
  private long waitFor(Key key, LimitSettings.Rate rate, long now) {
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      return 0;
    }
    long interval = rate.intervalNanos();
    long fullAt = Math.max(bucket.fullAt, now);
    long admitsFrom = fullAt + interval - interval * rate.requests();
    return Math.max(0, admitsFrom - now);
  }

  private void take(Key key, LimitSettings.Rate rate, long now) {
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket());
    bucket.fullAt = Math.max(bucket.fullAt, now) + rate.intervalNanos();
    bucket.refusing = false;
  }

  /** Drops the buckets that are full again: the same as no bucket, so nothing changes. */
  private void sweep(long now) {
    if (now - lastSweep < SWEEP_EVERY.toNanos()) {
      return;
    }
    lastSweep = now;
    buckets.values().removeIf(bucket -> bucket.fullAt <= now);
  }

  private static long nanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
