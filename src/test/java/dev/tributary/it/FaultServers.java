package dev.tributary.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tributary.testing.LoopbackServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hostile publishers for {@link FaultMatrixTest}, all on loopback: WireMock for HTTP-level faults,
 * a {@link LoopbackServer} for byte-level ones, and one WireMock per throttling host on its own
 * loopback address (a Retry-After pauses a whole host, so throttling cases must not share one
 * with the others). Writes a feeds.yaml with one source, and one channel, per fault.
 */
public class FaultServers implements QuarkusTestResourceLifecycleManager {
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Lab {}

  /** Everything a case needs to steer its publisher. */
  static final class FaultLab {
    WireMockServer web;
    WireMockServer throttled;
    WireMockServer unavailable;
    LoopbackServer raw;
    Path feedsFile;
    /** A local file the XXE case tries to read, and the text that must never leak from it. */
    Path secretFile;
    String secret;
    Map<String, String> urls = new LinkedHashMap<>();
  }

  private final FaultLab lab = new FaultLab();

  @Override
  public Map<String, String> start() {
    try {
      lab.web = wiremock("127.0.0.1");
      lab.throttled = wiremock("127.0.0.2");
      lab.unavailable = wiremock("127.0.0.3");
      lab.raw = new LoopbackServer(InetAddress.getByName("127.0.0.1"));
      lab.secret = "tributary-canary-" + Long.toHexString(System.nanoTime());
      lab.secretFile = Files.createTempFile("tributary-secret", ".txt");
      Files.writeString(lab.secretFile, lab.secret, StandardCharsets.UTF_8);

      String raw = "http://127.0.0.1:" + lab.raw.port();
      for (String id : new String[] {"slow-headers", "slow-body", "reset-mid-body", "gigabyte", "gigabyte-announced", "gzip-bomb",
          "corrupt-gzip", "header-flood", "tls-handshake"}) {
        lab.urls.put(id, raw + "/" + id);
      }
      String web = "http://127.0.0.1:" + lab.web.port();
      for (String id : new String[] {"redirect-loop", "redirect-chain", "gone", "flapping", "invalid-xml",
          "billion-laughs", "xxe", "html-page", "wrong-charset", "unresolvable"}) {
        lab.urls.put(id, web + "/" + id);
      }
      lab.urls.put("throttled-429", "http://127.0.0.2:" + lab.throttled.port() + "/throttled-429");
      lab.urls.put("throttled-sibling", "http://127.0.0.2:" + lab.throttled.port() + "/throttled-sibling");
      lab.urls.put("unavailable-503", "http://127.0.0.3:" + lab.unavailable.port() + "/unavailable-503");

      lab.feedsFile = Files.createTempFile("tributary-faults", ".yaml");
      Files.writeString(lab.feedsFile, feedsYaml(lab.urls), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("tributary.feeds", lab.feedsFile.toString());
  }

  static String feedsYaml(Map<String, String> urls) {
    StringBuilder y = new StringBuilder("defaults:\n  interval: 15m\nsources:\n");
    urls.forEach((id, url) -> y.append("  - id: ").append(id).append("\n    url: ").append(url).append('\n'));
    y.append("channels:\n");
    urls.keySet().forEach(id -> y.append("  - id: ch-").append(id).append("\n    title: ").append(id)
        .append("\n    sources: [").append(id).append("]\n"));
    return y.toString();
  }

  private static WireMockServer wiremock(String address) {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress(address).gzipDisabled(true));
    server.start();
    return server;
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(lab, new TestInjector.AnnotatedAndMatchesType(Lab.class, FaultLab.class));
  }

  @Override
  public void stop() {
    for (WireMockServer s : new WireMockServer[] {lab.web, lab.throttled, lab.unavailable}) {
      if (s != null) s.stop();
    }
    try {
      if (lab.raw != null) lab.raw.close();
      if (lab.feedsFile != null) Files.deleteIfExists(lab.feedsFile);
      if (lab.secretFile != null) Files.deleteIfExists(lab.secretFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
