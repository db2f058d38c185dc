package uk.crossline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void agencyIdWhenNotLowerCaseHyphenatedThenRefused() {
    assertThatThrownBy(() -> AgencyId.of("West Mercia Police"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agency id");
    assertThat(AgencyId.of("west-mercia-police").value()).isEqualTo("west-mercia-police");
  }

  @Test
  void unknownRoleClaimGrantsNothing() {
    assertThat(Role.fromClaim("offline_access")).isEmpty();
    assertThat(Role.fromClaim("SEARCH")).contains(Role.SEARCH);
  }

  @Test
  void callerHasOnlyTheRolesItWasGiven() {
    var caller =
        new Caller(
            "id-1",
            "redditch.cso",
            AgencyId.of("redditch-bc"),
            AgencyType.LOCAL_AUTHORITY,
            Set.of(Role.SEARCH));

    assertThat(caller.has(Role.SEARCH)).isTrue();
    assertThat(caller.has(Role.LINK_ANALYSIS)).isFalse();
  }
}
