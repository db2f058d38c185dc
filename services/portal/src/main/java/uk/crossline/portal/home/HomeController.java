package uk.crossline.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page lists the tasks the person's roles allow ({@link Tasks}), and no others. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }

  @GetMapping("/signed-out")
  String signedOut() {
    return "signed-out";
  }
}
