package dev.tributary.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHashTest {

  private final MinHash minHash = new MinHash(64, 3, 0x5eedL);

  private static List<String> words(String text) {
    return Arrays.asList(text.split(" "));
  }

  // equal slots of the full 32-bit signatures
  private static int sameSlots(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      same += a[i] == b[i] ? 1 : 0;
    }
    return same;
  }

  @Test
  void compactKeepsEachSlotsLowHalf() {
    assertArrayEquals(new char[] {0x5678, 0x0001, 0xffff}, MinHash.compact(new int[] {0x12345678, 0xffff0001, 0x0000ffff}));
  }

  @Test
  void compactSignaturesEstimateAsTheFullOnes() {
    String base = "the council voted on tuesday to close the old bridge over the river after engineers found "
        + "cracks in two of its piers and said repairs would take at least a year to finish";
    List<String> a = words(base);
    List<String> edited = new ArrayList<>(a);
    edited.set(5, "wednesday");
    edited.set(20, "three");
    int[] sa = minHash.signature(a);
    int[] se = minHash.signature(edited);
    assertEquals(sameSlots(sa, se) / 64.0, MinHash.similarity(MinHash.compact(sa), MinHash.compact(se)), 1e-12);
    assertEquals(1.0, MinHash.similarity(MinHash.compact(sa), MinHash.compact(sa)));
    assertEquals(0.0, MinHash.similarity(MinHash.compact(sa), MinHash.compact(minHash.signature(List.of()))));
  }

  @Test
  void compactSlotsOfUnrelatedTextsRarelyCollide() {
    // 200 texts of 100 words drawn from 5,000: next to no shingle in common, so the full signatures
    // share next to no slot, and the compact ones may add only about one slot in 65,536
    SplittableRandom random = new SplittableRandom(7);
    List<int[]> full = new ArrayList<>();
    for (int t = 0; t < 200; t++) {
      List<String> text = new ArrayList<>();
      for (int w = 0; w < 100; w++) {
        text.add("w" + random.nextInt(5_000));
      }
      full.add(minHash.signature(text));
    }
    long slots = 0;
    long spurious = 0;
    for (int i = 0; i < full.size(); i++) {
      for (int j = i + 1; j < full.size(); j++) {
        double compact = MinHash.similarity(MinHash.compact(full.get(i)), MinHash.compact(full.get(j)));
        spurious += Math.round(compact * 64) - sameSlots(full.get(i), full.get(j));
        slots += 64;
      }
    }
    // expected about 19 of 1.27 million; the slots' high halves would collide over a hundred times as often
    assertTrue(spurious < 60, "spurious equal slots: " + spurious + " of " + slots);
  }
}
