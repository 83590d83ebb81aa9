package dev.tributary.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/** The one place the system clock is read; tests replace it. */
@ApplicationScoped
public class ClockProducer {
  @Produces
  @ApplicationScoped
  InstantSource clock() {
    return InstantSource.system();
  }
}
