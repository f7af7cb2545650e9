package nl.jobcoachmonitor.organisation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** Who commissions and pays for a trajectory: a municipality (Participatiewet) or UWV. */
record Commissioner(@Id Long id, String name, CommissionerKind kind, @Version Integer version) {
}
