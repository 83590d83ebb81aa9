package dev.tributary.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Local publishers for the browser tests: a gazette with a backlog of stories published from
 * February into March, a courier carrying three of them (with images), a source that fails, and
 * two sources on a second loopback address whose server answers 429 with Retry-After (pausing
 * that host and port).
 */
public class BrowserFeeds implements QuarkusTestResourceLifecycleManager {
  /** Only these publishers: the other tests' global fake feeds stay out of this service. */
  public static class Profile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(BrowserFeeds.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }
  }

  static final int BACKLOG = 30;
  static final Instant FIRST = Instant.parse("2026-02-10T08:00:00Z");
  private static final String[] PLACES = {
    "Kutaisi", "Batumi", "Gyumri", "Ganja", "Sukhumi", "Vanadzor", "Sheki", "Zugdidi", "Telavi", "Dilijan",
    "Lankaran", "Poti", "Gori", "Goris", "Quba", "Rustavi", "Sevan", "Shusha", "Mtskheta", "Jermuk",
    "Mingachevir", "Borjomi", "Ijevan", "Gabala", "Akhaltsikhe", "Kapan", "Nakhchivan", "Ozurgeti", "Abovyan", "Sumqayit"};
  private static final String[] EVENTS = {
    "opens a tram depot", "restores its bathhouse", "hosts a chess final", "repaves the market square",
    "plants walnut orchards", "launches night buses", "reopens the puppet theatre", "builds cycling lanes",
    "cleans the river embankment", "lights the fortress walls", "digitises its archive", "trains volunteer firefighters",
    "paints murals on schools", "expands the maternity ward", "repairs the cable car", "stages a jazz festival",
    "replaces water pipes", "welcomes a circus troupe", "funds beekeepers", "widens the airport runway",
    "names a new mayor", "bans plastic bags", "counts its storks", "rebuilds the stone bridge",
    "celebrates a wine harvest", "installs solar streetlamps", "recovers a medieval icon", "hires more nurses",
    "floods after heavy rain", "unveils a poet's statue"};

  private WireMockServer publisher;
  private WireMockServer throttled;
  private Path feedsFile;

  static String title(int i) {
    return PLACES[i] + " " + EVENTS[i];
  }

  /** Story i is published i days after the first; the gazette lists them newest first. */
  static Instant published(int i) {
    return FIRST.plusSeconds(86_400L * i + 3_600L * (i % 5));
  }

  @Override
  public Map<String, String> start() {
    publisher = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    publisher.start();
    throttled = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.2"));
    throttled.start();
    publisher.stubFor(get("/gazette.rss").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
        .withBody(gazette())));
    publisher.stubFor(get("/courier.rss").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
        .withBody(courier("http://127.0.0.1:" + publisher.port() + "/img/"))));
    // the courier's pictures come from the same loopback publisher, so the story page loads them
    publisher.stubFor(get(urlMatching("/img/[0-9]+\\.svg")).willReturn(aResponse()
        .withHeader("Content-Type", "image/svg+xml")
        .withBody("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\"><rect width=\"40\" height=\"30\" fill=\"#3a6\"/></svg>")));
    publisher.stubFor(get("/down.rss").willReturn(aResponse().withStatus(500).withBody("maintenance")));
    throttled.stubFor(get("/busy-a.rss").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    throttled.stubFor(get("/busy-b.rss").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    try {
      feedsFile = Files.createTempFile("tributary-browser-feeds", ".yaml");
      Files.writeString(feedsFile, feedsYaml());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("tributary.feeds", feedsFile.toString());
  }

  private String feedsYaml() {
    String base = "http://127.0.0.1:" + publisher.port();
    String busy = "http://127.0.0.2:" + throttled.port();
    return """
        defaults:
          interval: 30m
        sources:
          - id: gazette
            url: %1$s/gazette.rss
            title: Caucasus Gazette
            language: en
            tags: [news]
          - id: courier
            url: %1$s/courier.rss
            title: Mountain Courier
            language: en
            tags: [news]
          - id: down
            url: %1$s/down.rss
            title: Broken Bulletin
            tags: [news, lab]
          - id: busy-a
            url: %2$s/busy-a.rss
            title: Busy Wire A
            tags: [lab]
          - id: busy-b
            url: %2$s/busy-b.rss
            title: Busy Wire B
            tags: [lab]
        channels:
          - id: caucasus
            title: Caucasus towns
            description: Town news from the gazette and the courier
            tags: [news]
          - id: lab
            title: Lab
            tags: [lab]
        """.formatted(base, busy);
  }

  private static String gazette() {
    StringBuilder items = new StringBuilder();
    for (int i = BACKLOG - 1; i >= 0; i--) {
      items.append(item("gazette", i, "In " + PLACES[i] + ", the town " + EVENTS[i] + ".", null));
    }
    return rss("Caucasus Gazette", items);
  }

  /** Three of the gazette's stories, reported an hour later, with a picture each. */
  private static String courier(String pictures) {
    StringBuilder items = new StringBuilder();
    for (int i : new int[] {BACKLOG - 1, BACKLOG - 2, 4}) {
      items.append(item("courier", i, "Residents of " + PLACES[i] + " welcomed the news.",
          pictures + i + ".svg"));
    }
    return rss("Mountain Courier", items);
  }

  private static String item(String outlet, int i, String summary, String image) {
    Instant at = published(i).plusSeconds(outlet.equals("courier") ? 3600 : 0);
    return "<item><title>" + title(i) + "</title><link>https://" + outlet + ".example/news/" + i + "</link>"
        + "<guid>" + outlet + "-" + i + "</guid><description>" + summary + "</description>"
        + "<pubDate>" + DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)) + "</pubDate>"
        + (image == null ? "" : "<enclosure url=\"" + image + "\" type=\"image/jpeg\" length=\"1000\"/>")
        + "</item>";
  }

  private static String rss(String title, StringBuilder items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title
        + "</title><link>https://example.org/</link><description>test</description>" + items + "</channel></rss>";
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(publisher, new TestInjector.AnnotatedAndMatchesType(Publisher.class, WireMockServer.class));
  }

  /** Marks the field that receives the main publisher server. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Publisher {}

  @Override
  public void stop() {
    if (publisher != null) publisher.stop();
    if (throttled != null) throttled.stop();
    try {
      if (feedsFile != null) Files.deleteIfExists(feedsFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
