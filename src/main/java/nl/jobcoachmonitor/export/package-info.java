/**
 * Research export: a researcher defines a project (one coaching organisation; optionally one commissioner, a period of
 * trajectory starts, the waves), a manager of that organisation approves it, and the researcher downloads
 * pseudonymised data of the employees who consent to research at that moment: wide and long CSV, a codebook, an R
 * script and SPSS syntax, as one ZIP or each apart. Every download is logged and kept with its SHA-256.
 */
package nl.jobcoachmonitor.export;
