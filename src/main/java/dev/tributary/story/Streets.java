package dev.tributary.story;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The streets an English local report names ("the 8200 block of Northwest 10th Street",
 * "Plymouth Street"). Two outlets' reports of one shooting, worded apart, name the same street,
 * while two shootings in one city on one night share the city, the police spokesman and every word
 * of what happened, and seldom the street. Other languages yield none.
 *
 * <p>A street is the hash of its last distinctive word, lower case ("Northwest 10th Street" and
 * "NW 10th St." are both {@code 10th}), so that outlets' spellings of the suffix and the quarter
 * meet; the array is sorted and distinct.
 */
final class Streets {

  static final int[] NONE = new int[0];

  // the suffixes of a street's name; Court and Place are left out, since "Circuit Court" and
  // "First Place" name no street
  private static final Set<String> SUFFIXES = Set.of(
      "Street", "St", "Avenue", "Ave", "Road", "Rd", "Drive", "Dr", "Lane", "Ln", "Boulevard", "Blvd", "Way",
      "Parkway", "Pkwy", "Highway", "Hwy", "Terrace", "Circle", "Trail");
  /** Words of a street's name looked at before its suffix. */
  private static final int NAME_WORDS = 3;
  // words before a street's own name that the outlets write or leave out as they please
  private static final Set<String> NOT_A_STREET_NAME = Set.of(
      "the", "on", "in", "at", "of", "and", "near", "north", "south", "east", "west", "northwest", "northeast",
      "southwest", "southeast", "n.", "s.", "e.", "w.", "nw", "ne", "sw", "se", "old", "new");

  // streets that stand for an institution, not a place where something happened: Wall Street for
  // the markets, Downing Street for the British government, Fleet Street for the press
  private static final Set<String> INSTITUTIONS = Set.of("wall", "downing", "fleet");

  private Streets() {}

  /**
   * The streets of an English text (title and body), as sorted hashes; none for any other language.
   * A street is a suffix word ("Street", "St.") after one to three capitalized words or numbers,
   * its name the last of those that is no quarter or article. One pass over the words, no pattern:
   * every English report is read so.
   */
  static int[] of(String language, String title, String text) {
    if (!"en".equals(language)) {
      return NONE;
    }
    TreeSet<Integer> streets = new TreeSet<>();
    collect(title == null ? "" : title, streets);
    collect(text == null ? "" : text, streets);
    return streets.isEmpty() ? NONE : streets.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void collect(String s, TreeSet<Integer> streets) {
    int n = s.length();
    // the starts and ends of the last few words, a ring, and whether each could be part of a name
    int[] starts = new int[NAME_WORDS], ends = new int[NAME_WORDS];
    boolean[] nameLike = new boolean[NAME_WORDS];
    int seen = 0;
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int from = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (from == i) {
        break;
      }
      if (seen > 0 && nameLike[(seen - 1) % NAME_WORDS] && Character.isUpperCase(s.charAt(from)) && isSuffix(s, from, i)) {
        String name = null;
        for (int back = 1; back <= Math.min(NAME_WORDS, seen); back++) {
          int k = (seen - back) % NAME_WORDS;
          if (!nameLike[k]) {
            break;
          }
          String word = s.substring(starts[k], ends[k]).toLowerCase(Locale.ROOT);
          if (!NOT_A_STREET_NAME.contains(word)) {
            name = strip(word);
            break;
          }
        }
        if (name != null && !INSTITUTIONS.contains(name)) {
          streets.add(name.hashCode());
        }
        // the suffix ends this street's name and starts no other ("Forest Circle Drive" is one street)
        seen = 0;
        continue;
      }
      int k = seen % NAME_WORDS;
      starts[k] = from;
      ends[k] = i;
      nameLike[k] = nameLike(s, from, i);
      seen++;
    }
  }

  // a suffix, alone or followed by punctuation ("St.", "Street,"), not the start of a longer word
  // or a compound ("Streets", "Drive-By")
  private static boolean isSuffix(String s, int from, int to) {
    int end = from;
    while (end < to && Character.isLetter(s.charAt(end))) {
      end++;
    }
    return end - from >= 2 && end - from <= 9
        && (end == to || !Character.isLetterOrDigit(s.charAt(end)) && s.charAt(end) != '-')
        && SUFFIXES.contains(s.substring(from, end));
  }

  // a capitalized word or a number, of letters, digits, apostrophes, dots and hyphens ("10th",
  // "O'Hare", "St.", "Woodson-Franklin")
  private static boolean nameLike(String s, int from, int to) {
    char c = s.charAt(from);
    if (!Character.isUpperCase(c) && !Character.isDigit(c)) {
      return false;
    }
    for (int j = from + 1; j < to; j++) {
      char d = s.charAt(j);
      // a hyphen joins names ("Noe-Bixby"), not figures ("4-year-old St. Louis girl")
      if (!Character.isLetterOrDigit(d) && d != '\'' && d != '’' && d != '.' && (d != '-' || Character.isDigit(c))) {
        return false;
      }
    }
    return true;
  }

  private static String strip(String word) {
    int end = word.length();
    while (end > 1 && (word.charAt(end - 1) == '.' || word.charAt(end - 1) == '\'' || word.charAt(end - 1) == '’')) {
      end--;
    }
    return word.substring(0, end);
  }

  /** Whether two reports' streets (sorted) have one in common. */
  static boolean shared(int[] a, int[] b) {
    for (int x : a) {
      if (Arrays.binarySearch(b, x) >= 0) {
        return true;
      }
    }
    return false;
  }
}
