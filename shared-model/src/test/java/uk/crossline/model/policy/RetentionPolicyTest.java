package uk.crossline.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.crossline.model.vocabulary.Category;

class RetentionPolicyTest {

  @Test
  void bundledPolicyHasAReviewPeriodForEveryCategory() {
    // when
    RetentionPolicy policy = RetentionPolicy.bundled();

    // then
    assertThat(policy.reviewPeriods()).containsOnlyKeys(Category.values());
    assertThat(policy.version()).isPositive();
    assertThat(policy.tombstones()).isPositive();
  }

  @Test
  void bundledPolicyIsTheFileInInfra() throws IOException {
    try (InputStream infra =
        Files.newInputStream(Path.of("..", "infra", "policy", "retention.yml"))) {
      assertThat(RetentionPolicy.load(infra)).isEqualTo(RetentionPolicy.bundled());
    }
  }

  @Test
  void bundledPolicyKeepsSafeguardingConcernsLongerThanAntiSocialBehaviour() {
    RetentionPolicy policy = RetentionPolicy.bundled();
    Instant now = Instant.parse("2026-11-25T00:00:00Z");

    for (Category safeguarding :
        new Category[] {
          Category.EXPLOITATION_CONCERN, Category.GROOMING_TACTIC, Category.MISSING_EPISODE
        }) {
      assertThat(policy.reviewCutoff(safeguarding, now))
          .isBefore(policy.reviewCutoff(Category.ANTI_SOCIAL_BEHAVIOUR, now));
    }
  }

  @Test
  void policyWithEveryCategoryLoads() {
    RetentionPolicy policy = load(policyText("P2Y", "P1Y"));

    assertThat(policy.version()).isEqualTo(3);
    assertThat(policy.reviewPeriod(Category.CUCKOOING)).isEqualTo(Period.ofYears(2));
    assertThat(policy.tombstones()).isEqualTo(Period.ofYears(1));
  }

  @Test
  void unknownCategoryIsRefusedNamingIt() {
    String text =
        policyText("P2Y", "P1Y")
            .replace("review-periods:\n", "review-periods:\n  SHOPLIFTING: P1Y\n");

    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(
            PolicyFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo("retention.yml");
              assertThat(e.key()).isEqualTo("review-periods.SHOPLIFTING");
              assertThat(e.reason()).startsWith("not a category; expected one of");
            });
  }

  @Test
  void malformedPeriodIsRefusedNamingTheKey() {
    String text = policyText("P2Y", "P1Y").replace("CUCKOOING: P2Y", "CUCKOOING: 2 years");

    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(
            PolicyFormatException.class,
            e -> {
              assertThat(e.key()).isEqualTo("review-periods.CUCKOOING");
              assertThat(e.reason()).contains("ISO-8601 period");
            });
  }

  @Test
  void periodThatIsNotTextIsRefusedNamingTheKey() {
    String text = policyText("P2Y", "P1Y").replace("tombstones: P1Y", "tombstones: 365");

    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(
            PolicyFormatException.class, e -> assertThat(e.key()).isEqualTo("tombstones"));
  }

  @Test
  void missingCategoryIsRefusedNamingIt() {
    String text = policyText("P2Y", "P1Y").replace("  WEAPONS: P2Y\n", "");

    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(
            PolicyFormatException.class,
            e -> {
              assertThat(e.key()).isEqualTo("review-periods.WEAPONS");
              assertThat(e.reason()).startsWith("required");
            });
  }

  @Test
  void zeroOrNegativePeriodIsRefused() {
    assertThatThrownBy(() -> load(policyText("P0D", "P1Y")))
        .isInstanceOfSatisfying(
            PolicyFormatException.class,
            e -> assertThat(e.reason()).isEqualTo("must be longer than zero"));
    assertThatThrownBy(() -> load(policyText("P2Y", "P-1M")))
        .isInstanceOfSatisfying(
            PolicyFormatException.class, e -> assertThat(e.key()).isEqualTo("tombstones"));
  }

  @Test
  void unknownKeyIsRefusedNamingIt() {
    String text = policyText("P2Y", "P1Y") + "grace: P1M\n";

    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(
            PolicyFormatException.class, e -> assertThat(e.key()).isEqualTo("grace"));
  }

  @Test
  void missingVersionIsRefused() {
    String text = policyText("P2Y", "P1Y").replace("version: 3\n", "");

    assertThatThrownBy(() -> load(text))
        .isInstanceOfSatisfying(
            PolicyFormatException.class, e -> assertThat(e.key()).isEqualTo("version"));
  }

  @Test
  void categoryGivenTwiceIsRefused() {
    String text =
        policyText("P2Y", "P1Y").replace("review-periods:\n", "review-periods:\n  WEAPONS: P9Y\n");

    assertThatThrownBy(() -> load(text))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("WEAPONS");
  }

  @Test
  void cutoffIsCalendarArithmeticInUtc() {
    RetentionPolicy policy = load(policyText("P1Y", "P6M"));
    Instant leapDay = Instant.parse("2028-02-29T10:00:00Z");

    assertThat(policy.reviewCutoff(Category.VIOLENCE, leapDay))
        .isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
    assertThat(policy.tombstoneCutoff(leapDay)).isEqualTo(Instant.parse("2027-08-29T10:00:00Z"));
  }

  @Test
  void nothingIsKeptBeforeTheEarliestCutoff() {
    String text = policyText("P1Y", "P1Y").replace("VIOLENCE: P1Y", "VIOLENCE: P72M");
    Instant now = Instant.parse("2026-11-25T00:00:00Z");

    assertThat(load(text).keptByNoCategoryBefore(now))
        .isEqualTo(Instant.parse("2020-11-25T00:00:00Z"));
  }

  /** A well-formed policy giving every category the same period. */
  private static String policyText(String everyCategory, String tombstones) {
    return "version: 3\nreview-periods:\n"
        + Arrays.stream(Category.values())
            .map(category -> "  " + category.name() + ": " + everyCategory + "\n")
            .collect(Collectors.joining())
        + "tombstones: "
        + tombstones
        + "\n";
  }

  private static RetentionPolicy load(String text) {
    return RetentionPolicy.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
