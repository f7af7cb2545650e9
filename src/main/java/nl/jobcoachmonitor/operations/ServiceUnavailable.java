package nl.jobcoachmonitor.operations;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The first filter of every request (before sessions and security, which need the database). It answers 503 with
 * {@code Retry-After} and a short page in the reader's language (the language cookie or {@code ?lang=}; a problem
 * detail under {@code /api/}) in two cases:
 * <ul>
 * <li>the application is not ready ({@link ReadinessState#ACCEPTING_TRAFFIC} comes after the migrations, the demo
 * cohort and the start-up catch-up, see {@code ApplicationRunner}s and {@code ApplicationReadyEvent} listeners), so
 * nobody sees an empty caseload or a login that does not work yet; the probes under {@code /actuator} and the static
 * files pass. Not while the application stops: then readiness is taken back so that the load balancer drains the
 * instance, and every request is served as before ({@link DrainBeforeStop});</li>
 * <li>the request failed because the database could not be reached (no connection, a connection broken midway, a
 * commit that did not reach the server): the transaction was rolled back, nothing of the request is stored, and the
 * page says so and asks to try again. No stack trace reaches the reader; the log has one line.</li>
 * </ul>
 * A response already committed (a download that broke midway) cannot be replaced; the connection is then cut.
 */
class ServiceUnavailable extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 30;
    static final int STARTING_RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailable.class);

    private final ApplicationAvailability availability;
    private final DrainBeforeStop drain;
    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> locales;

    ServiceUnavailable(ApplicationAvailability availability, DrainBeforeStop drain, MessageSource messages,
            ObjectProvider<LocaleResolver> locales) {
        this.availability = availability;
        this.drain = drain;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC && !drain.stopping()
                && !passesWhileStarting(request)) {
            respond(request, response, "starting", STARTING_RETRY_AFTER_SECONDS);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!databaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} answered 503: the database could not be reached ({})", request.getMethod(),
                    request.getRequestURI(), rootCause(e).toString());
            response.resetBuffer();
            respond(request, response, "unavailable", RETRY_AFTER_SECONDS);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private static boolean passesWhileStarting(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/") || path.equals("/actuator") || path.startsWith("/assets/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    /** Whether the failure, anywhere in its causes, is the database being out of reach (not a wrong query). */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof TransactionSystemException broken && (broken.getCause() instanceof SQLException sql
                    && (sql.getSQLState() == null || sql.getSQLState().startsWith("08"))
                    || broken.getApplicationException() != null
                            && databaseUnavailable(broken.getApplicationException()))) {
                // the rollback after a broken connection failed too ("Connection is closed", without a state): the
                // failure that caused the rollback is kept aside as the application exception
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception; the server shutting down (PostgreSQL's 57P01..57P03)
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, String kind, int retryAfter)
            throws IOException {
        Locale locale = locale(request);
        String title = messages.getMessage(kind + ".title", null, locale);
        String text = messages.getMessage(kind + ".text", null, locale);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return;
        }
        response.setContentType("text/html");
        String again = messages.getMessage(kind + ".again", null, locale);
        String uri = request.getMethod().equals("GET") ? request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : null;
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                  <link rel="stylesheet" href="%s/assets/css/app.css">
                </head>
                <body>
                <main id="main" class="narrow">
                  <h1>%s</h1>
                  <p>%s</p>
                  %s
                </main>
                </body>
                </html>
                """.formatted(locale.getLanguage(), HtmlUtils.htmlEscape(title), request.getContextPath(),
                HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(text),
                uri == null ? "" : "<p><a href=\"" + HtmlUtils.htmlEscape(uri) + "\">" + HtmlUtils.htmlEscape(again)
                        + "</a></p>"));
    }

    private Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("en".equals(lang) || "nl".equals(lang)) {
            return Locale.forLanguageTag(lang);
        }
        LocaleResolver resolver = locales.getIfAvailable();
        Locale locale = resolver == null ? Locale.forLanguageTag("nl") : resolver.resolveLocale(request);
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("nl");
    }
}
