package dev.tributary.model;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, String title, String hreflang, Long length) {}
