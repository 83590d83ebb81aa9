package dev.tributary.parse;

import dev.tributary.model.Category;
import dev.tributary.model.Content;
import dev.tributary.model.Enclosure;
import dev.tributary.model.Image;
import dev.tributary.model.Link;
import dev.tributary.model.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mutable accumulator for one feed or entry while its elements are read in document order. */
final class MappedFields {
  String title;
  String link;
  final List<Link> links = new ArrayList<>();
  String summary;
  boolean summaryFromContent;
  String id;
  String language;
  String rights;
  String generator;
  Instant updated;
  Instant published;
  boolean publishedFromCreated;
  final List<Person> authors = new ArrayList<>();
  final List<Person> contributors = new ArrayList<>();
  final List<Category> categories = new ArrayList<>();
  final List<Content> content = new ArrayList<>();
  final List<Enclosure> enclosures = new ArrayList<>();
  String comments;
  Image image;
  /** Lower ranks are preferred: see {@link ImageReader#entryImage}. */
  int imageRank = Integer.MAX_VALUE;
  Integer ttl;
}
