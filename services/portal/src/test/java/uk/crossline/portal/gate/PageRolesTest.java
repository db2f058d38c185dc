package uk.crossline.portal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.crossline.model.Role;

class PageRolesTest {

  @Test
  void pathOfAGroupThenItsRoleAndOtherPathsNone() {
    assertThat(PageRoles.needed("/audit")).contains(Role.AUDIT);
    assertThat(PageRoles.needed("/audit/records/c/1")).contains(Role.AUDIT);
    assertThat(PageRoles.needed("/search/events/x")).contains(Role.SEARCH);
    assertThat(PageRoles.needed("/alerts/stream")).contains(Role.SUBSCRIBE_ALERTS);
    assertThat(PageRoles.needed("/auditor")).isEqualTo(Optional.empty());
    assertThat(PageRoles.needed("/")).isEmpty();
    assertThat(PageRoles.needed("/purpose")).isEmpty();
    assertThat(PageRoles.needed("/signed-out")).isEmpty();
  }
}
