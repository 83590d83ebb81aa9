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
    return new HttpFeedFetcher(fetchSettings(settings), clock);
  }

  void close(@Disposes HttpFeedFetcher fetcher) {
    fetcher.close();
  }

  /** Previews never share the poller's pool or host limiter (see {@link PreviewFetcher}). */
  @Produces
  @Singleton
  PreviewFetcher previewFetcher(TributarySettings settings, InstantSource clock) {
    TributarySettings.Preview p = settings.preview();
    return PreviewFetcher.create(fetchSettings(settings), p.concurrency(), p.perClientPerMinute(), p.timeout(),
        p.maxBodyBytes(), clock);
  }

  void close(@Disposes PreviewFetcher fetcher) {
    fetcher.close();
  }

  private static FetchSettings fetchSettings(TributarySettings settings) {
    TributarySettings.Fetch f = settings.fetch();
    FetchSettings d = FetchSettings.defaults();
    return new FetchSettings(f.connectTimeout(), f.readTimeout(), f.totalTimeout(), f.maxBodyBytes(),
        f.maxRedirects(), f.perHostConcurrency(), f.perHostSpacing(), f.maxHostWait(), d.maxRetryAfter(),
        f.allowPrivateNetworks(), f.userAgent(), d.maxConnections());
  }

  @Produces
  @Singleton
  @DefaultBean
  FeedParser parser() {
    return new StandardFeedParser();
  }
}
