package dev.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * When the story index starts loading: once the HTTP server listens, not at the start-up event
 * (whose remaining work it would slow down), unless there is no HTTP server to wait for; and once.
 */
class StoryIndexLoaderStartTest {

  @Test
  void waitsForTheServerToListenAndLoadsOnce() {
    StoryIndexLoader loader = stoppedLoader(true);
    loader.onStart(null);
    assertThat(loader.loadStarted()).isFalse();

    loader.onListening((io.quarkus.vertx.http.HttpServerStart) null);
    assertThat(loader.loadStarted()).isTrue();
    loader.onListening((io.quarkus.vertx.http.HttpsServerStart) null); // a second listener starts nothing more
    assertThat(loader.loadStarted()).isTrue();
  }

  @Test
  void withoutAnHttpServerItLoadsAtTheStartupEvent() {
    StoryIndexLoader loader = stoppedLoader(false);
    loader.onStart(null);
    assertThat(loader.loadStarted()).isTrue();
  }

  // stopping before it starts: the loading thread ends at once instead of reading a database
  private static StoryIndexLoader stoppedLoader(boolean httpEnabled) {
    StoryIndexLoader loader = new StoryIndexLoader();
    loader.httpEnabled = httpEnabled;
    loader.onStop(null);
    return loader;
  }
}
