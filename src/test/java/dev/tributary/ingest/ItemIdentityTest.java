package dev.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An item is named apart from its link only by a guid that is not the link itself. */
class ItemIdentityTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      NULL                                       | https://herald.example/a                   | false
      '  '                                       | https://herald.example/a                   | false
      https://herald.example/a                   | https://herald.example/a                   | false
      http://Herald.example:80/a?utm_source=x    | https://herald.example/a                   | false
      http://scripting.com/2026/12/05.html#a1    | http://scripting.com/2026/12/05.html#a1    | false
      http://scripting.com/2026/12/05.html#a1    | http://scripting.com/2026/12/05.html       | true
      http://scripting.com/2026/12/05.html#a2    | http://scripting.com/2026/12/05.html#a1    | true
      herald-1001                                | https://herald.example/a                   | true
      urn:example:yerevan-wire:78                | https://herald.example/a                   | true
      tag:x                                      | NULL                                       | true
      """)
  void distinctGuid(String guid, String url, boolean distinct) {
    IncomingItem item = new IncomingItem(guid, url, "t", null, "t", null, "en", Instant.EPOCH, null);
    assertThat(ItemIdentity.hasDistinctGuid(item)).isEqualTo(distinct);
  }
}
