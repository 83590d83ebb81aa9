package dev.tributary.ingest;

import dev.tributary.model.NormalizedFeed;
import dev.tributary.store.AssignBatch;
import dev.tributary.store.AssignmentLock;
import dev.tributary.store.Columns;
import dev.tributary.store.FetchRecord;
import dev.tributary.store.HashKey;
import dev.tributary.store.Hashes;
import dev.tributary.store.IndexedItem;
import dev.tributary.store.ItemFields;
import dev.tributary.store.ItemStore;
import dev.tributary.store.KnownItem;
import dev.tributary.store.LinkedItem;
import dev.tributary.store.NewItem;
import dev.tributary.store.Revisions;
import dev.tributary.store.SourceStore;
import dev.tributary.story.Assignment;
import dev.tributary.story.Speculation;
import dev.tributary.story.StoryEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Stores the entries of one fetched feed: entries seen before unchanged are left alone, changed
 * entries updated, new ones assigned to a story by the engine. Assignment is serialized (one JVM
 * lock, plus a database lock so replicas take turns) because each decision depends on the
 * previous ones. Feeds that wait for the lock are assigned together by whichever thread holds it
 * (a group commit): one lock, one catch-up, one transaction and batched inserts for all of them,
 * so the lock is held for the decisions and few round trips. Opens no socket: the feed arrives parsed.
 */
@ApplicationScoped
public class IngestService {
  private static final Logger LOG = Logger.getLogger(IngestService.class);
  private static final int FLUSH_EVERY = 200;
  private static final int SAME_LINK_CANDIDATES = 50;
  // new reports one assigning transaction takes at most: bounds the lock hold and the rollback
  static final int BATCH_ITEMS = 2000;
  // while another replica holds the assignment lock: a try, a catch-up, and this pause when there
  // was nothing to catch up on (a handover waits at most this long), for at most this many rounds
  private static final long WAIT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final int WAIT_ROUNDS = 500;

  @Inject ItemStore store;
  @Inject SourceStore sources;
  @Inject StoryEngine engine;
  @Inject AssignmentLock dbLock;
  @Inject StoryIndexLoader index;
  @Inject InstantSource clock;
  @Inject Revisions revisions;
  @Inject MeterRegistry metrics;
  @Inject CpuSlots cpu;

  // feeds whose new reports wait to be assigned by the thread holding the lock
  private final ConcurrentLinkedQueue<Job> waiting = new ConcurrentLinkedQueue<>();

  // when this replica last assigned an item, and feeds being ingested now: regrouping waits for a quiet moment
  private volatile Instant lastAssigned = Instant.EPOCH;
  private final AtomicInteger ingesting = new AtomicInteger();
  private final AtomicLong ingestsBegun = new AtomicLong();

  private Timer lockHeld;
  private LockPhases phases;

  @PostConstruct
  void init() {
    lockHeld = Timer.builder("tributary.ingest.lock.held")
        .description("time an assigning transaction held the cluster-wide assignment lock (its share of wall time"
            + " across replicas is how serialized ingestion is)")
        .register(metrics);
    phases = new LockPhases(metrics);
  }

  public Instant lastAssigned() {
    return lastAssigned;
  }

  /**
   * Whether a feed is being ingested now (its entries sorted, analysed, waiting for the lock or
   * assigned): ingestion is not quiet then, however long ago the last report was assigned (a
   * batch decided under load, or the lock held by a regrouping, leaves seconds between two).
   */
  public boolean ingesting() {
    return ingesting.get() > 0;
  }

  /** How many feeds' ingestion has begun since start-up: unchanged between two looks, none arrived. */
  public long ingestsBegun() {
    return ingestsBegun.get();
  }

  /** Stores a parsed feed's entries; {@code languageHint} is the configured language, or null. */
  public IngestReport ingest(String sourceId, NormalizedFeed feed, String languageHint) {
    return ingest(sourceId, cpu.call(() -> EntryMapper.items(feed, languageHint)));
  }

  /**
   * As {@link #ingest(String, NormalizedFeed, String)}, storing with the entries the poll's outcome
   * on the source: {@code outcome} is given whether the feed changed anything and answers what to
   * record. It is written in the transaction that stores the feed's new reports (or, with none,
   * that sorts its entries), so a poll costs no commit of its own for its bookkeeping.
   */
  public IngestReport ingest(String sourceId, NormalizedFeed feed, String languageHint,
      Function<Boolean, FetchRecord> outcome) {
    return ingest(sourceId, cpu.call(() -> EntryMapper.items(feed, languageHint)), outcome);
  }

  /**
   * First, without the assignment lock, what the source stored already is found and changed
   * reports are updated (a source is polled by one replica at a time). Then the new reports join
   * the queue of feeds waiting to be assigned, and are assigned with whatever else waits.
   */
  public IngestReport ingest(String sourceId, List<IncomingItem> items) {
    return ingest(sourceId, items, null);
  }

  private IngestReport ingest(String sourceId, List<IncomingItem> items, Function<Boolean, FetchRecord> outcome) {
    ingesting.incrementAndGet();
    ingestsBegun.incrementAndGet();
    try {
      return ingestCounted(sourceId, items, outcome);
    } finally {
      ingesting.decrementAndGet();
    }
  }

  private IngestReport ingestCounted(String sourceId, List<IncomingItem> items, Function<Boolean, FetchRecord> outcome) {
    Instant now = clock.instant();
    List<Incoming> incoming = new ArrayList<>();
    for (IncomingItem in : items) {
      incoming.add(new Incoming(identify(sourceId, in, now), in));
    }
    // read outside any transaction: a source is polled by one replica at a time, so what it stored
    // cannot change meanwhile but by retention or regrouping, which the writes below allow for
    Triage triage = triage(incoming, store.findAll(sourceId, incoming.stream().map(i -> i.item().guidHash()).toList()));
    if (!triage.changed().isEmpty() || triage.fresh().isEmpty()) {
      QuarkusTransaction.requiringNew().run(() -> writeTriage(sourceId, incoming.size(), triage, now, outcome));
    }
    // the new reports are analysed on this thread, before any lock: the thread holding it is left
    // with the decisions while the pollers analyse their own feeds beside it. The analyses are
    // stored with the reports, so other replicas decode them instead of analysing the text again.
    List<byte[]> analyses = cpu.call(() -> engine.prepare(triage.fresh().stream()
        .map(i -> StoryIndexLoader.candidate(0, i.item().sourceId(), i.item().fields(), i.in().text(), i.item().firstSeen()))
        .toList()));
    List<Incoming> fresh = new ArrayList<>(triage.fresh().size());
    for (int k = 0; k < analyses.size(); k++) {
      Incoming i = triage.fresh().get(k);
      fresh.add(new Incoming(i.item().withAnalysis(engine.analysisVersion(), analyses.get(k)), i.in()));
    }
    int merged = fresh.isEmpty() ? 0 : assign(new Job(sourceId, incoming.size(), fresh,
        outcome == null ? null : outcome.apply(true), new CompletableFuture<>()));
    return new IngestReport(triage.fresh().size(), triage.updated(), triage.unchanged(), merged);
  }

  /**
   * One feed's new reports ({@code seen}: entries it held) waiting to be assigned, with the poll's
   * outcome to record on its source (null: none); completed with how many merged by link.
   */
  private record Job(String sourceId, int seen, List<Incoming> fresh, FetchRecord polled, CompletableFuture<Integer> done) {}

  private int assign(Job job) {
    waiting.add(job);
    dbLock.lockLocal();
    try {
      // another thread may have assigned this job while this one waited for the lock
      while (!job.done().isDone()) {
        runBatch(drain());
      }
    } finally {
      dbLock.unlockLocal();
    }
    try {
      return job.done().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private List<Job> drain() {
    List<Job> batch = new ArrayList<>();
    int size = 0;
    for (Job j; size < BATCH_ITEMS && (j = waiting.poll()) != null; ) {
      batch.add(j);
      size += j.fresh().size();
    }
    return batch;
  }

  /** Assigns the jobs in one transaction; if it fails, each alone, so one bad feed fails only itself. */
  private void runBatch(List<Job> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      // other replicas' reports are indexed before the cluster-wide lock: under it, only the few
      // stored since are left to catch up on. With no other replica (embedded H2) the catch-up under
      // the lock is the only one: a transaction and a query fewer per batch.
      if (dbLock.clusterWide()) {
        QuarkusTransaction.requiringNew().run(index::catchUp);
      }
      LockPhases.Lap[] lap = new LockPhases.Lap[1];
      List<Integer> merged = QuarkusTransaction.requiringNew().call(() -> assignAll(batch, lap));
      lockHeld.record(lap[0].held(), TimeUnit.NANOSECONDS);
      lap[0].lap("commit");
      for (int k = 0; k < batch.size(); k++) {
        batch.get(k).done().complete(merged.get(k));
      }
    } catch (RuntimeException e) {
      // The engine may have indexed items whose transaction rolled back: rebuild it from the truth.
      index.rebuild();
      if (batch.size() == 1) {
        Job job = batch.get(0);
        LOG.errorf(e, "ingest failed source=%s items=%d; story index rebuilt", job.sourceId(), job.fresh().size());
        job.done().completeExceptionally(e);
      } else {
        for (Job job : batch) {
          runBatch(List.of(job));
        }
      }
    } finally {
      // whatever happened, no thread waits for a job nobody will run (e.g. the rebuild failed too);
      // an exception only for a job left so (it was one with its stack trace per feed, done or not)
      for (Job job : batch) {
        if (!job.done().isDone()) {
          job.done().completeExceptionally(new IllegalStateException("ingest of " + job.sourceId() + " was not finished"));
        }
      }
    }
  }

  private record Incoming(NewItem item, IncomingItem in) {}

  /** A feed's entries sorted: new ones, changed ones (each with the stored report it changes), how many unchanged. */
  private record Triage(List<Incoming> fresh, List<Changed> changed, int unchanged) {
    int updated() {
      return changed.size();
    }
  }

  private record Changed(long itemId, NewItem item) {}

  /** Sorts a feed's entries by what the source {@code known}ly stored under their guids. */
  private static Triage triage(List<Incoming> incoming, Map<HashKey, KnownItem> known) {
    List<Incoming> fresh = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    Set<HashKey> freshGuids = new HashSet<>();
    int unchanged = 0;
    for (Incoming in : incoming) {
      NewItem item = in.item();
      KnownItem existing = known.get(item.guidHash());
      if (existing == null && freshGuids.add(item.guidHash())) {
        fresh.add(in);
      } else if (existing == null || existing.contentHash().equals(item.contentHash())) {
        unchanged++; // a guid the feed repeats counts once
      } else {
        changed.add(new Changed(existing.id(), item));
        known.put(item.guidHash(), new KnownItem(existing.id(), existing.storyId(), item.contentHash()));
      }
    }
    return new Triage(fresh, changed, unchanged);
  }

  /**
   * Writes what sorting found that needs no assignment: changed reports updated and, when the
   * feed brought no new report, its counts, its change stamp and the poll's outcome (with new
   * reports, the transaction that stores them records these).
   */
  private void writeTriage(String sourceId, int seen, Triage triage, Instant now, Function<Boolean, FetchRecord> outcome) {
    int updated = 0;
    for (Changed c : triage.changed()) {
      if (++updated % FLUSH_EVERY == 0) {
        store.flushAndClear(); // a big feed in one transaction: keep the persistence context small
      }
      store.update(c.itemId(), c.item().fields(), c.item().contentHash(), now);
    }
    if (triage.fresh().isEmpty()) {
      store.recordSeen(sourceId, seen, 0);
      if (updated > 0) {
        store.sourceChanged(sourceId, "ingest " + sourceId);
      }
      if (outcome != null) {
        sources.record(sourceId, outcome.apply(updated > 0));
      }
    }
  }

  /**
   * The serialized part, and what is done ahead of it. Before the lock: stored reports of the same
   * links looked up, ids for the rows drawn, and every new report decided (by link, else by the
   * engine) and indexed tentatively, on the index as caught up so far; while another replica holds
   * the lock, what it commits is caught up on and the batch gone through again, each decision
   * taken again only if a report caught up on could have changed it ({@link Speculation}). Under
   * the lock: the last holder's reports caught up on and the batch gone through once more the same
   * way, every stamp taken at once, all rows written in batches. Returns, per job, how many joined
   * another source's report of their link.
   */
  private List<Integer> assignAll(List<Job> batch, LockPhases.Lap[] lap) {
    List<Incoming> all = batch.stream().flatMap(j -> j.fresh().stream()).toList();
    Set<HashKey> urlHashes = all.stream().map(i -> i.item().urlHash()).filter(Objects::nonNull).collect(Collectors.toSet());
    // read before the lock: what other replicas store from now on is caught up on and added to them
    Map<HashKey, List<LinkedItem>> links = store.sameLinks(urlHashes);
    Consumer<IndexedItem> relink = item -> relink(links, urlHashes, item);
    AssignBatch rows = store.batch(all.size());
    Speculation ahead = engine.speculate();
    try {
      List<Decided> decided = new ArrayList<>(all.size());
      for (Incoming i : all) {
        NewItem item = i.item();
        long itemId = rows.nextItemId();
        decided.add(new Decided(i, itemId, ahead.item(
            StoryIndexLoader.candidate(itemId, item.sourceId(), item.fields(), i.in().text(), item.firstSeen()))));
      }
      decideAll(decided, links, ahead, rows);
      if (dbLock.clusterWide()) {
        CatchUpWhileWaiting.acquire(CatchUpWhileWaiting.of(dbLock::tryAcquire, dbLock::acquire), () -> {
          int caught = index.catchUp(relink);
          if (ahead.takenBack()) {
            decideAll(decided, links, ahead, rows);
          }
          return caught;
        }, () -> LockSupport.parkNanos(WAIT_PAUSE_NANOS), WAIT_ROUNDS);
      } else {
        dbLock.acquire(); // the JVM's lock is all there is: no one else commits while this thread holds it
      }
      // timed from here: the lock is held
      LockPhases.Lap laps = phases.start();
      lap[0] = laps;
      int[] redecidedBefore = ahead.redecidedBy();
      laps.caughtUp(index.catchUp(relink));
      laps.lap("catch-up");
      if (ahead.takenBack()) {
        decideAll(decided, links, ahead, rows);
      }
      int[] redecided = ahead.redecidedBy();
      for (int i = 0; i < redecided.length; i++) {
        redecided[i] -= redecidedBefore[i];
      }
      laps.redecided(redecided);
      laps.lap("decide");
      long[] stamps = revisions.next(all.size() + 1);
      laps.lap("stamps");
      List<Integer> merged = rows(batch, decided, rows, stamps);
      rows.write();
      laps.lap("write");
      lastAssigned = clock.instant();
      // polled feeds: each source's stamp, counts and poll outcome in one row update
      if (!sources.ingested(batch.stream()
          .map(j -> new SourceStore.Ingested(j.sourceId(), j.seen(), j.fresh().size(), j.polled())).toList(),
          stamps[all.size()])) {
        store.sourcesIngested(batch.stream().map(j -> new ItemStore.Seen(j.sourceId(), j.seen(), j.fresh().size())).toList(),
            "ingest", stamps[all.size()]);
        // after the stamps, which lock every source of the batch in id order: these lock no other row
        Map<String, FetchRecord> polled = new HashMap<>();
        for (Job job : batch) {
          if (job.polled() != null) {
            polled.put(job.sourceId(), job.polled());
          }
        }
        sources.recordAll(polled);
      }
      laps.lap("sources");
      return merged;
    } finally {
      // on failure the caller rebuilds the index from the database
      ahead.close();
    }
  }

  /** A new report of the batch and where it goes: {@code storyId}, and a story of its own when {@code newStory}. */
  private static final class Decided {
    final Incoming incoming;
    final long itemId;
    final Speculation.Tentative tentative;
    long storyId;
    Long duplicateOf;
    boolean newStory;
    boolean byLink;
    // drawn the first time the report starts a story, kept while it does
    long ownStoryId;

    Decided(Incoming incoming, long itemId, Speculation.Tentative tentative) {
      this.incoming = incoming;
      this.itemId = itemId;
      this.tentative = tentative;
    }
  }

  /**
   * Goes through the batch in order: a report of a link another source reported joins that
   * report's story (see {@link #sameLinkElsewhere}), any other is decided by the engine; each is
   * placed in its story before the next is decided. Cheap for decisions that still hold.
   */
  private static void decideAll(List<Decided> decided, Map<HashKey, List<LinkedItem>> links, Speculation ahead,
      AssignBatch rows) {
    // the batch's own reports of each link, after the stored ones: as a query would find them once stored
    Map<HashKey, List<LinkedItem>> own = new HashMap<>();
    for (Decided d : decided) {
      NewItem item = d.incoming.item();
      IncomingItem in = d.incoming.in();
      List<LinkedItem> sameUrl = List.of();
      if (item.urlHash() != null) {
        List<LinkedItem> stored = links.getOrDefault(item.urlHash(), List.of());
        List<LinkedItem> batch = own.getOrDefault(item.urlHash(), List.of());
        sameUrl = batch.isEmpty() ? stored : concat(stored, batch);
      }
      Optional<LinkedItem> sameLink = sameLinkElsewhere(item, in, sameUrl);
      d.byLink = sameLink.isPresent();
      d.newStory = false;
      if (sameLink.isPresent()) {
        LinkedItem link = sameLink.get();
        d.storyId = link.storyId();
        d.duplicateOf = ItemIdentity.hasDistinctGuid(in) ? null : link.itemId();
      } else if (ahead.decide(d.tentative) instanceof Assignment.Join join) {
        d.storyId = join.storyId();
        d.duplicateOf = join.duplicateOfItemId();
      } else {
        if (d.ownStoryId == 0) {
          d.ownStoryId = rows.nextStoryId();
        }
        d.newStory = true;
        d.storyId = d.ownStoryId;
        d.duplicateOf = null;
      }
      ahead.place(d.tentative, d.storyId);
      if (item.urlHash() != null) {
        own.computeIfAbsent(item.urlHash(), h -> new ArrayList<>())
            .add(new LinkedItem(d.itemId, d.storyId, item.fields().url(), item.sourceId()));
      }
    }
  }

  private static List<LinkedItem> concat(List<LinkedItem> a, List<LinkedItem> b) {
    List<LinkedItem> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  /** The batch's rows, as decided, stamped in order; returns per job how many joined another source's report of their link. */
  private List<Integer> rows(List<Job> batch, List<Decided> decided, AssignBatch rows, long[] stamps) {
    List<Integer> merged = new ArrayList<>();
    int k = 0;
    for (Job job : batch) {
      int m = 0;
      for (int n = 0; n < job.fresh().size(); n++, k++) {
        Decided d = decided.get(k);
        NewItem item = d.incoming.item();
        if (d.newStory) {
          rows.addAsNewStory(item, Hashes.token(item.sourceId(), item.guid()), stamps[k], d.storyId, d.itemId);
        } else {
          rows.addToStory(item, d.storyId, d.duplicateOf, stamps[k], d.itemId);
        }
        if (d.byLink && d.duplicateOf != null) {
          m++;
        }
        index.stored(stamps[k]);
      }
      merged.add(m);
    }
    return merged;
  }

  /**
   * A report another replica stored (or moved) after the links were read: its link's list holds it
   * as a query now would find it, in id order, with the story it is in now.
   */
  static void relink(Map<HashKey, List<LinkedItem>> links, Set<HashKey> urlHashes, IndexedItem item) {
    if (item.urlHash() == null || !urlHashes.contains(item.urlHash())) {
      return;
    }
    List<LinkedItem> same = links.computeIfAbsent(item.urlHash(), h -> new ArrayList<>());
    same.removeIf(l -> l.itemId() == item.id());
    same.add(new LinkedItem(item.id(), item.storyId(), item.url(), item.sourceId()));
    same.sort(Comparator.comparingLong(LinkedItem::itemId));
  }

  private static NewItem identify(String sourceId, IncomingItem in, Instant now) {
    // the guid as stored (clipped to its column) is the one hashed, so it is found again
    String guid = Columns.clip(ItemIdentity.guidOf(in), Columns.GUID);
    HashKey urlHash = CanonicalUrl.identityKey(in.url()).map(Hashes::key).orElse(null);
    return new NewItem(sourceId, guid, Hashes.key(guid), urlHash, ItemIdentity.contentHash(in), now, fields(in));
  }

  /**
   * Another source's report of the same article, if one is stored: the one whose link agrees
   * fragment and all when the page carries several, else the oldest.
   */
  private static Optional<LinkedItem> sameLinkElsewhere(NewItem item, IncomingItem in, List<LinkedItem> stored) {
    if (item.urlHash() == null) {
      return Optional.empty();
    }
    List<LinkedItem> candidates = stored.stream().filter(c -> !c.sourceId().equals(item.sourceId()))
        .limit(SAME_LINK_CANDIDATES).toList();
    String fragment = CanonicalUrl.fragment(in.url());
    return candidates.stream().filter(c -> !fragment.isEmpty() && fragment.equals(CanonicalUrl.fragment(c.url()))).findFirst()
        .or(() -> candidates.stream().filter(c -> CanonicalUrl.sameArticle(in.url(), c.url())).findFirst());
  }

  static ItemFields fields(IncomingItem in) {
    return new ItemFields(in.url(), in.title(), in.summaryHtml(), in.author(), in.language(), in.published(),
        in.updated(), in.image());
  }
}
