package nl.jobcoachmonitor.trajectory;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The job the employee is coached in: function, contract hours per week, contract type and start date. */
public record Job(String title, BigDecimal contractHours, ContractType contractType, LocalDate startedOn) {
}
