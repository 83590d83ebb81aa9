package dev.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashKeyTest {
  @Test
  void aKeyIsTheDigestsFirstSixteenBytesAndComesBackFromThem() {
    byte[] digest = Hashes.sha256("a guid");
    HashKey key = Hashes.key("a guid");

    assertThat(key.bytes()).hasSize(16).isEqualTo(Arrays.copyOf(digest, 16));
    assertThat(HashKey.of(key.bytes())).isEqualTo(key);
    // what V12 keeps of a stored hex digest: its first 32 digits
    assertThat(key.toString()).isEqualTo(Hashes.hex("a guid").substring(0, 32));
    assertThat(HexFormat.of().parseHex(key.toString())).isEqualTo(key.bytes());
  }

  @Test
  void keysAreValuesInSetsAndMaps() {
    Set<HashKey> seen = new java.util.HashSet<>(Set.of(Hashes.key("one"), Hashes.key("two")));

    assertThat(seen.add(HashKey.of(Hashes.key("one").bytes()))).isFalse();
    assertThat(seen).contains(Hashes.key("two")).doesNotContain(Hashes.key("three"));
    assertThat(Hashes.key("a", "bc")).isNotEqualTo(Hashes.key("ab", "c"));
  }

  @Test
  void aMissingColumnIsNoKeyAndAShortOneIsRefused() {
    assertThat(HashKey.of(null)).isNull();
    assertThatThrownBy(() -> HashKey.of(new byte[8])).isInstanceOf(IllegalArgumentException.class);
  }
}
