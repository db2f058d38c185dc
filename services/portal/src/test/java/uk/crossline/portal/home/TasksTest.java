package uk.crossline.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Role;
import uk.crossline.portal.gate.PageRoles;
import uk.crossline.portal.signin.SignedIn;

class TasksTest {

  @Test
  void everyTaskOfferedToExactlyTheRolesItsPagesLetIn() {
    for (Tasks.Task task : Tasks.ALL) {
      assertThat(PageRoles.needed(task.href())).as(task.href()).isEqualTo(task.roles());
    }
  }

  @Test
  void personWithOnlySubmitThenSubmitAndAccessRequestsOnly() {
    SignedIn schoolLead = person(Role.SUBMIT);

    assertThat(Tasks.of(schoolLead))
        .extracting(Tasks.Task::href)
        .containsExactly("/submit", "/access-requests");
  }

  @Test
  void personWithNoRoleOfThePortalThenNoTask() {
    assertThat(Tasks.of(person(Role.OPERATE))).isEmpty();
  }

  private static SignedIn person(Role... roles) {
    return new SignedIn(
        "someone", AgencyId.of("redditch-bc"), AgencyType.LOCAL_AUTHORITY, Set.of(roles));
  }
}
