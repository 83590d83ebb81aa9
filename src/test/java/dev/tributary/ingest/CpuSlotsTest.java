package dev.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CpuSlotsTest {

  @Test
  void oneCoreIsLeftForAssignment() {
    assertEquals(1, CpuSlots.slotsFor(1));
    assertEquals(1, CpuSlots.slotsFor(2));
    assertEquals(3, CpuSlots.slotsFor(4));
  }

  @Test
  void noMoreThreadsComputeAtOnceThanThereAreSlots() throws Exception {
    CpuSlots slots = new CpuSlots(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Thread t = new Thread(() -> slots.call(() -> {
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return inside.decrementAndGet();
      }));
      threads.add(t);
      t.start();
    }
    // two compute, the other three queue for a slot
    while (slots.waiting() < 3 || inside.get() < 2) {
      Thread.onSpinWait();
    }
    assertEquals(2, inside.get());
    release.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(2, most.get());
    assertEquals(0, slots.waiting());
  }
}
