package dev.tributary.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaceProbeTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final PlaceProbe probe =
      new PlaceProbe("ru", analyzers.forLanguage("ru"), new CrossScriptKeys(), TermMap.load(analyzers));

  @Test
  void aPlaceAdjectiveMeetsItsPlace() {
    PlaceProbe.Places adj = probe.of("Тюменские власти продлили режим", "Решение принято в свердловской области.", 0);
    PlaceProbe.Places noun = probe.of("Режим в Тюмени продлен", "Губернатор Свердловска подписал указ.", 0);
    System.out.println(adj + "\n" + noun);
    assertEquals(2, adj.adjectives().size());
    assertTrue(PlaceProbe.met(adj.adjectives(), noun.keys()));
    assertTrue(noun.locatives().size() == 1);
  }

  @Test
  void aLatinNameBetweenEndsTheLocative() {
    PlaceProbe.Places p = probe.of("Опасность выходных", "Об этом сообщается на EurekAlert! Оказалось, что данные Минздрава верны.", 0);
    assertTrue(p.locatives().isEmpty());
  }

  @Test
  void commonAdjectivesAreNoPlaces() {
    PlaceProbe.Places p = probe.of("Политический кризис", "Детский сад и морской порт, выпуск новостей.", 0);
    System.out.println(p);
    assertTrue(p.adjectives().isEmpty());
    assertFalse(p.keys().isEmpty());
  }
}
