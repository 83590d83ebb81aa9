package dev.tributary.web;

import dev.tributary.sanitize.HtmlText;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Times and excerpts as people read them: {@code {t.relative(now)}} says "3 min ago" or "in 12 min"
 * (the exact instant goes in a title and a datetime attribute via {@code {t.iso}}), and
 * {@code {html.excerpt}} is the visible text of a summary, cut short.
 */
@TemplateExtension
final class PageText {
  private static final int EXCERPT_CHARS = 280;

  private PageText() {}

  static String relative(Instant t, Instant now) {
    if (t == null) {
      return "never";
    }
    Duration d = Duration.between(now, t);
    boolean future = !d.isNegative();
    String span = span(d.abs());
    if (span.equals("now")) {
      return "just now";
    }
    return future ? "in " + span : span + " ago";
  }

  private static String span(Duration d) {
    long s = d.toSeconds();
    if (s < 45) return "now";
    if (s < 90 * 60) return Math.max(1, Math.round(s / 60.0)) + " min";
    if (s < 36 * 3600) return Math.round(s / 3600.0) + " h";
    if (s < 60L * 86400) return Math.round(s / 86400.0) + " days";
    return Math.round(s / (30.0 * 86400)) + " months";
  }

  static String iso(Instant t) {
    return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The languages a story's reports are in, e.g. "en, ka"; "" when none says. */
  static String languages(StoryView story) {
    return story.items().stream().map(ReportView::language).filter(l -> l != null && !l.isBlank())
        .distinct().sorted().collect(Collectors.joining(", "));
  }

  static String urlEncode(String s) {
    return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String excerpt(String html) {
    String text = HtmlText.of(html);
    return text.length() <= EXCERPT_CHARS ? text : HtmlText.truncate(text, EXCERPT_CHARS - 1).strip() + "…";
  }
}
