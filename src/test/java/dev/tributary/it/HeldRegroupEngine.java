package dev.tributary.it;

import dev.tributary.config.TributarySettings;
import dev.tributary.ingest.StoryEngineProducer;
import dev.tributary.story.Assignment;
import dev.tributary.story.ClusteringStoryEngine;
import dev.tributary.story.RegroupPlan;
import dev.tributary.story.Regrouping;
import dev.tributary.story.Speculation;
import dev.tributary.story.StoryCandidate;
import dev.tributary.story.StoryEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real engine, except that a test can hold a regrouping's computation until it has done
 * something meanwhile: {@link #hold} arms it for the next computation. Selected only by the
 * profile of the tests that need it.
 */
@Alternative
@ApplicationScoped
public class HeldRegroupEngine {
  private static volatile CountDownLatch reached;
  private static volatile CountDownLatch released;

  /** Arms the hold: returns {reached, release}; the computation counts down the first and waits for the second. */
  static CountDownLatch[] hold() {
    reached = new CountDownLatch(1);
    released = new CountDownLatch(1);
    return new CountDownLatch[] {reached, released};
  }

  @Produces
  @Singleton
  StoryEngine engine(TributarySettings settings) {
    return new Held(new ClusteringStoryEngine(StoryEngineProducer.storyConfig(settings.stories().clustering())));
  }

  private record Held(StoryEngine engine) implements StoryEngine {
    @Override
    public Regrouping computeRegroup(RegroupPlan plan) {
      CountDownLatch r = reached;
      CountDownLatch go = released;
      reached = null;
      released = null;
      if (r != null) {
        r.countDown();
        try {
          if (!go.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the regrouping");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return engine.computeRegroup(plan);
    }

    @Override
    public Assignment assign(StoryCandidate item) {
      return engine.assign(item);
    }

    @Override
    public Speculation speculate() {
      return engine.speculate();
    }

    @Override
    public List<byte[]> prepare(List<StoryCandidate> items) {
      return engine.prepare(items);
    }

    @Override
    public int analysisVersion() {
      return engine.analysisVersion();
    }

    @Override
    public void indexed(StoryCandidate item, long storyId) {
      engine.indexed(item, storyId);
    }

    @Override
    public boolean indexedAnalysed(long itemId, String sourceId, String url, byte[] analysis, long storyId) {
      return engine.indexedAnalysed(itemId, sourceId, url, analysis, storyId);
    }

    @Override
    public void clear() {
      engine.clear();
    }

    @Override
    public OptionalLong regroupDueFrom() {
      return engine.regroupDueFrom();
    }

    @Override
    public RegroupPlan planRegroup(long from, int maxItems) {
      return engine.planRegroup(from, maxItems);
    }

    @Override
    public Regrouping applyRegroup(RegroupPlan plan) {
      return engine.applyRegroup(plan);
    }

    @Override
    public void regroupFailed(RegroupPlan plan) {
      engine.regroupFailed(plan);
    }

    @Override
    public void placed(long placeholder, long storyId) {
      engine.placed(placeholder, storyId);
    }
  }
}
