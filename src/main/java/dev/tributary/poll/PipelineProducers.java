package dev.tributary.poll;

import dev.tributary.config.TributarySettings;
import dev.tributary.fetch.FetchSettings;
import dev.tributary.fetch.HttpFeedFetcher;
import dev.tributary.fetch.PreviewFetcher;
import dev.tributary.parse.FeedParser;
import dev.tributary.parse.StandardFeedParser;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** Wires the pure fetch and parse stages into CDI from the typed settings. */
@ApplicationScoped
public class PipelineProducers {

  @Produces
  @Singleton
  @DefaultBean
  HttpFeedFetcher fetcher(TributarySettings settings, InstantSource clock) {
    return new HttpFeedFetcher(fetchSettings(settings.fetch()), clock);
  }

  /** The fetcher's settings, all from {@code tributary.fetch.*}: the mapping holds the one set of defaults. */
  public static FetchSettings fetchSettings(TributarySettings.Fetch f) {
    return new FetchSettings(f.connectTimeout(), f.readTimeout(), f.totalTimeout(), f.maxBodyBytes(),
        f.maxRedirects(), f.perHostConcurrency(), f.perHostSpacing(), f.maxHostWait(), f.maxRetryAfter(),
        f.allowPrivateNetworks(), f.userAgent(), f.maxConnections());
  }

  void close(@Disposes HttpFeedFetcher fetcher) {
    fetcher.close();
  }

  /** Previews never share the poller's pool or host limiter (see {@link PreviewFetcher}). */
  @Produces
  @Singleton
  PreviewFetcher previewFetcher(TributarySettings settings, InstantSource clock) {
    TributarySettings.Preview p = settings.preview();
    return PreviewFetcher.create(fetchSettings(settings.fetch()), p.concurrency(), p.perClientPerMinute(), p.timeout(),
        p.maxBodyBytes(), clock);
  }

  void close(@Disposes PreviewFetcher fetcher) {
    fetcher.close();
  }

  @Produces
  @Singleton
  @DefaultBean
  FeedParser parser() {
    return new StandardFeedParser();
  }
}
