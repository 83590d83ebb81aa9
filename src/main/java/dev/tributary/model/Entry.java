package dev.tributary.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One entry. {@code description} equals {@code summary}; both and {@code content[].value} hold
 * sanitized HTML with URLs resolved. Text fields are plain text.
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
    String language) {}
