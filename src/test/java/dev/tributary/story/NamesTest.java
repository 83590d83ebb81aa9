package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A report's names are its capitalized words and its numbers. A text without capitals (a script
 * without case, a text written all in lower case) has its figures alone for names, years aside (one
 * shared year would otherwise be a full match); two such reports in one language are compared by
 * those, and one such report with a cased one not at all.
 */
class NamesTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

  private static StoryCandidate report(long id, String language, String text) {
    return new StoryCandidate(id, "s" + id, "https://example.org/" + id, "", text, language, NOON);
  }

  private static PairFeatures compare(StoryCandidate a, StoryCandidate b) {
    PairProbe probe = new PairProbe(DefaultSettings.story());
    probe.index(a, 1);
    probe.index(b, 2);
    return probe.compare(a, b);
  }

  @Test
  void aTextWithoutCapitalsIsUncasedAndOneWithThemCased() {
    ProfileBuilder builder = new ProfileBuilder(DefaultSettings.story());

    assertThat(builder.analyse(report(1, "ka", "თბილისში 2024 წელს ახალი ხიდი გაიხსნა"), 0).cased()).isFalse();
    assertThat(builder.analyse(report(2, "en", "the bridge opened in 2024, officials said"), 0).cased()).isFalse();
    assertThat(builder.analyse(report(3, "en", "A new bridge opened in Tbilisi in 2024"), 0).cased()).isTrue();
  }

  @Test
  void twoUncasedReportsSharingOneNumberShareNoNames() {
    PairFeatures f = compare(
        report(1, "ka", "თბილისში 2024 წელს ახალი ხიდი გაიხსნა"),
        report(2, "ka", "ბათუმში 2024 წელს სტადიონი დაიხურა"));

    assertThat(f.names()).isZero();
  }

  @Test
  void anUncasedReportSharesNoNamesWithACasedOne() {
    PairFeatures f = compare(
        report(1, "ka", "თბილისში 2024 წელს ახალი ხიდი გაიხსნა"),
        report(2, "en", "Batumi closed its stadium in 2024."));

    assertThat(f.names()).isZero();
  }

  @Test
  void casedReportsStillShareTheirNamesAndNumbers() {
    PairFeatures f = compare(
        report(1, "en", "Mayor Grimsditch opened the Wexbury bridge on Monday, 41 years after it closed."),
        report(2, "en", "The Wexbury bridge reopened, 41 years on; Grimsditch cut the ribbon."));

    assertThat(f.names()).isGreaterThan(0.5);
  }

  @Test
  void aReportInACaselessScriptIsUncasedDespiteALatinWord() {
    ProfileBuilder builder = new ProfileBuilder(DefaultSettings.story());
    Analysis a = builder.analyse(report(1, "ar", "أعلنت الوزارة عبر صفحتها على Facebook تسجيل 1359 حالة جديدة في عام 2024"), 0);

    assertThat(a.cased()).isFalse();
    // its names are its figures, the year and the Latin word aside
    assertThat(a.names()).containsExactly("#1359");
    assertThat(ProfileBuilder.mainScriptCased("", "Die Regierung in Wien, laut الوزارة")).isTrue();
    assertThat(ProfileBuilder.mainScriptCased("", "ახალი ხიდი გაიხსნა Tbilisi Bridge-ზე")).isFalse();
  }

  @Test
  void twoReportsInOneCaselessScriptShareTheirFigures() {
    // one writes Arabic-Indic digits, the other ASCII ones: one figure
    PairFeatures same = compare(
        report(1, "ar", "سجلت الوزارة ١٣٥٩ حالة جديدة في ٦ محافظات خلال يوم الأحد"),
        report(2, "ar", "أعلنت وزارة الصحة تسجيل 1359 إصابة في 6 محافظات، بحسب بيان على Facebook"));
    PairFeatures other = compare(
        report(1, "ar", "سجلت الوزارة ١٣٥٩ حالة جديدة في ٦ محافظات خلال يوم الأحد"),
        report(2, "ar", "افتتح المحافظ 12 مدرسة جديدة في 3 قرى خلال عام 2024"));

    assertThat(same.names()).isEqualTo(1.0);
    assertThat(other.names()).isZero();
  }
}
