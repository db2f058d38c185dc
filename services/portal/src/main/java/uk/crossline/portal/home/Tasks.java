package uk.crossline.portal.home;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.crossline.model.Role;
import uk.crossline.portal.signin.SignedIn;

/**
 * The portal's tasks, each offered to the roles that may do it: the service navigation and the
 * start page list the person's, from this one list, as {@value #ATTRIBUTE} on every page.
 */
@ControllerAdvice
class Tasks {

  static final String ATTRIBUTE = "tasks";

  /**
   * A task: what the start page and the navigation call it, where it is, what it is for, and the
   * roles it is offered to (any one of them).
   */
  record Task(String title, String label, String href, String description, Set<Role> roles) {

    boolean offeredTo(SignedIn person) {
      return roles.stream().anyMatch(person::has);
    }
  }

  static final List<Task> ALL =
      List.of(
          new Task(
              "Submit a report",
              "Submit",
              "/submit",
              "Tell partners what your agency has seen. Personal details are replaced by tokens"
                  + " before anything leaves your agency.",
              Set.of(Role.SUBMIT)),
          new Task(
              "Search intelligence",
              "Search",
              "/search",
              "Search what partners have shared with your agency, across council and police"
                  + " boundaries.",
              Set.of(Role.SEARCH)),
          new Task(
              "Map of reports",
              "Map",
              "/map",
              "See where the reports your agency may see are, by district and on a coarse grid,"
                  + " and get alerts for a district.",
              Set.of(Role.SEARCH)),
          new Task(
              "Look up an identifier",
              "Look up",
              "/lookup",
              "See the reports that name a phone number, vehicle, social media handle or email,"
                  + " and whether other agencies hold something you could ask for.",
              Set.of(Role.SEARCH)),
          new Task(
              "Premises",
              "Premises",
              "/premises",
              "Every agency's flags on a shop or other business premises, by UPRN or by name"
                  + " and postcode.",
              Set.of(Role.SEARCH)),
          new Task(
              "Access requests",
              "Access requests",
              "/access-requests",
              "Decide on partners' requests to see your agency's reports, and follow your own.",
              Set.of(Role.SUBMIT, Role.SEARCH)),
          new Task(
              "Alerts",
              "Alerts",
              "/alerts",
              "Your alerts about what happens in the areas you follow, and your subscriptions.",
              Set.of(Role.SUBSCRIBE_ALERTS)),
          new Task(
              "Statistics",
              "Statistics",
              "/statistics",
              "Counts by priority, district, month and agency type, with small numbers"
                  + " suppressed.",
              Set.of(Role.READ_STATISTICS)),
          new Task(
              "Access log",
              "Access log",
              "/audit",
              "Who looked at what, when and why; and a check that the log is whole.",
              Set.of(Role.AUDIT)));

  @ModelAttribute(ATTRIBUTE)
  List<Task> tasks(@AuthenticationPrincipal OidcUser user) {
    return user == null ? List.of() : SignedIn.of(user).map(Tasks::of).orElse(List.of());
  }

  static List<Task> of(SignedIn person) {
    return ALL.stream().filter(task -> task.offeredTo(person)).toList();
  }
}
