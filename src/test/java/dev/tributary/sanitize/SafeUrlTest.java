package dev.tributary.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "javascript:alert(document.cookie)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "mailto:someone@example.ge",
    "ftp://example.ge/file",
    "//evil.example/x",
    "/admin",
    "relative/page.html",
    "http:",
    "https://",
    "http://exa\u0000mple.ge/",
    "",
    "   ",
  })
  void refusesEverythingButAbsoluteHttp(String hostile) {
    assertThat(SafeUrl.http(hostile)).isNull();
    assertThat(SafeUrl.httpOrEmpty(hostile)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://civil.ge/a", "https://civil.ge/a?b=1#c", "HTTPS://CIVIL.GE/", "https://ქართული.ge/ა"})
  void keepsHttpAndHttps(String url) {
    assertThat(SafeUrl.http(url)).isEqualTo(url);
  }

  @Test
  void tabsAndOuterSpacesGoAsBrowsersDropThem() {
    assertThat(SafeUrl.http("  https://civil.ge/\ta  ")).isEqualTo("https://civil.ge/a");
  }

  @Test
  void relativeReferencesResolveAgainstAnHttpBaseOnly() {
    URI base = URI.create("https://civil.ge/news/");
    assertThat(SafeUrl.resolve(base, "a.html")).isEqualTo("https://civil.ge/news/a.html");
    assertThat(SafeUrl.resolve(base, "javascript:alert(1)")).isNull();
    assertThat(SafeUrl.resolve(null, "a.html")).isNull();
    assertThat(SafeUrl.resolve(URI.create("file:///tmp/"), "a.html")).isNull();
  }

  @Test
  void titlesLoseBidiOverridesIsolatesAndZeroWidthSpaces() {
    assertThat(SafeText.title("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    assertThat(SafeText.title("\u2067hidden\u2069 \u200Bword\u2060s\uFEFF")).isEqualTo("hidden words");
    assertThat(SafeText.title("\u202Atext\u202C\u202B\u202D")).isEqualTo("text");
  }

  @Test
  void titlesKeepJoinersAndDirectionalMarks() {
    String persian = "می\u200Cخواهم";
    String family = "👨\u200D👩\u200D👧";
    String mixed = "עברית\u200F 2026";
    assertThat(SafeText.title(persian)).isEqualTo(persian);
    assertThat(SafeText.title(family)).isEqualTo(family);
    assertThat(SafeText.title(mixed)).isEqualTo(mixed);
  }
}
