package nl.jobcoachmonitor.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import nl.jobcoachmonitor.identity.PersonalDataAccessed;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Writes the accesses of one request together, in one short transaction of the access log, instead of one
 * transaction per access while the request runs (a trajectory page has three, a report several).
 *
 * <p>What the log still guarantees: every access of the request is written before the first byte of the response
 * can leave the server. The accesses are kept in the request's thread only until the response is opened (its body,
 * a redirect or an error), and that opening writes them first; if writing fails, the request fails with nothing of
 * the page sent, as before. After the body is opened, every further access is written at once, as without a batch.
 * When the request ends by an exception (its transaction rolled back), the accesses it made are written all the same,
 * before the exception goes on. The rows of one request are consecutive links of the hash chain, in the order the
 * accesses happened. Outside a request (scheduled jobs, other threads) each access is written at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 60) // inside Spring Session's filter, outside Spring Security's
class AccessLogBatch extends OncePerRequestFilter {

    private static final ThreadLocal<List<PersonalDataAccessed>> PENDING = new ThreadLocal<>();

    private final AccessLog log;

    AccessLogBatch(AccessLog log) {
        this.log = log;
    }

    /** The accesses held so far in this request's batch, taken out of it (empty without a batch). */
    static List<PersonalDataAccessed> takeHeld() {
        var pending = PENDING.get();
        if (pending == null) {
            return new ArrayList<>();
        }
        var held = new ArrayList<>(pending);
        pending.clear();
        return held;
    }

    /** Keeps the access for the request's batch; false when there is none (write it at once). */
    static boolean hold(PersonalDataAccessed access) {
        var pending = PENDING.get();
        if (pending == null) {
            return false;
        }
        pending.add(access);
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (PENDING.get() != null) { // a nested dispatch of the same thread: the outer batch goes on
            chain.doFilter(request, response);
            return;
        }
        PENDING.set(new ArrayList<>());
        try {
            chain.doFilter(request, new Opening(response));
        } finally {
            writeAndStop();
        }
    }

    /** Writes what is held and ends the batch: from now on every access of this thread is written at once. */
    private void writeAndStop() {
        var pending = PENDING.get();
        PENDING.remove();
        if (pending != null && !pending.isEmpty()) {
            log.write(pending);
        }
    }

    /** The response: whatever opens it writes the held accesses first. */
    private final class Opening extends HttpServletResponseWrapper {

        Opening(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            writeAndStop();
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            writeAndStop();
            return super.getOutputStream();
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            writeAndStop();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int sc) throws IOException {
            writeAndStop();
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            writeAndStop();
            super.sendError(sc, msg);
        }

        @Override
        public void flushBuffer() throws IOException {
            writeAndStop();
            super.flushBuffer();
        }
    }
}
