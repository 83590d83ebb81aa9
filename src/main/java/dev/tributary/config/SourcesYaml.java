package dev.tributary.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns imported feeds into the {@code sources:} part of feeds.yaml, for an admin to review and
 * paste: ids made from titles (or hosts) in the file's id form and unique against the sources in
 * force, tags from the folders the feeds were filed in. Feeds already configured, repeated, or
 * with a URL the file would refuse are listed as skipped, each with the reason.
 */
public final class SourcesYaml {
  static final String DEFAULT_TAG = "imported";
  private static final int MAX_ID = 64;

  /** The YAML text, how many sources it holds, and what was left out and why. */
  public record Result(String yaml, int added, List<String> skipped) {}

  private SourcesYaml() {}

  public static Result of(List<ImportedFeed> feeds, FeedsConfig current) {
    Set<String> ids = new HashSet<>();
    Set<String> urls = new HashSet<>();
    for (SourceConfig s : current.sources()) {
      ids.add(s.id());
      urls.add(s.url().toString());
    }
    List<Map<String, Object>> sources = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (ImportedFeed feed : feeds) {
      URI url = httpUrl(feed.url());
      if (url == null) {
        skipped.add(feed.url() + ": not an absolute http(s) URL");
        continue;
      }
      if (!urls.add(url.toString())) {
        skipped.add(url + ": already a source");
        continue;
      }
      String id = unique(slug(feed.title()).isEmpty() ? slug(hostName(url)) : slug(feed.title()), ids);
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("id", id);
      source.put("url", url.toString());
      if (feed.title() != null && !feed.title().isBlank()) {
        source.put("title", feed.title().strip());
      }
      List<String> tags = feed.folders().stream().map(SourcesYaml::slug).filter(t -> !t.isEmpty()).distinct().toList();
      source.put("tags", tags.isEmpty() ? List.of(DEFAULT_TAG) : tags);
      sources.add(source);
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setAllowUnicode(true);
    options.setWidth(200);
    StringBuilder text = new StringBuilder("# ").append(sources.size()).append(" sources from OPML");
    if (!skipped.isEmpty()) {
      text.append("; skipped ").append(skipped.size()).append(':');
      skipped.forEach(s -> text.append("\n#   ").append(s.replace('\n', ' ')));
    }
    text.append('\n');
    if (!sources.isEmpty()) {
      text.append(new Yaml(options).dump(Map.of("sources", sources)));
    }
    return new Result(text.toString(), sources.size(), List.copyOf(skipped));
  }

  private static URI httpUrl(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      URI uri = new URI(raw.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean http = scheme.equals("http") || scheme.equals("https");
      return http && uri.getHost() != null && !uri.getHost().isBlank() ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String hostName(URI url) {
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** Lower-case ASCII letters, digits and dashes; accents folded, everything else a dash. */
  static String slug(String text) {
    if (text == null) {
      return "";
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_ID - 4) {
      slug = slug.substring(0, MAX_ID - 4).replaceAll("-+$", "");
    }
    return slug;
  }

  private static String unique(String base, Set<String> taken) {
    String id = base.isEmpty() ? "feed" : base;
    for (int n = 2; !taken.add(id); n++) {
      id = (base.isEmpty() ? "feed" : base) + "-" + n;
    }
    return id;
  }
}
