package nl.jobcoachmonitor.identity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: the JSON API under {@code /api/v1} (HTTP Basic or a personal access token as
 * {@code Authorization: Bearer}, stateless, so no cookie and no CSRF token) and
 * the web pages (form login, session, CSRF). Both share one throttled authentication provider and the same roles.
 */
@Configuration
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The session keeps the security context; {@link SignIn} replaces it between the two login steps. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    ProviderManager authenticationManager(AccountDetailsService details, PasswordEncoder encoder,
            LoginThrottle throttle) {
        return new ProviderManager(new ThrottledAuthenticationProvider(details, encoder, throttle));
    }

    /**
     * The management port ({@code management.server.port}, README "Operating"), when it is not the application's: the
     * actuator without a login, for a Prometheus or a probe on the same host (it listens on 127.0.0.1 by default,
     * {@code management.server.address}). No sessions, no cookies.
     */
    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, @Value("${management.server.port:}") Integer managementPort,
            @Value("${server.port:8080}") int serverPort) throws Exception {
        boolean separate = managementPort != null && managementPort != serverPort;
        http.securityMatcher(request -> separate && request.getLocalPort() == managementPort
                        && request.getRequestURI().startsWith("/actuator"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProviderManager authenticationManager,
            PersonalDataAccess access, SecondFactors factors, TwoFactorPolicy policy, SecondFactorThrottle throttle,
            ApiTokens tokens, LoginThrottle loginThrottle) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(Role.COACH.name(), Role.MANAGER.name()))
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable())
                .addFilterBefore(new ApiTokenAuthentication(tokens, loginThrottle), BasicAuthenticationFilter.class)
                .addFilterAfter(new ApiSecondFactor(factors, policy, throttle), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(loggingDeniedHandler(access)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ProviderManager authenticationManager, PersonalDataAccess access,
            SignIn signIn, SecurityContextRepository contexts, Clock clock,
            @Value("${jcm.security.session-lifetime:PT12H}") Duration sessionLifetime) throws Exception {
        var failure = new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    org.springframework.security.core.AuthenticationException exception)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                String target = exception instanceof ThrottledAuthenticationProvider.TooManyAttempts
                        ? "/login?throttled" : "/login?error";
                getRedirectStrategy().sendRedirect(request, response, target);
            }
        };
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico", "/error",
                                "/api/docs", "/api/docs/**", "/api/docs.json", "/api/docs.json/**", "/api/docs.json.yaml",
                                "/api/swagger-ui/**")
                        .permitAll()
                        // probes for load balancers and orchestrators: status only (details for administrators)
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        // metrics, Prometheus and the health details: administrators (or the management port, below)
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        // the questionnaire by personal link: no account, the link's token is the authorisation
                        .requestMatchers("/q", "/q/**").permitAll()
                        // the employee's own data by personal link: the same, authorised by the link
                        .requestMatchers("/own", "/own/**").permitAll()
                        // the assessment of the coaching by personal link (accountability report): the same
                        .requestMatchers("/a", "/a/**").permitAll()
                        // a new staff member sets their password by the invitation link: the link is the authorisation
                        .requestMatchers("/invitation", "/invitation/**").permitAll()
                        .requestMatchers("/caseload/**", "/trajectories/**", "/employees/**", "/signals/**")
                        .hasAnyRole(Role.COACH.name(), Role.MANAGER.name())
                        // the full export of an organisation (transfer): the manager their own, the admin any
                        .requestMatchers("/team/organisation-export").hasRole(Role.MANAGER.name())
                        .requestMatchers("/admin/organisations/*/export").hasRole(Role.ADMIN.name())
                        .requestMatchers("/team/**").hasRole(Role.MANAGER.name())
                        // the import (issue 14): a manager into their own organisation, the administrator into any
                        .requestMatchers("/transfer/import", "/transfer/import/**")
                        .hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/commissioner/**").hasRole(Role.COMMISSIONER.name())
                        .requestMatchers("/report/**", "/report.csv", "/report.pdf", "/report.xlsx").hasAnyRole(Role.MANAGER.name(), Role.COMMISSIONER.name(),
                                Role.RESEARCHER.name())
                        .requestMatchers("/research/**").hasRole(Role.RESEARCHER.name())
                        // the knowledge circle (module circle): its organiser plans, reports and writes cards; coaches
                        // of every organisation (and managers) take part
                        // knowledge circle, live session: the organiser's controls; taking part: coaches and the
                        // organiser (circle.live.LiveAccess narrows both to the meeting's own circle); before /circle/**
                        .requestMatchers("/circle/meetings/*/live/organise", "/circle/meetings/*/live/organise/**")
                        .hasAuthority(CurrentUser.CIRCLE_ORGANISER)
                        .requestMatchers("/circle/meetings/*/live", "/circle/meetings/*/live/**")
                        .hasAnyAuthority(Role.COACH.authority(), CurrentUser.CIRCLE_ORGANISER)
                        .requestMatchers("/circle/manage/**").hasAuthority(CurrentUser.CIRCLE_ORGANISER)
                        .requestMatchers("/circle", "/circle/**").hasAnyAuthority(Role.COACH.authority(),
                                Role.MANAGER.authority(), CurrentUser.CIRCLE_ORGANISER)
                        .requestMatchers("/audit", "/audit/**", "/audit.csv", "/audit.xlsx").hasRole(Role.PRIVACY_OFFICER.name())
                        .anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(contexts))
                // a session ends after its absolute lifetime, however busy (the idle timeout is Spring Session's)
                .addFilterBefore(new SessionLifetime(clock, sessionLifetime), SecurityContextHolderFilter.class)
                // after the password, the second factor: nothing else until it is given (see SignIn)
                .addFilterBefore(new SecondFactorGate(), AuthorizationFilter.class)
                .formLogin(f -> f.loginPage("/login").successHandler(signIn).failureHandler(failure))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(loggingDeniedHandler(access)))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * A role that may not open a page gets 403, and the attempt is in the access log. A questionnaire answered after
     * its session expired (so without a valid CSRF token) goes back to {@code /q}, which asks to open the link again;
     * likewise a correction request on the own-data page goes back to {@code /own}, an assessment to {@code /a}.
     */
    private static AccessDeniedHandler loggingDeniedHandler(PersonalDataAccess access) {
        var delegate = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            access.denied("route", request.getMethod() + " " + request.getRequestURI());
            if (exception instanceof CsrfException && (request.getContextPath() + "/q").equals(request.getRequestURI())) {
                response.sendRedirect(request.getContextPath() + "/q");
                return;
            }
            if (exception instanceof CsrfException && (request.getContextPath() + "/a").equals(request.getRequestURI())) {
                response.sendRedirect(request.getContextPath() + "/a");
                return;
            }
            if (exception instanceof CsrfException
                    && (request.getContextPath() + "/invitation").equals(request.getRequestURI())) {
                response.sendRedirect(request.getContextPath() + "/invitation");
                return;
            }
            if (exception instanceof CsrfException
                    && (request.getContextPath() + "/own/correction").equals(request.getRequestURI())) {
                response.sendRedirect(request.getContextPath() + "/own");
                return;
            }
            delegate.handle(request, response, exception);
        };
    }
}
