# Reference figures for nl.jobcoachmonitor.analytics (see README.md).
# Run from this folder:  Rscript reference.R
# Writes mtcars.csv (the data the tests read) and expected.csv (name,value).
options(digits = 15)
data(mtcars)

write.csv(data.frame(model = rownames(mtcars), mtcars, row.names = NULL),
          "mtcars.csv", row.names = FALSE, quote = TRUE)

out <- character()
put <- function(name, value) {
  out <<- c(out, paste0(name, ",", format(value, digits = 15)))
}

logistic <- function(label, formula) {
  # Tight convergence so the estimates are the maximum-likelihood estimates
  # themselves (the default epsilon = 1e-8 gives the same estimates here).
  control <- glm.control(epsilon = 1e-14, maxit = 100)
  first <- glm(formula, family = binomial, data = mtcars, control = control)
  # glm's standard errors come from the weights of its last iteration, which
  # are one Newton step behind the estimates (about 5e-8 relative here).
  # Refitted from its own estimates, glm evaluates them at the estimates, as
  # the inverse Fisher information at the maximum-likelihood estimates.
  fit <- glm(formula, family = binomial, data = mtcars, control = control,
             start = coef(first))
  stopifnot(first$converged, fit$converged,
            isTRUE(all.equal(coef(fit), coef(first), tolerance = 1e-12)))
  co <- summary(fit)$coefficients
  ci <- confint.default(fit)  # Wald interval: estimate -/+ qnorm(0.975) * SE
  put(paste0(label, ".n"), nobs(fit))
  put(paste0(label, ".deviance"), deviance(fit))
  put(paste0(label, ".nullDeviance"), fit$null.deviance)
  for (term in rownames(co)) {
    p <- paste0(label, ".", term, ".")
    put(paste0(p, "estimate"), co[term, "Estimate"])
    put(paste0(p, "standardError"), co[term, "Std. Error"])
    put(paste0(p, "z"), co[term, "z value"])
    put(paste0(p, "pValue"), co[term, "Pr(>|z|)"])
    put(paste0(p, "lower"), ci[term, 1])
    put(paste0(p, "upper"), ci[term, 2])
    put(paste0(p, "oddsRatio"), exp(co[term, "Estimate"]))
    put(paste0(p, "oddsRatioLower"), exp(ci[term, 1]))
    put(paste0(p, "oddsRatioUpper"), exp(ci[term, 2]))
  }
}
logistic("glm_am_hp_wt", am ~ hp + wt)
logistic("glm_vs_mpg_am", vs ~ mpg + am)

pearson <- function(label, x, y) {
  t <- cor.test(x, y, method = "pearson")  # drops incomplete pairs
  put(paste0(label, ".n"), t$parameter + 2)
  put(paste0(label, ".r"), unname(t$estimate))
  put(paste0(label, ".t"), unname(t$statistic))
  put(paste0(label, ".pValue"), t$p.value)
  put(paste0(label, ".lower"), t$conf.int[1])
  put(paste0(label, ".upper"), t$conf.int[2])
}
pearson("pearson_mpg_wt", mtcars$mpg, mtcars$wt)
# Missing values: mpg missing in rows 3 and 10, wt missing in row 20 (1-based).
mpgNa <- mtcars$mpg; mpgNa[c(3, 10)] <- NA
wtNa <- mtcars$wt; wtNa[20] <- NA
pearson("pearson_mpg_wt_missing", mpgNa, wtNa)

s <- suppressWarnings(cor.test(mtcars$mpg, mtcars$wt, method = "spearman", exact = FALSE))
put("spearman_mpg_wt.rho", unname(s$estimate))
put("spearman_mpg_wt.pValue", s$p.value)

put("mpg.n", length(mtcars$mpg))
put("mpg.mean", mean(mtcars$mpg))
put("mpg.sd", sd(mtcars$mpg))
put("mpg.median", median(mtcars$mpg))
tt <- t.test(mtcars$mpg)
put("mpg.meanLower", tt$conf.int[1])
put("mpg.meanUpper", tt$conf.int[2])
put("hp.median", median(mtcars$hp[1:31]))   # odd n

pt <- prop.test(sum(mtcars$am), nrow(mtcars), correct = FALSE)  # Wilson score interval
put("am.count", sum(mtcars$am))
put("am.n", nrow(mtcars))
put("am.proportion", unname(pt$estimate))
put("am.lower", pt$conf.int[1])
put("am.upper", pt$conf.int[2])

writeLines(c(paste0("# ", R.version.string, "; produced by reference.R"), "name,value", out),
           "expected.csv")
