package dev.tributary.model;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Image(String url, String title, String link, Integer width, Integer height, String description) {}
