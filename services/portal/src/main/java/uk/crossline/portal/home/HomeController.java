package uk.crossline.portal.home;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.crossline.model.Role;
import uk.crossline.portal.signin.SignedIn;

/** The start page lists the tasks the person's roles allow, and no others. */
@Controller
class HomeController {

  /** A task on the start page: where it is and what it is for. */
  record Task(String title, String href, String description) {}

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute(
        "tasks",
        model.getAttribute("signedIn") instanceof SignedIn person ? tasksFor(person) : List.of());
    return "home";
  }

  @GetMapping("/signed-out")
  String signedOut() {
    return "signed-out";
  }

  static List<Task> tasksFor(SignedIn person) {
    List<Task> tasks = new ArrayList<>();
    if (person.has(Role.SUBMIT)) {
      tasks.add(
          new Task(
              "Submit a report",
              "/submit",
              "Tell partners what your agency has seen. Personal details are replaced by tokens"
                  + " before anything leaves your agency."));
    }
    if (person.has(Role.SEARCH)) {
      tasks.add(
          new Task(
              "Search intelligence",
              "/search",
              "Search what partners have shared with your agency, across council and police"
                  + " boundaries."));
    }
    if (person.has(Role.SEARCH)) {
      tasks.add(
          new Task(
              "Map of reports",
              "/map",
              "See where the reports your agency may see are, by district and on a coarse grid,"
                  + " and get alerts for a district."));
    }
    if (person.has(Role.SUBSCRIBE_ALERTS)) {
      tasks.add(
          new Task(
              "Alerts",
              "/alerts",
              "Your alerts about what happens in the areas you follow, and your subscriptions."));
    }
    if (person.has(Role.READ_STATISTICS)) {
      tasks.add(
          new Task(
              "Statistics",
              "/statistics",
              "Counts by priority, district, month and agency type, with small numbers"
                  + " suppressed."));
    }
    if (person.has(Role.AUDIT)) {
      tasks.add(
          new Task(
              "Access log",
              "/audit",
              "Who looked at what, when and why; and a check that the log is whole."));
    }
    return tasks;
  }
}
