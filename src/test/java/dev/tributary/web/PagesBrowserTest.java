package dev.tributary.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.poll.PollJob;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pages in a real browser against the service fed by local publishers: what a subscriber and
 * an admin see and click, with no console errors, and screenshots at desktop and phone widths
 * under target/screenshots for review.
 */
@QuarkusTest
@TestProfile(BrowserFeeds.Profile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest {
  private static final List<String> SOURCES = List.of("gazette", "courier", "down", "busy-a", "busy-b");

  @TestHTTPResource("/") URL base;
  @Inject PollJob poll;

  private Browser browser;

  @BeforeAll
  void start() {
    browser = Browser.start();
    SOURCES.forEach(poll::poll);
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
  }

  private String url(String path) {
    return base.toString().replaceAll("/$", "") + path;
  }

  @Test
  @Order(1)
  void channelsPageLeadsToTheChannel() {
    browser.open(url("/"));
    assertThat(browser.driver.getTitle()).contains("Tributary");
    assertThat(browser.driver.findElements(By.cssSelector("link[rel=alternate]"))).isNotEmpty();
    browser.screenshots("index");
    assertThat(browser.consoleErrors()).isEmpty();
    assertThat(browser.phoneOverflow()).isZero();

    browser.driver.findElement(By.linkText("Caucasus towns")).click();
    assertThat(browser.driver.getCurrentUrl()).endsWith("/channels/caucasus");
  }

  @Test
  @Order(2)
  void channelShowsTheNewestPublishedStoryFirst() {
    browser.open(url("/channels/caucasus"));
    List<WebElement> headings = browser.driver.findElements(By.cssSelector("main article h2, article h2"));
    assertThat(headings).isNotEmpty();
    assertThat(headings.get(0).getText()).isEqualTo(BrowserFeeds.title(BrowserFeeds.BACKLOG - 1));
    String page = browser.driver.getPageSource();
    assertThat(page.indexOf(BrowserFeeds.title(BrowserFeeds.BACKLOG - 2)))
        .as("a March story sits above a February one")
        .isLessThan(page.indexOf(BrowserFeeds.title(BrowserFeeds.BACKLOG - 20)));
    browser.screenshots("channel");
    assertThat(browser.consoleErrors()).isEmpty();
    assertThat(browser.phoneOverflow()).isZero();
  }

  @Test
  @Order(3)
  void adminShowsTheFailingSource() {
    browser.open(url("/admin"));
    assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("down", "HTTP 500");
    browser.screenshots("admin");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
