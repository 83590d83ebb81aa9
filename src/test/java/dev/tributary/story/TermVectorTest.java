package dev.tributary.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TermVectorTest {

  @Test
  void dotAndNormMatchTheMapComputation() {
    var random = new SplittableRandom(3);
    var vocabulary = new Vocabulary();
    // ids spread over a large vocabulary so that gaps need several bytes
    for (int i = 0; i < 40_000; i++) vocabulary.id("filler" + i);
    for (int round = 0; round < 200; round++) {
      Map<String, Float> a = randomVector(random), b = randomVector(random);
      TermVector va = TermVector.of(a, vocabulary), vb = TermVector.of(b, vocabulary);
      float[] table = vocabulary.weights();
      double expected = 0;
      for (var e : a.entrySet()) {
        Float w = b.get(e.getKey());
        if (w != null) expected += e.getValue() * w * 4.0;
      }
      assertEquals(expected, va.dot(vb, table, id -> 2.0), 1e-9);
      double norm = Math.sqrt(a.values().stream().mapToDouble(w -> w.doubleValue() * w * 4.0).sum());
      assertEquals(norm, va.norm(table, id -> 2.0), 1e-9);
      int[] ids = a.keySet().stream().mapToInt(vocabulary::id).sorted().toArray();
      assertArrayEquals(ids, va.ids());
    }
  }

  @Test
  void aDecodedVectorDotsToTheSameDouble() {
    var random = new SplittableRandom(5);
    var vocabulary = new Vocabulary();
    for (int i = 0; i < 40_000; i++) vocabulary.id("filler" + i);
    for (int round = 0; round < 500; round++) {
      TermVector va = TermVector.of(randomVector(random), vocabulary), vb = TermVector.of(randomVector(random), vocabulary);
      float[] table = vocabulary.weights();
      TermVector.Decoded da = va.decoded(table);
      assertArrayEquals(va.ids(), da.ids());
      // an IDF that differs by id: any change in which products are summed, or in what order, shows
      java.util.function.IntToDoubleFunction idf = id -> 1.0 + (id % 97) / 13.0;
      assertEquals(va.dot(vb, table, idf), da.dot(vb, table, idf), 0.0);
      assertEquals(va.dot(va, table, idf), da.dot(va, table, idf), 0.0);
      assertEquals(0.0, TermVector.EMPTY.decoded(table).dot(vb, table, idf), 0.0);
    }
  }

  @Test
  void aVectorDecodedWithItsIdfDotsAndNormsToTheSameDoubles() {
    var random = new SplittableRandom(9);
    var vocabulary = new Vocabulary();
    for (int i = 0; i < 40_000; i++) vocabulary.id("filler" + i);
    java.util.function.IntToDoubleFunction idf = id -> Math.log(50_001.0 / (id % 1_000 + 0.5)) + 1.0;
    for (int round = 0; round < 300; round++) {
      Map<String, Float> a = randomVector(random), b = randomVector(random);
      if (random.nextBoolean()) b.putAll(a);
      TermVector va = TermVector.of(a, vocabulary), vb = TermVector.of(b, vocabulary);
      float[] table = vocabulary.weights();
      TermVector.Decoded da = va.decoded(table, idf);
      assertEquals(va.norm(table, idf), da.norm(), 0.0);
      // the IDF given to dot is not read once the decoded vector has its own
      assertEquals(va.dot(vb, table, idf), da.dot(vb, table, id -> Double.NaN), 0.0);
      assertEquals(va.decoded(table).dot(vb, table, idf), da.dot(vb, table, idf), 0.0);
    }
  }

  @Test
  void aDecodedVectorDotsToTheSameDoubleWhereManyIdsAreShared() {
    var random = new SplittableRandom(7);
    var vocabulary = new Vocabulary();
    for (int i = 0; i < 40_000; i++) vocabulary.id("filler" + i);
    java.util.function.IntToDoubleFunction idf = id -> 1.0 + (id % 89) / 7.0;
    for (int round = 0; round < 300; round++) {
      // long vectors over a small range share many ids, and ids 1,024 apart share a filter bit
      Map<String, Float> a = new HashMap<>(), b = new HashMap<>();
      int range = random.nextInt(1, 3_000);
      for (int i = random.nextInt(0, 400); i > 0; i--) a.put("filler" + random.nextInt(0, range), 1f + random.nextInt(0, 9) / 4f);
      for (int i = random.nextInt(0, 400); i > 0; i--) b.put("filler" + random.nextInt(0, range), 1f + random.nextInt(0, 9) / 3f);
      if (random.nextBoolean()) b.putAll(a);
      TermVector va = TermVector.of(a, vocabulary), vb = TermVector.of(b, vocabulary);
      float[] table = vocabulary.weights();
      assertEquals(va.dot(vb, table, idf), va.decoded(table).dot(vb, table, idf), 0.0);
      assertEquals(vb.dot(va, table, idf), vb.decoded(table).dot(va, table, idf), 0.0);
    }
  }

  @Test
  void weightsReadBackThroughEachEncoding() {
    var random = new SplittableRandom(11);
    var vocabulary = new Vocabulary();
    for (int i = 0; i < 40_000; i++) vocabulary.id("filler" + i);
    // distinct weights fill the one-byte codes, then the two-byte codes, then none are left
    int distinct = 0;
    for (int stage = 0; stage < 3; stage++) {
      for (int round = 0; round < 50; round++) {
        Map<String, Float> a = new HashMap<>();
        int n = random.nextInt(1, 60);
        for (int i = 0; i < n; i++) {
          a.put("t" + random.nextInt(0, 100_000), stage == 0 ? 1f + random.nextInt(0, 50) / 8f : 1000f + distinct++);
        }
        TermVector v = TermVector.of(a, vocabulary);
        float[] table = vocabulary.weights();
        int[] ids = v.ids();
        for (int i = 0; i < ids.length; i++) {
          assertEquals(a.get(vocabulary.string(ids[i])), v.weight(i, table), 0f);
        }
        double norm = Math.sqrt(a.values().stream().mapToDouble(w -> w.doubleValue() * w).sum());
        assertEquals(norm, v.norm(table, id -> 1.0), 1e-6 * norm);
      }
      // past 256 distinct weights: two-byte codes; past 65,536: exact floats
      distinct += stage == 0 ? 300 : 70_000;
      for (int i = 0; i < (stage == 0 ? 300 : 70_000); i++) vocabulary.weightCode(2000f + i + stage * 100_000);
    }
  }

  @Test
  void weightCodesAreHandedOutInOrderOfFirstSightUntilSixteenBitsAreTaken() {
    var vocabulary = new Vocabulary();
    // the same weight keeps its code; zero and minus zero differ in their bits, so in their codes
    assertEquals(0, vocabulary.weightCode(1f));
    assertEquals(1, vocabulary.weightCode(0f));
    assertEquals(2, vocabulary.weightCode(-0f));
    assertEquals(0, vocabulary.weightCode(1f));
    assertEquals(3, vocabulary.weightCode(Float.NaN));
    assertEquals(3, vocabulary.weightCode(Float.NaN));
    for (int i = 4; i <= Character.MAX_VALUE; i++) {
      assertEquals(i, vocabulary.weightCode(Float.intBitsToFloat(i << 12)), "weight " + i);
    }
    for (int i = 4; i <= Character.MAX_VALUE; i += 997) {
      assertEquals(i, vocabulary.weightCode(Float.intBitsToFloat(i << 12)), "weight " + i);
      assertEquals(Float.intBitsToFloat(i << 12), vocabulary.weights()[i]);
    }
    assertEquals(-1, vocabulary.weightCode(12345.5f));
    assertEquals(0, vocabulary.weightCode(1f));
  }

  @Test
  void sweepFreesOnlyUnusedIds() {
    var vocabulary = new Vocabulary();
    int kept = vocabulary.id("kept");
    int dropped = vocabulary.id("dropped");
    vocabulary.retain(new int[] {kept});
    vocabulary.sweep();
    assertEquals(kept, vocabulary.id("kept"));
    assertEquals(1, vocabulary.size());
    // the freed id is handed out again
    assertEquals(dropped, vocabulary.id("new"));
  }

  private static Map<String, Float> randomVector(SplittableRandom random) {
    Map<String, Float> v = new HashMap<>();
    int n = random.nextInt(0, 60);
    for (int i = 0; i < n; i++) {
      int term = random.nextInt(0, random.nextBoolean() ? 100 : 100_000);
      v.put("t" + term, (float) (1 + Math.log(1 + random.nextInt(1, 6))));
    }
    return v;
  }
}
