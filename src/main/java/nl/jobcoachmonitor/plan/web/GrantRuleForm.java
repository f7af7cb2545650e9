package nl.jobcoachmonitor.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.jobcoachmonitor.plan.GrantRule;
import nl.jobcoachmonitor.plan.GrantRules;
import nl.jobcoachmonitor.plan.ReportTemplate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.NumberFormat;

/**
 * The administrator's form for a commissioner's grant rules: a new version from {@code effectiveFrom} (today when
 * left empty). Decimals are shown and read as a person writes them in the page's language (25, 6,5).
 */
record GrantRuleForm(
        @NotNull @DecimalMin("0.5") @DecimalMax("9999") @Digits(integer = 4, fraction = 1)
        @NumberFormat(pattern = "0.#") BigDecimal hoursPerPeriod,
        @NotNull @Min(1) @Max(60) Integer periodMonths,
        @NotNull @Min(1) @Max(120) Integer maxDurationMonths,
        @NotNull @Min(1) @Max(60) Integer reportEveryMonths,
        @NotNull ReportTemplate template,
        @NotNull @DecimalMin("1.0") @DecimalMax("10.0") @Digits(integer = 2, fraction = 1)
        @NumberFormat(pattern = "0.#") BigDecimal satisfactionNorm,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
        @Email @Size(max = 254) String reportEmail) {

    static GrantRuleForm of(GrantRule rule, LocalDate today) {
        return new GrantRuleForm(rule.hoursPerPeriod(), rule.periodMonths(), rule.maxDurationMonths(),
                rule.reportEveryMonths(), rule.template(), rule.satisfactionNorm(), today, rule.reportEmail());
    }

    static GrantRuleForm empty(LocalDate today) {
        return new GrantRuleForm(null, 6, 12, 6, ReportTemplate.MUNICIPALITY, GrantRules.uwvNorm(), today, null);
    }

    GrantRule toRule(long commissionerId, LocalDate today) {
        return new GrantRule(commissionerId, hoursPerPeriod, periodMonths, maxDurationMonths, reportEveryMonths,
                template, satisfactionNorm, effectiveFrom == null ? today : effectiveFrom,
                reportEmail == null || reportEmail.isBlank() ? null : reportEmail.strip());
    }
}
