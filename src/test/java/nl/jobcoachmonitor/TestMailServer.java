package nl.jobcoachmonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server for the tests: one GreenMail for the whole test JVM, on a free port of 127.0.0.1 (never the fixed
 * 3025: other builds on the machine may run GreenMail too). A test context initialised with this class sends its
 * mail there ({@code spring.mail.host} and {@code port}); every other test context keeps the default, no mail server
 * and mail kept in the outbox only.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;

    /** The server, started on first use and stopped when the JVM ends. */
    public static synchronized GreenMail get() {
        if (server == null) {
            var started = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            server = started;
        }
        return server;
    }

    public static int port() {
        return get().getSmtp().getPort();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + port()).applyTo(context);
    }

    /** The messages received for this address so far (the server is shared: tests use addresses of their own). */
    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(get().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text of the message's part of this type ({@code text/plain} or {@code text/html}), as decoded. */
    public static String part(MimeMessage message, String type) {
        try {
            var found = new ArrayList<String>();
            collect(message, type, found);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + type + " part, found " + found.size());
            }
            return found.get(0);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, String type, List<String> found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, type, found);
            }
        } else if (part.isMimeType(type)) {
            found.add((String) part.getContent());
        }
    }
}
