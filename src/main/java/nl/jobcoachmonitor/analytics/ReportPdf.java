package nl.jobcoachmonitor.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Lays out a rendered page as PDF: the HTML (HTML5 from Thymeleaf) is parsed by jsoup into a DOM that openhtmltopdf
 * lays out, with the charts as inline SVG. Fonts are the PDF base fonts; no network access (nothing external loads).
 */
public final class ReportPdf {

    private ReportPdf() {
    }

    public static byte[] of(String html, String baseUri) {
        var document = new W3CDom().fromJsoup(Jsoup.parse(html, baseUri));
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withW3cDocument(document, baseUri);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
