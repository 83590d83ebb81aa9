package dev.tributary.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.store.SourceStatus;
import dev.tributary.store.Totals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refresh after refresh, each source's gauges show its newest values; a source that goes leaves the scrape. */
class ServiceGaugesTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void gaugesFollowEachRefresh() throws IOException {
    ServiceGauges gauges = new ServiceGauges();
    gauges.registry = registry;
    gauges.register();
    gauges.exportTo(prometheus);

    gauges.update(List.of(new SourceStatus("a", true, null, 0, T0), new SourceStatus("b", true, null, 2, null)),
        new Totals(10, 4));
    assertThat(failures("a")).isEqualTo(0);
    assertThat(failures("b")).isEqualTo(2);
    assertThat(success("a")).isEqualTo(T0.getEpochSecond());
    assertThat(success("b")).isNull();

    gauges.update(List.of(new SourceStatus("a", true, null, 3, T0), new SourceStatus("b", true, null, 0, T0.plusSeconds(60)),
        new SourceStatus("c", true, null, 1, null)), new Totals(12, 5));
    assertThat(failures("a")).isEqualTo(3);
    assertThat(failures("b")).isEqualTo(0);
    assertThat(success("b")).isEqualTo(T0.getEpochSecond() + 60);
    assertThat(failures("c")).isEqualTo(1);
    assertThat(registry.find("tributary.items.stored").gauge().value()).isEqualTo(12);

    // b is gone from feeds.yaml (inactive), c's first success arrives
    gauges.update(List.of(new SourceStatus("a", true, null, 0, T0.plusSeconds(120)), new SourceStatus("b", false, null, 0, T0),
        new SourceStatus("c", true, null, 0, T0.plusSeconds(90))), new Totals(12, 5));
    assertThat(failures("a")).isEqualTo(0);
    assertThat(success("a")).isEqualTo(T0.getEpochSecond() + 120);
    assertThat(failures("b")).isNull();
    assertThat(success("b")).isNull();
    assertThat(success("c")).isEqualTo(T0.getEpochSecond() + 90);

    // the text a scrape carries: one gauge family each, a sample per active source
    StringWriter text = new StringWriter();
    TextFormat.write004(text, prometheus.getPrometheusRegistry().metricFamilySamples());
    assertThat(text.toString())
        .contains("# TYPE tributary_source_failures gauge")
        .contains("tributary_source_failures{source=\"a\",} 0.0")
        .contains("tributary_source_failures{source=\"c\",} 0.0")
        .contains("# TYPE tributary_source_last_success_seconds gauge")
        .contains("tributary_source_last_success_seconds{source=\"c\",} " + (double) (T0.getEpochSecond() + 90))
        .doesNotContain("source=\"b\"");
  }

  private Double failures(String source) {
    return prometheus.getPrometheusRegistry().getSampleValue("tributary_source_failures", new String[] {"source"}, new String[] {source});
  }

  private Double success(String source) {
    return prometheus.getPrometheusRegistry().getSampleValue("tributary_source_last_success_seconds", new String[] {"source"}, new String[] {source});
  }
}
