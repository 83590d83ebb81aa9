package dev.tributary.store;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * An identity key as the item table stores it: the first 128 bits of a SHA-256 digest, 16 bytes
 * in a column instead of 64 hex characters (every index entry and page of the table shrinks). At
 * 128 bits two different guids, links or contents of one store share a key with odds far below
 * any hardware fault's; a record of two longs, so keys compare and hash as values in maps.
 */
public record HashKey(long high, long low) {
  public static final int BYTES = 16;

  /** The key of a digest of at least 16 bytes (its first 16), or of a stored column (null stays null). */
  public static HashKey of(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length < BYTES) {
      throw new IllegalArgumentException("a key is " + BYTES + " bytes, not " + bytes.length);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return new HashKey(b.getLong(), b.getLong());
  }

  /** The 16 bytes the column holds, big-endian: the digest's first 16 bytes. */
  public byte[] bytes() {
    return ByteBuffer.allocate(BYTES).putLong(high).putLong(low).array();
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes());
  }
}
