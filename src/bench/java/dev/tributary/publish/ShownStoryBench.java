package dev.tributary.publish;

import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What working out a story's headline and edition costs per request (the API pages and the story
 * page do it for every story they show; the merged feeds cache their bytes per data revision).
 */
@Tag("bench")
class ShownStoryBench {
  private static final Instant T = Instant.parse("2031-02-03T08:00:00Z");

  @Test
  void headlineAndEditionPerStory() {
    List<StoryView> page = new ArrayList<>();
    for (int s = 0; s < 50; s++) {
      List<ReportView> reports = new ArrayList<>();
      for (int r = 0; r < 6; r++) {
        Instant at = T.plusSeconds(600L * r + 86_400L * s);
        reports.add(new ReportView(s * 10L + r, "src" + r, "Outlet " + r, "https://o" + r + ".example/" + s,
            "Caspian ferry " + s + " timetable extended for winter by outlet " + r,
            "<p>The Caspian ferry between Baku and Turkmenbashi will sail twice a week through the winter, the"
                + " shipping company said on day " + s + ", after the timetable was extended to March; outlet " + r
                + " adds that tickets go on sale on Monday at the port of Alat and online.</p>",
            null, "en", at, at, null));
      }
      page.add(new StoryView(s, "s" + s, reports.get(0).title(), reports.get(0).url(), T, T, reports));
    }
    for (int warm = 0; warm < 200; warm++) {
      page.forEach(v -> ShownStory.of(v, "en"));
    }
    var threads = ManagementFactory.getThreadMXBean();
    int rounds = 200;
    long cpu0 = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < rounds; i++) {
      page.forEach(v -> ShownStory.of(v, "en"));
    }
    double perPage = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / rounds;
    System.out.printf(Locale.ROOT, "headline and edition of a page of 50 stories x 6 reports: %.2f CPU-ms"
        + " (%.0f microseconds per story)%n", perPage, perPage * 1000 / 50);
  }
}
