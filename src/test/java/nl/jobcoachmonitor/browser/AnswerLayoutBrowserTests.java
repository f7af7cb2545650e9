package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completed questionnaires read as question and answer, on a desktop and on a phone: no answer is narrower than its
 * text (it gets the width its text needs on one line, or the whole width of the list), so "Neutraal" never wraps a
 * letter per line. Every answer type is on these pages: yes/no, choices, grades, numbers, agreement scales (employee),
 * multiple choice (coach, employer).
 */
class AnswerLayoutBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;

    /**
     * Each answer narrower than its text on one line (or, if that is wider, than its list): the answer and its widths.
     * A multiple-choice answer ("Schulden, Huisvesting") may wrap between its options, so each option counts apart.
     */
    static final String SQUEEZED = """
            () => [...document.querySelectorAll('dl.answers dd')].flatMap(dd => dd.textContent.trim().split(', ').map(text => {
              const probe = document.createElement('span');
              probe.textContent = text;
              probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;font:inherit;font-weight:inherit';
              dd.appendChild(probe);
              const needed = Math.min(probe.getBoundingClientRect().width, dd.parentElement.getBoundingClientRect().width);
              probe.remove();
              const has = dd.getBoundingClientRect().width;
              return has + 1 < needed ? text + ' ' + Math.round(has) + '<' + Math.round(needed) : null;
            })).filter(x => x)""";

    @Test
    void noAnswerIsNarrowerThanItsTextOnADesktopOrAPhone() {
        Page page = phone();
        logIn(page, "manager");
        for (String respondent : List.of("EMPLOYEE", "COACH", "EMPLOYER")) {
            var wave = jdbc.sql("""
                    select w.trajectory_id, w.id from measurement_wave w join trajectory t on t.id = w.trajectory_id
                    join app_user m on m.organisation_id = t.organisation_id and m.username = 'manager'
                    join response r on r.wave_id = w.id and r.respondent = :r and r.completed_at is not null
                    order by w.id limit 1""").param("r", respondent)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            page.setViewportSize(375, 812);
            page.navigate("/trajectories/" + wave[0] + "/waves/" + wave[1] + "/responses/" + respondent.toLowerCase());
            int answers = page.locator("dl.answers dd").count();
            assertThat(answers).as(respondent + " answers").isGreaterThan(3);
            assertThat(squeezed(page)).as(respondent + " answers squeezed on a phone").isEmpty();
            assertFitsThePhone(page);
            assertAccessible(page, "answers-" + respondent.toLowerCase() + "-phone");
            page.setViewportSize(1280, 900);
            assertThat(squeezed(page)).as(respondent + " answers squeezed on a desktop").isEmpty();
            // each answer sits next to its question on a desktop
            Object sideBySide = page.evaluate("() => { const dd = document.querySelector('dl.answers dd');"
                    + " return dd.getBoundingClientRect().left > dd.previousElementSibling.getBoundingClientRect().left; }");
            assertThat(sideBySide).as(respondent + " answers beside their questions on a desktop").isEqualTo(true);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> squeezed(Page page) {
        return (List<String>) page.evaluate(SQUEEZED);
    }
}
