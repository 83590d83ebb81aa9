package dev.tributary.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdReserveTest {

  @Test
  void idsAreDrawnAheadAndTheUnusedOnesKeptForTheNextBatch() {
    AtomicLong sequence = new AtomicLong();
    IdReserve reserve = new IdReserve();
    reserve.fill(5, sequence::incrementAndGet);
    assertEquals(5, sequence.get(), "drawn before they are needed");
    Set<Long> given = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      given.add(reserve.next(sequence::incrementAndGet));
    }
    assertEquals(5, sequence.get(), "the rows of a batch draw nothing from the sequence");
    reserve.fill(5, sequence::incrementAndGet);
    assertEquals(8, sequence.get(), "only the ones used are drawn again");
    for (int i = 0; i < 6; i++) {
      given.add(reserve.next(sequence::incrementAndGet));
    }
    assertEquals(9, sequence.get(), "more than reserved: drawn at once");
    assertEquals(9, given.size(), "no id is given twice");
  }
}
