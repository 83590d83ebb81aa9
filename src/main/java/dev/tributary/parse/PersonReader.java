package dev.tributary.parse;

import static dev.tributary.parse.XmlValues.resolve;
import static dev.tributary.parse.XmlValues.text;

import dev.tributary.model.Person;
import java.util.List;

/** Authors and contributors: Atom person constructs, or RSS/Dublin Core free-form strings. */
final class PersonReader {
  private PersonReader() {}

  static void author(XElement el, MappedFields f) {
    Person p = person(el);
    if (p != null && !f.authors.contains(p)) {
      f.authors.add(p);
    }
  }

  static void contributor(XElement el, MappedFields f) {
    Person p = person(el);
    if (p != null) {
      f.contributors.add(p);
    }
  }

  static Person person(XElement el) {
    List<XElement> children = el.elements();
    if (children.isEmpty()) {
      return Persons.fromString(text(el));
    }
    String name = null;
    String email = null;
    String uri = null;
    for (XElement c : children) {
      switch (XmlKeys.key(c)) {
        case "name" -> name = text(c);
        case "email" -> email = text(c);
        case "uri", "url", "homepage" -> uri = resolve(c, text(c));
        default -> {
          // other person elements are not part of the model
        }
      }
    }
    if (name == null && email == null && uri == null) {
      return null;
    }
    return new Person(name, email, uri);
  }
}
