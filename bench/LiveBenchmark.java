import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The live session's fan-out: N participants follow a meeting by server-sent events; participants vote one after
 * another; for every vote and every stream, the time from sending the vote (POST) to that stream receiving a results
 * event that counts it. Single-file Java 17, no dependencies:
 *
 *   java bench/LiveBenchmark.java --base http://localhost:18431 --meeting 1 --streams 300 --votes 20
 *
 * Needs the demo accounts (password "demo", two-factor optional): "manager" organises the meeting's circle (the demo's
 * DemoCircleLive) and the demo coaches (coach, coach2, coach001…coach084) take part.
 */
public class LiveBenchmark {

    static String base = "http://localhost:8080";
    static long meeting = 1;
    static int streams = 300;
    static int votes = 20;
    static long pauseMillis = 1500;

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern OPTION = Pattern.compile("name=\"option\" value=\"(\\d+)\"");
    static final Pattern CLOSE = Pattern.compile("/polls/(\\d+)/close");
    static final Pattern VOTE_ACTION = Pattern.compile("/polls/(\\d+)/votes");
    static final Pattern BALLOTS = Pattern.compile("Antwoorden: (\\d+)");

    /** A logged-in user: their own client and cookies. */
    record User(String name, HttpClient client) {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--base" -> base = args[i + 1];
                case "--meeting" -> meeting = Long.parseLong(args[i + 1]);
                case "--streams" -> streams = Integer.parseInt(args[i + 1]);
                case "--votes" -> votes = Integer.parseInt(args[i + 1]);
                case "--pause-ms" -> pauseMillis = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        String live = base + "/circle/meetings/" + meeting + "/live";
        User organiser = logIn("manager");
        // a fresh work value poll: close whatever is open, open one
        String page = get(organiser, live + "/organise");
        Matcher open = CLOSE.matcher(page);
        if (open.find()) {
            post(organiser, live + "/organise/polls/" + open.group(1) + "/close", Map.of("_csrf", csrf(page)));
            page = get(organiser, live + "/organise");
        }
        post(organiser, live + "/organise/polls", Map.of("_csrf", csrf(page), "kind", "WORK_VALUE"));

        List<User> coaches = new ArrayList<>();
        for (String name : coachNames()) {
            try {
                coaches.add(logIn(name));
            } catch (IllegalStateException e) {
                // not a demo coach
            }
            if (coaches.size() >= Math.max(votes, Math.min(streams, 60))) {
                break;
            }
        }
        System.out.printf("logged in %d coaches; opening %d streams%n", coaches.size(), streams);

        // the streams: each records when it first saw each ballot count
        List<Map<Integer, Long>> seen = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(streams);
        for (int s = 0; s < streams; s++) {
            Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
            seen.add(arrivals);
            User u = coaches.get(s % coaches.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(live + "/events"))
                    .header("Accept", "text/event-stream").GET().build();
            u.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                if (response.statusCode() != 200) {
                    System.err.println("stream refused: " + response.statusCode());
                    return;
                }
                connected.countDown();
                Thread reader = new Thread(() -> read(response.body(), arrivals));
                reader.setDaemon(true);
                reader.start();
            });
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            System.err.println("only " + (streams - connected.getCount()) + " streams connected");
        }
        Thread.sleep(2000); // the streams' first events (the state as it is) are in

        // the votes, one at a time, each by another coach
        String panel = get(coaches.get(0), live + "/poll");
        Matcher vm = VOTE_ACTION.matcher(panel);
        if (!vm.find()) {
            throw new IllegalStateException("no open poll on the participants' panel");
        }
        long poll = Long.parseLong(vm.group(1));
        Matcher om = OPTION.matcher(panel);
        List<String> options = new ArrayList<>();
        while (om.find()) {
            options.add(om.group(1));
        }
        long[] sentAt = new long[votes + 1];
        int baseline = seen.get(0).keySet().stream().max(Integer::compare).orElse(0);
        for (int v = 1; v <= votes; v++) {
            User voter = coaches.get((v - 1) % coaches.size());
            String voterPanel = get(voter, live + "/poll");
            sentAt[v] = System.nanoTime();
            post(voter, live + "/polls/" + poll + "/votes",
                    Map.of("_csrf", csrf(voterPanel), "option", options.get(v % options.size())));
            Thread.sleep(pauseMillis);
        }
        Thread.sleep(3000);

        List<Double> latencies = new ArrayList<>();
        int missing = 0;
        for (Map<Integer, Long> arrivals : seen) {
            for (int v = 1; v <= votes; v++) {
                int count = baseline + v;
                // the first event that counts this vote (or a later one, folded together)
                Long at = arrivals.entrySet().stream().filter(e -> e.getKey() >= count).map(Map.Entry::getValue)
                        .min(Long::compare).orElse(null);
                if (at == null) {
                    missing++;
                } else {
                    latencies.add((at - sentAt[v]) / 1e6);
                }
            }
        }
        Collections.sort(latencies);
        System.out.printf("streams %d, votes %d, samples %d, missing %d%n", streams, votes, latencies.size(), missing);
        System.out.printf("vote -> screen (ms): p50 %.0f, p95 %.0f, p99 %.0f, max %.0f%n", pct(latencies, 50),
                pct(latencies, 95), pct(latencies, 99), latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1));
        System.exit(0);
    }

    static void read(Stream<String> lines, Map<Integer, Long> arrivals) {
        String event = null;
        for (var it = lines.iterator(); it.hasNext(); ) {
            String line = it.next();
            long now = System.nanoTime();
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.isEmpty()) {
                event = null;
            } else if ("results".equals(event) && line.startsWith("data:")) {
                Matcher m = BALLOTS.matcher(line);
                if (m.find()) {
                    arrivals.putIfAbsent(Integer.parseInt(m.group(1)), now);
                    event = "results-counted"; // the newest poll comes first; ignore the older ones
                }
            }
        }
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static List<String> coachNames() {
        List<String> names = new ArrayList<>(List.of("coach", "coach2"));
        for (int i = 1; i <= 84; i++) {
            names.add("coach%03d".formatted(i));
        }
        return names;
    }

    static User logIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        User user = new User(username, client);
        String login = get(user, base + "/login");
        var response = client.send(form(base + "/login", Map.of("username", username, "password", "demo",
                "_csrf", csrf(login))), HttpResponse.BodyHandlers.ofString());
        if (response.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("login failed for " + username);
        }
        return user;
    }

    static String get(User user, String url) throws Exception {
        return user.client().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static void post(User user, String url, Map<String, String> fields) throws Exception {
        var response = user.client().send(form(url, fields), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(url + " -> " + response.statusCode());
        }
    }

    static HttpRequest form(String url, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }
}
