package nl.jobcoachmonitor.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.jobcoachmonitor.export.Variable.Kind;
import nl.jobcoachmonitor.export.Variable.Value;

import org.junit.jupiter.api.Test;

/** The SPSS syntax: every variable read, labels quoted safely, value labels and missing codes per kind. */
class SpssSyntaxTests {

    private final List<Variable> variables = List.of(
            new Variable("person", "Pseudoniem", "Pseudonym", Kind.TEXT, List.of(), "", false),
            new Variable("paid_work", "Heb je 'betaald' werk?", "Paid work?", Kind.CATEGORICAL,
                    List.of(new Value("yes", "Ja", "Yes"), new Value("no", "Nee", "No")), "employee v1", true),
            new Variable("rapport_1", "Klik", "Click", Kind.NUMERIC,
                    List.of(new Value("1", "Oneens", "Disagree"), new Value("5", "Eens", "Agree")), "employee v1",
                    true));

    @Test
    void readsEveryVariableWithLabelsAndMissingCodes() {
        String syntax = SpssSyntax.of("Project\r\n* injected. DELETE VARIABLES ALL.", variables, variables, true);
        assertThat(syntax).contains("GET DATA /TYPE=TXT /FILE='long.csv'").contains("GET DATA /TYPE=TXT /FILE='wide.csv'")
                .contains("  person A20\n").contains("  paid_work A40\n").contains("  rapport_1 F8.2\n")
                .contains("paid_work 'Heb je ''betaald'' werk?'")
                .contains("paid_work 'yes' 'Ja' 'no' 'Nee'").contains("rapport_1 1 'Oneens' 5 'Eens'")
                .contains("paid_work ('97', '98')").contains("rapport_1 (97, 98)")
                .contains("EXECUTE.\nDATASET COPY long.").contains("EXECUTE.\nDATASET NAME wide.");
        assertThat(syntax.lines().filter(l -> l.startsWith("DELETE"))).isEmpty();
        assertThat(syntax.lines().findFirst().orElseThrow()).contains("injected");
    }

    @Test
    void englishLabelsOnRequest() {
        assertThat(SpssSyntax.of("P", variables, variables, false)).contains("paid_work 'Paid work?'")
                .contains("'yes' 'Yes'");
    }
}
