package nl.jobcoachmonitor.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.junit.jupiter.api.Test;

class ContactTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final LocalDate START = TODAY.minusMonths(2);

    private static Contact log(LocalDate on, int minutes) {
        return Contact.log(1, START, on, minutes, Party.EMPLOYEE, ContactMode.PHONE, Set.of(Theme.STRESS), " note ", null, Set.of(),
                7, TODAY, Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void keepsDateMinutesPartyThemesAndATrimmedNote() {
        var c = log(TODAY, 45);
        assertThat(c.minutes()).isEqualTo(45);
        assertThat(c.themeSet()).containsExactly(Theme.STRESS);
        assertThat(c.note()).isEqualTo("note");
    }

    @Test
    void refusesContactsInTheFutureOrBeforeTheTrajectory() {
        assertThatThrownBy(() -> log(TODAY.plusDays(1), 30)).isInstanceOf(DomainRuleViolation.class)
                .hasMessage("validation.date.future");
        assertThatThrownBy(() -> log(START.minusDays(1), 30)).isInstanceOf(DomainRuleViolation.class)
                .hasMessage("trajectory.date.beforeStart");
    }

    @Test
    void refusesNegativeZeroAndAbsurdMinutes() {
        for (int minutes : new int[] {-30, 0, Contact.MAX_MINUTES + 1, 10_000}) {
            assertThatThrownBy(() -> log(TODAY, minutes)).isInstanceOf(DomainRuleViolation.class)
                    .hasMessage("contact.minutes.range");
        }
        assertThat(log(TODAY, Contact.MAX_MINUTES).minutes()).isEqualTo(Contact.MAX_MINUTES);
        assertThat(log(TODAY, 1).minutes()).isEqualTo(1);
    }

    @Test
    void groupsPartiesIntoEmployeeEmployerAndOthersForTheChart() {
        assertThat(Party.EMPLOYEE.group()).isEqualTo("EMPLOYEE");
        assertThat(Party.EMPLOYER.group()).isEqualTo("EMPLOYER");
        assertThat(Party.COLLEAGUES.group()).isEqualTo("EMPLOYER");
        assertThat(Party.CARE_PROVIDER.group()).isEqualTo("OTHER");
        assertThat(Party.RELATIVES.group()).isEqualTo("OTHER");
    }
}
