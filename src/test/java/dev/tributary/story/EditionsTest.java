package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditionsTest {
  private static Editions.Report en(String title, String text) {
    return new Editions.Report(title, text, "en");
  }

  private static final String FERRY_TEXT = "The Caspian ferry between Baku and Turkmenbashi will sail twice a week "
      + "through the winter, the shipping company said, after the timetable was extended to March.";

  private static List<Editions.Report> ferryReports(int n) {
    List<Editions.Report> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(en("Caspian ferry timetable extended for winter, report " + (char) ('a' + i), FERRY_TEXT));
    }
    return out;
  }

  @Test
  void oneReportIsTheFirstEditionUnderItsOwnTitle() {
    assertThat(Editions.of(ferryReports(1), "en")).isEqualTo(new Editions.Edition(1, 0, 0));
    assertThat(Editions.of(List.of(), "en")).isEqualTo(new Editions.Edition(0, -1, -1));
  }

  @Test
  void aNewEditionOpensWhenTheReportsDoubleWithAtLeastTwoNewOnes() {
    List<Editions.Report> all = ferryReports(13);
    int[] expected = {1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4};
    int[] openedAt = {0, 0, 2, 2, 2, 5, 5, 5, 5, 5, 5, 11, 11};
    for (int n = 1; n <= all.size(); n++) {
      Editions.Edition e = Editions.of(all.subList(0, n), "en");
      assertThat(e.number()).as("%d reports", n).isEqualTo(expected[n - 1]);
      assertThat(e.opener()).as("%d reports", n).isEqualTo(openedAt[n - 1]);
    }
  }

  @Test
  void theHeadlineIsInTheChannelsLanguageThoughTheFirstReportIsNot() {
    List<Editions.Report> reports = List.of(
        new Editions.Report("Prorogato l'orario invernale del traghetto sul Caspio", "Il traghetto tra Baku e "
            + "Turkmenbashi navigherà due volte alla settimana per tutto l'inverno.", "it"),
        en("Caspian ferry timetable extended for winter", FERRY_TEXT),
        en("Baku ferry keeps sailing to Turkmenbashi all winter", FERRY_TEXT),
        en("Winter timetable for the Caspian ferry extended", FERRY_TEXT));
    Editions.Edition declared = Editions.of(reports, "en");
    assertThat(reports.get(declared.headline()).language()).isEqualTo("en");
    // undeclared: the language most reports are in, once it holds more than half
    assertThat(reports.get(Editions.of(reports, null).headline()).language()).isEqualTo("en");
    // the first English title is a better kind of headline: it opens edition 2 at once
    assertThat(Editions.of(reports.subList(0, 2), "en")).isEqualTo(new Editions.Edition(2, 1, 1));
    // with only it and en, neither holds a majority: the first title stays
    assertThat(Editions.of(reports.subList(0, 2), null)).isEqualTo(new Editions.Edition(1, 0, 0));
  }

  @Test
  void aBareDatelineGivesWayToTheFirstRealTitle() {
    List<Editions.Report> reports = List.of(
        new Editions.Report("Baku, December 2, CASPIANWIRE", FERRY_TEXT, "en"),
        en("Caspian ferry timetable extended for winter", FERRY_TEXT));
    assertThat(Editions.of(reports.subList(0, 1), "en").headline()).isZero();
    assertThat(Editions.of(reports, "en")).isEqualTo(new Editions.Edition(2, 1, 1));
  }

  @Test
  void anEditionTakesTheMostRepresentativeTitle() {
    List<Editions.Report> reports = List.of(
        en("A long night for sailors", "Crews in Baku port worked late as the season ended."),
        en("Caspian ferry timetable extended for winter", FERRY_TEXT),
        en("Caspian ferry winter timetable extended to March", FERRY_TEXT));
    assertThat(Editions.of(reports.subList(0, 2), "en").headline()).isZero();
    Editions.Edition third = Editions.of(reports, "en");
    assertThat(third.number()).isEqualTo(2);
    assertThat(third.headline()).isIn(1, 2);
  }

  @Test
  void aTitleOnlyAsGoodAsTheShownOneDoesNotReplaceIt() {
    List<Editions.Report> reports = List.of(
        en("Caspian ferry timetable extended", FERRY_TEXT),
        // all its words are the others' too, and one more: a little more representative, not clearly
        en("Caspian ferry timetable extended for winter", FERRY_TEXT),
        en("Ferry timetable extended", FERRY_TEXT));
    assertThat(Editions.of(reports, "en")).isEqualTo(new Editions.Edition(2, 0, 2));
  }

  @Test
  void theHeadlineChangesOnlyWhenAnEditionOpens() {
    List<Editions.Report> reports = new ArrayList<>(List.of(
        new Editions.Report("Baku, December 2, CASPIANWIRE", FERRY_TEXT, "en"),
        new Editions.Report("Паром на Каспии будет ходить всю зиму", "Паром между Баку и Туркменбаши.", "ru"),
        en("A long night for sailors", "Crews in Baku port worked late as the season ended.")));
    reports.addAll(ferryReports(9));
    Editions.Edition before = null;
    for (int n = 1; n <= reports.size(); n++) {
      Editions.Edition e = Editions.of(reports.subList(0, n), "en");
      if (before != null && e.number() == before.number()) {
        assertThat(e.headline()).as("%d reports", n).isEqualTo(before.headline());
      }
      assertThat(e.number()).isGreaterThanOrEqualTo(before == null ? 1 : before.number());
      before = e;
    }
    assertThat(reports.get(before.headline()).title()).startsWith("Caspian ferry");
  }

  @Test
  void aRegroupingThatTakesTheHeadlineReportAwayOpensAnEdition() {
    List<Editions.Report> before = ferryReports(2);
    // the first report, the headline, leaves: the replay of what is left headlines the second under edition 1
    List<Editions.Report> after = before.subList(1, 2);
    assertThat(Editions.of(before, "en").number()).isEqualTo(1);
    assertThat(Editions.of(after, "en").number()).isEqualTo(1);
    int shift = Editions.shiftAfterMove(List.of(new Editions.Moved(before, after, "en")), 0);
    assertThat(shift).isEqualTo(1);
    // shown as edition 2: a new RSS item, which readers show once, under the new headline
    assertThat(Editions.of(after, "en").number() + shift).isEqualTo(2);
  }

  @Test
  void aRegroupingThatLeavesTheHeadlineKeepsTheEditionNumberItHad() {
    List<Editions.Report> before = ferryReports(3);
    // a report other than the headline leaves: 2 reports replay as edition 1, readers had edition 2
    List<Editions.Report> after = List.of(before.get(0), before.get(2));
    assertThat(Editions.of(before, "en")).isEqualTo(new Editions.Edition(2, 0, 2));
    int shift = Editions.shiftAfterMove(List.of(new Editions.Moved(before, after, "en")), 0);
    assertThat(Editions.of(after, "en").number() + shift).isEqualTo(2);
    assertThat(after.get(Editions.of(after, "en").headline()).title()).isEqualTo(before.get(0).title());
  }

  @Test
  void aShiftNeverShrinksAndAnUnchangedStoryKeepsIt() {
    List<Editions.Report> reports = ferryReports(4);
    assertThat(Editions.shiftAfterMove(List.of(new Editions.Moved(reports, reports, "en")), 3)).isEqualTo(3);
    // a view that lost every report (or had none) says nothing
    assertThat(Editions.shiftAfterMove(List.of(new Editions.Moved(reports, List.of(), "en"),
        new Editions.Moved(List.of(), reports, "en")), 0)).isZero();
  }

  @Test
  void theViewWhoseHeadlineChangedDecides() {
    List<Editions.Report> before = ferryReports(2);
    List<Editions.Report> after = before.subList(1, 2);
    // a channel that never showed the headline report sees no change; another did, and needs the edition
    int shift = Editions.shiftAfterMove(List.of(new Editions.Moved(after, after, "en"),
        new Editions.Moved(before, after, "en")), 0);
    assertThat(shift).isEqualTo(1);
  }
}
