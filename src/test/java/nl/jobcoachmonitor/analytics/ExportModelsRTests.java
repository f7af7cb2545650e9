package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.analytics.ReportQuery.Row;
import nl.jobcoachmonitor.analytics.ReportQuery.Scope;
import nl.jobcoachmonitor.export.RScriptTests;
import nl.jobcoachmonitor.trajectory.ConsentManagement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One set of numbers: R on the demo research export gives the report's models. The report's population of the demo
 * manager's organisation, narrowed to the employees who consent to research (the export's population), is fitted by
 * the report's own code ({@link AssociationModels}: crude and adjusted, ML or Firth as the report chooses); the
 * export of the same organisation is read by Rscript ({@code glm}, {@code brglm2}, {@code lm}, {@code cor.test}) and
 * every estimate, standard error, interval bound and p-value must agree to 1e-6 relative. These are the figures before
 * disclosure control: the page shows them moved by the cell key method and rounded to 2 decimals. Skipped only when
 * Rscript is not installed (CI installs r-base-core and r-cran-brglm2).
 */
@IntegrationTest
class ExportModelsRTests {

    private static final Map<String, String> COLUMNS = Map.of("intensity", "hours_month_0_3", "jobFit",
            "job_fit_latest", "rapport", "rapport_employee", "fitWishes", "fit_wishes", "retained", "retained",
            "positiveDevelopment", "positive_development", "capabilitySet", "capability_set_latest");

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired ReportQuery query;
    @Autowired ConsentManagement consents;

    @TempDir Path folder;

    @Test
    void rOnTheDemoExportReproducesTheReportsCrudeAndAdjustedModels() throws Exception {
        assumeTrue(RScriptTests.rscriptInstalled(), "Rscript is not installed");
        long organisation = jdbc.sql("select organisation_id from app_user where username = 'manager'")
                .query(Long.class).single();
        Files.write(folder.resolve("wide.csv"), exportOf(organisation));
        List<Row> all = query.rows(Scope.organisation(organisation), ReportFilter.everything());
        var consenting = consents.consentedToResearch(all.stream().map(Row::trajectoryId).toList());
        var models = AssociationModels.of(all.stream().filter(r -> consenting.contains(r.trajectoryId())).toList());

        // the report's fits, and the R calls that must give the same
        Map<String, List<Coefficient>> java = new HashMap<>();
        List<String> r = new ArrayList<>();
        String all4 = String.join(" + ", AssociationModels.PREDICTORS);
        for (String outcome : AssociationModels.OUTCOMES) {
            for (String x : AssociationModels.PREDICTORS) {
                var fit = models.crude(outcome, x);
                assertThat(fit.estimable()).as("crude %s on %s", outcome, x).isTrue();
                java.put("crude." + outcome + "." + x, fit.coefficients());
                r.add(logistic("crude." + outcome + "." + x, outcome + " ~ " + x, fit));
            }
            var fit = models.adjusted(outcome);
            assertThat(fit.estimable()).as("adjusted %s", outcome).isTrue();
            java.put("adjusted." + outcome, fit.coefficients());
            r.add(logistic("adjusted." + outcome, outcome + " ~ " + all4, fit));
        }
        var linear = models.adjustedCapabilitySet();
        assertThat(linear.estimable()).isTrue();
        java.put("adjusted.capabilitySet", linear.coefficients());
        r.add("linear(\"adjusted.capabilitySet\", capabilitySet ~ " + all4 + ")");
        Map<String, Correlation> correlations = new HashMap<>();
        for (String x : AssociationModels.PREDICTORS) {
            correlations.put(x, models.crudeCorrelation(x));
            r.add("pearson(\"crude.capabilitySet." + x + "\", d$" + x + ", d$capabilitySet)");
        }

        Map<String, Double> expected = runR(r);

        int compared = 0;
        for (var model : java.entrySet()) {
            for (Coefficient c : model.getValue()) {
                String prefix = model.getKey() + "." + (c.name().equals(Coefficient.INTERCEPT) ? "(Intercept)"
                        : c.name()) + ".";
                compared += assertClose(expected, prefix + "estimate", c.estimate())
                        + assertClose(expected, prefix + "standardError", c.standardError())
                        + assertClose(expected, prefix + "pValue", c.pValue())
                        + assertClose(expected, prefix + "lower", c.lower())
                        + assertClose(expected, prefix + "upper", c.upper());
            }
        }
        for (var correlation : correlations.entrySet()) {
            String prefix = "crude.capabilitySet." + correlation.getKey() + ".";
            var c = correlation.getValue();
            compared += assertClose(expected, prefix + "r", c.r()) + assertClose(expected, prefix + "pValue", c.pValue())
                    + assertClose(expected, prefix + "lower", c.lower())
                    + assertClose(expected, prefix + "upper", c.upper());
        }
        assertThat(compared).isEqualTo(expected.size());
    }

    /** The R call of a logistic model by the method the report chose. */
    private static String logistic(String label, String formula, LogisticFit fit) {
        return "logistic(\"" + label + "\", " + formula + ", firth = "
                + (fit.method() == LogisticFit.Method.FIRTH ? "TRUE" : "FALSE") + ")";
    }

    private static int assertClose(Map<String, Double> expected, String name, double actual) {
        Double value = expected.get(name);
        assertThat(value).as("R gave %s", name).isNotNull();
        assertThat(actual).as(name).isCloseTo(value, within(1e-6 * Math.abs(value)));
        return 1;
    }

    private Map<String, Double> runR(List<String> calls) throws Exception {
        StringBuilder script = new StringBuilder("""
                suppressPackageStartupMessages(library(brglm2))
                raw <- read.csv("wide.csv", na.strings = "", stringsAsFactors = FALSE)
                """);
        COLUMNS.forEach((name, column) -> script.append("d_").append(name).append(" <- as.numeric(raw$")
                .append(column).append(")\n"));
        script.append("d <- data.frame(").append(String.join(", ", COLUMNS.keySet().stream()
                .map(name -> name + " = d_" + name).toList())).append(")\n");
        script.append("""
                put <- function(name, value) cat(name, ",", format(value, digits = 17), "\\n", sep = "")
                coefficients <- function(label, co, ci, p) {
                  for (term in rownames(co)) {
                    put(paste0(label, ".", term, ".estimate"), co[term, 1])
                    put(paste0(label, ".", term, ".standardError"), co[term, 2])
                    put(paste0(label, ".", term, ".pValue"), co[term, p])
                    put(paste0(label, ".", term, ".lower"), ci[term, 1])
                    put(paste0(label, ".", term, ".upper"), ci[term, 2])
                  }
                }
                logistic <- function(label, formula, firth) {
                  if (firth) {
                    control <- brglmControl(type = "AS_mean", epsilon = 1e-13, maxit = 500)
                    fit <- glm(formula, family = binomial, data = d, method = "brglmFit", control = control)
                    fit <- glm(formula, family = binomial, data = d, method = "brglmFit", control = control,
                               start = coef(fit))
                  } else {
                    control <- glm.control(epsilon = 1e-14, maxit = 100)
                    fit <- glm(formula, family = binomial, data = d, control = control)
                    fit <- glm(formula, family = binomial, data = d, control = control, start = coef(fit))
                  }
                  stopifnot(fit$converged)
                  coefficients(label, summary(fit)$coefficients, confint.default(fit), 4)
                }
                linear <- function(label, formula) {
                  fit <- lm(formula, data = d)
                  coefficients(label, summary(fit)$coefficients, confint(fit), 4)
                }
                pearson <- function(label, x, y) {
                  t <- cor.test(x, y)
                  put(paste0(label, ".r"), unname(t$estimate))
                  put(paste0(label, ".pValue"), t$p.value)
                  put(paste0(label, ".lower"), t$conf.int[1])
                  put(paste0(label, ".upper"), t$conf.int[2])
                }
                """);
        calls.forEach(call -> script.append(call).append('\n'));
        Files.writeString(folder.resolve("models.R"), script);
        var process = new ProcessBuilder("Rscript", "--vanilla", "models.R").directory(folder.toFile())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        Map<String, Double> figures = new HashMap<>();
        out.lines().filter(line -> line.contains(",")).forEach(line -> {
            int comma = line.lastIndexOf(',');
            figures.put(line.substring(0, comma), Double.parseDouble(line.substring(comma + 1).strip()));
        });
        return figures;
    }

    /** The wide CSV of an approved export of the whole organisation, by a researcher of its own (see ExportSteps). */
    private byte[] exportOf(long organisation) throws Exception {
        String researcher = "r-models-" + System.nanoTime();
        jdbc.sql("insert into app_user (username, password_hash, display_name, email, role) select :u, "
                + "password_hash, :u, null, role from app_user where username = 'onderzoeker'").param("u", researcher)
                .update();
        String location = mvc.perform(post("/research/projects").with(data.as(researcher)).with(csrf())
                .param("name", "Modellen").param("purpose", "Wat helpt om werk te houden?")
                .param("organisationId", String.valueOf(organisation)).param("waves", "T0").param("waves", "T2"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long project = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/team/exports/{id}/approval", project).with(data.as("manager")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return mvc.perform(get("/research/projects/{id}/files/{file}", project, "wide.csv").with(data.as(researcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
