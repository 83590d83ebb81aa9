package dev.tributary.story;

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
              + "|намерен\\w*|планиру\\w*|собира\\w*|встретятся|пройдет|пройдёт|предстоящ\\w*)\\b");

  private Announcement() {}

  static boolean in(String title) {
    return title != null && FUTURE.matcher(title).find();
  }
}
