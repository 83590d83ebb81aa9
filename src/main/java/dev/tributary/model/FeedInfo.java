package dev.tributary.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Feed-level fields. {@code description} and {@code rights} may hold sanitized HTML; {@code ttl} is
 * RSS {@code <ttl>} in minutes (an extension: the poller treats it as a floor).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedInfo(
    String title,
    String link,
    List<Link> links,
    String description,
    String id,
    String language,
    String rights,
    String generator,
    Instant updated,
    Instant published,
    Person author,
    List<Person> authors,
    List<Person> contributors,
    List<Category> categories,
    Image image,
    Integer ttl) {}
