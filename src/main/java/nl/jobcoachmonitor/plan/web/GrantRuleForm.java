package nl.jobcoachmonitor.plan.web;

import java.math.BigDecimal;

import nl.jobcoachmonitor.plan.GrantRule;
import nl.jobcoachmonitor.plan.GrantRules;
import nl.jobcoachmonitor.plan.ReportTemplate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The administrator's form for a commissioner's grant rules. */
record GrantRuleForm(
        @NotNull @DecimalMin("0.5") @DecimalMax("9999") @Digits(integer = 4, fraction = 1) BigDecimal hoursPerPeriod,
        @NotNull @Min(1) @Max(60) Integer periodMonths,
        @NotNull @Min(1) @Max(120) Integer maxDurationMonths,
        @NotNull @Min(1) @Max(60) Integer reportEveryMonths,
        @NotNull ReportTemplate template,
        @NotNull @DecimalMin("1.0") @DecimalMax("10.0") @Digits(integer = 2, fraction = 1) BigDecimal satisfactionNorm) {

    static GrantRuleForm of(GrantRule rule) {
        return new GrantRuleForm(rule.hoursPerPeriod(), rule.periodMonths(), rule.maxDurationMonths(),
                rule.reportEveryMonths(), rule.template(), rule.satisfactionNorm());
    }

    static GrantRuleForm empty() {
        return new GrantRuleForm(null, 6, 12, 6, ReportTemplate.MUNICIPALITY, GrantRules.uwvNorm());
    }

    GrantRule toRule(long commissionerId) {
        return new GrantRule(commissionerId, hoursPerPeriod, periodMonths, maxDurationMonths, reportEveryMonths,
                template, satisfactionNorm);
    }
}
