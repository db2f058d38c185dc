package uk.crossline.testsupport;

import java.util.List;

/**
 * The search service's rate limits lifted for a test run that starts it as a {@link
 * ServiceProcess}: a run's tests call it as the same few demo users, and wait for the indexer by
 * asking again every half second, far more than any one person would, so the real limits (a few
 * hundred an hour per person) would refuse them. A test of the limits sets its own.
 */
public final class SearchRateLimits {

  private SearchRateLimits() {}

  /** Command-line arguments for {@code ServiceProcess.start("search", …)}. */
  public static List<String> liftedForTests() {
    return List.of(
        "--crossline.search.limits.search-per-user.requests=1000000",
        "--crossline.search.limits.search-per-agency.requests=1000000",
        "--crossline.search.limits.lookup-per-user.requests=1000000",
        "--crossline.search.limits.lookup-per-agency.requests=1000000");
  }
}
