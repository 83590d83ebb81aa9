package dev.tributary.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a WireMock server on a free loopback port and writes a feeds.yaml whose sources point
 * at it, so the real service polls fake publishers. Tests receive the server via {@link Server}.
 */
public class FakeFeeds implements QuarkusTestResourceLifecycleManager {
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Server {}

  private WireMockServer server;
  private Path feedsFile;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    try {
      feedsFile = Files.createTempFile("tributary-feeds", ".yaml");
      Files.writeString(feedsFile, feedsYaml(server.port()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("tributary.feeds", feedsFile.toString());
  }

  static String feedsYaml(int port) {
    String base = "http://127.0.0.1:" + port;
    return """
        defaults:
          interval: 15m
        sources:
          - id: herald
            url: %1$s/herald.rss
            title: Tbilisi Herald
            tags: [georgia]
          - id: wire
            url: %1$s/wire.atom
            tags: [armenia]
          - id: baku
            url: %1$s/baku.json
            title: Baku Daily
            language: en
            tags: [azerbaijan]
          - id: flaky
            url: %1$s/flaky.rss
            tags: [lab]
          - id: mirror
            url: %1$s/mirror.rss
            tags: [lab]
        channels:
          - id: region
            title: Region
            description: All three test outlets
            tags: [georgia, armenia, azerbaijan]
          - id: georgia
            title: Georgia
            sources: [herald]
          - id: lab
            title: Lab
            tags: [lab]
        """.formatted(base);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    injector.injectIntoFields(feedsFile, new TestInjector.AnnotatedAndMatchesType(Server.class, Path.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
    try {
      if (feedsFile != null) {
        Files.deleteIfExists(feedsFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
