package dev.tributary.it;

import dev.tributary.config.TributarySettings;
import dev.tributary.fetch.AddressGuard;
import dev.tributary.fetch.FetchSettings;
import dev.tributary.fetch.HostLimiter;
import dev.tributary.fetch.HostResolver;
import dev.tributary.fetch.HttpFeedFetcher;
import dev.tributary.fetch.Sleeper;
import dev.tributary.poll.PipelineProducers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.InstantSource;

/**
 * The real fetcher with the SSRF guard fully on, except that one public-looking name,
 * {@value #PUBLISHER}, resolves to 127.0.0.1 and that single address is let through: a stand-in for
 * a public publisher, so a guard-on service can fetch a good feed before being redirected inward.
 * Every other loopback or private address stays refused. Selected only by the guard profile.
 */
@Alternative
@ApplicationScoped
public class PublicNameFetcher {
  static final String PUBLISHER = "publisher.test";

  @Produces
  @Singleton
  HttpFeedFetcher fetcher(TributarySettings settings, InstantSource clock) throws UnknownHostException {
    FetchSettings s = PipelineProducers.fetchSettings(settings.fetch());
    InetAddress publisher = InetAddress.getByName("127.0.0.1");
    HostResolver system = HostResolver.system();
    HostResolver resolver = host -> PUBLISHER.equalsIgnoreCase(host) ? new InetAddress[] {publisher} : system.resolve(host);
    return new HttpFeedFetcher(s, clock, resolver, AddressGuard.strict().exempting(publisher),
        HostLimiter.forSettings(s, clock, Sleeper.real(clock)));
  }

  void close(@Disposes HttpFeedFetcher fetcher) {
    fetcher.close();
  }
}
