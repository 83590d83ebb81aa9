package dev.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.story.StoryEngine;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The regroup job asks every second whether regrouping is due, from the start on: until the story
 * index has loaded the answer is no, without touching the engine, which is built on first use (by
 * the loader, after start-up) and would otherwise be built by the job while the service starts.
 */
class StoryRegrouperDueTest {

  @Test
  void notDueAndEngineUntouchedWhileTheIndexLoads() {
    StoryRegrouper regrouper = new StoryRegrouper();
    regrouper.index = new StoryIndexLoader(); // never loaded
    regrouper.engine = (StoryEngine) Proxy.newProxyInstance(StoryEngine.class.getClassLoader(),
        new Class<?>[] {StoryEngine.class}, (proxy, method, args) -> {
          throw new AssertionError("engine used before the index loaded: " + method.getName());
        });

    assertThat(regrouper.due()).isFalse();
  }
}
