package nl.jobcoachmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The employee is addressed with "je" everywhere (the register of the study's employee questionnaire): the
 * questionnaire, the own-data pages, the assessment by personal link and the mails to the employee. The employer
 * contact keeps "u", as in the employer questionnaire.
 */
class EmployeeAddressTests {

    /** Dutch forms of "u": u, uw, uzelf (as words). */
    static final Pattern FORMAL = Pattern.compile("(?iu)(?<![\\p{L}-])(u|uw|uzelf)(?![\\p{L}-])");

    static final List<String> EMPLOYEE_TEMPLATES = List.of("measurement/questionnaire.html",
            "measurement/question.html", "measurement/start.html", "measurement/thanks.html",
            "measurement/link-invalid.html", "measurement/link-throttled.html", "personaldata/own.html",
            "personaldata/start.html", "personaldata/link-invalid.html", "plan/assessment.html",
            "plan/assessment-start.html", "plan/assessment-thanks.html", "plan/assessment-invalid.html",
            "fragments/forms.html");

    static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{\\|([A-Za-z0-9_.]+)\\$\\{");

    static Properties dutch() throws IOException {
        var properties = new Properties();
        try (var in = new ClassPathResource("messages.properties").getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Every message key the employee's pages show (a key ending in the respondent: the employee's). */
    static Set<String> employeeKeys(Properties messages) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String template : EMPLOYEE_TEMPLATES) {
            String html = Files.readString(Path.of("src/main/resources/templates", template));
            STATIC_KEY.matcher(html).results().forEach(m -> keys.add(m.group(1)));
            DYNAMIC_KEY.matcher(html).results().forEach(m -> {
                String prefix = m.group(1);
                messages.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                        .filter(k -> !k.endsWith(".EMPLOYER") && !k.endsWith(".EMPLOYER_CONTACT")
                                && !k.endsWith(".COACH"))
                        .forEach(keys::add);
            });
        }
        // the mails to the employee: questionnaire invitations and reminders, own data, assessment
        messages.stringPropertyNames().stream().filter(k -> k.startsWith("mail."))
                .filter(k -> k.endsWith(".EMPLOYEE") || k.endsWith(".OWN_DATA") || k.endsWith(".ASSESSMENT")
                        || k.equals("mail.action") || k.equals("mail.closing"))
                .forEach(keys::add);
        keys.retainAll(messages.stringPropertyNames());
        return keys;
    }

    @Test
    void everyTextTheEmployeeReadsSaysJeNotU() throws IOException {
        Properties messages = dutch();
        Set<String> keys = employeeKeys(messages);
        assertThat(keys).contains("questionnaire.thanks.text.EMPLOYEE", "assessment.question.EMPLOYEE",
                "assessment.intro.EMPLOYEE", "mail.intro.INVITATION.EMPLOYEE", "mail.intro.OWN_DATA",
                "owndata.answers.none");
        List<String> formal = new ArrayList<>();
        for (String key : keys) {
            String text = messages.getProperty(key);
            if (FORMAL.matcher(text).find()) {
                formal.add(key + "=" + text);
            }
        }
        assertThat(formal).as("texts for the employee that say u or uw").isEmpty();
    }

    @Test
    void theEmployeeQuestionnaireSaysJeAndTheEmployerQuestionnaireU() throws IOException {
        String employee = Files.readString(Path.of("src/main/resources/measurement/instruments/employee-v1.yaml"));
        assertThat(FORMAL.matcher(employee).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(employee).contains("Heb je");
        Properties messages = dutch();
        assertThat(messages.getProperty("assessment.question.EMPLOYER_CONTACT")).contains("bent u");
        assertThat(messages.getProperty("mail.intro.INVITATION.EMPLOYER")).contains(" u ");
    }
}
