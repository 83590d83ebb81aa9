package dev.tributary.web;

import dev.tributary.config.TributarySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin token and the sessions the login form hands out. A session is
 * {@code expiry.HMAC(token, expiry)}: nothing to store, valid on every replica that has the same
 * token, and void as soon as the token is rotated.
 */
@ApplicationScoped
public class AdminSession {
  static final String COOKIE = "tributary-admin";

  private final Optional<String> token;
  private final long lifetimeSeconds;
  private final InstantSource clock;

  @Inject
  AdminSession(TributarySettings settings, InstantSource clock) {
    this(settings.admin().token().filter(t -> !t.isBlank()), settings.admin().sessionDuration().toSeconds(), clock);
  }

  AdminSession(Optional<String> token, long lifetimeSeconds, InstantSource clock) {
    this.token = token;
    this.lifetimeSeconds = lifetimeSeconds;
    this.clock = clock;
  }

  /** Whether an admin token is configured (else the admin surface is loopback-only). */
  public boolean tokenRequired() {
    return token.isPresent();
  }

  public boolean isToken(String candidate) {
    return token.isPresent() && candidate != null && MessageDigest.isEqual(
        token.get().getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** A new session value, or empty when no token is configured. */
  Optional<String> open() {
    return token.map(t -> {
      long expiry = clock.instant().getEpochSecond() + lifetimeSeconds;
      return expiry + "." + sign(t, expiry);
    });
  }

  long lifetimeSeconds() {
    return lifetimeSeconds;
  }

  public boolean isValid(String session) {
    if (token.isEmpty() || session == null) {
      return false;
    }
    int dot = session.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    long expiry;
    try {
      expiry = Long.parseLong(session.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    if (expiry <= clock.instant().getEpochSecond()) {
      return false;
    }
    byte[] expected = sign(token.get(), expiry).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, session.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
  }

  private static String sign(String key, long expiry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal(("tributary-admin-session|" + expiry).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
