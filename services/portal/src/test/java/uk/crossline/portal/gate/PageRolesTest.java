package uk.crossline.portal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.crossline.model.Role;

class PageRolesTest {

  @Test
  void pathOfAGroupThenItsRolesAndOtherPathsNone() {
    assertThat(PageRoles.needed("/audit")).containsExactly(Role.AUDIT);
    assertThat(PageRoles.needed("/audit/records/c/1")).containsExactly(Role.AUDIT);
    assertThat(PageRoles.needed("/search/events/x/links")).containsExactly(Role.SEARCH);
    assertThat(PageRoles.needed("/alerts/stream")).containsExactly(Role.SUBSCRIBE_ALERTS);
    assertThat(PageRoles.needed("/auditor")).isEmpty();
    assertThat(PageRoles.needed("/")).isEmpty();
    assertThat(PageRoles.needed("/purpose")).isEmpty();
    assertThat(PageRoles.needed("/signed-out")).isEmpty();
  }

  @Test
  void longestPathDecides() {
    assertThat(PageRoles.needed("/access-requests"))
        .containsExactlyInAnyOrder(Role.SUBMIT, Role.SEARCH);
    assertThat(PageRoles.needed("/access-requests/4f7e/decision"))
        .containsExactlyInAnyOrder(Role.SUBMIT, Role.SEARCH);
    assertThat(PageRoles.needed("/access-requests/sent")).containsExactly(Role.SEARCH);
    assertThat(PageRoles.needed("/access-requests/ask")).containsExactly(Role.SEARCH);
  }
}
