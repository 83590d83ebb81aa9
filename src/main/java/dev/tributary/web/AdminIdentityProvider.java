package dev.tributary.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Checks the bearer token or the login session (constant-time); either makes the caller admin. */
@ApplicationScoped
public class AdminIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  @Inject AdminSession session;

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String value = request.getToken().getToken();
    String type = request.getToken().getType();
    boolean ok = AdminAuthMechanism.BEARER.equals(type) ? session.isToken(value)
        : AdminAuthMechanism.SESSION.equals(type) && session.isValid(value);
    return ok ? Uni.createFrom().item(AdminAuthMechanism.admin(AdminAuthMechanism.BEARER.equals(type) ? "token" : "session"))
        : Uni.createFrom().failure(new AuthenticationFailedException("wrong admin token or expired session"));
  }
}
