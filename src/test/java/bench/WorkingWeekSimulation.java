package bench;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A working week's load on the 200,000-trajectory bench data (bench/README.md "Load: a working week"). Not a test:
 * run by {@code bench/load-week.sh} or {@code ./mvnw gatling:test -Dbase=http://127.0.0.1:18380} against a running
 * instance.
 *
 * <p>Staff, each a virtual user with a session of their own (logged in once through the form, CSRF token from the
 * page), with think times between pages:
 * <ul>
 *   <li>coaches ({@code coaches}, default 180; distinct accounts of generate.sql, password {@code bench}): caseload,
 *       a trajectory from it, and on a third of the trajectories a contact logged the way the page does it (htmx
 *       post of the form on the trajectory page);</li>
 *   <li>team managers ({@code managers}, 12; benchmanager01..50 of generate-load.sql): the team page, then a caseload
 *       page of the organisation;</li>
 *   <li>commissioners and researchers ({@code reporters}, 8, half each: benchgemeente, benchonderzoeker): the study
 *       report, one municipality and everything.</li>
 * </ul>
 * Besides them, employees ({@code employeesPerMinute}, 12) open their personal questionnaire link (tokens from the
 * file {@code links}, written by generate-load.sql) and answer every section until it is completed.
 *
 * <p>System properties: {@code base} (http://127.0.0.1:18380), {@code ramp} (seconds, 60), {@code steady} (seconds,
 * 300), {@code think} (a scale for every think time, 1.0), {@code coachOffset} (0: which coaches), {@code links}.
 */
public class WorkingWeekSimulation extends Simulation {

    private static final String BASE = System.getProperty("base", "http://127.0.0.1:18380");
    private static final int COACHES = Integer.getInteger("coaches", 180);
    private static final int MANAGERS = Integer.getInteger("managers", 12);
    private static final int REPORTERS = Integer.getInteger("reporters", 8);
    private static final double EMPLOYEES_PER_MINUTE = Double.parseDouble(System.getProperty("employeesPerMinute", "12"));
    private static final int RAMP = Integer.getInteger("ramp", 60);
    private static final int STEADY = Integer.getInteger("steady", 300);
    private static final double THINK = Double.parseDouble(System.getProperty("think", "1.0"));
    private static final int COACH_OFFSET = Integer.getInteger("coachOffset", 0);
    private static final String LINKS = System.getProperty("links", "bench/results/links.csv");

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .disableFollowRedirect()
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("nl")
            .userAgentHeader("jcm-working-week"); // a connection per user, as browsers do; no static files (cached)

    private static Duration think(double minSeconds, double maxSeconds) {
        return Duration.ofMillis((long) (1000 * THINK * (minSeconds
                + java.util.concurrent.ThreadLocalRandom.current().nextDouble() * (maxSeconds - minSeconds))));
    }

    /** Logs in through the form: the CSRF token of the login page, then 302 to "/" (not back to /login). */
    private static ChainBuilder logIn(String role) {
        return exec(http(role + ": login page").get("/login")
                        .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http(role + ": log in").post("/login")
                        .formParam("username", "#{username}")
                        .formParam("password", "bench")
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302), header("Location").not(BASE + "/login?error"),
                                header("Location").transform(l -> !l.contains("/login")).is(true)));
    }

    // ---- coaches ----

    private static Iterator<Map<String, Object>> coaches() {
        // 5,000 coaches (generate.sql); spread the virtual coaches over organisations: every 25th from the offset.
        AtomicInteger next = new AtomicInteger(0);
        return Stream.generate((Supplier<Map<String, Object>>) () -> {
            int c = 1 + (COACH_OFFSET + 25 * next.getAndIncrement()) % 5000;
            return Map.<String, Object>of("username", c == 1 ? "benchcoach" : "coach%05d".formatted(c));
        }).iterator();
    }

    private final ChainBuilder coachDay = exec(http("coach: caseload").get("/caseload")
                    .check(status().is(200), css("table a[href^='/trajectories/']", "href").findRandom()
                            .saveAs("trajectory")))
            .pause(s -> think(2, 8))
            .exec(http("coach: trajectory").get("#{trajectory}")
                    .check(status().is(200), css("#contacts form[hx-post]", "hx-post").saveAs("contactAction"),
                            css("#contacts form[hx-post] input[name=_csrf]", "value").saveAs("csrf")))
            .pause(s -> think(3, 10))
            .randomSwitch().on(percent(33.0).then(
                    exec(http("coach: log contact").post("#{contactAction}")
                            .header("HX-Request", "true")
                            .formParam("_csrf", "#{csrf}")
                            .formParam("contactOn", s -> LocalDate.now().toString())
                            .formParam("minutes", "45")
                            .formParam("party", "EMPLOYEE")
                            .formParam("mode", "WORKPLACE_VISIT")
                            .formParam("themes", "LIMITS")
                            .formParam("note", "load")
                            .formParam("reason", "")
                            .check(status().is(200), header("HX-Trigger").is("contact-logged")))
                            .pause(s -> think(2, 6))));

    private final ScenarioBuilder coach = scenario("coach").feed(coaches())
            .exec(logIn("coach"))
            .during(Duration.ofSeconds(RAMP + STEADY)).on(exitBlockOnFail().on(coachDay)); // a failed page ends the round

    // ---- team managers ----

    private static Iterator<Map<String, Object>> managers() {
        AtomicInteger next = new AtomicInteger(0);
        return Stream.generate((Supplier<Map<String, Object>>) () -> Map.<String, Object>of("username",
                "benchmanager%02d".formatted(1 + next.getAndIncrement() % 50))).iterator();
    }

    private final ScenarioBuilder manager = scenario("manager").feed(managers())
            .exec(logIn("manager"))
            .during(Duration.ofSeconds(RAMP + STEADY)).on(
                    exec(http("manager: team").get("/team").check(status().is(200)))
                            .pause(s -> think(5, 15))
                            .exec(http("manager: caseload").get("/caseload").check(status().is(200)))
                            .pause(s -> think(5, 15)));

    // ---- commissioners and researchers ----

    private static Iterator<Map<String, Object>> reporters() {
        AtomicInteger next = new AtomicInteger(0);
        return Stream.generate((Supplier<Map<String, Object>>) () -> next.getAndIncrement() % 2 == 0
                ? Map.<String, Object>of("username", "benchgemeente", "scope", "municipality")
                : Map.<String, Object>of("username", "benchonderzoeker", "scope", "overall")).iterator();
    }

    private final ScenarioBuilder reporter = scenario("report").feed(reporters())
            .exec(logIn("report"))
            .during(Duration.ofSeconds(RAMP + STEADY)).on(
                    exec(http("report: #{scope}").get("/report").check(status().is(200)))
                            .pause(s -> think(20, 40)));

    // ---- employees answering a questionnaire by their personal link ----

    /** The form of the section shown: every visible question answered (a middle option, a number, one choice). */
    static Map<String, Object> answers(String html) {
        var doc = Jsoup.parse(html);
        var form = doc.selectFirst("form[action=/q]");
        Map<String, Object> params = new LinkedHashMap<>();
        if (form == null) {
            return params;
        }
        for (Element input : form.select("input[type=hidden]")) {
            params.put(input.attr("name"), input.attr("value"));
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Element q : form.select("fieldset.question")) {
            String when = q.attr("data-when");
            if (!when.isEmpty()) {
                var anyOf = List.of(q.attr("data-any-of").split(" "));
                if (!anyOf.contains(chosen.get(when))) {
                    continue;
                }
            }
            List<Element> radios = new ArrayList<>(q.select("input[type=radio]"));
            List<Element> boxes = q.select("input[type=checkbox]");
            Element number = q.selectFirst("input.number");
            if (!radios.isEmpty()) {
                var r = radios.get(radios.size() / 2);
                chosen.put(r.attr("name"), r.attr("value"));
            } else if (!boxes.isEmpty()) {
                chosen.put(boxes.get(0).attr("name"), boxes.get(0).attr("value"));
            } else if (number != null) {
                chosen.put(number.attr("name"), "24");
            }
        }
        params.putAll(chosen);
        return params;
    }

    private final ScenarioBuilder employee = scenario("employee").feed(csv(LINKS).queue())
            .exec(http("employee: open link").get("/q/#{token}").check(status().in(200, 302)))
            .exec(http("employee: questionnaire").get("/q")
                    .check(status().is(200), bodyString().saveAs("page")))
            .asLongAs(s -> s.getString("page").contains("name=\"section\""), "section", false).on(
                    exec(s -> s.set("answers", answers(s.getString("page"))))
                            .pause(s -> think(5, 15))
                            .exec(http("employee: answer section").post("/q")
                                    .formParamMap(s -> s.getMap("answers"))
                                    .check(status().is(302)))
                            .exec(http("employee: questionnaire").get("/q")
                                    .check(status().is(200), bodyString().saveAs("page")))
                            .exitHereIfFailed());

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        if (COACHES > 0) {
            populations.add(coach.injectOpen(rampUsers(COACHES).during(RAMP)));
        }
        if (MANAGERS > 0) {
            populations.add(manager.injectOpen(rampUsers(MANAGERS).during(RAMP)));
        }
        if (REPORTERS > 0) {
            populations.add(reporter.injectOpen(rampUsers(REPORTERS).during(RAMP)));
        }
        if (EMPLOYEES_PER_MINUTE > 0) {
            populations.add(employee.injectOpen(nothingFor(Duration.ofSeconds(RAMP / 2)),
                    constantUsersPerSec(EMPLOYEES_PER_MINUTE / 60).during(RAMP / 2 + STEADY)));
        }
        List<Assertion> aims = List.of(
                global().failedRequests().count().is(0L),
                details("coach: caseload").responseTime().percentile(95.0).lt(50),
                details("coach: trajectory").responseTime().percentile(95.0).lt(50),
                details("coach: log contact").responseTime().percentile(95.0).lt(50),
                forAll().responseTime().percentile(95.0).lt(2000));
        setUp(populations).protocols(protocol).assertions(aims);
    }
}
