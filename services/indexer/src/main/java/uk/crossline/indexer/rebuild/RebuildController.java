package uk.crossline.indexer.rebuild;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.crossline.model.Caller;

/**
 * The projection's admin endpoint, for operators (role OPERATE): its generations, and a rebuild
 * from Kafka. It shows no intelligence.
 */
@RestController
@RequestMapping("/api/v1/admin/projection")
class RebuildController {

  private static final URI STATE = URI.create("/api/v1/admin/projection");

  private final ProjectionRebuild rebuild;

  RebuildController(ProjectionRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @GetMapping
  @PreAuthorize("hasRole('OPERATE')")
  ProjectionState state() {
    return rebuild.state();
  }

  /** Starts a rebuild and answers at once; its progress is at {@code GET} of the projection. */
  @PostMapping("/rebuild")
  @PreAuthorize("hasRole('OPERATE')")
  ResponseEntity<ProjectionState> rebuild(Caller caller) {
    return ResponseEntity.accepted().location(STATE).body(rebuild.start(caller));
  }
}
