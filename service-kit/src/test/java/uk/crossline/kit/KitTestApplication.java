package uk.crossline.kit;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.model.Caller;

/** A minimal service on the kit, as every Crossline service will be: for the kit's own tests. */
@SpringBootApplication
public class KitTestApplication {

  @RestController
  static class WhoAmI {

    @GetMapping("/api/v1/whoami")
    Map<String, Object> whoAmI(Caller caller) {
      return Map.of(
          "username", caller.username(),
          "agency", caller.agency().value(),
          "agencyType", caller.agencyType().name(),
          "roles", caller.roles());
    }

    @GetMapping("/api/v1/access-log")
    @PreAuthorize("hasRole('AUDIT')")
    Map<String, Object> accessLog() {
      return Map.of("entries", 0);
    }
  }
}
