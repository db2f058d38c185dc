package uk.crossline.kit.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import uk.crossline.model.Caller;

/** A verified token and the {@link Caller} it speaks for. */
public final class CallerAuthentication extends JwtAuthenticationToken {

  private final Caller caller;

  CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
    super(jwt, authorities, caller.username());
    this.caller = caller;
  }

  public Caller caller() {
    return caller;
  }
}
