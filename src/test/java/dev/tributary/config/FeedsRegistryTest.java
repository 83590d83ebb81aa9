package dev.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The registry before start-up has loaded the file: the reload job may already run on a slow start. */
class FeedsRegistryTest {

  @Test
  void aReloadBeforeTheStartupLoadDoesNothing() {
    FeedsRegistry registry = new FeedsRegistry();
    assertThat(registry.reloadIfChanged()).isNull();
    assertThat(registry.state()).isNull();
  }
}
