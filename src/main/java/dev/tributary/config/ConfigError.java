package dev.tributary.config;

/** A problem in feeds.yaml, located for the admin (line and column are 1-based; 0 when unknown). */
public record ConfigError(String file, int line, int column, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
