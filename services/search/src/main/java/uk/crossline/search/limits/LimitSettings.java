package uk.crossline.search.limits;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many searches and look-ups a person and an agency may make. Each rate is "{@code requests}
 * per {@code per}": that many at once, then one more each {@code per / requests} (a token bucket),
 * so a person who pauses gets the allowance back and a script settles at the steady rate.
 *
 * <p>The limits are held in each instance's memory: with several instances behind a balancer that
 * spreads one caller's requests, a caller gets up to this many on each. Divide by the number of
 * instances, or route each caller to one instance, where that matters.
 *
 * @param searchPerUser one person's searches; default 120 per 10 minutes (then one each 5 s)
 * @param searchPerAgency all of one agency's people together; default 1,200 per 10 minutes
 * @param lookupPerUser one person's look-ups; default 30 per 10 minutes (then one each 20 s)
 * @param lookupPerAgency all of one agency's people together; default 300 per 10 minutes
 * @param agencies an agency's own allowances instead of the two above, by agency id ({@code
 *     agencies.west-mercia-police.lookup.requests=900}): a force with fifty analysts needs more
 *     than a council with three
 */
@ConfigurationProperties("crossline.search.limits")
record LimitSettings(
    Rate searchPerUser,
    Rate searchPerAgency,
    Rate lookupPerUser,
    Rate lookupPerAgency,
    Map<String, AgencyRates> agencies) {

  public LimitSettings {
    searchPerUser = searchPerUser == null ? new Rate(120, null) : searchPerUser;
    searchPerAgency = searchPerAgency == null ? new Rate(1_200, null) : searchPerAgency;
    lookupPerUser = lookupPerUser == null ? new Rate(30, null) : lookupPerUser;
    lookupPerAgency = lookupPerAgency == null ? new Rate(300, null) : lookupPerAgency;
    agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
  }

  /** The defaults. */
  static LimitSettings defaults() {
    return new LimitSettings(null, null, null, null, null);
  }

  Rate perUser(Allowance allowance) {
    return switch (allowance) {
      case SEARCH -> searchPerUser;
      case LOOKUP -> lookupPerUser;
    };
  }

  Rate perAgency(Allowance allowance, String agency) {
    AgencyRates own = agencies.get(agency);
    Rate rate =
        own == null
            ? null
            : switch (allowance) {
              case SEARCH -> own.search();
              case LOOKUP -> own.lookup();
            };
    if (rate != null) {
      return rate;
    }
    return switch (allowance) {
      case SEARCH -> searchPerAgency;
      case LOOKUP -> lookupPerAgency;
    };
  }

  /** One agency's own allowances, for all its people together; either left out is the default. */
  record AgencyRates(Rate search, Rate lookup) {}

  /**
   * A rate: {@code requests} at once, refilled evenly over {@code per}.
   *
   * @param per default 10 minutes
   */
  public record Rate(int requests, Duration per) {

    public Rate {
      per = per == null ? Duration.ofMinutes(10) : per;
      if (requests < 1) {
        throw new IllegalArgumentException("requests must be at least 1, not " + requests);
      }
      if (per.isNegative() || per.isZero() || per.toNanos() < requests) {
        throw new IllegalArgumentException("per must be a positive duration, not " + per);
      }
    }

    /** The time one request's token takes to come back. */
    long intervalNanos() {
      return per.toNanos() / requests;
    }

    @Override
    public String toString() {
      return requests + " per " + per;
    }
  }
}
