package nl.jobcoachmonitor.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone else changed the aggregate since this user loaded it; nothing was overwritten. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

    public ConflictException(String what, Object id) {
        super(what + " " + id + " was changed by someone else");
    }
}
