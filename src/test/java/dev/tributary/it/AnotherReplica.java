package dev.tributary.it;

import dev.tributary.store.Hashes;
import dev.tributary.store.ItemEntity;
import dev.tributary.store.Revisions;
import dev.tributary.store.StoryEntity;
import java.time.Instant;

/**
 * Writes a one-report story straight to the database, as another replica would: no event reaches
 * this replica's caches or index. Call inside a transaction.
 */
final class AnotherReplica {

  record Stored(long storyId, long seq) {}

  private AnotherReplica() {}

  /** {@code urlKey}: the link as ingest hashes it (host and path, no scheme). */
  static Stored store(Revisions revisions, String source, String guid, String title, String link, String urlKey,
      String summaryHtml, Instant when) {
    long seq = revisions.next();
    StoryEntity story = new StoryEntity();
    story.publicId = Hashes.token(source, guid);
    story.title = title;
    story.link = link;
    story.created = when;
    story.updated = when;
    story.itemCount = 1;
    story.revision = seq;
    story.persist();
    ItemEntity item = new ItemEntity();
    item.sourceId = source;
    item.storyId = story.id;
    item.guid = guid;
    item.guidHash = Hashes.key(guid).bytes();
    item.url = link;
    item.urlHash = Hashes.key(urlKey).bytes();
    item.title = title;
    item.summary = summaryHtml;
    item.contentHash = Hashes.key(summaryHtml).bytes();
    item.language = "en";
    item.published = when;
    item.firstSeen = when;
    item.seq = seq;
    item.persist();
    return new Stored(story.id, seq);
  }
}
