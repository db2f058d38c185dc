package uk.crossline.search.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings as an operator writes them, bound as Spring Boot binds them. */
class LimitSettingsTest {

  @Test
  void nothingSetThenTheDefaults() {
    LimitSettings settings = bind(Map.of());

    assertThat(settings).isEqualTo(LimitSettings.defaults());
    assertThat(settings.lookupPerUser())
        .isEqualTo(new LimitSettings.Rate(30, Duration.ofMinutes(10)));
    assertThat(settings.perAgency(Allowance.LOOKUP, "west-mercia-police"))
        .isEqualTo(new LimitSettings.Rate(300, Duration.ofMinutes(10)));
  }

  @Test
  void onlyRequestsSetThenPerIsTenMinutes() {
    LimitSettings settings =
        bind(
            Map.of(
                "crossline.search.limits.lookup-per-user.requests", "3",
                "crossline.search.limits.search-per-user.requests", "60",
                "crossline.search.limits.search-per-user.per", "1m"));

    assertThat(settings.lookupPerUser())
        .isEqualTo(new LimitSettings.Rate(3, Duration.ofMinutes(10)));
    assertThat(settings.searchPerUser())
        .isEqualTo(new LimitSettings.Rate(60, Duration.ofMinutes(1)));
  }

  @Test
  void agencyOfItsOwnThenThatAgencysAllowanceOnlyAndOnlyWhatIsSet() {
    LimitSettings settings =
        bind(
            Map.of(
                "crossline.search.limits.agencies.west-mercia-police.lookup.requests", "900",
                "crossline.search.limits.agencies.west-mercia-police.lookup.per", "10m"));

    assertThat(settings.perAgency(Allowance.LOOKUP, "west-mercia-police"))
        .isEqualTo(new LimitSettings.Rate(900, Duration.ofMinutes(10)));
    assertThat(settings.perAgency(Allowance.SEARCH, "west-mercia-police"))
        .isEqualTo(LimitSettings.defaults().searchPerAgency());
    assertThat(settings.perAgency(Allowance.LOOKUP, "redditch-bc"))
        .isEqualTo(LimitSettings.defaults().lookupPerAgency());
  }

  @Test
  void noRequestsAtAllThenRefusedAtStartUp() {
    assertThatThrownBy(() -> bind(Map.of("crossline.search.limits.lookup-per-user.requests", "0")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("requests must be at least 1");
  }

  private static LimitSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("crossline.search.limits", LimitSettings.class);
  }
}
