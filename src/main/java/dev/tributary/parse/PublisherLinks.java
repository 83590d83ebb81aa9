package dev.tributary.parse;

import dev.tributary.model.Enclosure;
import dev.tributary.model.Entry;
import dev.tributary.model.FeedInfo;
import dev.tributary.model.Image;
import dev.tributary.model.Link;
import dev.tributary.model.NormalizedFeed;
import dev.tributary.model.Person;
import dev.tributary.sanitize.SafeText;
import dev.tributary.sanitize.SafeUrl;
import java.util.List;
import java.util.Objects;

/**
 * Applies {@link SafeUrl} to every link field of a mapped feed and {@link SafeText} to its titles,
 * once, after whichever mapper read the document: links that are not http(s) are dropped, so no
 * later reader (store, pages, merged feeds) ever sees them.
 */
final class PublisherLinks {
  private PublisherLinks() {}

  static NormalizedFeed apply(NormalizedFeed parsed) {
    return new NormalizedFeed(parsed.meta(), feed(parsed.feed()), parsed.entries().stream().map(PublisherLinks::entry).toList());
  }

  private static FeedInfo feed(FeedInfo f) {
    if (f == null) {
      return null;
    }
    return new FeedInfo(SafeText.title(f.title()), SafeUrl.http(f.link()), links(f.links()), f.description(), f.id(),
        f.language(), f.rights(), f.generator(), f.updated(), f.published(), person(f.author()), persons(f.authors()),
        persons(f.contributors()), f.categories(), image(f.image()), f.ttl());
  }

  private static Entry entry(Entry e) {
    return new Entry(e.id(), SafeText.title(e.title()), SafeUrl.http(e.link()), links(e.links()), e.description(),
        e.summary(), e.content(), e.published(), e.updated(), person(e.author()), persons(e.authors()),
        persons(e.contributors()), e.categories(), enclosures(e.enclosures()), SafeUrl.http(e.comments()), e.rights(),
        e.language(), image(e.image()));
  }

  private static List<Link> links(List<Link> links) {
    if (links == null) {
      return null;
    }
    List<Link> safe = links.stream()
        .map(l -> SafeUrl.isHttp(l.href())
            ? new Link(SafeUrl.http(l.href()), l.rel(), l.type(), SafeText.title(l.title()), l.hreflang(), l.length())
            : null)
        .filter(Objects::nonNull).toList();
    return safe.isEmpty() ? null : safe;
  }

  private static List<Enclosure> enclosures(List<Enclosure> enclosures) {
    if (enclosures == null) {
      return null;
    }
    List<Enclosure> safe = enclosures.stream()
        .filter(e -> SafeUrl.isHttp(e.url()))
        .map(e -> new Enclosure(SafeUrl.http(e.url()), e.type(), e.length()))
        .toList();
    return safe.isEmpty() ? null : safe;
  }

  private static Image image(Image i) {
    if (i == null) {
      return null;
    }
    String url = SafeUrl.http(i.url());
    String link = SafeUrl.http(i.link());
    if (url == null && link == null && i.title() == null) {
      return null;
    }
    return new Image(url, i.title(), link, i.width(), i.height(), i.description());
  }

  private static Person person(Person p) {
    if (p == null || p.uri() == null || SafeUrl.isHttp(p.uri())) {
      return p;
    }
    return p.name() == null && p.email() == null ? null : new Person(p.name(), p.email(), null);
  }

  private static List<Person> persons(List<Person> persons) {
    if (persons == null) {
      return null;
    }
    List<Person> safe = persons.stream().map(PublisherLinks::person).filter(Objects::nonNull).toList();
    return safe.isEmpty() ? null : safe;
  }
}
