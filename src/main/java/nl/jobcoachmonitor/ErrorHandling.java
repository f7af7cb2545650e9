package nl.jobcoachmonitor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Out-of-scope and unknown ids both answer 404, logged as a denied access; pages get the error page, the API a problem
 * detail. Conflicts (someone else changed it) answer 409.
 */
@ControllerAdvice
class ErrorHandling {

    private final PersonalDataAccess access;
    private final MessageSource messages;

    ErrorHandling(PersonalDataAccess access, MessageSource messages) {
        this.access = access;
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        access.denied("route", request.getMethod() + " " + request.getRequestURI());
        return respond(request, response, HttpStatus.NOT_FOUND, "error/404");
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.CONFLICT, "error/409");
    }

    /** Only the API gets here: pages catch rule violations and show them at the field. */
    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(DomainRuleViolation e, java.util.Locale locale) {
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setDetail(messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
        problem.setProperty("field", e.field());
        return ResponseEntity.badRequest().body(problem);
    }

    private static Object respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String view) {
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(status).body(ProblemDetail.forStatus(status));
        }
        response.setStatus(status.value());
        var mav = new ModelAndView(view);
        mav.setStatus(status);
        return mav;
    }
}
