/**
 * Schedule policy, pure: {@link dev.tributary.poll.SchedulePolicy#next} maps a persisted
 * {@link dev.tributary.store.Schedule}, the configured interval, a
 * {@link dev.tributary.poll.PollOutcome} and the current instant to the next state. The scheduled
 * job (elsewhere) persists the state per source, claims sources whose {@code nextDue} has passed,
 * and shows {@code status}, {@code consecutiveFailures} and {@code parkedReason} in
 * {@code /api/sources}. Give the policy a seeded {@code RandomGenerator} (e.g.
 * {@code new SplittableRandom(seed)}) so jitter is reproducible.
 */
package dev.tributary.poll;
