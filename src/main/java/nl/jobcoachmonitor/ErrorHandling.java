package nl.jobcoachmonitor;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.IdempotentRequests;
import nl.jobcoachmonitor.shared.NotFoundException;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Out-of-scope and unknown ids both answer 404, logged as a denied access; pages get the error page, the API a problem
 * detail. A JSON body that fails its validation gets, in the user's language, a problem detail with the first field and
 * every field's message ({@code errors}); one that cannot be read (not JSON, an unknown choice, a wrong date) names the
 * field it could not read. Conflicts (someone else changed it) answer 409; an Idempotency-Key reused for another
 * request 422.
 */
@ControllerAdvice
class ErrorHandling extends ResponseEntityExceptionHandler {

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
    ResponseEntity<ProblemDetail> ruleViolated(DomainRuleViolation e, Locale locale) {
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setDetail(messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
        problem.setProperty("field", e.field());
        return ResponseEntity.badRequest().body(problem);
    }

    /** The API only: an {@code Idempotency-Key} sent again with another request (422, with a message). */
    @ExceptionHandler(IdempotentRequests.KeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(Locale locale) {
        var problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        problem.setDetail(messages.getMessage("api.idempotencyKeyReused", null, locale));
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!api(request)) {
            return super.handleMethodArgumentNotValid(e, headers, status, request);
        }
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setDetail(messages.getMessage("api.invalidFields", null, locale));
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", messages.getMessage(error, locale)))
                .toList();
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!api(request)) {
            return super.handleHttpMessageNotReadable(e, headers, status, request);
        }
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setDetail(messages.getMessage("api.unreadable", null, LocaleContextHolder.getLocale()));
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            problem.setProperty("field", mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName());
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static boolean api(WebRequest request) {
        return request instanceof ServletWebRequest r && r.getRequest().getRequestURI().startsWith("/api/");
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
