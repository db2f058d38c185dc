package uk.crossline.alerts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import uk.crossline.alerts.inbox.HeldFor;
import uk.crossline.model.subscription.DigestPeriod;

class PacerTest {

  private static final DigestSettings SETTINGS =
      new DigestSettings(
          LocalTime.of(7, 0),
          ZoneId.of("Europe/London"),
          Duration.ofSeconds(15),
          Duration.ofSeconds(10));
  private final Pacer pacer = new Pacer(null, SETTINGS);

  @Test
  void hourlyDigestThenDueAtTheNextTopOfTheHour() {
    assertThat(pacer.due(DigestPeriod.HOURLY, Instant.parse("2026-11-25T13:05:00Z")))
        .isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));
    assertThat(pacer.due(DigestPeriod.HOURLY, Instant.parse("2026-11-25T13:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));
  }

  @Test
  void dailyDigestThenDueAtSevenUkTimeInWinterAndSummer() {
    // Winter: UK time is UTC.
    assertThat(pacer.due(DigestPeriod.DAILY, Instant.parse("2026-11-25T06:59:59Z")))
        .isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    assertThat(pacer.due(DigestPeriod.DAILY, Instant.parse("2026-11-25T07:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-26T07:00:00Z"));
    // Summer: 07:00 BST is 06:00 UTC.
    assertThat(pacer.due(DigestPeriod.DAILY, Instant.parse("2026-07-01T12:00:00Z")))
        .isEqualTo(Instant.parse("2026-07-02T06:00:00Z"));
  }

  @Test
  void dailyDigestOverTheClocksGoingForwardThenItsPeriodIsTheLocalDay() {
    Instant due = pacer.due(DigestPeriod.DAILY, Instant.parse("2026-03-29T05:00:00Z"));

    assertThat(due).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    assertThat(Pacer.periodStart(HeldFor.Reason.DAILY, due, SETTINGS))
        .isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
  }
}
