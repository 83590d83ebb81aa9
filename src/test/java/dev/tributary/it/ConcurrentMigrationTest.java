package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Replicas started together on an empty PostgreSQL database each run the migrations at start-up:
 * Flyway's PostgreSQL lock makes one apply them while the others wait, then find nothing to do.
 * Runs under -Ppostgres, in a schema of its own.
 */
class ConcurrentMigrationTest {
  private static final String SCHEMA = "migration_race";

  @Test
  void threeReplicasMigratingOneEmptyDatabaseAtOnceAllSucceedAndApplyEachMigrationOnce() throws Exception {
    String url = System.getProperty("quarkus.datasource.jdbc.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      // said on the console, not only in the report: a skip is never silent
      System.out.println("SKIPPED ConcurrentMigrationTest: PostgreSQL only, run with -Ppostgres");
    }
    assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only (-Ppostgres)");
    String user = System.getProperty("quarkus.datasource.username");
    String password = System.getProperty("quarkus.datasource.password");
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + SCHEMA + " cascade");
    }
    int replicas = 3;
    CyclicBarrier together = new CyclicBarrier(replicas);
    ExecutorService threads = Executors.newFixedThreadPool(replicas);
    List<MigrateResult> results = new ArrayList<>();
    try {
      List<Future<MigrateResult>> runs = new ArrayList<>();
      for (int r = 0; r < replicas; r++) {
        runs.add(threads.submit(() -> {
          Flyway flyway = Flyway.configure().dataSource(url, user, password).schemas(SCHEMA)
              .locations("classpath:db/migration").load();
          together.await();
          return flyway.migrate();
        }));
      }
      for (Future<MigrateResult> run : runs) {
        results.add(run.get(120, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }
    // versioned migrations only: the schema's creation is recorded too, without a version. An empty
    // schema takes the baseline migration (B10) instead of V1..V10, so what is applied is counted,
    // not what exists
    MigrationInfoService info = Flyway.configure().dataSource(url, user, password).schemas(SCHEMA)
        .locations("classpath:db/migration").load().info();
    int applied = (int) Arrays.stream(info.applied()).filter(m -> m.getVersion() != null).count();
    assertThat(results).allSatisfy(r -> assertThat(r.success).isTrue());
    assertThat(applied).isPositive();
    assertThat(results.stream().mapToInt(r -> r.migrationsExecuted).sum()).isEqualTo(applied);
    assertThat(info.pending()).isEmpty();
    assertThat(info.current().getVersion()).isEqualTo(
        Arrays.stream(info.all()).map(m -> m.getVersion()).filter(v -> v != null).max(Comparator.naturalOrder()).orElseThrow());

    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("select count(*) from " + SCHEMA + ".flyway_schema_history where success and version is not null");
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(applied);
      s.execute("drop schema " + SCHEMA + " cascade");
    }
  }
}
