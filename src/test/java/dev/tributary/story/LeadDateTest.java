package dev.tributary.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeadDateTest {

  @Test
  void readsTheFirstDayAndMonthOfTheOpening() {
    assertEquals(LeadDate.of("Заседание 4 мая 2020 года."), LeadDate.of("On May 4, the commission met."));
    assertEquals(LeadDate.of("It met on 4 May."), LeadDate.of("Заседание прошло 4 мая, а 9 мая - парад."));
    assertEquals(LeadDate.NONE, LeadDate.of("Five markets fell and 20 marchers came."));
    assertEquals(LeadDate.NONE, LeadDate.of("In December 2019 the index fell."));
  }

  @Test
  void datesADayApartMayBeOneStory() {
    assertFalse(LeadDate.apart(LeadDate.of("4 мая"), LeadDate.of("5 мая")));
    assertTrue(LeadDate.apart(LeadDate.of("2 мая"), LeadDate.of("4 мая")));
    assertFalse(LeadDate.apart(LeadDate.of("2 мая"), LeadDate.NONE));
    assertFalse(LeadDate.apart(LeadDate.of("31 декабря"), LeadDate.of("January 1")));
    assertTrue(LeadDate.apart(LeadDate.of("30 декабря"), LeadDate.of("January 1")));
  }
}
