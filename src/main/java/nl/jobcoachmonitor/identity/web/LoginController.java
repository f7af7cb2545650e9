package nl.jobcoachmonitor.identity.web;

import nl.jobcoachmonitor.identity.TwoFactorPolicy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean demo;
    private final TwoFactorPolicy twoFactor;

    LoginController(@Value("${jcm.demo.enabled:false}") boolean demo, TwoFactorPolicy twoFactor) {
        this.demo = demo;
        this.twoFactor = twoFactor;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo);
        model.addAttribute("twoFactorRequired", twoFactor.required());
        return "identity/login";
    }
}
