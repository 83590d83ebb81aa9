package dev.tributary.ingest;

import dev.tributary.model.Entry;
import dev.tributary.model.NormalizedFeed;
import dev.tributary.story.StoryCandidate;
import java.time.Instant;
import java.util.List;

/**
 * A labelled report as ingestion hands it to the story engine, for tests and benches that serve
 * labelled data: the feed entry (title, link, description) mapped by the code ingestion maps it
 * with, so that an untitled entry gets the title cut from its text and the text is the plain text
 * the engine reads (whitespace collapsed), not the labelled file's own spelling. The labelled link
 * is kept as the candidate's link, which benches use to pair up sides, rather than the canonical
 * identity the engine is given.
 */
public final class AsIngested {

  private AsIngested() {}

  /** An entry without a date when {@code published} is null: then first seen at {@code firstSeen}. */
  public static StoryCandidate candidate(long id, String sourceId, String url, String title, String text,
      String language, Instant published, Instant firstSeen) {
    Entry e = new Entry(url, title, url, null, text, text, null, published, null, null, null, null, null, null,
        null, null, language);
    List<IncomingItem> items = EntryMapper.items(new NormalizedFeed(null, null, List.of(e)), null);
    IncomingItem in = items.get(0);
    StoryCandidate c = StoryIndexLoader.candidate(id, sourceId, IngestService.fields(in), in.text(), firstSeen);
    return new StoryCandidate(c.itemId(), c.sourceId(), url, c.title(), c.text(), c.language(), c.published(), c.dated());
  }
}
