package dev.tributary.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.store.SourceStatus;
import dev.tributary.store.Totals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refresh after refresh, each source's gauges show its newest values; a source that goes leaves the scrape. */
class ServiceGaugesTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void gaugesFollowEachRefresh() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ServiceGauges gauges = new ServiceGauges();
    gauges.registry = registry;
    gauges.register();

    gauges.update(List.of(new SourceStatus("a", true, null, 0, T0), new SourceStatus("b", true, null, 2, null)),
        new Totals(10, 4));
    assertThat(failures(registry, "a")).isEqualTo(0);
    assertThat(failures(registry, "b")).isEqualTo(2);
    assertThat(success(registry, "a")).isEqualTo(T0.getEpochSecond());
    assertThat(registry.find("tributary.source.last.success").tag("source", "b").gauge()).isNull();

    gauges.update(List.of(new SourceStatus("a", true, null, 3, T0), new SourceStatus("b", true, null, 0, T0.plusSeconds(60)),
        new SourceStatus("c", true, null, 1, null)), new Totals(12, 5));
    assertThat(failures(registry, "a")).isEqualTo(3);
    assertThat(failures(registry, "b")).isEqualTo(0);
    assertThat(success(registry, "b")).isEqualTo(T0.getEpochSecond() + 60);
    assertThat(failures(registry, "c")).isEqualTo(1);
    assertThat(registry.find("tributary.items.stored").gauge().value()).isEqualTo(12);

    // b is gone from feeds.yaml (inactive), c's first success arrives
    gauges.update(List.of(new SourceStatus("a", true, null, 0, T0.plusSeconds(120)), new SourceStatus("b", false, null, 0, T0),
        new SourceStatus("c", true, null, 0, T0.plusSeconds(90))), new Totals(12, 5));
    assertThat(failures(registry, "a")).isEqualTo(0);
    assertThat(success(registry, "a")).isEqualTo(T0.getEpochSecond() + 120);
    assertThat(registry.find("tributary.source.failures").tag("source", "b").gauge()).isNull();
    assertThat(registry.find("tributary.source.last.success").tag("source", "b").gauge()).isNull();
    assertThat(success(registry, "c")).isEqualTo(T0.getEpochSecond() + 90);
    assertThat(registry.find("tributary.source.failures").gauges()).hasSize(2);
  }

  private static double failures(SimpleMeterRegistry registry, String source) {
    Gauge g = registry.find("tributary.source.failures").tag("source", source).gauge();
    assertThat(g).as("failures gauge of %s", source).isNotNull();
    return g.value();
  }

  private static double success(SimpleMeterRegistry registry, String source) {
    Gauge g = registry.find("tributary.source.last.success").tag("source", source).gauge();
    assertThat(g).as("last success gauge of %s", source).isNotNull();
    return g.value();
  }
}
