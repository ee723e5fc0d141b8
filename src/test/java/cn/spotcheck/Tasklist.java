package cn.spotcheck;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Tasklist as a person uses it: log in, pick a filter, open a task, claim it, fill in its form, complete it. */
public final class Tasklist {

    private final Browser browser;
    private final WebDriver page;

    private Tasklist(Browser browser) {
        this.browser = browser;
        this.page = browser.driver();
    }

    public static Tasklist loginAs(Browser browser, int port, String user) {
        WebDriver page = browser.driver();
        // Under a full build's load the sign-in form can be submitted before the webapp has wired it up, and the page
        // just comes back: then sign in again, as a person would, at most three times.
        for (int attempt = 1; ; attempt++) {
            page.get("http://localhost:" + port + "/camunda/app/tasklist/");
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]"))).sendKeys(user);
            page.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
            page.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(page, java.time.Duration.ofSeconds(attempt < 3 ? 15 : 30))
                        .until(d -> d.findElement(By.tagName("body")).getText().contains("我的待办"));
                return new Tasklist(browser);
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Opens the first task in {@code filter} whose entry shows {@code text}, and claims it. */
    public Tasklist openAndClaim(String filter, String text) {
        clickText(filter);
        // Tasklist redraws its list as it refreshes: await() looks again whenever an entry goes stale under the finger.
        browser.await().until(d -> {
            WebElement entry = d.findElements(By.cssSelector(".tasks-list li")).stream()
                    .filter(li -> li.getText().contains(text)).findFirst().orElse(null);
            if (entry == null) {
                return false;
            }
            // A long list puts the entry under Tasklist's footer: scroll to it, as a person would, then open it.
            ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                    entry.findElement(By.cssSelector("a")));
            return true;
        });
        browser.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        browser.await().until(d -> !d.findElement(By.cssSelector(".fjs-form")).getAttribute("class").contains("disabled"));
        return this;
    }

    /** What the form shows, its brief included. */
    public String form() {
        return page.findElement(By.cssSelector(".fjs-form")).getText();
    }

    /** The form field whose label starts with {@code label}. */
    public WebElement field(String label) {
        return browser.await().until(d -> d.findElements(By.cssSelector(".fjs-form .fjs-form-field")).stream()
                .filter(f -> f.getText().startsWith(label)).findFirst().orElse(null));
    }

    public Tasklist tick(String label) {
        WebElement box = field(label).findElement(By.cssSelector("input[type=checkbox]"));
        scrollTo(box);
        box.click();
        return this;
    }

    /**
     * Types into a field and leaves it, as a person does: form-js takes a text field's value a moment after the last
     * key, or at once when the field loses focus.
     */
    public Tasklist type(String label, String text) {
        browser.await().until(d -> {
            WebElement input = field(label).findElement(By.cssSelector("textarea, input"));
            if (!text.equals(input.getAttribute("value"))) {
                scrollTo(input);
                input.clear();
                input.sendKeys(text);
                input.sendKeys(org.openqa.selenium.Keys.TAB);
            }
            return text.equals(field(label).findElement(By.cssSelector("textarea, input")).getAttribute("value"));
        });
        return this;
    }

    /** The 完成 button sits at the foot of a long form: scroll to it first, as a person would. */
    public void complete() {
        WebElement complete = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='完成']")));
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", complete);
    }

    /** form-js draws its own dropdown: open it and pick the option by its text. */
    public Tasklist choose(String label, String option) {
        return pick(label, items -> items.stream().filter(i -> i.getText().strip().equals(option)).findFirst().orElse(null));
    }

    /** Picks the {@code index}-th option of a form-js dropdown, whatever its text. */
    public Tasklist chooseNth(String label, int index) {
        return pick(label, items -> items.size() > index ? items.get(index) : null);
    }

    private Tasklist pick(String label, java.util.function.Function<java.util.List<WebElement>, WebElement> which) {
        WebElement field = field(label);
        WebElement display = field.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group"));
        scrollTo(display);
        // Tabbing into a dropdown opens it already; a click then would close it.
        if (field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty()) {
            display.click();
        }
        if (!opensWithin(field, java.time.Duration.ofSeconds(1))) {
            // Changing a choice made a moment ago: form-js opens the dropdown again only after a click elsewhere, as
            // a person's click on the page, and a moment to settle.
            new org.openqa.selenium.interactions.Actions(page).click(page.findElement(By.cssSelector(".fjs-form h3, .fjs-form p")))
                    .pause(java.time.Duration.ofMillis(500)).perform();
            scrollTo(display);
            display.click();
        }
        WebElement item = browser.await().until(d -> which.apply(field.findElements(By.cssSelector(".fjs-dropdownlist-item"))));
        String text = item.getText().strip();
        // form-js picks an item on mousedown; a pointer click could land on a neighbour while the list scrolls.
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));", item);
        browser.await().until(d -> field.getText().contains(text));
        return this;
    }

    private boolean opensWithin(WebElement field, java.time.Duration time) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(page, time)
                    .until(d -> !field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
            return true;
        } catch (org.openqa.selenium.TimeoutException stillClosed) {
            return false;
        }
    }

    public void clickText(String text) {
        browser.await().until(d -> d.findElements(By.xpath("//*[normalize-space(text())='" + text + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }
}
