package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the trajectory page of the demo's largest trajectory (the manager's organisation, most contacts): its height
 * on a desktop (1280 px) and on a phone (375 px), and the bytes a second view of it downloads (Chrome DevTools
 * protocol: the encoded length of every response that was not served from the browser's cache). Figures go to
 * {@code target/page-weight.txt} (and, with {@code -Djcm.shots=DIR}, with screenshots to that folder); the assertion
 * is that a second view downloads no static file again.
 */
class PageWeightBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;

    long largestTrajectory() {
        return jdbc.sql("""
                select t.id from trajectory t join app_user m on m.organisation_id = t.organisation_id and m.username = 'manager'
                left join contact c on c.trajectory_id = t.id
                group by t.id order by count(c.id) desc, t.id limit 1""").query(Long.class).single();
    }

    @Test
    void aSecondViewOfTheTrajectoryPageDownloadsNoStaticFileAgain() throws IOException {
        long id = largestTrajectory();
        String label = System.getProperty("jcm.shots.label", "after");
        Path shots = Paths.get(System.getProperty("jcm.shots", "target/screenshots"));
        Files.createDirectories(shots);
        List<String> figures = new ArrayList<>();

        Page page = phone();
        page.setViewportSize(1280, 900);
        logIn(page, "manager");
        page.navigate("/trajectories/" + id);
        page.waitForLoadState();
        figures.add("trajectory " + id + " desktop 1280 height px: " + height(page));
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(shots.resolve("trajectory-desktop-" + label + ".png")));

        CDPSession cdp = context.newCDPSession(page);
        Map<String, String> urls = new ConcurrentHashMap<>();
        Set<String> cached = ConcurrentHashMap.newKeySet();
        Map<String, Double> bytes = new ConcurrentHashMap<>();
        cdp.on("Network.responseReceived", e -> urls.put(e.get("requestId").getAsString(),
                e.getAsJsonObject("response").get("url").getAsString()));
        cdp.on("Network.requestServedFromCache", e -> cached.add(e.get("requestId").getAsString()));
        cdp.on("Network.loadingFinished", e -> bytes.put(e.get("requestId").getAsString(),
                e.get("encodedDataLength").getAsDouble()));
        cdp.send("Network.enable", new JsonObject());
        page.navigate("/trajectories/" + id);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        double total = 0;
        List<String> downloaded = new ArrayList<>();
        for (var e : bytes.entrySet()) {
            String url = urls.getOrDefault(e.getKey(), "?");
            boolean fromCache = cached.contains(e.getKey()) || e.getValue() == 0;
            if (!fromCache) {
                total += e.getValue();
                downloaded.add(url.replaceFirst("http://localhost:\\d+", "") + " " + e.getValue().longValue());
            }
        }
        figures.add("second view: " + (long) total + " bytes in " + downloaded.size() + " responses " + downloaded);

        page.setViewportSize(375, 812);
        page.reload();
        page.waitForLoadState();
        figures.add("trajectory " + id + " phone 375 height px: " + height(page) + " " + page.evaluate(
                "() => ['overview', 'plan', 'contacts', 'waves', 'indicators', 'history'].map(id => document.getElementById(id))"
                + ".filter(e => e).map(e => e.id + ' ' + Math.round(e.getBoundingClientRect().height)).join(', ')"));
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(shots.resolve("trajectory-phone-" + label + ".png")));
        var answers = jdbc.sql("""
                select w.trajectory_id, w.id from measurement_wave w join trajectory t on t.id = w.trajectory_id
                join app_user m on m.organisation_id = t.organisation_id and m.username = 'manager'
                join response r on r.wave_id = w.id and r.respondent = 'EMPLOYEE' and r.completed_at is not null
                order by w.id limit 1""").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        page.navigate("/trajectories/" + answers[0] + "/waves/" + answers[1] + "/responses/employee");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(shots.resolve("answers-phone-" + label + ".png")));
        page.setViewportSize(1280, 900);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(shots.resolve("answers-desktop-" + label + ".png")));
        Files.write(Paths.get("target", "page-weight-" + label + ".txt"), figures);
        figures.forEach(System.out::println);

        assertThat(downloaded).as("static files downloaded again on a second view")
                .noneMatch(u -> u.startsWith("/assets/") || u.startsWith("/webjars/"));
    }

    static long height(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollHeight")).longValue();
    }
}
