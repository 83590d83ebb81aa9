package dev.tributary.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headlines and editions as the three merged formats carry them. */
class EditionFeedsTest {
  private static final Instant T = Instant.parse("2031-02-03T08:00:00Z");
  private static final String TEXT = "<p>The Caspian ferry between Baku and Turkmenbashi will sail twice a week "
      + "through the winter, the shipping company said.</p>";

  private static ReportView report(int n, String language, String title, String url) {
    Instant at = T.plusSeconds(600L * n);
    return new ReportView(n, "src" + n, "Outlet " + n, url, title, TEXT, null, language, at, at, null);
  }

  private static StoryView story(List<ReportView> reports) {
    return new StoryView(1, "s1", reports.get(0).title(), reports.get(0).url(), T, T, reports);
  }

  private static List<ReportView> ferry(int n) {
    List<ReportView> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(report(i, "en", "Caspian ferry timetable extended for winter", "https://outlet" + i + ".example/ferry"));
    }
    return out;
  }

  private static SyndEntry only(byte[] xml) throws Exception {
    SyndFeed f = new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
    assertThat(f.getEntries()).hasSize(1);
    return f.getEntries().get(0);
  }

  private static ChannelFeed feed(StoryView story, String language) {
    return new ChannelFeed("c", "C", "d", language, "http://localhost:8080", T, List.of(story));
  }

  @Test
  void aStoryThatGrewSubstantiallyIsANewRssItemWhileAtomAndJsonKeepItsIdAndMoveUpdated() throws Exception {
    ChannelFeed grown = feed(story(ferry(3)), "en");
    SyndEntry rss = only(RssWriter.write(grown));
    assertThat(rss.getUri()).isEqualTo("tag:tributary,2026:story:s1#rev2");
    Instant third = T.plusSeconds(1800);
    assertThat(rss.getPublishedDate().toInstant()).isEqualTo(third);
    SyndEntry atom = only(AtomWriter.write(grown));
    assertThat(atom.getUri()).isEqualTo("tag:tributary,2026:story:s1");
    assertThat(atom.getUpdatedDate().toInstant()).isEqualTo(third);
    assertThat(atom.getPublishedDate().toInstant()).isEqualTo(T.plusSeconds(600));
    JsonNode item = new ObjectMapper().readTree(JsonFeedWriter.write(grown)).path("items").get(0);
    assertThat(item.path("id").asText()).isEqualTo("tag:tributary,2026:story:s1");
    assertThat(item.path("date_modified").asText()).isEqualTo("2031-02-03T08:30:00Z");
    assertThat(item.path("_tributary").path("edition").asInt()).isEqualTo(2);
  }

  @Test
  void oneReportMoreChangesNoIdAndNoDate() throws Exception {
    byte[] one = RssWriter.write(feed(story(ferry(1)), "en"));
    byte[] two = RssWriter.write(feed(story(ferry(2)), "en"));
    assertThat(only(two).getUri()).isEqualTo(only(one).getUri()).isEqualTo("tag:tributary,2026:story:s1");
    assertThat(only(two).getPublishedDate()).isEqualTo(only(one).getPublishedDate());
    assertThat(only(two).getTitle()).isEqualTo(only(one).getTitle());
    assertThat(only(AtomWriter.write(feed(story(ferry(2)), "en"))).getUpdatedDate().toInstant()).isEqualTo(T.plusSeconds(600));
  }

  @Test
  void theHeadlineAndLinkAreTheReportInTheChannelsLanguage() throws Exception {
    List<ReportView> reports = List.of(
        report(1, "it", "Prorogato l'orario invernale del traghetto sul Caspio", "https://notizie.example/traghetto"),
        report(2, "en", "Caspian ferry timetable extended for winter", "https://outlet2.example/ferry"));
    ChannelFeed feed = feed(story(reports), "en");
    SyndEntry rss = only(RssWriter.write(feed));
    assertThat(rss.getTitle()).isEqualTo("Caspian ferry timetable extended for winter");
    assertThat(rss.getLink()).isEqualTo("https://outlet2.example/ferry");
    assertThat(new String(RssWriter.write(feed), StandardCharsets.UTF_8)).contains("<language>en</language>");
    // the same story in a channel without a language: neither language holds a majority, the first title stays
    assertThat(only(RssWriter.write(feed(story(reports), null))).getTitle()).startsWith("Prorogato");
  }

  @Test
  void aHeadlineThatARegroupingChangedIsANewRssItemDatedWhenItWasApplied() throws Exception {
    List<ReportView> two = List.of(
        report(1, "en", "Caspian ferry timetable extended for winter", "https://outlet1.example/ferry"),
        report(2, "en", "Baku ferry keeps sailing to Turkmenbashi all winter", "https://outlet2.example/ferry"));
    SyndEntry was = only(RssWriter.write(feed(story(two), "en")));
    // a regrouping took the headline report away; the story's edition shift says what readers were shown
    Instant applied = T.plusSeconds(7200);
    List<ReportView> left = two.subList(1, 2);
    StoryView moved = new StoryView(1, "s1", left.get(0).title(), left.get(0).url(), T, T, left, 1, applied);
    SyndEntry now = only(RssWriter.write(feed(moved, "en")));
    assertThat(was.getUri()).isEqualTo("tag:tributary,2026:story:s1");
    assertThat(now.getUri()).isEqualTo("tag:tributary,2026:story:s1#rev2");
    assertThat(now.getTitle()).isNotEqualTo(was.getTitle());
    assertThat(now.getPublishedDate().toInstant()).isEqualTo(applied);
  }
}
