package nl.jobcoachmonitor.circle.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where links in the circle's mails point: {@code jcm.public-url} when set, otherwise the address the browser used. */
@Component
class LinkBase {

    private final String publicUrl;

    LinkBase(@Value("${jcm.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    String get() {
        return publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl;
    }
}
