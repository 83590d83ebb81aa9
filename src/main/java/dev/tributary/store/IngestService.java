package dev.tributary.store;

import dev.tributary.story.Assignment;
import dev.tributary.story.StoryCandidate;
import dev.tributary.story.StoryEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Stores the entries of one fetched feed in one short transaction: exact duplicates are dropped,
 * changed entries updated, new ones assigned to a story. Assignment is serialized (one JVM lock,
 * plus a database lock so replicas take turns) because each decision depends on the previous ones.
 */
@ApplicationScoped
public class IngestService {
  private static final Logger LOG = Logger.getLogger(IngestService.class);
  private static final int MAX_TITLE = 1000;
  private static final int MAX_SUMMARY = 199_000;
  private static final int MAX_URL = 2000;
  private static final int FLUSH_EVERY = 200;

  @Inject EntityManager em;
  @Inject StoryEngine engine;
  @Inject Revisions revisions;
  @Inject AssignmentLock dbLock;
  @Inject StoryIndexLoader indexLoader;
  @Inject InstantSource clock;
  @Inject jakarta.enterprise.event.Event<DataChanged> changed;

  // when this replica last assigned an item: regrouping waits for a quiet moment
  private volatile Instant lastAssigned = Instant.EPOCH;

  public Instant lastAssigned() {
    return lastAssigned;
  }

  public IngestReport ingest(String sourceId, List<IncomingItem> items) {
    dbLock.lockLocal();
    try {
      return QuarkusTransaction.requiringNew().call(() -> ingestInTransaction(sourceId, items));
    } catch (RuntimeException e) {
      // The engine may have indexed items whose transaction rolled back: rebuild it from the truth.
      LOG.errorf(e, "ingest failed source=%s items=%d; story index rebuilt", sourceId, items.size());
      indexLoader.rebuild();
      throw e;
    } finally {
      dbLock.unlockLocal();
    }
  }

  private IngestReport ingestInTransaction(String sourceId, List<IncomingItem> items) {
    dbLock.acquire();
    indexLoader.catchUp();
    Instant now = clock.instant();
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int duplicates = 0;
    int seen = 0;
    for (IncomingItem in : items) {
      if (++seen % FLUSH_EVERY == 0) {
        // a big feed in one transaction: keep the persistence context small, or every query's
        // auto-flush re-checks every entity loaded so far
        em.flush();
        em.clear();
      }
      String guid = truncate(ItemIdentity.guidOf(in), MAX_URL);
      String guidHash = Hashes.hex(guid);
      String contentHash = ItemIdentity.contentHash(in);
      ItemEntity existing = ItemEntity.find("sourceId = ?1 and guidHash = ?2", sourceId, guidHash).firstResult();
      if (existing != null) {
        if (existing.contentHash.equals(contentHash)) {
          unchanged++;
        } else {
          applyUpdate(existing, in, contentHash, now);
          updated++;
        }
        continue;
      }
      String urlHash = CanonicalUrl.identityKey(in.url()).map(Hashes::hex).orElse(null);
      if (urlHash != null && ItemEntity.count("urlHash", urlHash) > 0) {
        duplicates++;
        continue;
      }
      addItem(sourceId, in, guid, guidHash, urlHash, contentHash, now);
      added++;
    }
    if (added > 0) {
      lastAssigned = clock.instant();
    }
    if (added + updated > 0) {
      changed.fire(new DataChanged("ingest " + sourceId));
      em.createQuery("update SourceEntity s set s.revision = ?1 where s.id = ?2")
          .setParameter(1, revisions.next())
          .setParameter(2, sourceId)
          .executeUpdate();
    }
    return new IngestReport(added, updated, unchanged, duplicates);
  }

  private void addItem(String sourceId, IncomingItem in, String guid, String guidHash, String urlHash,
      String contentHash, Instant now) {
    ItemEntity item = new ItemEntity();
    item.sourceId = sourceId;
    item.guid = guid;
    item.guidHash = guidHash;
    item.urlHash = urlHash;
    item.contentHash = contentHash;
    item.firstSeen = now;
    copyFields(item, in);

    // The engine needs no id to decide; the item is persisted after its story so inserts follow the foreign key.
    Assignment decision = engine.assign(StoryIndexLoader.candidate(item, in.text()));
    StoryEntity story = decision instanceof Assignment.Join join ? StoryEntity.findById(join.storyId()) : null;
    long revision = revisions.next();
    if (story == null) {
      story = new StoryEntity();
      story.publicId = Hashes.token(sourceId, guid);
      story.title = item.title;
      story.link = item.url;
      story.created = now;
      story.updated = reportTime(item, now);
      story.itemCount = 1;
      story.revision = revision;
      story.leadPublished = item.published;
      story.persist();
    } else {
      item.duplicateOf = ((Assignment.Join) decision).duplicateOfItemId();
      // The earliest report leads: its title and link stand for the story.
      boolean earliest = item.published != null && item.title != null
          && (story.leadPublished == null || item.published.isBefore(story.leadPublished));
      story.itemCount++;
      story.updated = now.isAfter(story.updated) ? now : story.updated;
      story.revision = revision;
      if (earliest) {
        story.title = item.title;
        story.link = item.url;
        story.leadPublished = item.published;
      }
    }
    item.storyId = story.id;
    item.seq = revision;
    item.persist();
    indexLoader.indexed(StoryIndexLoader.candidate(item, in.text()), story.id, revision);
  }

  private void applyUpdate(ItemEntity item, IncomingItem in, String contentHash, Instant now) {
    copyFields(item, in);
    item.contentHash = contentHash;
    StoryEntity story = StoryEntity.findById(item.storyId);
    if (story != null) {
      story.revision = revisions.next();
      story.updated = now.isAfter(story.updated) ? now : story.updated;
    }
  }

  private static void copyFields(ItemEntity item, IncomingItem in) {
    item.url = truncate(in.url(), MAX_URL);
    item.title = truncate(in.title(), MAX_TITLE);
    item.summary = truncate(in.summaryHtml(), MAX_SUMMARY);
    item.author = truncate(in.author(), 500);
    item.language = truncate(in.language(), 16);
    item.published = in.published();
    item.updated = in.updated();
  }

  /** A new story is dated by its report, but never in the future (clocks and feeds lie). */
  private static Instant reportTime(ItemEntity item, Instant now) {
    Instant t = item.published != null ? item.published : item.updated;
    return t == null || t.isAfter(now) ? now : t;
  }

  private static String truncate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
