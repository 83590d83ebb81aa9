package dev.tributary.ingest;

import dev.tributary.model.NormalizedFeed;
import dev.tributary.store.AssignmentLock;
import dev.tributary.store.Columns;
import dev.tributary.store.Hashes;
import dev.tributary.store.ItemFields;
import dev.tributary.store.ItemStore;
import dev.tributary.store.KnownItem;
import dev.tributary.store.LinkedItem;
import dev.tributary.store.NewItem;
import dev.tributary.store.Revisions;
import dev.tributary.store.StoredItem;
import dev.tributary.story.Assignment;
import dev.tributary.story.StoryEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Stores the entries of one fetched feed: entries seen before unchanged are left alone, changed
 * entries updated, new ones assigned to a story by the engine. Assignment is serialized (one JVM
 * lock, plus a database lock so replicas take turns) because each decision depends on the
 * previous ones; the lock covers only that step. Opens no socket: the feed arrives parsed.
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
  @Inject Revisions revisions;

  // when this replica last assigned an item: regrouping waits for a quiet moment
  private volatile Instant lastAssigned = Instant.EPOCH;

  public Instant lastAssigned() {
    return lastAssigned;
  }

  /** Stores a parsed feed's entries; {@code languageHint} is the configured language, or null. */
  public IngestReport ingest(String sourceId, NormalizedFeed feed, String languageHint) {
    return ingest(sourceId, EntryMapper.items(feed, languageHint));
  }

  /**
   * Two short transactions. First, without the assignment lock, what the source stored already is
   * found and changed reports are updated (a source is polled by one replica at a time). Then,
   * under the lock, only the new reports are decided and inserted, with a fixed number of queries
   * (catch-up, same-link lookup, stamps) besides the inserts and the stories they join.
   */
  public IngestReport ingest(String sourceId, List<IncomingItem> items) {
    Instant now = clock.instant();
    List<Incoming> incoming = new ArrayList<>();
    for (IncomingItem in : items) {
      incoming.add(new Incoming(identify(sourceId, in, now), in));
    }
    Triage triage = QuarkusTransaction.requiringNew().call(() -> triage(sourceId, incoming, now));
    int merged = 0;
    if (!triage.fresh().isEmpty()) {
      dbLock.lockLocal();
      try {
        merged = QuarkusTransaction.requiringNew().call(() -> assignAll(sourceId, triage.fresh()));
      } catch (RuntimeException e) {
        // The engine may have indexed items whose transaction rolled back: rebuild it from the truth.
        LOG.errorf(e, "ingest failed source=%s items=%d; story index rebuilt", sourceId, items.size());
        index.rebuild();
        throw e;
      } finally {
        dbLock.unlockLocal();
      }
    }
    return new IngestReport(triage.fresh().size(), triage.updated(), triage.unchanged(), merged);
  }

  private record Incoming(NewItem item, IncomingItem in) {}

  private record Triage(List<Incoming> fresh, int updated, int unchanged) {}

  /** Sorts a feed's entries into unchanged, changed (updated here) and new, in a few batch queries. */
  private Triage triage(String sourceId, List<Incoming> incoming, Instant now) {
    Map<String, KnownItem> known = store.findAll(sourceId, incoming.stream().map(i -> i.item().guidHash()).toList());
    List<Incoming> fresh = new ArrayList<>();
    Set<String> freshGuids = new HashSet<>();
    int updated = 0;
    int unchanged = 0;
    for (Incoming in : incoming) {
      NewItem item = in.item();
      KnownItem existing = known.get(item.guidHash());
      if (existing == null && freshGuids.add(item.guidHash())) {
        fresh.add(in);
      } else if (existing == null || existing.contentHash().equals(item.contentHash())) {
        unchanged++; // a guid the feed repeats counts once
      } else {
        if (++updated % FLUSH_EVERY == 0) {
          store.flushAndClear(); // a big feed in one transaction: keep the persistence context small
        }
        store.update(existing.id(), item.fields(), item.contentHash(), now);
        known.put(item.guidHash(), new KnownItem(existing.id(), existing.storyId(), item.contentHash()));
      }
    }
    store.recordSeen(sourceId, incoming.size(), fresh.size());
    if (fresh.isEmpty() && updated > 0) {
      store.sourceChanged(sourceId, "ingest " + sourceId);
    }
    return new Triage(fresh, updated, unchanged);
  }

  /**
   * The serialized part: catch up on other replicas' decisions, look up other sources' reports of
   * the same links, take every stamp at once, then decide and insert each new report. Returns how
   * many joined another source's report of their link as its duplicate.
   */
  private int assignAll(String sourceId, List<Incoming> fresh) {
    dbLock.acquire();
    index.catchUp();
    Map<String, List<LinkedItem>> links = store.sameLinksElsewhere(sourceId,
        fresh.stream().map(i -> i.item().urlHash()).filter(Objects::nonNull).toList(), SAME_LINK_CANDIDATES);
    long[] stamps = revisions.next(fresh.size() + 1);
    int merged = 0;
    for (int k = 0; k < fresh.size(); k++) {
      if (k > 0 && k % FLUSH_EVERY == 0) {
        store.flushAndClear(); // a big backlog's context stays small
      }
      NewItem item = fresh.get(k).item();
      IncomingItem in = fresh.get(k).in();
      Optional<LinkedItem> sameLink = sameLinkElsewhere(item, in, links.getOrDefault(item.urlHash(), List.of()));
      boolean distinctGuid = ItemIdentity.hasDistinctGuid(in);
      if (sameLink.isPresent() && !distinctGuid) {
        merged++;
      }
      assign(item, in.text(), sameLink, distinctGuid, stamps[k]);
    }
    lastAssigned = clock.instant();
    store.sourceChanged(sourceId, "ingest " + sourceId, stamps[fresh.size()]);
    return merged;
  }

  private static NewItem identify(String sourceId, IncomingItem in, Instant now) {
    // the guid as stored (clipped to its column) is the one hashed, so it is found again
    String guid = Columns.clip(ItemIdentity.guidOf(in), Columns.GUID);
    String urlHash = CanonicalUrl.identityKey(in.url()).map(Hashes::hex).orElse(null);
    return new NewItem(sourceId, guid, Hashes.hex(guid), urlHash, ItemIdentity.contentHash(in), now, fields(in));
  }

  /**
   * Another source's report of the same article, if one is stored: the one whose link agrees
   * fragment and all when the page carries several, else the oldest.
   */
  private static Optional<LinkedItem> sameLinkElsewhere(NewItem item, IncomingItem in, List<LinkedItem> candidates) {
    if (item.urlHash() == null) {
      return Optional.empty();
    }
    String fragment = CanonicalUrl.fragment(in.url());
    return candidates.stream().filter(c -> !fragment.isEmpty() && fragment.equals(CanonicalUrl.fragment(c.url()))).findFirst()
        .or(() -> candidates.stream().filter(c -> CanonicalUrl.sameArticle(in.url(), c.url())).findFirst());
  }

  /**
   * A report of a link another source already reported joins that report's story, attributed to
   * its own source: as a duplicate of it when the item has no name of its own, as a report in its
   * own right when its guid sets it apart. Any other report goes to the story engine.
   */
  private void assign(NewItem item, String text, Optional<LinkedItem> sameLink, boolean distinctGuid, long stamp) {
    Optional<StoredItem> joined = sameLink.flatMap(
        link -> store.addToStory(item, link.storyId(), distinctGuid ? null : link.itemId(), stamp));
    if (joined.isEmpty()) {
      // the engine needs no id to decide; the report is stored after its story so inserts follow the foreign key
      Assignment decision = engine.assign(StoryIndexLoader.candidate(0, item.sourceId(), item.fields(), text, item.firstSeen()));
      joined = decision instanceof Assignment.Join join
          ? store.addToStory(item, join.storyId(), join.duplicateOfItemId(), stamp)
          : Optional.empty();
    }
    StoredItem stored = joined.orElseGet(() -> store.addAsNewStory(item, Hashes.token(item.sourceId(), item.guid()), stamp));
    index.indexed(StoryIndexLoader.candidate(stored.itemId(), item.sourceId(), item.fields(), text, item.firstSeen()),
        stored.storyId(), stored.seq());
  }

  private static ItemFields fields(IncomingItem in) {
    return new ItemFields(in.url(), in.title(), in.summaryHtml(), in.author(), in.language(), in.published(),
        in.updated(), in.image());
  }
}
