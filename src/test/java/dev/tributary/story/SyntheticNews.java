package dev.tributary.story;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded synthetic news items: Zipf-distributed words from a made-up vocabulary, spread over time. */
final class SyntheticNews {

  private static final String[] SYLLABLES = {
    "ka", "ro", "mi", "ta", "sen", "vol", "dar", "li", "po", "nek", "sha", "tur", "bel", "ga", "fi",
    "lo", "mar", "zan", "ti", "del", "ko", "ru", "vin", "sta", "pre", "nor", "ek", "al", "dun", "mes"
  };

  private final SplittableRandom random;
  private final String[] words;
  private final String[] names;
  private final double[] cumulative;
  private final Instant start;
  private final long secondsPerItem;

  SyntheticNews(long seed, int vocabulary, Instant start, long secondsPerItem) {
    this.random = new SplittableRandom(seed);
    this.start = start;
    this.secondsPerItem = secondsPerItem;
    words = new String[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      words[i] = word(2 + random.nextInt(3));
    }
    names = new String[vocabulary / 10];
    for (int i = 0; i < names.length; i++) {
      String w = word(3);
      names[i] = Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
    cumulative = new double[vocabulary];
    double sum = 0;
    for (int i = 0; i < vocabulary; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < vocabulary; i++) {
      cumulative[i] /= sum;
    }
  }

  /** A made-up word of some syllables, from this generator's random stream. */
  String word(int syllables) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return b.toString();
  }

  StoryCandidate item(long id) {
    return new StoryCandidate(
        id,
        "source-" + random.nextInt(300),
        "https://news.example/" + id,
        sentence(8),
        sentence(120),
        "en",
        start.plusSeconds(id * secondsPerItem));
  }

  /** Words of the Zipf background (and names), without the trailing full stop. */
  String background(int length) {
    String s = sentence(length);
    return s.substring(0, s.length() - 1);
  }

  private String sentence(int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (i > 0) b.append(' ');
      if (random.nextInt(8) == 0) {
        b.append(names[random.nextInt(names.length)]);
      } else {
        int idx = Arrays.binarySearch(cumulative, random.nextDouble());
        b.append(words[idx < 0 ? Math.min(-idx - 1, words.length - 1) : idx]);
      }
    }
    return b.append('.').toString();
  }
}
