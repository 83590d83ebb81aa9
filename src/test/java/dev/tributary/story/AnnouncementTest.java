package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which headlines announce an event still to come (our own headlines). */
class AnnouncementTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "Pashinyan to visit Brussels next week | true",
    "Foreign ministers will meet in Almaty | true",
    "Georgia plans to open a second port at Anaklia | true",
    "Парламент Грузии проведет внеочередное заседание | true",
    "В Ереване откроют новый мост через Раздан | true",
    "Правительство выделит регионам 2 миллиарда | true",
    "Фракция обсуждает исключение двух депутатов | true", // a decision still to come
    "Совет рассматривает законопроект о СМИ | true",
    "Минфин готовит поправки к бюджету | true",
    "Pashinyan visited Brussels | false",
    "Парламент Грузии провел внеочередное заседание | false",
    "Фракция исключила двух депутатов | false",
    "Совет рассмотрел законопроект о СМИ | false",
    // a negated future is a decision or a refusal made now
    "Фестиваль в этом году не состоится | false",
    "Матчи чемпионата возобновлены не будут | false",
    "Льготники не получат надбавку в этом году | false",
    "The festival will not take place this year | false",
    "The league will never resume the season | false",
    "Фестиваль не отменят, а проведут осенью | true", // one future left standing
    "Льготы не продлят, но введут новые | true",
    "Минфин не комментирует планы, которые будут обсуждать осенью | true",
  })
  void announcesWhatIsStillToCome(String title, boolean announcement) {
    assertThat(Announcement.in(title)).isEqualTo(announcement);
  }
}
