package nl.jobcoachmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * MessageFormat quoting in the bundles. Spring formats a message with MessageFormat only when it gets arguments: a
 * message without placeholders is shown as written (so {@code thema''s} shows both apostrophes), one with
 * placeholders loses a single apostrophe and quotes what follows. And a number argument gets a thousands separator,
 * so a year or an id needs {@code {0,number,#}} ("in 2.026").
 */
class MessageQuotingTests {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void apostrophesAreQuotedExactlyWhereMessageFormatRuns(String bundle) throws IOException {
        var properties = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> wrong = new ArrayList<>();
        properties.forEach((key, value) -> {
            String text = (String) value;
            boolean formatted = PLACEHOLDER.matcher(text).find();
            if (!formatted && text.contains("''")) {
                wrong.add(key + " shows '' literally (no arguments, so no MessageFormat)");
            }
            if (formatted && text.replace("''", "").contains("'")) {
                wrong.add(key + " has a single ' that MessageFormat swallows");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void yearsAndIdsHaveNoThousandsSeparator(String language) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var locale = Locale.forLanguageTag(language);
        assertThat(messages.getMessage("satisfaction.title", new Object[] {2026}, locale)).endsWith(" 2026");
        for (String key : List.of("owndata.card.number", "owndata.trajectory", "erasure.whose")) {
            assertThat(messages.getMessage(key, new Object[] {12345L}, locale)).as(key).endsWith("12345");
        }
        assertThat(messages.getMessage("erasure.intro", null, locale)).doesNotContain("''");
    }
}
