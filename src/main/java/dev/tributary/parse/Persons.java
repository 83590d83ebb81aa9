package dev.tributary.parse;

import dev.tributary.model.Person;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits the free-form author strings of RSS ("me@example.com (Me)", "Me &lt;me@…&gt;") into a Person. */
final class Persons {
  private static final Pattern EMAIL = Pattern.compile(
      "(?:mailto:)?([a-zA-Z0-9_\\-.+]+@(?:\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.|(?:[a-zA-Z0-9\\-]+\\.)+)(?:[a-zA-Z]{2,24}|[0-9]{1,3})\\]?)(?:\\?subject=\\S+)?");

  private static final int MAX_LENGTH = 1000;

  private Persons() {}

  static Person fromString(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    // no real author line is longer; bounding it keeps the e-mail search cheap on hostile input
    String name = value.strip();
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH);
    }
    String email = null;
    Matcher m = EMAIL.matcher(name);
    if (m.find()) {
      email = m.group(1);
      name = name.replace(m.group(), "").replace("()", "").replace("<>", "").strip();
      if (name.startsWith("(")) {
        name = name.substring(1);
      }
      if (name.endsWith(")")) {
        name = name.substring(0, name.length() - 1);
      }
      name = name.strip();
    }
    if (name.isEmpty()) {
      name = null;
    }
    if (name == null && email == null) {
      return null;
    }
    return new Person(name, email, null);
  }
}
