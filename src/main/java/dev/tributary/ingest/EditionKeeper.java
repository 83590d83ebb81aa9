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

  static List<Editions.Moved> views(FeedsConfig config, List<ReportView> before, List<ReportView> after) {
    List<Editions.Moved> views = new ArrayList<>();
    for (ChannelConfig c : config.channels()) {
      Set<String> sources = config.sourceIdsOf(c);
      views.add(new Editions.Moved(reports(before, sources), reports(after, sources), c.language()));
    }
    String own = config.mainChannel(after.stream().map(ReportView::sourceId).toList())
        .map(ChannelConfig::language).orElse(null);
    views.add(new Editions.Moved(reports(before, null), reports(after, null), own));
    return views;
  }

  // as the edition replay reads them (see publish's ShownStory): in arrival order, text from the summary
  private static List<Editions.Report> reports(List<ReportView> all, Set<String> sources) {
    return all.stream().filter(r -> sources == null || sources.contains(r.sourceId())).sorted(ReportView.ARRIVAL)
        .map(r -> new Editions.Report(r.title(), HtmlText.of(r.summaryHtml()), r.language())).toList();
  }
}
