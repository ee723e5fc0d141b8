package cn.spotcheck;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium as a Chinese-speaking inspector's browser (or one set to another language). Needs the {@code chromium} and
 * {@code chromium-driver} packages ({@code .ci/run} installs them); nothing is downloaded.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    private final ChromeDriver driver;

    public Browser() {
        this("zh-CN");
    }

    /** A browser whose user reads {@code language} (e.g. "en-US"): what it asks the platform for, and its own words. */
    public Browser(String language) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("浏览器测试需要 Debian 的 chromium 与 chromium-driver："
                    + "apt-get install -y chromium chromium-driver（.ci/run 会自动安装）");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,900", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + language.substring(0, 2)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                // An inspector's browser in China shows Beijing time, whatever zone the test machine is in.
                .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits up to 30 s, looking again when the page was replaced under the finger (a redirect or reload still under
     * way on a busy machine leaves the element just found stale): a person would simply look again too. Chromium
     * reports some of those as an inspector error ("Node with given id does not belong to the document") rather than
     * as a stale element, so any driver error is looked past until the time is up (and then reported as the cause).
     */
    public WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    /** Opens a platform page as {@code user} (demo password): the platform sends the browser to its login form first. */
    public WebDriver openAs(String url, String user) {
        driver.get(url);
        await().until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        return driver;
    }

    /** The English words shown inside the element {@code css} selects (see {@link LatinWords}): none is the goal. */
    public java.util.List<String> latinWordsIn(String css) {
        return LatinWords.in(driver.findElement(By.cssSelector(css)).getText());
    }

    /** Saves what the person would see under {@code target/screenshots/}. */
    public Path screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }

}
