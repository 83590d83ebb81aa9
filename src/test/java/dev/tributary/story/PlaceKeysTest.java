package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaceKeysTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final CrossScriptKeys keys = new CrossScriptKeys();
  private final PlaceKeys places = new PlaceKeys(keys, TermMap.load(analyzers));

  private PlaceKeys.Places ru(String title, String text) {
    return places.of("ru", analyzers.forLanguage("ru"), title, text);
  }

  @Test
  void aRegionsAdjectiveGetsTheKeyOfTheRegion() {
    PlaceKeys.Places adjective = ru("Тюменские власти продлили карантин", "Решение приняли в областном правительстве.");
    PlaceKeys.Places noun = ru("Карантин продлен", "Власти в Тюмени продлили карантин до июня.");
    assertThat(adjective.places()).containsExactly(keys.key("тюмен"));
    assertThat(noun.places()).containsExactly(keys.key("тюмен"));
  }

  @Test
  void aTownInSkAndItsAdjectiveMeet() {
    PlaceKeys.Places adjective = ru("Паводок", "Вода поднялась в свердловской области за ночь.");
    PlaceKeys.Places noun = ru("Паводок", "Вода поднялась в пригороде Свердловска за ночь.");
    assertThat(adjective.places()).hasSize(1);
    assertThat(noun.keys()).containsAll(adjective.places());
  }

  @Test
  void commonAdjectivesAndNounsInSkAreNoPlaces() {
    PlaceKeys.Places p = ru("Политический кризис", "Детский сад и морской порт закрыты, поиск выпускников идет. Российские власти молчат.");
    assertThat(p.places()).isEmpty();
  }

  @Test
  void otherLanguagesHaveNone() {
    assertThat(places.of("en", analyzers.forLanguage("en"), "Floods in Tyumen", "Water rose in Tyumen overnight."))
        .isEqualTo(PlaceKeys.Places.NONE);
  }

  @Test
  void reportsOfTwoRegionsClashAndOfOneDoNot() {
    PairProbe probe = new PairProbe(DefaultSettings.story());
    StoryCandidate tyumen = report(1, "Тюменские интернаты закрыли для посетителей",
        "Тюменские дома престарелых переходят на особый режим работы, сотрудники живут в учреждениях по две недели.");
    StoryCandidate kuban = report(2, "На Кубани интернаты закрыли для посетителей",
        "Дома престарелых в крае переходят на особый режим работы, сотрудники живут в учреждениях по две недели.");
    StoryCandidate tyumenAgain = report(3, "В Тюмени интернаты закрыли для посетителей",
        "Дома престарелых в регионе переходят на особый режим работы, сотрудники живут в учреждениях по две недели.");
    for (StoryCandidate c : new StoryCandidate[] {tyumen, kuban, tyumenAgain}) {
      probe.index(c, c.itemId());
    }
    assertThat(probe.compare(tyumen, kuban).placeClash()).isTrue();
    assertThat(probe.compare(tyumen, tyumenAgain).placeClash()).isFalse();
  }

  private static StoryCandidate report(long id, String title, String text) {
    return new StoryCandidate(id, "s" + id, "https://example.org/" + id, title, text, "ru", Instant.parse("2026-05-25T10:00:00Z"));
  }
}
