package dev.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table lists exactly the properties of every {@code @ConfigMapping}
 * interface, each with its environment variable and its real default (the mapping's
 * {@code @WithDefault} unless application.properties sets it, {@code %prod} first), so the
 * documentation cannot drift from the code. Rows for Quarkus settings must name the value
 * application.properties gives them, where it gives one.
 */
class SettingsTableTest {

  private static final Path CLASSES = Path.of("target", "classes");

  @Test
  void readmeTableMatchesTheConfigMappings() throws IOException {
    Map<String, String> documented = readmeRows(Files.readAllLines(Path.of("README.md")));
    Properties applied = applicationProperties();
    Map<String, String> actual = new TreeMap<>();
    List<Class<?>> mappings = configMappings();
    assertThat(mappings).as("@ConfigMapping interfaces under " + CLASSES).contains(TributarySettings.class);
    mappings.forEach(m -> collect(m, applied, actual));

    List<String> differences = new ArrayList<>();
    actual.forEach((property, envAndDefault) -> {
      String row = documented.get(property);
      if (!envAndDefault.equals(row)) {
        differences.add(property + ": code says " + envAndDefault + ", README says " + (row == null ? "nothing" : row));
      }
    });
    documented.forEach((property, row) -> {
      if (actual.containsKey(property)) {
        return;
      }
      if (!property.startsWith("quarkus.")) {
        differences.add(property + ": in the README, in no @ConfigMapping");
        return;
      }
      String set = effective(applied, property);
      String expected = envName(property) + " " + (set == null ? row.substring(row.indexOf(' ') + 1) : set);
      if (!expected.equals(row)) {
        differences.add(property + ": application.properties says " + expected + ", README says " + row);
      }
    });
    assertThat(differences)
        .as("README settings rows (| `property` | `ENV` | `default` | meaning |) against the code")
        .isEmpty();
  }

  @Test
  void environmentNamesFollowMicroProfileRules() {
    assertThat(envName("tributary.fetch.allow-private-networks")).isEqualTo("TRIBUTARY_FETCH_ALLOW_PRIVATE_NETWORKS");
    assertThat(envName("quarkus.log.console.json.enabled")).isEqualTo("QUARKUS_LOG_CONSOLE_JSON_ENABLED");
  }

  @Test
  void aRowThatDisagreesIsSeen() {
    Map<String, String> rows = readmeRows(List.of(
        "| property | environment variable | default | meaning |", "| --- | --- | --- | --- |",
        "| `tributary.a` | `TRIBUTARY_A` | `5s` | x |", "", "| `tributary_b` | metric |"));
    assertThat(rows).containsExactly(Map.entry("tributary.a", "TRIBUTARY_A 5s"));
  }

  /** property -> "ENV default" for every row of the settings table (the one headed "| property |"). */
  static Map<String, String> readmeRows(List<String> lines) {
    Map<String, String> rows = new TreeMap<>();
    boolean inTable = false;
    for (String line : lines) {
      inTable = line.startsWith("|") && (inTable || line.startsWith("| property |"));
      if (inTable && line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        String property = unquote(cells[1]);
        rows.merge(property, unquote(cells[2]) + " " + unquote(cells[3]), (a, b) -> "DUPLICATE ROW");
      }
    }
    return rows;
  }

  /** Every compiled main class annotated {@code @ConfigMapping} (loaded, never initialized). */
  private static List<Class<?>> configMappings() throws IOException {
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        Class<?> type = load(name.substring(0, name.length() - ".class".length()));
        if (type != null && type.isAnnotationPresent(ConfigMapping.class)) {
          found.add(type);
        }
      }
    }
    return found;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, SettingsTableTest.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null; // a class whose dependencies are not on the test class path maps no setting
    }
  }

  /** SmallRye's own view of a mapping: full property name and default of every leaf. */
  private static void collect(Class<?> mapping, Properties applied, Map<String, String> out) {
    Map<String, Property> properties = ConfigMappings.getProperties(ConfigClass.configClass(mapping));
    properties.forEach((property, p) -> {
      if (p.isGroup() || p.isDefaultMethod()) {
        return;
      }
      String set = effective(applied, property);
      String value = set != null ? set : p.hasDefaultValue() ? p.getDefaultValue() : "unset";
      out.put(property, envName(property) + " " + value);
    });
  }

  /** What application.properties gives a property when the jar runs: {@code %prod} first. */
  private static String effective(Properties applied, String property) {
    String prod = applied.getProperty("%prod." + property);
    return prod != null ? prod : applied.getProperty(property);
  }

  private static Properties applicationProperties() throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of("src", "main", "resources", "application.properties"))) {
      p.load(r);
    }
    return p;
  }

  static String envName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static String unquote(String cell) {
    String s = cell.strip();
    return s.startsWith("`") && s.endsWith("`") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
  }
}
