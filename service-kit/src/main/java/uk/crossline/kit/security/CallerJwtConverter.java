package uk.crossline.kit.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.crossline.model.Caller;

/**
 * Maps the roles of a token to {@code ROLE_*} authorities, so rules read {@code hasRole('AUDIT')}.
 */
final class CallerJwtConverter implements Converter<Jwt, CallerAuthentication> {

  @Override
  public CallerAuthentication convert(Jwt jwt) {
    Caller caller = CallerClaims.callerOf(jwt);
    List<GrantedAuthority> authorities =
        caller.roles().stream()
            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
            .toList();
    return new CallerAuthentication(jwt, authorities, caller);
  }
}
