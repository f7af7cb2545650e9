package nl.jobcoachmonitor.export;

/**
 * An R script that reads long.csv and wide.csv of the export folder with the codebook: missing codes to NA, numbers as
 * numbers (scale labels as the attribute "labels"), codes as factors with their labels, and every variable's label as
 * the attribute "label". Base R only.
 */
final class RScript {

    private RScript() {
    }

    static String of(String projectName, boolean dutch) {
        return """
                # Jobcoach Monitor research export: %s
                # Reads long.csv and wide.csv in this folder with the labels of codebook.csv (base R only).
                # Missing: empty = no response at this wave, 97 = not asked, 98 = not answered (all become NA).
                lang <- "%s"  # "nl" or "en"

                codebook <- read.csv("codebook.csv", colClasses = "character", na.strings = character(0),
                                     fileEncoding = "UTF-8", check.names = FALSE)

                parse_values <- function(text) {
                  if (is.na(text) || text == "") return(NULL)
                  parts <- strsplit(text, " | ", fixed = TRUE)[[1]]
                  setNames(sub("^[^=]*=", "", parts), sub("=.*$", "", parts))
                }

                read_export <- function(file, layout) {
                  data <- read.csv(file, colClasses = "character", na.strings = "", fileEncoding = "UTF-8",
                                   check.names = FALSE)
                  book <- codebook[codebook$file == layout, ]
                  for (i in seq_len(nrow(book))) {
                    v <- book$variable[i]
                    if (!v %%in%% names(data)) next
                    x <- data[[v]]
                    if (book$missing_codes[i] != "") {
                      x[x %%in%% strsplit(book$missing_codes[i], ";", fixed = TRUE)[[1]]] <- NA
                    }
                    labels <- parse_values(book[[paste0("values_", lang)]][i])
                    if (book$type[i] == "numeric") {
                      x <- as.numeric(x)
                      if (!is.null(labels)) attr(x, "labels") <- setNames(as.numeric(names(labels)), unname(labels))
                    } else if (book$type[i] == "categorical") {
                      x <- factor(x, levels = names(labels), labels = unname(labels))
                    }
                    attr(x, "label") <- book[[paste0("label_", lang)]][i]
                    data[[v]] <- x
                  }
                  data
                }

                long <- read_export("long.csv", "long")
                wide <- read_export("wide.csv", "wide")
                """.formatted(comment(projectName), dutch ? "nl" : "en");
    }

    /** Text safe inside an R or SPSS comment line. */
    static String comment(String text) {
        return text.replaceAll("[\\r\\n\\x00-\\x1f]", " ");
    }
}
