import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures pages of a running Jobcoach Monitor as a logged-in coach: the caseload page, one trajectory page as served
 * (the timeline shows the most recent contacts) and the same page with all contacts ({@code ?contacts=all}).
 * Single-file program, no dependencies: {@code java bench/PageBenchmark.java --trajectory 1}.
 *
 * <p>Logs in once through the form (GET /login for the CSRF token and session cookie, POST /login), then per page
 * does {@code --warmup} unmeasured requests followed by {@code --requests} measured sequential requests over one
 * keep-alive HTTP/1.1 connection. A request's time runs from just before sending to the last byte of the body. Every
 * response must be 200 and must contain the expected number of rows, or the program exits non-zero.
 *
 * <p>Percentiles: nearest rank (p95 of 200 samples is the 190th smallest); the median is the mean of the two middle
 * samples.
 */
public class PageBenchmark {

    private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CASELOAD_ROW = Pattern.compile("href=\"/trajectories/\\d+\"");
    private static final Pattern CONTACT_ROW = Pattern.compile("class=\"timeline-head\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String base = opt.getOrDefault("base", "http://127.0.0.1:18080");
        String user = opt.getOrDefault("user", "benchcoach");
        String password = opt.getOrDefault("password", "bench");
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "20"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "200"));
        int expectRows = Integer.parseInt(opt.getOrDefault("expect-caseload-rows", "20"));
        int expectRecent = Integer.parseInt(opt.getOrDefault("expect-recent", "20"));
        int expectContacts = Integer.parseInt(opt.getOrDefault("expect-contacts", "100"));
        List<String> pages = List.of(opt.getOrDefault("pages", "caseload,trajectory,trajectory-all").split(","));
        String raw = opt.get("raw");
        if (pages.stream().anyMatch(p -> p.startsWith("trajectory")) && !opt.containsKey("trajectory")) {
            throw new IllegalArgumentException("--trajectory <id> is required");
        }
        if (!URI.create(base).getHost().equals("127.0.0.1") && !URI.create(base).getHost().equals("localhost")) {
            throw new IllegalArgumentException("only a local server is benchmarked: " + base);
        }

        var cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        login(client, base, user, password);

        Map<String, Page> all = new LinkedHashMap<>();
        all.put("caseload", new Page("caseload", base + "/caseload", CASELOAD_ROW, expectRows));
        if (opt.containsKey("trajectory")) {
            // As served: the timeline shows the most recent contacts ...
            all.put("trajectory", new Page("trajectory", base + "/trajectories/" + opt.get("trajectory"),
                    CONTACT_ROW, expectRecent));
            // ... and, on request ("show all"), every contact.
            all.put("trajectory-all", new Page("trajectory-all",
                    base + "/trajectories/" + opt.get("trajectory") + "?contacts=all", CONTACT_ROW, expectContacts));
        }
        List<Page> selected = pages.stream().map(p -> {
            Page page = all.get(p.trim());
            if (page == null) {
                throw new IllegalArgumentException("unknown page " + p);
            }
            return page;
        }).toList();

        for (Page page : selected) {
            for (int i = 0; i < warmup; i++) {
                page.fetch(client);
            }
        }
        if (opt.containsKey("measure-flag")) { // tells an outside observer that the measured phase begins
            Files.writeString(Path.of(opt.get("measure-flag")), "measuring\n");
        }
        for (Page page : selected) {
            page.samples = new double[requests];
            for (int i = 0; i < requests; i++) {
                page.samples[i] = page.fetch(client);
            }
        }

        System.out.printf(Locale.ROOT, "base=%s user=%s warmup=%d requests=%d (sequential, one connection)%n", base,
                user, warmup, requests);
        System.out.printf(Locale.ROOT, "%-15s %-30s %5s %8s %8s %8s %8s %8s %8s %8s%n", "page", "path", "n", "min",
                "median", "mean", "p95", "p99", "max", "bytes");
        for (Page page : selected) {
            double[] s = page.samples.clone();
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%-15s %-30s %5d %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8d%n", page.name,
                    pathAndQuery(page.url), s.length, s[0], median(s), Arrays.stream(s).average().orElse(0),
                    rank(s, 95), rank(s, 99), s[s.length - 1], page.bytes);
        }
        System.out.println("(times in ms, client side: send to last byte of the body)");

        if (raw != null) {
            Path path = Path.of(raw);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            try (var out = new PrintWriter(Files.newBufferedWriter(path))) {
                out.println("page,seq,ms");
                for (Page page : selected) {
                    for (int i = 0; i < page.samples.length; i++) {
                        out.printf(Locale.ROOT, "%s,%d,%.3f%n", page.name, i + 1, page.samples[i]);
                    }
                }
            }
        }
    }

    /** One form login. Exits on any failure at once: the app blocks a user after 5 failed attempts. */
    private static void login(HttpClient client, String base, String user, String password) throws Exception {
        var form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (form.statusCode() != 200) {
            fail("GET /login answered " + form.statusCode());
        }
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            fail("no _csrf field on /login");
        }
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        var post = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        String location = post.headers().firstValue("Location").orElse("");
        if (post.statusCode() != 302 || location.contains("/login")) {
            fail("login failed: " + post.statusCode() + " -> " + location);
        }
        var home = client.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (home.statusCode() != 302 || !home.headers().firstValue("Location").orElse("").endsWith("/caseload")) {
            fail("after login, / did not redirect to /caseload but " + home.statusCode() + " "
                    + home.headers().firstValue("Location").orElse(""));
        }
    }

    private static final class Page {
        final String name;
        final String url;
        final Pattern row;
        final int expectedRows;
        double[] samples;
        int bytes;

        Page(String name, String url, Pattern row, int expectedRows) {
            this.name = name;
            this.url = url;
            this.row = row;
            this.expectedRows = expectedRows;
        }

        /** One request; returns milliseconds, checks status and content. */
        double fetch(HttpClient client) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30)).build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long end = System.nanoTime();
            if (response.statusCode() != 200) {
                fail(name + ": status " + response.statusCode() + " for " + url);
            }
            String html = new String(response.body(), StandardCharsets.UTF_8);
            // The caseload's rows are counted in its table only: the open signals above it link to trajectories too.
            int table = html.indexOf("<table class=\"caseload\"");
            if (table >= 0) {
                html = html.substring(table, html.indexOf("</table>", table));
            }
            long rows = row.matcher(html).results().count();
            if (rows != expectedRows) {
                fail(name + ": " + rows + " rows on the page, expected " + expectedRows);
            }
            bytes = response.body().length;
            return (end - start) / 1_000_000.0;
        }
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile of sorted samples. */
    private static double rank(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void fail(String message) {
        System.err.println("FAILED: " + message);
        System.exit(1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            if (!a.startsWith("--") || i + 1 >= list.size()) {
                throw new IllegalArgumentException("usage: --name value ... (got " + a + ")");
            }
            opt.put(a.substring(2), list.get(++i));
        }
        return opt;
    }
}
