package nl.jobcoachmonitor;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files (own CSS, JS and icon under {@code /assets/**}, htmx and Chart.js under {@code /webjars/**}) are served
 * under a name with their content hash ({@code app-3f2a….css}): pages link to that name (Spring's
 * {@code ResourceUrlEncodingFilter} rewrites every {@code @{...}} link), and a hashed name never changes its content, so
 * the browser may keep it for a year without asking again ({@code immutable}). A request for a name without its hash
 * (an old bookmark, a hand-typed URL) still works but must be revalidated ({@code no-cache}), so a new version is never
 * hidden behind a year-long cache. Pages keep Spring Security's {@code no-store}: only these files are cacheable.
 */
final class StaticFiles {

    static final String[] PATTERNS = {"/assets/**", "/webjars/**"};

    /** A file name with a content hash as VersionResourceResolver's content strategy writes it: name-md5.ext. */
    private static final Pattern HASHED = Pattern.compile("-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

    private static final String REVALIDATE = CacheControl.noCache().getHeaderValue();

    private StaticFiles() {
    }

    static void register(ResourceHandlerRegistry registry) {
        CacheControl forAYear = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/")
                .setCacheControl(forAYear)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addTransformer(new CssLinkResourceTransformer());
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(forAYear)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addResolver(new LiteWebJarsResourceResolver());
    }

    /** Turns the year-long cache of a static file asked for without its hash into "revalidate every time". */
    static final class UnhashedRevalidates extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !(path.startsWith("/assets/") || path.startsWith("/webjars/")) || HASHED.matcher(path).find();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? REVALIDATE : value);
                }

                @Override
                public void addHeader(String name, String value) {
                    super.addHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? REVALIDATE : value);
                }
            });
        }
    }
}
