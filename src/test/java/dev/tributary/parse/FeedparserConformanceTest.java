package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.model.NormalizedFeed;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the Universal Feed Parser conformance cases (rules in normalized-feed.md) against the JSON
 * that {@code /api/preview} would return. Known failures are listed in
 * {@code conformance/expected-failures.txt}; that list may only shrink.
 */
class FeedparserConformanceTest {
  private static final String BASE = "http://127.0.0.1:8097/tests/";
  private static final String EXPECTED_FAILURES = "/conformance/expected-failures.txt";
  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_]+)(?:\\[(\\d+)])?");

  private final StandardFeedParser parser = new StandardFeedParser();

  record Outcome(String key, String tier, boolean passed, String detail, Boolean bozoAgrees) {}

  @Test
  void feedparserCasesPass() throws IOException {
    Path feeds = TestCorpus.feeds();
    Path tests = feeds.resolve("feedparser/tests");
    JsonNode cases = TestCorpus.API_JSON.readTree(feeds.resolve("feedparser-cases.json").toFile());
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonNode c : cases) {
      outcomes.add(run(c, tests));
    }
    Set<String> expectedFailures = expectedFailures();
    report(outcomes);

    List<String> unexpected = new ArrayList<>();
    List<String> nowPassing = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (!o.passed() && !expectedFailures.contains(o.key())) {
        unexpected.add(o.key() + " [" + o.tier() + "] " + o.detail());
      }
      if (o.passed() && expectedFailures.contains(o.key())) {
        nowPassing.add(o.key());
      }
    }
    if (!nowPassing.isEmpty()) {
      System.out.println("Now passing, remove from expected-failures.txt:\n  " + String.join("\n  ", nowPassing));
    }
    if (Boolean.getBoolean("conformance.writeFailures")) {
      StringBuilder b = new StringBuilder();
      outcomes.stream().filter(o -> !o.passed()).forEach(o -> b.append(o.key()).append('\n'));
      Files.writeString(Path.of("target/conformance-failures.txt"), b.toString());
      StringBuilder d = new StringBuilder();
      outcomes.stream().filter(o -> !o.passed())
          .forEach(o -> d.append(o.key()).append(" [").append(o.tier()).append("] ").append(o.detail()).append('\n'));
      Files.writeString(Path.of("target/conformance-failures-detail.txt"), d.toString());
      StringBuilder z = new StringBuilder();
      outcomes.stream().filter(o -> Boolean.FALSE.equals(o.bozoAgrees()))
          .forEach(o -> z.append(o.key()).append('\n'));
      Files.writeString(Path.of("target/conformance-bozo-disagreements.txt"), z.toString());
    }
    assertThat(unexpected).as("cases failing that are not in expected-failures.txt").isEmpty();
  }

  private Outcome run(JsonNode c, Path tests) {
    String path = c.get("path").asText();
    String tier = c.get("tier").asText();
    String contentType = null;
    String contentLocation = null;
    String contentLanguage = null;
    for (JsonNode h : c.get("headers")) {
      String name = h.get(0).asText().strip().toLowerCase(Locale.ROOT);
      if (name.equals("content-type")) {
        contentType = h.get(1).asText().strip();
      } else if (name.equals("content-location")) {
        contentLocation = h.get(1).asText().strip();
      } else if (name.equals("content-language")) {
        contentLanguage = h.get(1).asText().strip();
      }
    }
    byte[] body;
    try {
      body = Files.readAllBytes(tests.resolve(path));
    } catch (IOException e) {
      return new Outcome(path, tier, false, "cannot read: " + e, null);
    }
    ParseResult result;
    try {
      result = parser.parse(new FeedDocument(body, contentType, contentLocation, URI.create(BASE + path), contentLanguage));
    } catch (RuntimeException e) {
      return new Outcome(path, tier, false, "exception escaped: " + e, null);
    }
    List<JsonNode> assertions = new ArrayList<>();
    c.get("assertions").forEach(assertions::add);
    if (result instanceof ParseResult.NotAFeed n) {
      boolean onlyNoCrash = assertions.stream().allMatch(a -> a.get("op").asText().equals("parses_without_exception"));
      boolean ok = onlyNoCrash && !tier.startsWith("D") || tier.equals("not-portable");
      return new Outcome(path, tier, ok, "not a feed: " + n.reason(), null);
    }
    NormalizedFeed feed = ((ParseResult.Parsed) result).feed();
    JsonNode json = TestCorpus.API_JSON.valueToTree(feed);
    Boolean bozoAgrees = null;
    JsonNode bozo = c.get("bozo");
    if (bozo != null && !bozo.isNull()) {
      bozoAgrees = bozo.asBoolean() == feed.meta().bozo();
    }
    if (Boolean.FALSE.equals(bozoAgrees)) {
      return new Outcome(path, tier, false, "bozo expected " + bozo + " got " + feed.meta().bozo()
          + " (" + feed.meta().bozoReason() + ")", bozoAgrees);
    }
    for (JsonNode a : assertions) {
      String failure = check(a, tier, json);
      if (failure != null) {
        return new Outcome(path, tier, false, failure, bozoAgrees);
      }
    }
    return new Outcome(path, tier, true, null, bozoAgrees);
  }

  /** Null when the assertion holds, else a description of the mismatch. */
  private static String check(JsonNode a, String tier, JsonNode json) {
    String op = a.get("op").asText();
    if (op.equals("parses_without_exception")) {
      return null;
    }
    String field = a.get("field").asText();
    JsonNode expected = a.get("value");
    JsonNode actualNode = resolve(json, field);
    String actual = actualNode == null || actualNode.isNull() ? null : actualNode.asText();
    switch (op) {
      case "len": {
        int size = actualNode == null || actualNode.isNull() ? 0 : actualNode.size();
        return size == expected.asInt() ? null : field + ": len " + size + " != " + expected.asInt();
      }
      case "eq_instant": {
        Instant want = Instant.parse(expected.asText());
        Instant got = actual == null ? null : Instant.parse(actual);
        return want.equals(got) ? null : field + ": " + got + " != " + want;
      }
      case "ne":
        return !expected.asText().equals(actual) ? null : field + ": equals " + actual;
      case "eq":
        return equal(tier, field, expected.asText(), actual);
      default:
        return "unknown op " + op;
    }
  }

  private static String equal(String tier, String field, String expected, String actual) {
    String mismatch = field + ": <" + actual + "> != <" + expected + ">";
    if (tier.startsWith("B")) {
      return HtmlCompare.normalize(expected).equals(HtmlCompare.normalize(actual)) ? null : mismatch;
    }
    if (tier.startsWith("C")) {
      String unsafe = HtmlCompare.unsafe(actual);
      if (unsafe != null) {
        return field + ": UNSAFE " + unsafe + " in <" + actual + ">";
      }
      if (HtmlCompare.normalize(expected).equals(HtmlCompare.normalize(actual))) {
        return null;
      }
      // Our policy is stricter than the reference (no forms, SVG, MathML): expected output
      // the policy forbids only needs to be safe.
      return HtmlCompare.unsafe(expected) != null ? null : mismatch;
    }
    if (field.equals("meta.encoding")) {
      return expected.equalsIgnoreCase(actual) ? null : mismatch;
    }
    return expected.equals(actual) ? null : mismatch;
  }

  /** Follows a field path like {@code entries[0].links[1].href} or {@code feed.author(feedparser-string)}. */
  static JsonNode resolve(JsonNode root, String field) {
    String path = field;
    String suffix = null;
    int paren = field.indexOf('(');
    if (paren > 0) {
      suffix = field.substring(paren + 1, field.length() - 1);
      path = field.substring(0, paren);
    }
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      Matcher m = SEGMENT.matcher(part);
      if (node == null || !m.matches()) {
        return null;
      }
      node = node.get(m.group(1));
      if (m.group(2) != null) {
        node = node == null ? null : node.get(Integer.parseInt(m.group(2)));
      }
    }
    if ("feedparser-string".equals(suffix) && node != null && node.isObject()) {
      String name = node.hasNonNull("name") ? node.get("name").asText() : null;
      String email = node.hasNonNull("email") ? node.get("email").asText() : null;
      String s = name != null && email != null ? name + " (" + email + ")" : name != null ? name : email;
      return s == null ? null : TestCorpus.API_JSON.getNodeFactory().textNode(s);
    }
    return node;
  }

  private static Set<String> expectedFailures() throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    try (InputStream in = FeedparserConformanceTest.class.getResourceAsStream(EXPECTED_FAILURES)) {
      if (in == null) {
        return keys;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String key = line.strip();
        if (!key.isEmpty() && !key.startsWith("#")) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  private static void report(List<Outcome> outcomes) {
    Map<String, int[]> byTier = new TreeMap<>();
    int bozoKnown = 0;
    int bozoAgree = 0;
    for (Outcome o : outcomes) {
      int[] counts = byTier.computeIfAbsent(o.tier(), t -> new int[2]);
      counts[1]++;
      if (o.passed()) {
        counts[0]++;
      }
      if (o.bozoAgrees() != null) {
        bozoKnown++;
        bozoAgree += o.bozoAgrees() ? 1 : 0;
      }
    }
    StringBuilder b = new StringBuilder("Feedparser conformance:\n");
    int pass = 0;
    int total = 0;
    for (Map.Entry<String, int[]> e : byTier.entrySet()) {
      int[] c = e.getValue();
      pass += c[0];
      total += c[1];
      b.append(String.format(Locale.ROOT, "  %-22s %4d/%4d  %6.2f%%%n", e.getKey(), c[0], c[1], 100.0 * c[0] / c[1]));
    }
    b.append(String.format(Locale.ROOT, "  %-22s %4d/%4d  %6.2f%%%n", "overall", pass, total, 100.0 * pass / total));
    b.append(String.format(Locale.ROOT, "  %-22s %4d/%4d%n", "bozo flag agrees", bozoAgree, bozoKnown));
    b.append("  (a case passes when all its assertions hold and its bozo flag, where given, agrees)\n");
    System.out.print(b);
  }
}
