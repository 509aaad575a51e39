package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.web.Chromium;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, through Debian's chromedriver, against a host with its dashboard on 127.0.0.1:0.
 * The dashboard is made to require its token ({@code --web-require-token true}) as it would off loopback, since a
 * test cannot bind a non-loopback address. Screenshots go to {@code target/screenshots/}. Without Chromium the
 * test is skipped on a developer machine and fails under CI ({@code CI=true}).
 */
@Tag("browser")
class DashboardBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String TOKEN = "browser-token-0123456789abcdef";
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path profile;

    static void screenshot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void findsTheNewClientOpensItsHistoryAndFiltersTheProducts() throws Exception {
        Chromium.require();
        try (TestHost host = TestHost.start("web", "127.0.0.1:0", "web-require-token", "true", "web-token", TOKEN,
                "whitelist", "1", "public-name", "kms.example.org")) {
            InetSocketAddress kms = host.address();
            InetSocketAddress web = host.host.web().orElseThrow().address();
            DashboardClients.activateMachine(kms, DashboardClients.WIN10, java.util.UUID.randomUUID(),
                    "BROWSER-PC-01", 2);
            DashboardClients.activate(kms, DashboardClients.WIN10, "LAPTOP-7");
            DashboardClients.activate(kms, DashboardClients.OFFICE_2010, "BROWSER-OFFICE", HOSTILE);
            DashboardClients.activate(kms, DashboardClients.UNKNOWN, "REFUSED-PC");
            host.host.registry().writer().flush().get(1, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(DashboardClients.create().get(web, "/api/clients").statusCode()).isEqualTo(401);

            WebDriver driver = Chromium.start(profile);
            try {
                String base = "http://127.0.0.1:" + web.getPort();
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                signIn(driver, wait, base);
                overview(driver, base);
                clients(driver, wait, base);
                products(driver, wait, base);
                driver.get(base + "/health");
                assertThat(driver.findElement(By.id("health")).getText()).contains("Ready", "yes");
                screenshot(driver, "health");
            } finally {
                driver.quit();
            }
        }
    }

    private static void signIn(WebDriver driver, WebDriverWait wait, String base) throws Exception {
        driver.get(base + "/clients?q=BROWSER");
        assertThat(driver.getCurrentUrl()).contains("/login?next=");
        driver.findElement(By.id("token")).sendKeys("not-the-token-at-all");
        driver.findElement(By.cssSelector("form.login button")).click();
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no login error at " + driver.getCurrentUrl() + ": " + driver.getPageSource(), e);
        }
        screenshot(driver, "login-refused");
        driver.findElement(By.id("token")).sendKeys(TOKEN);
        driver.findElement(By.cssSelector("form.login button")).click();
        wait.until(ExpectedConditions.urlContains("/clients?q=BROWSER"));
    }

    private static void overview(WebDriver driver, String base) throws Exception {
        driver.get(base + "/");
        assertThat(driver.findElement(By.id("latest")).getText()).contains("BROWSER-PC-01", HOSTILE);
        assertThat(driver.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(driver.findElement(By.id("errors")).getText()).contains("0xC004F042");
        assertThat(driver.findElements(By.cssSelector("svg.chart rect"))).hasSize(30);
        screenshot(driver, "overview");
    }

    private static void clients(WebDriver driver, WebDriverWait wait, String base) throws Exception {
        driver.get(base + "/clients");
        WebElement search = driver.findElement(By.id("client-search"));
        search.sendKeys("browser-pc");
        search.submit();
        wait.until(ExpectedConditions.urlContains("q=browser-pc"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#clients tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("BROWSER-PC-01", "2");
        driver.get(base + "/clients");
        driver.findElement(By.linkText("Workstation")).click();
        wait.until(ExpectedConditions.urlContains("sort=workstation"));
        assertThat(driver.findElement(By.cssSelector("#clients tbody tr td")).getText()).isEqualTo(HOSTILE);
        screenshot(driver, "clients");
        driver.findElement(By.linkText("BROWSER-PC-01")).click();
        wait.until(ExpectedConditions.textToBe(By.id("client-name"), "BROWSER-PC-01"));
        assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(2);
        assertThat(driver.findElement(By.id("applications")).getText()).contains("Windows 10/11 Pro");
        screenshot(driver, "client-detail");
    }

    private static void products(WebDriver driver, WebDriverWait wait, String base) throws Exception {
        driver.get(base + "/products");
        int all = visibleProducts(driver).size();
        WebElement filter = driver.findElement(By.id("product-filter"));
        filter.sendKeys("LTSC 2024");
        wait.until(d -> visibleProducts(d).size() < all);
        List<WebElement> shown = visibleProducts(driver);
        assertThat(shown).isNotEmpty().allSatisfy(row ->
                assertThat(row.getDomAttribute("data-search")).contains("ltsc 2024"));
        assertThat(driver.getCurrentUrl()).contains("q=LTSC+2024");
        assertThat(driver.findElement(By.id("kms-host")).getText()).isEqualTo("kms.example.org:1688");
        assertThat(shown.get(0).getText()).contains("jkms script --host kms.example.org:1688");
        screenshot(driver, "products");
        driver.navigate().refresh();
        assertThat(visibleProducts(driver)).hasSize(shown.size());
        assertThat(driver.findElement(By.id("product-filter")).getDomProperty("value")).isEqualTo("LTSC 2024");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("family"))).selectByValue("office");
        wait.until(d -> visibleProducts(d).stream().allMatch(r -> "office".equals(r.getDomAttribute("data-family"))));
        assertThat(driver.getCurrentUrl().toLowerCase(Locale.ROOT)).contains("family=office");
    }

    private static List<WebElement> visibleProducts(WebDriver driver) {
        return driver.findElements(By.cssSelector("#products tbody tr")).stream().filter(WebElement::isDisplayed)
                .toList();
    }
}
