package dev.tributary.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads feeds.yaml text into a {@link FeedsConfig}, collecting every error with its line and
 * column. Works on SnakeYAML's node tree (not object binding) so each value keeps its position.
 */
public final class FeedsConfigParser {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Set<String> TOP_KEYS = Set.of("sources", "channels", "defaults");
  private static final Set<String> SOURCE_KEYS = Set.of("id", "url", "title", "language", "tags", "interval");
  private static final Set<String> CHANNEL_KEYS = Set.of("id", "title", "description", "sources", "tags", "language");
  // a BCP 47 tag's shape: a primary language subtag, then subtags (en, pt-BR, sr-Latn)
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  private static final Set<String> DEFAULT_KEYS = Set.of("interval");
  private static final Duration FALLBACK_INTERVAL = Duration.ofMinutes(15);
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
  /** Longer intervals are typos, and huge ones overflow the scheduler's arithmetic. */
  private static final Duration MAX_INTERVAL = Duration.ofDays(7);
  /** About 10,000 sources; larger files are refused before YAML reads a byte of them. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final String file;
  private final List<ConfigError> errors = new ArrayList<>();

  private FeedsConfigParser(String file) {
    this.file = file;
  }

  /**
   * The file's text, read no further than the size limit: a huge file (or a link to a device)
   * is refused with a clear message instead of filling memory or keeping YAML busy for a minute.
   */
  public static String read(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException(tooLarge(Files.size(path)));
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static String tooLarge(long size) {
    return "the file is " + size + " bytes; at most " + MAX_BYTES + " are read (split long comments, or trim it)";
  }

  /** Parses {@code text}; {@code file} names it in error messages. */
  public static LoadResult parse(String file, String text) {
    return new FeedsConfigParser(file).run(text);
  }

  private LoadResult run(String text) {
    if (text.length() > MAX_BYTES) {
      errors.add(new ConfigError(file, 0, 0, tooLarge(text.length())));
      return new LoadResult.Invalid(errors);
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(20);
      options.setAllowDuplicateKeys(true); // reported by us, with positions
      options.setCodePointLimit(MAX_BYTES);
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String reason = e.getProblem() != null ? e.getProblem() : e.getMessage();
      errors.add(new ConfigError(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
          "YAML error: " + reason));
      return new LoadResult.Invalid(errors);
    } catch (YAMLException e) {
      errors.add(new ConfigError(file, 0, 0, "YAML error: " + e.getMessage()));
      return new LoadResult.Invalid(errors);
    }
    if (root == null) {
      errors.add(new ConfigError(file, 1, 1, "the file is empty: expected 'sources' and 'channels'"));
      return new LoadResult.Invalid(errors);
    }
    Map<String, Node> top = mapping(root, "the top level", TOP_KEYS);
    if (top == null) {
      return new LoadResult.Invalid(errors);
    }
    Duration defaultInterval = FALLBACK_INTERVAL;
    if (top.containsKey("defaults")) {
      Map<String, Node> d = mapping(top.get("defaults"), "defaults", DEFAULT_KEYS);
      if (d != null && d.containsKey("interval")) {
        Duration i = interval(d.get("interval"));
        if (i != null) {
          defaultInterval = i;
        }
      }
    }
    List<SourceConfig> sources = sources(top.get("sources"), defaultInterval);
    List<ChannelConfig> channels = channels(top.get("channels"), sources);
    if (!errors.isEmpty()) {
      return new LoadResult.Invalid(errors);
    }
    return new LoadResult.Loaded(new FeedsConfig(sources, channels, defaultInterval));
  }

  private List<SourceConfig> sources(Node node, Duration defaultInterval) {
    List<SourceConfig> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    Map<String, Node> seen = new HashMap<>();
    for (Node item : sequence(node, "sources")) {
      Map<String, Node> m = mapping(item, "a source", SOURCE_KEYS);
      if (m == null) {
        continue;
      }
      String id = id(m, item, "source", seen);
      URI url = url(m.get("url"), item);
      String title = optionalText(m.get("title"), "title");
      String language = optionalText(m.get("language"), "language");
      List<String> tags = strings(m.get("tags"), "tags");
      Duration interval = m.containsKey("interval") ? interval(m.get("interval")) : defaultInterval;
      if (id != null && url != null && interval != null) {
        out.add(new SourceConfig(id, url, title,
            language == null ? null : language.toLowerCase(Locale.ROOT), tags, interval));
      }
    }
    return out;
  }

  private List<ChannelConfig> channels(Node node, List<SourceConfig> sources) {
    List<ChannelConfig> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    Set<String> sourceIds = new HashSet<>();
    sources.forEach(s -> sourceIds.add(s.id()));
    Map<String, Node> seen = new HashMap<>();
    for (Node item : sequence(node, "channels")) {
      Map<String, Node> m = mapping(item, "a channel", CHANNEL_KEYS);
      if (m == null) {
        continue;
      }
      String id = id(m, item, "channel", seen);
      String title = optionalText(m.get("title"), "title");
      String description = optionalText(m.get("description"), "description");
      List<String> named = new ArrayList<>();
      if (m.containsKey("sources")) {
        for (Node ref : sequence(m.get("sources"), "sources")) {
          String sid = scalar(ref, "a source id");
          if (sid != null && !sourceIds.contains(sid)) {
            error(ref, "channel '" + id + "' names unknown source '" + sid + "'");
          } else if (sid != null) {
            named.add(sid);
          }
        }
      }
      List<String> tags = strings(m.get("tags"), "tags");
      String language = optionalText(m.get("language"), "language");
      if (language != null && !LANGUAGE_TAG.matcher(language).matches()) {
        error(m.get("language"), "channel '" + id + "' language must be a language tag like en or pt-BR, not '" + language + "'");
        language = null;
      }
      if (id != null) {
        out.add(new ChannelConfig(id, title == null ? id : title, description, named, tags,
            language == null ? null : language.toLowerCase(Locale.ROOT)));
      }
    }
    return out;
  }

  private String id(Map<String, Node> m, Node owner, String what, Map<String, Node> seen) {
    Node idNode = m.get("id");
    if (idNode == null) {
      error(owner, "a " + what + " needs an 'id'");
      return null;
    }
    String id = scalar(idNode, "id");
    if (id == null) {
      return null;
    }
    if (!ID.matcher(id).matches() || id.length() > 64) {
      error(idNode, "bad " + what + " id '" + id + "': use [a-z0-9][a-z0-9-]*, at most 64 characters");
      return null;
    }
    Node previous = seen.putIfAbsent(id, idNode);
    if (previous != null) {
      error(idNode, "duplicate " + what + " id '" + id + "' (first defined at line "
          + (previous.getStartMark().getLine() + 1) + ")");
      return null;
    }
    return id;
  }

  private URI url(Node node, Node owner) {
    if (node == null) {
      error(owner, "a source needs a 'url'");
      return null;
    }
    String text = scalar(node, "url");
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        error(node, "bad URL '" + text + "': only http and https are supported");
        return null;
      }
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        error(node, "bad URL '" + text + "': no host");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      error(node, "bad URL '" + text + "': " + e.getReason());
      return null;
    }
  }

  private Duration interval(Node node) {
    String text = scalar(node, "interval");
    if (text == null) {
      return null;
    }
    Duration d = DurationText.parse(text).orElse(null);
    if (d == null) {
      error(node, "bad interval '" + text + "': write e.g. 90s, 15m, 2h or 1d");
      return null;
    }
    if (d.compareTo(MIN_INTERVAL) < 0) {
      error(node, "interval '" + text + "' is too short: at least 30s");
      return null;
    }
    if (d.compareTo(MAX_INTERVAL) > 0) {
      error(node, "interval '" + text + "' is too long: at most 7d");
      return null;
    }
    return d;
  }

  private List<String> strings(Node node, String what) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (Node n : sequence(node, what)) {
      String s = scalar(n, what);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private String optionalText(Node node, String what) {
    if (node == null) {
      return null;
    }
    String s = scalar(node, what);
    return s == null || s.isBlank() ? null : s.trim();
  }

  private Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode mn)) {
      error(node, what + " must be a mapping of keys to values");
      return null;
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : mn.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
      if (key == null) {
        error(t.getKeyNode(), "keys in " + what + " must be plain words");
      } else if (!allowed.contains(key)) {
        error(t.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: "
            + String.join(", ", allowed.stream().sorted().toList()) + ")");
      } else if (out.putIfAbsent(key, t.getValueNode()) != null) {
        error(t.getKeyNode(), "key '" + key + "' given twice in " + what);
      }
    }
    return out;
  }

  private List<Node> sequence(Node node, String what) {
    if (node instanceof SequenceNode sn) {
      return sn.getValue();
    }
    if (node instanceof ScalarNode sc && sc.getValue().isEmpty()) {
      return List.of(); // "sources:" with nothing after it
    }
    error(node, "'" + what + "' must be a list");
    return List.of();
  }

  private String scalar(Node node, String what) {
    if (node instanceof ScalarNode sn) {
      return sn.getValue();
    }
    error(node, what + " must be a single value");
    return null;
  }

  private void error(Node node, String message) {
    Mark m = node == null ? null : node.getStartMark();
    errors.add(new ConfigError(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, message));
  }
}
