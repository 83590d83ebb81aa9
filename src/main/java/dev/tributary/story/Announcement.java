package dev.tributary.story;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a headline announces an event still to come ("Trump to host ...", "... проведут
 * переговоры"). An announcement and the event itself share actors, place and words but are
 * different stories, so a pair where only one side announces is held to a higher bar.
 */
final class Announcement {

  private static final Pattern FUTURE =
      Pattern.compile(
          "(?iU)\\b(will|to (host|hold|meet|visit|sign|discuss|attend|hold)|plans? to|set to|upcoming"
              + "|announces?|announced|expected to|is to|are to"
              + "|будет|будут|проведут|проведет|проведёт|подпишут|подпишет|состоится|анонсир\\w*"
              + "|намерен\\w*|планиру\\w*|собира\\w*|встретятся|пройдет|пройдёт|предстоящ\\w*"
              // the perfective future has no marker word: its frequent news verbs, third person
              + "|заложат|заложит|откро(ют|ет|ется|ются)|нача?н(ут|ет|ется|утся)|запуст(ят|ит)"
              + "|постро(ят|ит)|введ(ут|ет|ёт)|прим(ут|ет)|ста(нет|нут)|уйд(ет|ёт|ут)|появ(ится|ятся)"
              + "|продл(ят|ит)|повыс(ят|ит)|сниз(ят|ит)|вырас(тет|тут)|измен(ится|ятся)|отмен(ят|ит)"
              + "|закро(ют|ет|ется|ются)|верн(ут|ет|ёт|ется|утся)|запрет(ят|ит)|разреш(ат|ит)"
              + "|перенес(ут|ет|ёт)|переед(ет|ут)|получ(ат|ит)|выдел(ят|ит)|представ(ят|ит)"
              + "|объяв(ят|ит)|обсуд(ят|ит)|рассмотр(ят|ит)|посет(ят|ит)|прибуд(ет|ут)|выступ(ят|ит)"
              + "|обсужда(ет|ют)|рассматрива(ет|ют)|готов(ит|ят|ится|ятся))\\b");

  private Announcement() {}

  // a negation before the future ("не будет", "не получат") or after an English "will" ("will not")
  private static final Pattern NEGATED_BEFORE = Pattern.compile("(?iU)(?:^|\\W)(?:не|not|never)\\s+$");
  private static final Pattern NEGATED_AFTER = Pattern.compile("(?iU)^\\s+(?:not|never)\\b");

  /**
   * Whether the headline announces something still to come. A negated future ("концертов не будет",
   * "relations will not be restored") is no announcement: what will not happen is decided or refused
   * now, and the report of that decision is the story, as a cancellation is.
   */
  static boolean in(String title) {
    if (title == null) {
      return false;
    }
    Matcher m = FUTURE.matcher(title);
    while (m.find()) {
      if (!NEGATED_BEFORE.matcher(title.substring(Math.max(0, m.start() - 8), m.start())).find()
          && !NEGATED_AFTER.matcher(title.substring(m.end())).find()) {
        return true;
      }
    }
    return false;
  }
}
