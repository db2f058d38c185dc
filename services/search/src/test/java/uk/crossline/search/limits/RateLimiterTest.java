package uk.crossline.search.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.search.limits.RateLimiter.Admitted;
import uk.crossline.search.limits.RateLimiter.Refused;
import uk.crossline.search.limits.RateLimiter.Scope;

/** The limiter to the nanosecond, on a clock that moves only when told. */
class RateLimiterTest {

  private static final Caller POLICE_ANALYST = caller("u-police-1", "west-mercia-police");
  private static final Caller POLICE_COLLEAGUE = caller("u-police-2", "west-mercia-police");
  private static final Caller COUNCIL_OFFICER = caller("u-council-1", "redditch-bc");

  /** Look-ups: 3 per minute per person (one back each 20 s), 5 per minute per agency. */
  private static final LimitSettings SETTINGS =
      new LimitSettings(
          new LimitSettings.Rate(10, Duration.ofMinutes(1)),
          new LimitSettings.Rate(100, Duration.ofMinutes(1)),
          new LimitSettings.Rate(3, Duration.ofMinutes(1)),
          new LimitSettings.Rate(5, Duration.ofMinutes(1)),
          // a force of its own size: its people together may look up ten a minute
          Map.of(
              "big-force",
              new LimitSettings.AgencyRates(
                  null, new LimitSettings.Rate(10, Duration.ofMinutes(1)))));

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final RateLimiter limiter = new RateLimiter(SETTINGS, clock);

  @Test
  void lookupsWithinThePersonsAllowanceThenAdmitted() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.admit(POLICE_ANALYST, Allowance.LOOKUP)).isInstanceOf(Admitted.class);
    }
  }

  @Test
  void lookupBeyondThePersonsAllowanceThenRefusedUntilOneComesBack() {
    // given a person's three look-ups at one instant
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);

    // when a fourth comes at the same instant
    var decision = limiter.admit(POLICE_ANALYST, Allowance.LOOKUP);

    // then it is refused as theirs, for exactly the 20 s one look-up takes to come back
    assertThat(decision)
        .isEqualTo(
            new Refused(
                Allowance.LOOKUP,
                Scope.USER,
                SETTINGS.lookupPerUser(),
                Duration.ofSeconds(20),
                true));
    assertThat(((Refused) decision).retryAfterSeconds()).isEqualTo(20);
  }

  @Test
  void refusalThenRetryAfterRoundedUpToWholeSecondsAndAtLeastOne() {
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);

    clock.advance(Duration.ofMillis(500));
    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).retryIn())
        .isEqualTo(Duration.ofMillis(19_500));
    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).retryAfterSeconds()).isEqualTo(20);

    clock.advance(Duration.ofMillis(19_499));
    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).retryIn()).isEqualTo(Duration.ofMillis(1));
    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void waitOfRetryAfterThenAdmittedOnceAndRefusedAgain() {
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);
    long retryAfter = refused(POLICE_ANALYST, Allowance.LOOKUP).retryAfterSeconds();

    clock.advance(Duration.ofSeconds(retryAfter));

    assertThat(limiter.admit(POLICE_ANALYST, Allowance.LOOKUP)).isInstanceOf(Admitted.class);
    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).retryIn())
        .isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void wholeWindowWithoutLookupsThenTheWholeAllowanceBackAndNoMore() {
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);

    clock.advance(Duration.ofMinutes(5));

    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);
    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).scope()).isEqualTo(Scope.USER);
  }

  @Test
  void colleaguesOfOneAgencyThenShareItsAllowance() {
    // given one analyst's three look-ups and a colleague's two: the agency's five
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);
    admit(POLICE_COLLEAGUE, Allowance.LOOKUP, 2);

    // when the colleague, with one of their own left, looks up again
    Refused refused = refused(POLICE_COLLEAGUE, Allowance.LOOKUP);

    // then the agency's allowance refuses it, until one of the agency's comes back (12 s)
    assertThat(refused.scope()).isEqualTo(Scope.AGENCY);
    assertThat(refused.rate()).isEqualTo(SETTINGS.lookupPerAgency());
    assertThat(refused.retryIn()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void anotherAgencysAllowanceUsedUpThenThisAgencyUnaffected() {
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);
    admit(POLICE_COLLEAGUE, Allowance.LOOKUP, 2);
    refused(POLICE_COLLEAGUE, Allowance.LOOKUP);

    admit(COUNCIL_OFFICER, Allowance.LOOKUP, 3);
  }

  @Test
  void refusedRequestsThenTakeNothingFromTheAgency() {
    // given an analyst who tries ten look-ups: three admitted, seven refused as theirs
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);
    for (int i = 0; i < 7; i++) {
      assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).scope()).isEqualTo(Scope.USER);
    }

    // then the agency still has its other two for the colleague
    admit(POLICE_COLLEAGUE, Allowance.LOOKUP, 2);
    assertThat(refused(POLICE_COLLEAGUE, Allowance.LOOKUP).scope()).isEqualTo(Scope.AGENCY);
  }

  @Test
  void bothAllowancesUsedUpThenTheLongerWaitIsTold() {
    // agency: one back each 12 s; person: one back each 20 s
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);
    admit(POLICE_COLLEAGUE, Allowance.LOOKUP, 2);

    Refused refused = refused(POLICE_ANALYST, Allowance.LOOKUP);

    assertThat(refused.scope()).isEqualTo(Scope.USER);
    assertThat(refused.retryIn()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void lookupsUsedUpThenSearchesStillAdmitted() {
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);
    refused(POLICE_ANALYST, Allowance.LOOKUP);

    admit(POLICE_ANALYST, Allowance.SEARCH, 10);
    assertThat(refused(POLICE_ANALYST, Allowance.SEARCH).retryIn())
        .isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void refusalsInARowThenOnlyTheFirstIsTheStartOfAnEpisode() {
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);

    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).firstOfEpisode()).isTrue();
    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).firstOfEpisode()).isFalse();

    clock.advance(Duration.ofSeconds(20));
    admit(POLICE_ANALYST, Allowance.LOOKUP, 1);
    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).firstOfEpisode()).isTrue();
  }

  @Test
  void idleBucketsFullAgainThenDroppedAtTheNextSweep() {
    // given a thousand people of a thousand agencies who each searched once
    for (int i = 0; i < 1_000; i++) {
      admit(caller("u-" + i, "agency-" + i), Allowance.SEARCH, 1);
    }
    assertThat(limiter.held()).isEqualTo(2_000);

    // when their buckets are full again and the sweep is due, someone else searches
    clock.advance(Duration.ofMinutes(1).plus(RateLimiter.SWEEP_EVERY));
    admit(POLICE_ANALYST, Allowance.SEARCH, 1);

    // then only that person's and agency's buckets are held
    assertThat(limiter.held()).isEqualTo(2);
  }

  @Test
  void bucketNotYetFullThenKeptBySweepWithWhatItHasLeft() {
    // given three look-ups at 10:00:00 and one at 10:00:30 (one came back at 10:00:20)
    admit(POLICE_ANALYST, Allowance.LOOKUP, 3);
    clock.advance(Duration.ofSeconds(30));
    admit(POLICE_ANALYST, Allowance.LOOKUP, 1);

    // when the sweep runs at 10:01:01, before the bucket is full again (10:01:20)
    clock.advance(Duration.ofSeconds(31));
    admit(COUNCIL_OFFICER, Allowance.LOOKUP, 1);

    // then the person's bucket is kept (the agency's, full again since 10:00:48, is dropped)
    assertThat(limiter.held()).isEqualTo(3);
    // and it holds what it had: two came back since, not three
    admit(POLICE_ANALYST, Allowance.LOOKUP, 2);
    assertThat(refused(POLICE_ANALYST, Allowance.LOOKUP).retryIn())
        .isEqualTo(Duration.ofSeconds(19));
  }

  @Test
  void agencyWithItsOwnAllowanceThenItsPeopleShareThatInstead() {
    // given three people of a force whose own look-up allowance is ten a minute
    for (int i = 0; i < 3; i++) {
      admit(caller("u-force-" + i, "big-force"), Allowance.LOOKUP, 3);
    }
    admit(caller("u-force-3", "big-force"), Allowance.LOOKUP, 1);

    // then the eleventh is refused as the agency's, one back each 6 s
    Refused refused = refused(caller("u-force-3", "big-force"), Allowance.LOOKUP);
    assertThat(refused.scope()).isEqualTo(Scope.AGENCY);
    assertThat(refused.retryIn()).isEqualTo(Duration.ofSeconds(6));
    // and its searches, not set of its own, keep the default of every agency
    assertThat(SETTINGS.perAgency(Allowance.SEARCH, "big-force"))
        .isEqualTo(SETTINGS.searchPerAgency());
    assertThat(SETTINGS.perAgency(Allowance.LOOKUP, "redditch-bc"))
        .isEqualTo(SETTINGS.lookupPerAgency());
  }

  @Test
  void defaultsThenLookupsStricterThanSearches() {
    LimitSettings defaults = LimitSettings.defaults();

    assertThat(defaults.lookupPerUser().intervalNanos())
        .isGreaterThan(defaults.searchPerUser().intervalNanos());
    assertThat(defaults.lookupPerUser().requests()).isLessThan(defaults.searchPerUser().requests());
    assertThat(defaults.lookupPerAgency().requests())
        .isGreaterThan(defaults.lookupPerUser().requests());
  }

  private void admit(Caller caller, Allowance allowance, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(limiter.admit(caller, allowance))
          .as("request %d", i + 1)
          .isInstanceOf(Admitted.class);
    }
  }

  private Refused refused(Caller caller, Allowance allowance) {
    var decision = limiter.admit(caller, allowance);
    assertThat(decision).isInstanceOf(Refused.class);
    return (Refused) decision;
  }

  private static Caller caller(String userId, String agency) {
    return new Caller(
        userId,
        userId,
        AgencyId.of(agency),
        agency.endsWith("police") ? AgencyType.POLICE : AgencyType.LOCAL_AUTHORITY,
        Set.of(Role.SEARCH));
  }
}
