package dev.tributary.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for identity keys (long URLs and guids are indexed by their hash). */
public final class Hashes {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private Hashes() {}

  public static byte[] sha256(String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        md.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The identity key of these parts: the first 128 bits of their SHA-256 (see {@link HashKey}). */
  public static HashKey key(String... parts) {
    return HashKey.of(sha256(parts));
  }

  public static String hex(String... parts) {
    return HexFormat.of().formatHex(sha256(parts));
  }

  /** A short lower-case base32 token (130 bits) for public ids. */
  public static String token(String... parts) {
    byte[] h = sha256(parts);
    StringBuilder out = new StringBuilder(26);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; out.length() < 26; ) {
      if (bits < 5) {
        buffer = (buffer << 8) | (h[i++] & 0xff);
        bits += 8;
      }
      out.append(BASE32[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
    return out.toString();
  }
}
