package dev.tributary.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinHashTest {

  private final MinHash minHash = new MinHash(64, 3, 0x5eedL);

  private static List<String> words(String text) {
    return Arrays.asList(text.split(" "));
  }

  // the share of equal slots of the full 32-bit signatures
  private static double fullSimilarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      same += a[i] == b[i] ? 1 : 0;
    }
    return same / (double) a.length;
  }

  @Test
  void compactKeepsEachSlotsHighHalf() {
    assertArrayEquals(new char[] {0x1234, 0xffff, 0}, MinHash.compact(new int[] {0x12345678, 0xffff0001, 0x0000ffff}));
  }

  @Test
  void compactSignaturesEstimateAsTheFullOnes() {
    String base = "the council voted on tuesday to close the old bridge over the river after engineers found "
        + "cracks in two of its piers and said repairs would take at least a year to finish";
    List<String> a = words(base);
    List<String> edited = new ArrayList<>(a);
    edited.set(5, "wednesday");
    edited.set(20, "three");
    List<String> other = words("shares of the carmaker fell sharply in early trading after it cut its forecast for the "
        + "year citing weaker demand in europe and higher costs for batteries and steel");
    int[] sa = minHash.signature(a);
    for (List<String> b : List.of(a, edited, other)) {
      int[] sb = minHash.signature(b);
      assertEquals(fullSimilarity(sa, sb), MinHash.similarity(MinHash.compact(sa), MinHash.compact(sb)), 1e-12);
    }
    assertEquals(1.0, MinHash.similarity(MinHash.compact(sa), MinHash.compact(sa)));
    assertEquals(0.0, MinHash.similarity(MinHash.compact(sa), MinHash.compact(minHash.signature(List.of()))));
  }
}
