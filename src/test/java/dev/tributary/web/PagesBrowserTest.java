package dev.tributary.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.poll.PollJob;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

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

  private String text() {
    return browser.driver.findElement(By.tagName("body")).getText();
  }

  /** Screenshots at both widths, and the page neither logs an error nor scrolls sideways on a phone. */
  private void checkAndShoot(String name) {
    browser.screenshots(name);
    assertThat(browser.consoleErrors()).as("console errors on " + name).isEmpty();
    assertThat(browser.phoneOverflow()).as("sideways overflow on a phone, " + name).isZero();
  }

  @Test
  @Order(1)
  void channelsPageAnnouncesFeedsAndLeadsToTheChannel() {
    browser.open(url("/"));
    assertThat(browser.driver.getTitle()).isEqualTo("Tributary");
    List<String> alternates = browser.driver.findElements(By.cssSelector("link[rel=alternate]")).stream()
        .map(e -> e.getAttribute("type") + " " + e.getAttribute("href")).toList();
    assertThat(alternates).anyMatch(a -> a.startsWith("application/rss+xml") && a.endsWith("/feeds/caucasus.rss"))
        .anyMatch(a -> a.startsWith("application/atom+xml") && a.endsWith("/feeds/caucasus.atom"))
        .anyMatch(a -> a.startsWith("application/feed+json") && a.endsWith("/feeds/caucasus.json"));
    assertThat(text()).containsPattern("\\d+ stories · latest reported");
    checkAndShoot("index");

    click(By.linkText("Caucasus towns"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/channels/caucasus");
  }

  @Test
  @Order(2)
  void channelPagesFromNewestPublishedToOldest() {
    browser.open(url("/channels/caucasus"));
    List<String> first = headings();
    assertThat(first).hasSize(PageResource.STORIES_PER_PAGE);
    assertThat(first.get(0)).as("the newest published story first, not the newest stored")
        .isEqualTo(BrowserFeeds.title(BrowserFeeds.BACKLOG - 1));
    assertThat(first).containsSubsequence(BrowserFeeds.title(BrowserFeeds.BACKLOG - 2),
        BrowserFeeds.title(BrowserFeeds.BACKLOG - 20));
    assertThat(text()).contains("2 reports", "en");
    checkAndShoot("channel");

    click(By.linkText("Older stories"));
    assertThat(browser.driver.getCurrentUrl()).contains("cursor=");
    List<String> second = headings();
    // the clustering may join two of the thirty headlines into one story; never more
    assertThat(second).hasSizeBetween(BrowserFeeds.BACKLOG - PageResource.STORIES_PER_PAGE - 1,
        BrowserFeeds.BACKLOG - PageResource.STORIES_PER_PAGE).doesNotContainAnyElementsOf(first);
    assertThat(second.get(second.size() - 1)).isEqualTo(BrowserFeeds.title(0));
    assertThat(browser.driver.findElements(By.linkText("Older stories"))).isEmpty();
    checkAndShoot("channel-page2");
  }

  @Test
  @Order(3)
  void storyShowsEveryReport() {
    browser.open(url("/channels/caucasus"));
    click(By.linkText(BrowserFeeds.title(BrowserFeeds.BACKLOG - 1)));
    assertThat(browser.driver.getCurrentUrl()).contains("/stories/");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(BrowserFeeds.title(BrowserFeeds.BACKLOG - 1));
    List<WebElement> reports = browser.driver.findElements(By.cssSelector("ol.reports > li"));
    assertThat(reports).hasSize(2);
    assertThat(text()).contains("Caucasus Gazette", "Mountain Courier", "Residents of");
    assertThat(browser.driver.findElements(By.cssSelector("ol.reports a[href^='https://courier.example/news/']"))).hasSize(1);
    assertThat(browser.driver.findElements(By.cssSelector("ol.reports time[title]"))).hasSize(2);
    assertThat(browser.driver.findElements(By.cssSelector("ol.reports img.pic[src$='/img/" + (BrowserFeeds.BACKLOG - 1)
        + ".svg']"))).as("the courier's picture, the gazette gave none").hasSize(1);
    checkAndShoot("story");
  }

  @Test
  @Order(4)
  void adminShowsFailingFirstAndFetchesOnRequest() {
    browser.open(url("/admin"));
    List<String> order = browser.driver.findElements(By.cssSelector("tbody tr")).stream()
        .map(r -> r.getAttribute("id")).toList();
    assertThat(order.get(0)).isIn("source-busy-a", "source-busy-b", "source-down");
    assertThat(order.indexOf("source-courier")).isGreaterThan(order.indexOf("source-down"));
    WebElement down = browser.driver.findElement(By.id("source-down"));
    assertThat(down.getText()).contains("HTTP 500", "(1 in a row)", "retry in");
    WebElement busy = browser.driver.findElement(By.id("source-busy-b"));
    assertThat(busy.getText()).containsPattern("host 127\\.0\\.0\\.2:\\d+ paused, resumes in");
    assertThat(browser.driver.findElement(By.cssSelector("#source-down time")).getAttribute("title"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    checkAndShoot("admin");

    click(By.cssSelector("#source-gazette button"));
    assertThat(browser.driver.findElement(By.cssSelector("[role=status]")).getText())
        .contains("gazette will be fetched");
    checkAndShoot("admin-fetch-now");

    click(By.cssSelector("#source-busy-a button"));
    assertThat(browser.driver.findElement(By.cssSelector("[role=status]")).getText())
        .contains("Not fetched", "paused");
    checkAndShoot("admin-fetch-paused");
  }

  @Test
  @Order(5)
  void adminFiltersByStateAndTag() {
    browser.open(url("/admin"));
    new Select(browser.driver.findElement(By.name("state"))).selectByValue("paused");
    click(By.cssSelector("form.filter button"));
    List<String> ids = browser.driver.findElements(By.cssSelector("tbody tr")).stream().map(r -> r.getAttribute("id")).toList();
    assertThat(ids).containsExactly("source-busy-a", "source-busy-b");
    browser.open(url("/admin?tag=news"));
    ids = browser.driver.findElements(By.cssSelector("tbody tr")).stream().map(r -> r.getAttribute("id")).toList();
    assertThat(ids).containsExactly("source-down", "source-courier", "source-gazette");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /**
   * Clicks and waits for the next page to replace this one. The old document is marked with a script variable, which
   * the new document does not have: asking the clicked element whether it is stale answers, on some ChromeDriver
   * versions, "Node with given id does not belong to the document" instead of a stale-element error.
   */
  private void click(By by) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    js.executeScript("window.tributaryOldPage = true;");
    browser.driver.findElement(by).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .until(d -> Boolean.TRUE.equals(js.executeScript(
            "return document.readyState === 'complete' && window.tributaryOldPage === undefined;")));
  }

  private List<String> headings() {
    return browser.driver.findElements(By.cssSelector("article.story h2")).stream().map(WebElement::getText).toList();
  }
}
