package dev.tributary.story;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Headlines and editions on the labelled data, grouped by its gold stories in publication order:
 * how titles are judged (every bare or labelled one printed, to read for mistakes), how often the
 * headline is in English where a story has an English report, editions per story, and the cost in
 * reports per CPU-second. Run with {@code ./mvnw -B test -Pbench -Dtest=HeadlineBench}.
 */
@Tag("bench")
class HeadlineBench {

  @ParameterizedTest
  @ValueSource(strings = {"caucasus-dev.jsonl", "gva-dev.jsonl"})
  void report(String file) throws Exception {
    var path = LabelledArticles.shared(file);
    assumeTrue(path.isPresent(), "shared data not found");
    List<LabelledArticles.Article> articles = LabelledArticles.articles(path.get());
    Map<String, List<Editions.Report>> stories = new LinkedHashMap<>();
    Map<TitleKind, Integer> kinds = new EnumMap<>(TitleKind.class);
    LanguageAnalyzers analyzers = new LanguageAnalyzers();
    List<String> flagged = new ArrayList<>();
    for (LabelledArticles.Article a : articles) {
      StoryCandidate c = a.candidate();
      stories.computeIfAbsent(a.story(), k -> new ArrayList<>()).add(new Editions.Report(c.title(), c.text(), c.language()));
      TitleKind kind = TitleKind.of(c.title(), c.language(), analyzers.forLanguage(c.language()));
      kinds.merge(kind, 1, Integer::sum);
      if (kind != TitleKind.PROPER) {
        flagged.add(kind + " [" + c.language() + "] " + c.title());
      }
    }
    System.out.printf("== %s: %d articles, %d stories; titles %s%n", file, articles.size(), stories.size(), kinds);
    flagged.forEach(f -> System.out.println("   " + f));
    int withEnglish = 0;
    int english = 0;
    int firstNotEnglish = 0;
    int changed = 0;
    Map<Integer, Integer> editions = new LinkedHashMap<>();
    for (var s : stories.entrySet()) {
      List<Editions.Report> reports = s.getValue();
      Editions.Edition e = Editions.of(reports, "en");
      editions.merge(e.number(), 1, Integer::sum);
      if (reports.stream().anyMatch(r -> "en".equals(r.language()))) {
        withEnglish++;
        english += "en".equals(reports.get(e.headline()).language()) ? 1 : 0;
        firstNotEnglish += "en".equals(reports.get(0).language()) ? 0 : 1;
      }
      if (e.headline() != 0) {
        changed++;
        System.out.printf("   %-28s %d reports, edition %d: %s%n      (first: %s)%n", clip(s.getKey(), 28), reports.size(),
            e.number(), reports.get(e.headline()).title(), reports.get(0).title());
      }
    }
    System.out.printf("   stories with an English report: %d; English headline (channel en): %d; first report not English: %d%n",
        withEnglish, english, firstNotEnglish);
    System.out.printf("   headline other than the first report's: %d; stories by edition: %s%n", changed, editions);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long reports = 0;
    long start = cpu.getCurrentThreadCpuTime();
    for (int round = 0; round < 20; round++) {
      for (List<Editions.Report> r : stories.values()) {
        Editions.of(r, "en");
        reports += r.size();
      }
    }
    double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    System.out.printf("   %.0f reports per CPU-second through Editions.of (%d reports, %.2f s CPU, load %.1f)%n",
        reports / seconds, reports, seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Pair files have no stories: how their titles (many languages) are judged, every bare one printed. */
  @ParameterizedTest
  @ValueSource(strings = {"semeval22-dev.jsonl", "pairs-ru-more-dev.jsonl"})
  void titleKinds(String file) throws Exception {
    var path = LabelledArticles.shared(file);
    assumeTrue(path.isPresent(), "shared data not found");
    LanguageAnalyzers analyzers = new LanguageAnalyzers();
    Map<String, Map<TitleKind, Integer>> byLanguage = new java.util.TreeMap<>();
    List<String> bare = new ArrayList<>();
    for (LabelledArticles.Pair p : LabelledArticles.pairs(path.get())) {
      for (StoryCandidate c : List.of(p.a(), p.b())) {
        TitleKind kind = TitleKind.of(c.title(), c.language(), analyzers.forLanguage(c.language()));
        byLanguage.computeIfAbsent(c.language(), k -> new EnumMap<>(TitleKind.class)).merge(kind, 1, Integer::sum);
        if (kind == TitleKind.BARE) {
          bare.add("[" + c.language() + "] " + c.title());
        }
      }
    }
    System.out.printf("== %s titles by language: %s%n", file, byLanguage);
    bare.forEach(b -> System.out.println("   BARE " + b));
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
