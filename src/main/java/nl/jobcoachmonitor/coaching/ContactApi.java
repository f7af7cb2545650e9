package nl.jobcoachmonitor.coaching;

import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for the contact log of a trajectory. */
@RestController
@RequestMapping("/api/v1/trajectories/{id}/contacts")
@Tag(name = "Contacts")
class ContactApi {

    private final ContactManagement contacts;

    ContactApi(ContactManagement contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @Operation(summary = "The contacts of a trajectory, newest first")
    List<ContactEntry> list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return contacts.timeline(user, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log a contact: date, minutes, party, mode, themes, note")
    ContactEntry log(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @RequestBody LogContactForm form) {
        return contacts.log(user, id, form);
    }

    @GetMapping("/intensity")
    @Operation(summary = "Contact hours per month, split by employee, employer and others")
    ContactSection intensity(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return contacts.section(user, id);
    }
}
