package io.omnichannel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.sandbox.scenario.Await;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.telegram.BotInfo;
import io.omnichannel.testkit.telegram.UserSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * B10 / issue 16: the operators' console in a real browser (headless Chromium): log in with the
 * admin token, see the connection with its company's name and a line whose name is a script, its
 * accounts, a dead letter put back in its queue and delivered, the audit trail filtered, log out.
 */
class ConsoleInBrowserEndToEndTest extends EndToEndHarness {
  private static final String SCRIPT_LINE = "<script>alert(1)</script>";

  private ChromeDriver browser;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anOperatorLogsInSeesEveryPageRequeuesADeadLetterAndLogsOut() {
    Tenant tenant = newTenant();
    Line line = tenant.line(SCRIPT_LINE);
    BotInfo bot = newBot("Ромашка");
    tenant.apiAccount("api-" + line.id(), "pw", line);
    tenant.connect(line, bot, "api-" + line.id(), "pw");
    UserSpec ivan = UserSpec.of(newUserId(), "Иван", "Петров", "ivan_p");
    telegram.bot(bot.token()).user(ivan).sendsText("Здравствуйте");
    String account = supportLines.awaitNewUser(line, "Здравствуйте");
    // Telegram refuses the answer once with a refusal no retry changes: the send is parked dead
    telegram.failNext(bot.token(), "sendMessage", 400, "Bad Request: message can't be sent");
    oneConnect.scenario().specialistWrites(line.id(), account, tenant.specialist.id(), "Ответ");
    Await.until(
        () -> gatewayHttp.admin("/admin/dead-letters").size() == 1, WAIT, "the dead letter");

    browser = HeadlessChromium.start();
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    browser.get(base + "/console");
    wait.until(ExpectedConditions.urlContains("/console/login"));
    browser.findElement(By.name("token")).sendKeys(ADMIN_TOKEN);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/console/connections"));

    // connections: names, not ids; the script line stays text; each one's messenger in its own
    // column; the shared stylesheet applies
    WebElement row = rowContaining("@" + bot.username());
    assertThat(row.getText())
        .contains(tenant.company.name(), SCRIPT_LINE, "Telegram: " + bot.firstName(), "Работает")
        .doesNotContain(tenant.company.id());
    assertThat(cellUnder(row, "Мессенджер").getText()).isEqualTo("Telegram");
    assertThatThrownBy(() -> browser.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
    assertThat(browser.findElements(By.tagName("script"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("nav button")).getCssValue("background-color"))
        .isEqualTo("rgba(102, 102, 102, 1)");

    // the connection's accounts
    row.findElement(By.linkText("Пользователи")).click();
    wait.until(ExpectedConditions.urlContains("/accounts"));
    WebElement user = rowContaining("Иван Петров");
    assertThat(user.getText()).contains("@ivan_p", "Личный чат", "Нет", "UTC");

    // dead letters: requeued, then delivered
    browser.findElement(By.linkText("Недоставленные сообщения")).click();
    wait.until(ExpectedConditions.urlContains("/console/dead-letters"));
    WebElement dead = rowContaining("Bad Request: message can't be sent");
    assertThat(dead.getText()).contains("Исходящие");
    dead.findElement(By.xpath(".//button[text()='Вернуть в очередь']")).click();
    wait.until(ExpectedConditions.urlContains("done=requeued"));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Сообщение возвращено в очередь.", "Недоставленных сообщений нет.");
    assertThat(telegram.awaitSent(bot.token(), ivan.id(), 1, WAIT).get(0).text())
        .isEqualTo("Ответ");

    // the audit trail, filtered by company and action
    browser.findElement(By.linkText("Журнал действий")).click();
    wait.until(ExpectedConditions.urlContains("/console/audit"));
    new Select(browser.findElement(By.name("company"))).selectByVisibleText(tenant.company.name());
    new Select(browser.findElement(By.name("action"))).selectByVisibleText("Бот подключен");
    browser.findElement(By.xpath("//button[text()='Показать']")).click();
    wait.until(ExpectedConditions.urlContains("action=CONNECTED"));
    assertThat(browser.findElements(By.cssSelector("table tr"))).hasSize(2);
    assertThat(rowContaining("Бот подключен").getText()).contains(tenant.company.name());

    // logout ends the session
    browser.findElement(By.xpath("//button[text()='Выйти']")).click();
    wait.until(ExpectedConditions.urlContains("/console/login"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Вы вышли из консоли.");
    browser.get(base + "/console/connections");
    wait.until(ExpectedConditions.urlContains("/console/login"));
    assertThat(browser.manage().getCookieNamed("omnichannel_console")).isNull();
  }

  /** The row's cell in the column headed {@code header}. */
  private WebElement cellUnder(WebElement row, String header) {
    List<String> headers =
        browser.findElements(By.cssSelector("table th")).stream().map(WebElement::getText).toList();
    assertThat(headers).contains(header);
    return row.findElements(By.tagName("td")).get(headers.indexOf(header));
  }

  /** The table row holding the text, waiting for the page to show it. */
  private WebElement rowContaining(String text) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            driver ->
                driver.findElements(By.cssSelector("table tr")).stream()
                    .filter(tr -> tr.getText().contains(text))
                    .findFirst()
                    .orElse(null));
  }
}
