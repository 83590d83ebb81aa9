package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongMapTest {

  @Test
  void agreesWithAHashMapThroughRandomPutsAndRemovals() {
    SplittableRandom random = new SplittableRandom(7);
    LongMap<String> map = new LongMap<>();
    Map<Long, String> expected = new HashMap<>();
    for (int step = 0; step < 200_000; step++) {
      // few distinct keys, 0 and negatives among them: collisions, long probe runs, removals mid-run
      long key = random.nextInt(3_000) - 100;
      if (random.nextInt(3) == 0) {
        assertThat(map.remove(key)).isEqualTo(expected.remove(key));
      } else {
        String value = "v" + step;
        assertThat(map.put(key, value)).isEqualTo(expected.put(key, value));
      }
      if (step % 997 == 0) {
        for (long k = -100; k < 2_900; k++) {
          assertThat(map.get(k)).isEqualTo(expected.get(k));
        }
        assertThat(map.size()).isEqualTo(expected.size());
      }
    }
    // emptied again: the table shrinks and still finds what is left
    for (long k = -100; k < 2_850; k++) {
      map.remove(k);
      expected.remove(k);
    }
    assertThat(map.size()).isEqualTo(expected.size());
    for (long k = -100; k < 2_900; k++) {
      assertThat(map.get(k)).isEqualTo(expected.get(k));
    }
  }

  @Test
  void keysThatShareASlotAreEachFoundAfterOneOfThemGoes() {
    LongMap<String> map = new LongMap<>();
    // multiples of 2^32 times the golden ratio's inverse land close together in a small table
    for (long k = 1; k <= 9; k++) {
      map.put(k << 40, "k" + k);
    }
    map.remove(3L << 40);
    for (long k = 1; k <= 9; k++) {
      assertThat(map.get(k << 40)).isEqualTo(k == 3 ? null : "k" + k);
    }
  }

  @Test
  void removesByValueOnlyWhenMappedToIt() {
    LongMap<String> map = new LongMap<>();
    String a = "a";
    map.put(5, a);
    assertThat(map.remove(5, "b")).isFalse();
    assertThat(map.get(5)).isSameAs(a);
    assertThat(map.remove(5, a)).isTrue();
    assertThat(map.containsKey(5)).isFalse();
    map.put(0, a);
    assertThat(map.get(0)).isSameAs(a);
    assertThat(map.size()).isEqualTo(1);
    map.put(0, null);
    assertThat(map.size()).isZero();
  }

  @Test
  void aCopyGoesOnApart() {
    LongMap<String> map = new LongMap<>();
    for (long k = 0; k < 100; k++) {
      map.put(k, "v" + k);
    }
    LongMap<String> copy = new LongMap<>();
    copy.copyFrom(map);
    map.remove(7);
    map.put(200, "new");
    copy.put(7, "changed");
    assertThat(copy.get(7)).isEqualTo("changed");
    assertThat(copy.get(200)).isNull();
    assertThat(map.get(7)).isNull();
    assertThat(copy.size()).isEqualTo(100);
    assertThat(map.size()).isEqualTo(100);
    map.clear();
    assertThat(map.size()).isZero();
    assertThat(copy.get(99)).isEqualTo("v99");
  }
}
