package io.linnet.server.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Headless Chromium driven by Selenium, with the waits a Vaadin page needs: every action is
 * followed by waiting until Vaadin has no server round trip in flight, then for the element asked for.
 * Vaadin components keep their inputs and slotted content in the light DOM, so plain CSS selectors
 * on the ids the views set reach them.
 */
final class Browser implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String VAADIN_IDLE = """
            if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) { return document.readyState === 'complete'; }
            const clients = window.Vaadin.Flow.clients;
            return Object.keys(clients).every(key => !clients[key].isActive || !clients[key].isActive());""";

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;
    private String baseUrl;

    Browser() {
        try {
            profile = Files.createTempDirectory("linnet-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Starts afresh on {@code baseUrl}: no session cookie from a previous scenario. */
    void startAt(String baseUrl) {
        this.baseUrl = baseUrl;
        driver.get(baseUrl + "/login");
        driver.manage().deleteAllCookies();
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        idle();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** Waits until Vaadin has answered every request in flight. */
    void idle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
    }

    WebElement visible(By by) {
        idle();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement byId(String id) {
        return visible(By.id(id));
    }

    boolean present(By by) {
        idle();
        return !driver.findElements(by).isEmpty();
    }

    /** Whether an element {@code by} is shown: a hidden grid keeps its last cells in the page. */
    boolean showing(By by) {
        idle();
        return driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    void gone(By by) {
        idle();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    void click(By by) {
        WebElement element = visible(by);
        // Grid cells scroll inside the grid, where Selenium's own scrolling does not reach.
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        idle();
    }

    /** Scrolls the page so that the element {@code by} is in view, e.g. for a screenshot of it. */
    void scrollTo(By by) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", visible(by));
        idle();
    }

    /**
     * Scrolls the element with {@code id} back into view by script: once the page is scrolled past it,
     * inside the console's scrolling content, Selenium no longer counts it as visible.
     */
    void reveal(String id) {
        idle();
        driver.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
        idle();
    }

    void clickId(String id) {
        click(By.id(id));
    }

    /** Types into a Vaadin text field (or any field whose input is a light-DOM child of the element with {@code id}). */
    void type(String id, String text) {
        WebElement input = visible(By.cssSelector("#" + id + " input"));
        input.clear();
        if (text.isEmpty()) {
            // emptying the input sends Vaadin no change, so the server would keep the old value: empty the field itself
            driver.executeScript("const field = document.getElementById(arguments[0]); field.value = '';"
                    + " field.dispatchEvent(new Event('change'));", id);
            idle();
            return;
        }
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        idle();
    }

    /** The value of a Vaadin text field, read from its input: values are properties, not in the page source. */
    String valueOf(String id) {
        return visible(By.cssSelector("#" + id + " input")).getDomProperty("value");
    }

    /** Fetches {@code url} from within the page, with its session, and answers the body as text. */
    String fetch(String url) {
        idle();
        return (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(response => response.text()).then(done, failure => done('failed: ' + failure));""",
                url);
    }

    /** Fetches {@code url} from within the page, with its session; answers status, headers and the body's bytes. */
    Fetched fetchBytes(String url) {
        idle();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> fetched = (java.util.Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async response => {
                    const bytes = new Uint8Array(await response.arrayBuffer());
                    let binary = '';
                    bytes.forEach(b => binary += String.fromCharCode(b));
                    done({status: response.status, type: response.headers.get('content-type') || '',
                          disposition: response.headers.get('content-disposition') || '', body: btoa(binary)});
                }, failure => done({status: -1, type: '', disposition: String(failure), body: ''}));""", url);
        return new Fetched(((Number) fetched.get("status")).intValue(), (String) fetched.get("type"),
                (String) fetched.get("disposition"), java.util.Base64.getDecoder().decode((String) fetched.get("body")));
    }

    /** A response fetched from within the page. */
    record Fetched(int status, String contentType, String disposition, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    void waitForText(By by, String text) {
        idle();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitForTextGone(By by, String text) {
        idle();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(by, text)));
    }

    void waitForUrlContaining(String fragment) {
        wait.until(ExpectedConditions.urlContains(fragment));
        idle();
    }

    /** Waits for a notification that says {@code text}; answers its whole text. */
    String notification(String text) {
        idle();
        return wait.until(d -> d.findElements(By.tagName("vaadin-notification-card")).stream()
                .map(WebElement::getText)
                .filter(shown -> shown.contains(text))
                .findFirst().orElse(null));
    }

    /** The message shown beside the field with {@code id}, once the field is marked invalid. */
    String fieldError(String id) {
        visible(By.cssSelector("#" + id + "[invalid]"));
        return visible(By.cssSelector("#" + id + " > [slot='error-message']")).getText();
    }

    /** Whether a pop-up notification says {@code text}: validation belongs beside the field, never in one. */
    boolean notificationSays(String text) {
        idle();
        return driver.findElements(By.tagName("vaadin-notification-card")).stream()
                .anyMatch(card -> card.getText().contains(text));
    }

    /** Whether the element with {@code id} is enabled: a Vaadin button marks a disabled state with an attribute. */
    boolean enabled(String id) {
        return byId(id).getDomAttribute("disabled") == null;
    }

    /** Resizes the window, e.g. to a phone's 412 CSS pixels. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        idle();
    }

    /** Whether the element {@code by} lies wholly inside the window's width, so that it can be reached without scrolling sideways. */
    boolean withinWindowWidth(By by) {
        WebElement element = visible(by);
        Number right = (Number) driver.executeScript("return arguments[0].getBoundingClientRect().right;", element);
        Number width = (Number) driver.executeScript("return window.innerWidth;");
        return right.doubleValue() <= width.doubleValue();
    }

    /** Confirms the open ConfirmDialog with {@code id}. */
    void confirm(String id) {
        click(By.cssSelector("#" + id + " vaadin-button[slot='confirm-button']"));
    }

    void screenshot(String name) {
        try {
            Path directory = Path.of("target", "screenshots");
            Files.createDirectories(directory);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the browser still answers: a Chromium that crashed (or a ChromeDriver session that died
     * under load) fails every later call, so the class's next test starts a new browser instead.
     */
    boolean alive() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (WebDriverException dead) {
            return false;
        }
    }

    /** Ends the session as a crash would, for the test that shows the next test recovers. */
    void crash() {
        driver.quit();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException alreadyDead) {
            // the session died before: nothing left to quit
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temporary profile does no harm
            }
        }
    }
}
