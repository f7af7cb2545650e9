/**
 * Analytics: the study report's statistics and the disclosure control that guards every published figure.
 *
 * <p>So far a pure statistical core without database or web: {@link nl.jobcoachmonitor.analytics.LogisticRegression},
 * {@link nl.jobcoachmonitor.analytics.Correlation}, {@link nl.jobcoachmonitor.analytics.Summary},
 * {@link nl.jobcoachmonitor.analytics.Proportion} and the named rule
 * {@link nl.jobcoachmonitor.analytics.SmallCellRule}. The estimates are checked against R on the {@code mtcars} data
 * (see {@code src/test/resources/analytics/README.md}). Missing values are {@code NaN} (see
 * {@link nl.jobcoachmonitor.analytics.Values}).
 */
package nl.jobcoachmonitor.analytics;
