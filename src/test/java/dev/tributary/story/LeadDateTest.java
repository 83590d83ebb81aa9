package dev.tributary.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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

  @Test
  void aFixedHolidayIsItsDate() {
    assertEquals(LeadDate.of("Парад прошел 9 мая."), LeadDate.of("Казань опустела в День Победы, 2,6 балла."));
    assertEquals(LeadDate.of("Shops shut on 25 December."), LeadDate.of("Shops shut on Christmas Day."));
    // whichever comes first in the opening
    assertEquals(LeadDate.of("4 мая"), LeadDate.of("Данные на 4 мая: хуже, чем в День Победы."));
  }

  @Test
  void aDatedReportKeepsOnlyAnOpeningDateNearItsOwn() {
    var published = Instant.parse("2024-12-29T08:50:00Z");
    assertEquals(LeadDate.of("29 December"), LeadDate.ofReport("On 29 December the president said", published));
    assertEquals(LeadDate.of("28 December"), LeadDate.ofReport("On 28 December the president said", published));
    // background: the crash days before the interview being reported
    assertEquals(LeadDate.NONE, LeadDate.ofReport("The plane that crashed on 25 December was hit", published));
    assertEquals(LeadDate.of("25 December"), LeadDate.ofReport("The plane that crashed on 25 December was hit", null));
  }

  @Test
  void aPeriodsBoundOrADeadlineIsNoEventsDay() {
    // the event's day comes after the bounds of what it sets up
    assertEquals(LeadDate.of("Совет собрался 3 марта."),
        LeadDate.of("Совет решил продлить льготы с 1 июля по 31 декабря, сообщили 3 марта."));
    assertEquals(LeadDate.of("The board met on March 3."),
        LeadDate.of("Discounts run from July 1 until December 31, the board said on March 3."));
    assertEquals(LeadDate.NONE, LeadDate.of("Заявки принимают до 15 апреля."));
    // a date after another word is the event's
    assertEquals(LeadDate.of("Совет собрался 1 июля."), LeadDate.of("Совет, 1 июля, решил продлить льготы."));
  }
}
