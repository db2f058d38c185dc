package uk.crossline.model.audit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import java.util.regex.Pattern;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;

/** Who did it: a person acting for an agency, or a component of the hub acting on its own. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = AuditActor.Person.class, name = "PERSON"),
  @JsonSubTypes.Type(value = AuditActor.SystemComponent.class, name = "SYSTEM")
})
public sealed interface AuditActor {

  /** The person behind a verified token, as the token names them. */
  static Person of(Caller caller) {
    return new Person(caller.userId(), caller.username(), caller.agency(), caller.agencyType());
  }

  static SystemComponent system(String component) {
    return new SystemComponent(component);
  }

  /**
   * @param userId the identity provider's stable subject id
   * @param username the name the person signs in with, which auditors recognise
   */
  record Person(String userId, String username, AgencyId agency, AgencyType agencyType)
      implements AuditActor {

    public Person {
      AuditChecks.text("actor.userId", userId, 256);
      AuditChecks.text("actor.username", username, 256);
      Objects.requireNonNull(agency, "actor.agency");
      Objects.requireNonNull(agencyType, "actor.agencyType");
    }
  }

  /**
   * @param component the service that acted, e.g. {@code crossline-indexer}
   */
  record SystemComponent(String component) implements AuditActor {

    private static final Pattern FORM = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    public SystemComponent {
      Objects.requireNonNull(component, "actor.component");
      if (component.length() > 64 || !FORM.matcher(component).matches()) {
        throw new IllegalArgumentException(
            "actor.component: lower-case words joined by hyphens or dots, at most 64 characters");
      }
    }
  }
}
