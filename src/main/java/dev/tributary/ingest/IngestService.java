package dev.tributary.ingest;

import dev.tributary.model.NormalizedFeed;
import dev.tributary.store.AssignmentLock;
import dev.tributary.store.Hashes;
import dev.tributary.store.ItemFields;
import dev.tributary.store.ItemStore;
import dev.tributary.store.KnownItem;
import dev.tributary.store.LinkedItem;
import dev.tributary.store.NewItem;
import dev.tributary.store.StoredItem;
import dev.tributary.story.Assignment;
import dev.tributary.story.StoryEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Stores the entries of one fetched feed in one short transaction: entries seen before unchanged are left alone,
 * changed entries updated, new ones assigned to a story by the engine. Assignment is serialized
 * (one JVM lock, plus a database lock so replicas take turns) because each decision depends on
 * the previous ones. Opens no socket: the feed arrives parsed.
 */
@ApplicationScoped
public class IngestService {
  private static final Logger LOG = Logger.getLogger(IngestService.class);
  private static final int FLUSH_EVERY = 200;
  private static final int SAME_LINK_CANDIDATES = 50;

  @Inject ItemStore store;
  @Inject StoryEngine engine;
  @Inject AssignmentLock dbLock;
  @Inject StoryIndexLoader index;
  @Inject InstantSource clock;

  // when this replica last assigned an item: regrouping waits for a quiet moment
  private volatile Instant lastAssigned = Instant.EPOCH;

  public Instant lastAssigned() {
    return lastAssigned;
  }

  /** Stores a parsed feed's entries; {@code languageHint} is the configured language, or null. */
  public IngestReport ingest(String sourceId, NormalizedFeed feed, String languageHint) {
    return ingest(sourceId, EntryMapper.items(feed, languageHint));
  }

  public IngestReport ingest(String sourceId, List<IncomingItem> items) {
    dbLock.lockLocal();
    try {
      return QuarkusTransaction.requiringNew().call(() -> ingestInTransaction(sourceId, items));
    } catch (RuntimeException e) {
      // The engine may have indexed items whose transaction rolled back: rebuild it from the truth.
      LOG.errorf(e, "ingest failed source=%s items=%d; story index rebuilt", sourceId, items.size());
      index.rebuild();
      throw e;
    } finally {
      dbLock.unlockLocal();
    }
  }

  private IngestReport ingestInTransaction(String sourceId, List<IncomingItem> items) {
    dbLock.acquire();
    index.catchUp();
    Instant now = clock.instant();
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int merged = 0;
    int seen = 0;
    for (IncomingItem in : items) {
      if (++seen % FLUSH_EVERY == 0) {
        // a big feed in one transaction: every query's auto-flush would re-check every row loaded so far
        store.flushAndClear();
      }
      NewItem item = identify(sourceId, in, now);
      Optional<KnownItem> existing = store.find(sourceId, item.guidHash());
      if (existing.isPresent()) {
        if (existing.get().contentHash().equals(item.contentHash())) {
          unchanged++;
        } else {
          store.update(existing.get().id(), item.fields(), item.contentHash(), now);
          updated++;
        }
        continue;
      }
      Optional<LinkedItem> sameLink = sameLinkElsewhere(item, in);
      boolean distinctGuid = ItemIdentity.hasDistinctGuid(in);
      if (sameLink.isPresent() && !distinctGuid) {
        merged++;
      }
      assign(item, in.text(), sameLink, distinctGuid);
      added++;
    }
    store.recordSeen(sourceId, items.size(), added);
    if (added > 0) {
      lastAssigned = clock.instant();
    }
    if (added + updated > 0) {
      store.sourceChanged(sourceId, "ingest " + sourceId);
    }
    return new IngestReport(added, updated, unchanged, merged);
  }

  private static NewItem identify(String sourceId, IncomingItem in, Instant now) {
    NewItem provisional = new NewItem(sourceId, ItemIdentity.guidOf(in), null, null, null, now, fields(in));
    // the guid as stored (clipped to its column) is the one hashed, so it is found again
    String guid = provisional.guid();
    String urlHash = CanonicalUrl.identityKey(in.url()).map(Hashes::hex).orElse(null);
    return new NewItem(sourceId, guid, Hashes.hex(guid), urlHash, ItemIdentity.contentHash(in), now, fields(in));
  }

  /**
   * Another source's report of the same article, if one is stored: the one whose link agrees
   * fragment and all when the page carries several, else the oldest.
   */
  private Optional<LinkedItem> sameLinkElsewhere(NewItem item, IncomingItem in) {
    if (item.urlHash() == null) {
      return Optional.empty();
    }
    List<LinkedItem> candidates = store.sameLinkElsewhere(item.sourceId(), item.urlHash(), SAME_LINK_CANDIDATES);
    String fragment = CanonicalUrl.fragment(in.url());
    return candidates.stream().filter(c -> !fragment.isEmpty() && fragment.equals(CanonicalUrl.fragment(c.url()))).findFirst()
        .or(() -> candidates.stream().filter(c -> CanonicalUrl.sameArticle(in.url(), c.url())).findFirst());
  }

  /**
   * A report of a link another source already reported joins that report's story, attributed to
   * its own source: as a duplicate of it when the item has no name of its own, as a report in its
   * own right when its guid sets it apart. Any other report goes to the story engine.
   */
  private void assign(NewItem item, String text, Optional<LinkedItem> sameLink, boolean distinctGuid) {
    Optional<StoredItem> joined = sameLink.flatMap(
        link -> store.addToStory(item, link.storyId(), distinctGuid ? null : link.itemId()));
    if (joined.isEmpty()) {
      // the engine needs no id to decide; the report is stored after its story so inserts follow the foreign key
      Assignment decision = engine.assign(StoryIndexLoader.candidate(0, item.sourceId(), item.fields(), text, item.firstSeen()));
      joined = decision instanceof Assignment.Join join
          ? store.addToStory(item, join.storyId(), join.duplicateOfItemId())
          : Optional.empty();
    }
    StoredItem stored = joined.orElseGet(() -> store.addAsNewStory(item, Hashes.token(item.sourceId(), item.guid())));
    index.indexed(StoryIndexLoader.candidate(stored.itemId(), item.sourceId(), item.fields(), text, item.firstSeen()),
        stored.storyId(), stored.seq());
  }

  private static ItemFields fields(IncomingItem in) {
    return new ItemFields(in.url(), in.title(), in.summaryHtml(), in.author(), in.language(), in.published(),
        in.updated());
  }
}
