package dev.tributary.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One entry. {@code description} equals {@code summary}; both and {@code content[].value} hold
 * sanitized HTML with URLs resolved. Text fields are plain text. {@code image} (an extension of
 * the contract) is the picture that stands for the entry: a Media RSS thumbnail, an iTunes image,
 * Media RSS image content or an image enclosure, in that order of preference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entry(
    String id,
    String title,
    String link,
    List<Link> links,
    String description,
    String summary,
    List<Content> content,
    Instant published,
    Instant updated,
    Person author,
    List<Person> authors,
    List<Person> contributors,
    List<Category> categories,
    List<Enclosure> enclosures,
    String comments,
    String rights,
    String language,
    Image image) {

  public Entry(String id, String title, String link, List<Link> links, String description, String summary,
      List<Content> content, Instant published, Instant updated, Person author, List<Person> authors,
      List<Person> contributors, List<Category> categories, List<Enclosure> enclosures, String comments,
      String rights, String language) {
    this(id, title, link, links, description, summary, content, published, updated, author, authors, contributors,
        categories, enclosures, comments, rights, language, null);
  }
}
