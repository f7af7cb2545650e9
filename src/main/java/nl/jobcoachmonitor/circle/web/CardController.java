package nl.jobcoachmonitor.circle.web;

import java.util.List;

import nl.jobcoachmonitor.circle.KnowledgeCards;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Knowledge cards: all of them (or one theme's), and the cards offered beside the contact form for the themes ticked
 * there (an htmx fragment; the contact form asks for it when a theme is ticked or unticked).
 */
@Controller
class CardController {

    private final KnowledgeCards cards;

    CardController(KnowledgeCards cards) {
        this.cards = cards;
    }

    @GetMapping("/circle/cards")
    String cards(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Theme theme,
            Model model) {
        model.addAttribute("cards", cards.all(theme));
        model.addAttribute("theme", theme);
        model.addAttribute("themes", Theme.values());
        model.addAttribute("organiser", user.isCircleOrganiser());
        return "circle/cards";
    }

    @GetMapping("/circle/cards/offer")
    String offer(@RequestParam(name = "themes", required = false) List<Theme> themes, Model model) {
        model.addAttribute("cards", cards.forThemes(themes == null ? List.of() : themes));
        return "circle/cards :: offer";
    }
}
