package nl.jobcoachmonitor.coaching;

import org.springframework.ui.Model;

/** The choices of the contact form, for every page that includes it. */
public final class ContactOptions {

    private ContactOptions() {
    }

    public static void addTo(Model model) {
        model.addAttribute("parties", Party.values());
        model.addAttribute("modes", ContactMode.values());
        model.addAttribute("employeeThemes", java.util.Arrays.stream(Theme.values())
                .filter(t -> t.side() == Theme.Side.EMPLOYEE).toList());
        model.addAttribute("employerThemes", java.util.Arrays.stream(Theme.values())
                .filter(t -> t.side() == Theme.Side.EMPLOYER).toList());
        model.addAttribute("otherThemes", java.util.Arrays.stream(Theme.values())
                .filter(t -> t.side() == Theme.Side.OTHER).toList());
    }
}
