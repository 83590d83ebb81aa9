package dev.tributary.ingest;

import dev.tributary.config.ChannelConfig;
import dev.tributary.config.FeedsConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.sanitize.HtmlText;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import dev.tributary.story.Editions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the edition rule through a regrouping: for each story whose reports it moved, the edition
 * shift (see {@link Editions#shiftAfterMove}) over every reader's view of the story, each channel
 * that shows a report of it (its reports, its language) and the story's own page and API entry.
 */
@ApplicationScoped
public class EditionKeeper {
  @Inject FeedsRegistry registry;

  /** The stories whose shift must grow, with the new shift; {@code before} and {@code after} by story id. */
  public Map<Long, Integer> shifts(Map<Long, StoryView> before, Map<Long, StoryView> after) {
    FeedsConfig config = registry.config();
    Map<Long, Integer> out = new HashMap<>();
    for (var b : before.entrySet()) {
      StoryView was = b.getValue();
      StoryView now = after.get(b.getKey());
      if (now == null || now.items().isEmpty()) {
        continue;
      }
      int shift = Editions.shiftAfterMove(views(config, was.items(), now.items()), was.editionShift());
      if (shift > was.editionShift()) {
        out.put(b.getKey(), shift);
      }
    }
    return out;
  }

  /**
   * The views that show a report of the story before and after, each distinct one once (channels
   * drawing on the same of its sources in one language see the same), reports read once.
   */
  static List<Editions.Moved> views(FeedsConfig config, List<ReportView> before, List<ReportView> after) {
    Map<Long, Editions.Report> read = new HashMap<>();
    Set<List<Object>> seen = new HashSet<>();
    List<Editions.Moved> views = new ArrayList<>();
    for (ChannelConfig c : config.channels()) {
      Set<String> sources = config.sourceIdsOf(c);
      add(views, seen, read, only(before, sources), only(after, sources), c.language());
    }
    String own = config.mainChannel(after.stream().map(ReportView::sourceId).toList())
        .map(ChannelConfig::language).orElse(null);
    add(views, seen, read, only(before, null), only(after, null), own);
    return views;
  }

  private static void add(List<Editions.Moved> views, Set<List<Object>> seen, Map<Long, Editions.Report> read,
      List<ReportView> before, List<ReportView> after, String language) {
    if (before.isEmpty() || after.isEmpty()) {
      return; // a view that showed nothing of the story, or shows nothing now, has no headline to keep
    }
    List<Object> key = new ArrayList<>();
    key.add(String.valueOf(language));
    before.forEach(r -> key.add(r.itemId()));
    key.add("|");
    after.forEach(r -> key.add(r.itemId()));
    if (seen.add(key)) {
      views.add(new Editions.Moved(reports(before, read), reports(after, read), language));
    }
  }

  // the story's reports a view shows, in arrival order (the order the edition replay takes); null: all
  private static List<ReportView> only(List<ReportView> all, Set<String> sources) {
    return all.stream().filter(r -> sources == null || sources.contains(r.sourceId())).sorted(ReportView.ARRIVAL).toList();
  }

  // as the edition replay reads them (see publish's ShownStory): text from the summary
  private static List<Editions.Report> reports(List<ReportView> arrived, Map<Long, Editions.Report> read) {
    return arrived.stream().map(r -> read.computeIfAbsent(r.itemId(),
        id -> new Editions.Report(r.title(), HtmlText.of(r.summaryHtml()), r.language()))).toList();
  }
}
