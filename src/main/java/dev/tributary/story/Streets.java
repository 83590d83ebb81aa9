package dev.tributary.story;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  // one to three capitalized words or numbers before a street suffix; Court and Place are left
  // out, since "Circuit Court" and "First Place" name no street
  private static final Pattern STREET = Pattern.compile(
      "((?:[\\p{Lu}0-9][\\p{L}0-9'’.]*\\s){1,3})(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd"
          + "|Way|Parkway|Pkwy|Highway|Hwy|Terrace|Circle|Trail)\\b");
  // words before a street's own name that the outlets write or leave out as they please
  private static final Set<String> NOT_A_STREET_NAME = Set.of(
      "the", "on", "in", "at", "of", "and", "near", "north", "south", "east", "west", "northwest", "northeast",
      "southwest", "southeast", "n.", "s.", "e.", "w.", "nw", "ne", "sw", "se", "old", "new");

  // streets that stand for an institution, not a place where something happened: Wall Street for
  // the markets, Downing Street for the British government, Fleet Street for the press
  private static final Set<String> INSTITUTIONS = Set.of("wall", "downing", "fleet");

  private Streets() {}

  /** The streets of an English text (title and body), as sorted hashes; none for any other language. */
  static int[] of(String language, String title, String text) {
    if (!"en".equals(language)) {
      return NONE;
    }
    String all = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
    TreeSet<Integer> streets = new TreeSet<>();
    Matcher m = STREET.matcher(all);
    while (m.find()) {
      String name = null;
      for (String w : m.group(1).trim().split("\\s+")) {
        String word = w.toLowerCase(Locale.ROOT);
        if (!NOT_A_STREET_NAME.contains(word)) {
          name = word;
        }
      }
      if (name != null && !INSTITUTIONS.contains(strip(name))) {
        streets.add(strip(name).hashCode());
      }
    }
    return streets.isEmpty() ? NONE : streets.stream().mapToInt(Integer::intValue).toArray();
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
