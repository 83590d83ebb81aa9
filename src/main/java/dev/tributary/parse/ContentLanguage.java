package dev.tributary.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * HTTP {@code Content-Language} as the document's default language: what an element with no
 * {@code xml:lang} of its own or of an ancestor is in. A feed's own declarations win.
 */
final class ContentLanguage {
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,7}");

  private ContentLanguage() {}

  /** The first language tag of a Content-Language header ("en-GB, fr" is en-GB), or null when it holds none. */
  static String first(String header) {
    if (header == null) {
      return null;
    }
    String tag = header.split(",", 2)[0];
    int semi = tag.indexOf(';');
    tag = (semi >= 0 ? tag.substring(0, semi) : tag).strip().replace('_', '-');
    return LANGUAGE_TAG.matcher(tag).matches() ? tag : null;
  }

  static void applyAsDefault(XElement root, String language) {
    if (language == null) {
      return;
    }
    Deque<XElement> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      XElement el = todo.pop();
      // null means neither this element nor an ancestor declared a language
      if (el.lang == null) {
        el.lang = language;
      }
      el.elements().forEach(todo::push);
    }
  }
}
