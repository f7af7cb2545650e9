# Reference figures for the report's models (crude, adjusted, Firth, linear, large N); see README.md beside this file.
# Run from this folder:  Rscript reference-models.R
# Writes the data sets the tests read (cohort.csv, small.csv, separated.csv, near-separated.csv, large.csv.gz) and
# expected-models.csv (name,value), each figure with 15 significant digits.
suppressPackageStartupMessages(library(brglm2))
options(digits = 15)
set.seed(20261203)

out <- character()
put <- function(name, value) out <<- c(out, paste0(name, ",", format(value, digits = 15)))

# A cohort with a common factor behind job fit, rapport and fit with wishes (as in bench/Coverage.java):
# f ~ N(0, 1); each of the three = f * 0.7 + N(0, 1) * sqrt(1 - 0.49), put on the instrument's scale and rounded to
# what the instrument can give (job fit 1-10 whole, rapport a mean of 3 items on 1-5, fit with wishes of 2);
# intensity (contact hours per month) log-normal, a long tail; outcomes logistic in the four.
cohort <- function(n) {
  f <- rnorm(n)
  z <- function() 0.7 * f + sqrt(1 - 0.49) * rnorm(n)
  jobFit <- pmin(10, pmax(1, round(6.5 + 1.5 * z())))
  rapport <- pmin(5, pmax(1, round(3 * (3.8 + 0.7 * z())) / 3))
  fitWishes <- pmin(5, pmax(1, round(2 * (3.6 + 0.7 * z())) / 2))
  intensity <- round(exp(rnorm(n, log(3.5), 0.6)), 6)
  eta <- -4.2 + 0.10 * intensity + 0.25 * jobFit + 0.45 * rapport + 0.30 * fitWishes
  retained <- rbinom(n, 1, plogis(eta))
  positive <- rbinom(n, 1, plogis(eta - 3.0))
  capability <- pmin(7, pmax(0, round(0.5 + 0.05 * intensity + 0.2 * jobFit + 0.4 * rapport + 0.3 * fitWishes
                                      + rnorm(n, 0, 1.2))))
  d <- data.frame(intensity, jobFit, rapport, fitWishes, retained, positive, capability)
  # some missing answers, as in real data
  d$jobFit[sample(n, n %/% 20)] <- NA
  d$rapport[sample(n, n %/% 15)] <- NA
  d$retained[sample(n, n %/% 25)] <- NA
  d
}
write_data <- function(d, file) write.csv(d, file, row.names = FALSE, na = "")

# Maximum likelihood: glm with a tight epsilon, refitted from its own estimates so the standard errors are the inverse
# Fisher information at the estimates (see ../README.md); Firth: brglm2's brglmFit with type = "AS_mean", which for
# logistic regression is Firth's penalised likelihood; intervals of both by confint.default (Wald), which is what
# brglm2's confint method for brglmFit is.
logistic <- function(label, formula, data, firth = FALSE) {
  if (firth) {
    control <- brglmControl(type = "AS_mean", epsilon = 1e-13, maxit = 500)
    fit <- glm(formula, family = binomial, data = data, method = "brglmFit", control = control)
    refit <- glm(formula, family = binomial, data = data, method = "brglmFit", control = control, start = coef(fit))
    stopifnot(fit$converged, isTRUE(all.equal(coef(fit), coef(refit), tolerance = 1e-11)))
    fit <- refit
  } else {
    control <- glm.control(epsilon = 1e-14, maxit = 100)
    first <- glm(formula, family = binomial, data = data, control = control)
    fit <- glm(formula, family = binomial, data = data, control = control, start = coef(first))
    stopifnot(first$converged, fit$converged, isTRUE(all.equal(coef(fit), coef(first), tolerance = 1e-11)))
    put(paste0(label, ".iterations"), first$iter)
  }
  co <- summary(fit)$coefficients
  ci <- confint.default(fit)
  put(paste0(label, ".n"), nobs(fit))
  put(paste0(label, ".events"), sum(fit$y))
  put(paste0(label, ".deviance"), deviance(fit))
  for (term in rownames(co)) {
    p <- paste0(label, ".", term, ".")
    put(paste0(p, "estimate"), co[term, "Estimate"])
    put(paste0(p, "standardError"), co[term, "Std. Error"])
    put(paste0(p, "pValue"), co[term, "Pr(>|z|)"])
    put(paste0(p, "lower"), ci[term, 1])
    put(paste0(p, "upper"), ci[term, 2])
  }
}

linear <- function(label, formula, data) {
  fit <- lm(formula, data = data)
  co <- summary(fit)$coefficients
  ci <- confint(fit)
  put(paste0(label, ".n"), nobs(fit))
  for (term in rownames(co)) {
    p <- paste0(label, ".", term, ".")
    put(paste0(p, "estimate"), co[term, "Estimate"])
    put(paste0(p, "standardError"), co[term, "Std. Error"])
    put(paste0(p, "pValue"), co[term, "Pr(>|t|)"])
    put(paste0(p, "lower"), ci[term, 1])
    put(paste0(p, "upper"), ci[term, 2])
  }
}

# 1. A cohort of 400: crude and adjusted, both outcomes, and the capability set.
d <- cohort(400)
write_data(d, "cohort.csv")
for (x in c("intensity", "jobFit", "rapport", "fitWishes")) {
  logistic(paste0("cohort.crude.retained.", x), as.formula(paste("retained ~", x)), d)
  logistic(paste0("cohort.crude.positive.", x), as.formula(paste("positive ~", x)), d)
}
adjusted <- ~ intensity + jobFit + rapport + fitWishes
logistic("cohort.adjusted.retained", update(adjusted, retained ~ .), d)
logistic("cohort.adjusted.positive", update(adjusted, positive ~ .), d)
linear("cohort.linear.capability", update(adjusted, capability ~ .), d)

# 2. A municipality's selection: 29 persons, few events per variable; Firth crude and adjusted.
s <- cohort(29)
s$retained[is.na(s$retained)] <- 1
write_data(s, "small.csv")
logistic("small.firth.crude.retained.rapport", retained ~ rapport, s, firth = TRUE)
logistic("small.firth.adjusted.retained", update(adjusted, retained ~ .), s, firth = TRUE)

# 3. Complete separation: no maximum-likelihood estimate, Firth's is finite.
sep <- data.frame(x = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), y = c(0, 0, 0, 0, 0, 1, 1, 1, 1, 1))
write_data(sep, "separated.csv")
logistic("separated.firth", y ~ x, sep, firth = TRUE)

# 4. Near separation, 29 persons: below a rapport of 3 nobody kept the job, from 3 on all but one did.
near <- data.frame(
  x = c(1.67, 2, 2, 2.33, 2.33, 2.67, 2.67, 2.67, 3, 3, 3.33, 3.33, 3.33, 3.67, 3.67, 3.67, 4, 4, 4, 4, 4.33,
        4.33, 4.33, 4.67, 4.67, 5, 5, 5, 3.33),
  y = c(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0))
write_data(near, "near-separated.csv")
logistic("near.ml", y ~ x, near)
logistic("near.firth", y ~ x, near, firth = TRUE)

# 5. Large N, a predictor with a long tail: the shape of retention on intensity over 200,000 trajectories.
n <- 134171
large <- data.frame(intensity = round(exp(rnorm(n, log(3), 1.1)), 2))
large$retained <- rbinom(n, 1, plogis(1.9 + 0.02 * large$intensity))
gz <- gzfile("large.csv.gz", "w")
write.csv(large, gz, row.names = FALSE)
close(gz)
put("large.max.intensity", max(large$intensity))
logistic("large.ml", retained ~ intensity, large)

# 6. The overall report's population of the benchmark database (bench/generate.sql and generate-report.sql, 200,000
# trajectories): retention and intensity (contact hours per month in months 0-3, as the report computes them) of the
# 134,171 complete cases, exported from PostgreSQL (bench/README.md, "Convergence at scale"). Intensity is 0 for most
# and has a tail up to 2; the old fit ended in "did not converge" after 100 iterations, glm needs 4.
bench <- read.csv(gzfile("bench-intensity.csv.gz"))
logistic("bench.ml", retained ~ intensity, bench)

writeLines(c(paste0("# ", R.version.string, ", brglm2 ", packageVersion("brglm2"), "; produced by reference-models.R"),
             "name,value", out), "expected-models.csv")
