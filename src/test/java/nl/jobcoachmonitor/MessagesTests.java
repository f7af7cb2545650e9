package nl.jobcoachmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Every label lives in the message bundles: both languages have the same keys, every key a template or the code uses
 * exists, every enum shown in the UI has its labels, and no template carries text of its own.
 */
class MessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> dutch = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        Set<String> english = new TreeSet<>(bundle("messages_en.properties").stringPropertyNames());
        assertThat(english).as("keys missing in English").containsAll(dutch);
        assertThat(dutch).as("keys missing in Dutch").containsAll(english);
    }

    /** Properties keeps the last of two lines with one key: the first label would be lost without a word. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            Set<String> seen = new TreeSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || !trimmed.contains("=")) {
                    continue;
                }
                String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as("keys defined twice in " + name).isEmpty();
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern templateKey = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
        for (Path template : files(TEMPLATES, ".html")) {
            Matcher m = templateKey.matcher(Files.readString(template));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        Pattern codeKey = Pattern.compile("(?:DomainRuleViolation\\(\"[A-Za-z]+\", |rejectValue\\(\"[A-Za-z.]+\", "
                + "|rejectValue\\(e\\.field\\(\\), |reject\\(|addFlashAttribute\\(\"saved\", )\"([a-z][A-Za-z0-9_.]+)\"");
        for (Path source : files(JAVA, ".java")) {
            Matcher m = codeKey.matcher(Files.readString(source));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyEnumShownInTheUiHasItsLabels() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        check(keys, missing, "phase", nl.jobcoachmonitor.trajectory.TrajectoryPhase.values());
        check(keys, missing, "closingReason", nl.jobcoachmonitor.trajectory.ClosingReason.values());
        check(keys, missing, "contractType", nl.jobcoachmonitor.trajectory.ContractType.values());
        check(keys, missing, "jobChangeKind", nl.jobcoachmonitor.trajectory.JobChangeKind.values());
        check(keys, missing, "party", nl.jobcoachmonitor.coaching.Party.values());
        check(keys, missing, "mode", nl.jobcoachmonitor.coaching.ContactMode.values());
        check(keys, missing, "theme", nl.jobcoachmonitor.coaching.Theme.values());
        check(keys, missing, "role", nl.jobcoachmonitor.identity.Role.values());
        check(keys, missing, "commissionerKind", nl.jobcoachmonitor.organisation.CommissionerKind.values());
        check(keys, missing, "waveState", nl.jobcoachmonitor.measurement.WaveState.values());
        check(keys, missing, "responseState", nl.jobcoachmonitor.measurement.ResponseState.values());
        check(keys, missing, "mailKind", nl.jobcoachmonitor.mail.MailKind.values());
        check(keys, missing, "mailState", nl.jobcoachmonitor.mail.MailState.values());
        check(keys, missing, "mailLanguage", nl.jobcoachmonitor.mail.MailLanguage.values());
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesCarryNoUntranslatedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            var document = Jsoup.parse(template.toFile(), "UTF-8");
            for (Element element : document.getAllElements()) {
                if (element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:errors")
                        || element.hasAttr("th:replace") || element.hasAttr("th:insert")
                        || element.hasAttr("sec:authentication")
                        || Set.of("script", "style", "code", "title").contains(element.tagName())
                        || insideReplacedElement(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (text.text().codePoints().anyMatch(Character::isLetter)) {
                        problems.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> \""
                                + text.text().trim() + "\"");
                    }
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && element.attr(attribute).codePoints().anyMatch(Character::isLetter)
                            && !(attribute.equals("value") && !element.tagName().equals("button"))) {
                        problems.add(TEMPLATES.relativize(template) + ": " + attribute + "=\""
                                + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean insideReplacedElement(Element element) {
        for (Element parent : element.parents()) {
            if (parent.hasAttr("th:text") || parent.hasAttr("th:utext")) {
                return true;
            }
        }
        return false;
    }

    private static void check(Set<String> keys, List<String> missing, String prefix, Enum<?>[] values) {
        for (Enum<?> value : values) {
            if (!keys.contains(prefix + "." + value.name())) {
                missing.add(prefix + "." + value.name());
            }
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
