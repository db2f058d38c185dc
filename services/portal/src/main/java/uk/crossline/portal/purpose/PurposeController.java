package uk.crossline.portal.purpose;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The question page: "Why are you looking?", before any consultation. */
@Controller
class PurposeController {

  @GetMapping("/purpose")
  String ask(@RequestParam(defaultValue = "/") String next, HttpSession session, Model model) {
    model.addAttribute("next", safe(next));
    model.addAttribute("purpose", Purpose.of(session).orElse(""));
    return "purpose";
  }

  @PostMapping("/purpose")
  String give(
      @RequestParam(defaultValue = "") String purpose,
      @RequestParam(defaultValue = "/") String next,
      HttpSession session,
      Model model) {
    Optional<String> problem = Purpose.problem(purpose);
    if (problem.isPresent()) {
      model.addAttribute("next", safe(next));
      model.addAttribute("purpose", purpose);
      model.addAttribute("error", problem.get());
      return "purpose";
    }
    Purpose.set(session, purpose.strip());
    return "redirect:" + safe(next);
  }

  /** Only a path of this portal: never an address elsewhere (an open redirect). */
  static String safe(String next) {
    return next != null
            && next.startsWith("/")
            && !next.startsWith("//")
            && !next.contains("\\")
            && next.chars().noneMatch(Character::isISOControl)
        ? next
        : "/";
  }
}
