package dev.tributary.parse;

import dev.tributary.sanitize.SafeUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Feed autodiscovery: the feeds an HTML page links with {@code <link rel="alternate"
 * type="application/rss+xml|atom+xml|feed+json">}, resolved against the page URL (and its
 * {@code <base>}), http(s) only. Pure: reads the bytes it is given.
 */
public final class FeedDiscovery {
  /** The links sit in the head; a page larger than this is read no further. */
  private static final int MAX_BYTES = 1024 * 1024;
  private static final int MAX_FEEDS = 50;
  private static final Set<String> FEED_TYPES = Set.of(
      "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml");

  /** One advertised feed: its absolute http(s) URL, the page's title for it (may be null) and its media type. */
  public record FeedLink(String url, String title, String type) {}

  private FeedDiscovery() {}

  /** The feeds the page links, in page order without repeats; empty when it links none or is not HTML. */
  public static List<FeedLink> links(FeedDocument page) {
    if (page == null || page.body() == null || page.body().length == 0) {
      return List.of();
    }
    byte[] body = page.body().length > MAX_BYTES ? Arrays.copyOf(page.body(), MAX_BYTES) : page.body();
    String charset = CharsetResolver.canonical(CharsetResolver.httpCharset(page.contentType()));
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(body), charset, page.url() == null ? "" : page.url().toString());
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    List<FeedLink> feeds = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Element link : doc.select("link[rel][type][href], a[rel][type][href]")) {
      String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
      int semi = type.indexOf(';');
      type = semi >= 0 ? type.substring(0, semi).strip() : type;
      if (!FEED_TYPES.contains(type) || !relIncludesAlternate(link.attr("rel"))) {
        continue;
      }
      String url = SafeUrl.http(link.absUrl("href"));
      if (url != null && seen.add(url) && feeds.size() < MAX_FEEDS) {
        String title = link.attr("title").strip();
        feeds.add(new FeedLink(url, title.isEmpty() ? null : title, type));
      }
    }
    return List.copyOf(feeds);
  }

  private static boolean relIncludesAlternate(String rel) {
    for (String token : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (token.equals("alternate")) {
        return true;
      }
    }
    return false;
  }
}
