package dev.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table lists exactly the properties of {@link TributarySettings}, each with
 * its environment variable and its real default, so the documentation cannot drift from the code.
 */
class SettingsTableTest {

  @Test
  void readmeTableMatchesTheConfigMapping() throws IOException {
    Map<String, String> documented = readmeRows(Files.readAllLines(Path.of("README.md")));
    Map<String, String> actual = new TreeMap<>();
    collect("tributary", TributarySettings.class, actual);
    assertThat(actual).as("settings in TributarySettings").isNotEmpty();
    List<String> differences = new ArrayList<>();
    actual.forEach((property, envAndDefault) -> {
      String row = documented.get(property);
      if (!envAndDefault.equals(row)) {
        differences.add(property + ": code says " + envAndDefault + ", README says " + (row == null ? "nothing" : row));
      }
    });
    documented.keySet().stream().filter(p -> !actual.containsKey(p))
        .forEach(p -> differences.add(p + ": in the README, not in TributarySettings"));
    assertThat(differences)
        .as("README settings rows (| `property` | `ENV` | `default` | meaning |) against TributarySettings")
        .isEmpty();
  }

  @Test
  void environmentNamesFollowSmallRyeRules() {
    assertThat(envName("tributary.fetch.allow-private-networks")).isEqualTo("TRIBUTARY_FETCH_ALLOW_PRIVATE_NETWORKS");
    assertThat(kebab("maxBodyBytes")).isEqualTo("max-body-bytes");
  }

  /** property -> "`ENV` `default`" for every row of the table under "## Settings". */
  static Map<String, String> readmeRows(List<String> lines) {
    Map<String, String> rows = new TreeMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.strip().equals("## Settings");
        continue;
      }
      if (inSection && line.startsWith("| `tributary.")) {
        String[] cells = line.split("\\|");
        String property = unquote(cells[1]);
        rows.merge(property, unquote(cells[2]) + " " + unquote(cells[3]), (a, b) -> "DUPLICATE ROW");
      }
    }
    return rows;
  }

  private static void collect(String prefix, Class<?> group, Map<String, String> out) {
    Method[] methods = group.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method m : methods) {
      if (m.getParameterCount() > 0 || Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
        continue;
      }
      WithName named = m.getAnnotation(WithName.class);
      String property = prefix + "." + (named != null ? named.value() : kebab(m.getName()));
      Class<?> type = m.getReturnType();
      if (type.isInterface() && type.getEnclosingClass() == TributarySettings.class) {
        collect(property, type, out);
      } else {
        WithDefault def = m.getAnnotation(WithDefault.class);
        out.put(property, envName(property) + " " + (def == null ? "unset" : def.value()));
      }
    }
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  static String envName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static String unquote(String cell) {
    String s = cell.strip();
    return s.startsWith("`") && s.endsWith("`") && s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
  }
}
