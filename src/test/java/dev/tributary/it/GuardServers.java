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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For {@link FaultMatrixSsrfGuardTest}: a publisher reached by a public-looking name (see
 * {@link PublicNameFetcher}) and an internal "trap" service on another loopback address that
 * the guard must keep every request away from.
 */
public class GuardServers implements QuarkusTestResourceLifecycleManager {
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Lab {}

  static final class GuardLab {
    WireMockServer publisher;
    WireMockServer trap;
    Map<String, String> urls = new LinkedHashMap<>();
  }

  private final GuardLab lab = new GuardLab();
  private Path feedsFile;

  @Override
  public Map<String, String> start() {
    lab.publisher = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    lab.publisher.start();
    lab.trap = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.2").gzipDisabled(true));
    lab.trap.start();
    lab.urls.put("moves-inside", "http://" + PublicNameFetcher.PUBLISHER + ":" + lab.publisher.port() + "/moves-inside");
    lab.urls.put("internal", "http://127.0.0.2:" + lab.trap.port() + "/internal");
    try {
      feedsFile = Files.createTempFile("tributary-guard", ".yaml");
      Files.writeString(feedsFile, FaultServers.feedsYaml(lab.urls), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("tributary.feeds", feedsFile.toString());
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(lab, new TestInjector.AnnotatedAndMatchesType(Lab.class, GuardLab.class));
  }

  @Override
  public void stop() {
    if (lab.publisher != null) lab.publisher.stop();
    if (lab.trap != null) lab.trap.stop();
    try {
      if (feedsFile != null) Files.deleteIfExists(feedsFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
