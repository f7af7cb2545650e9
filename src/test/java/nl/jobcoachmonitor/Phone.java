package nl.jobcoachmonitor;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A phone with its own session, as the browser keeps it: for the pages a person opens by a personal link. */
public class Phone {

    private final MockMvc mvc;
    private Cookie cookie;
    private MockHttpSession session;

    public Phone(MockMvc mvc) {
        this.mvc = mvc;
    }

    public MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        if (cookie != null) {
            request.cookie(cookie);
        }
        if (session != null) {
            request.session(session);
        }
        var result = mvc.perform(request).andReturn();
        var c = result.getResponse().getCookie("SESSION");
        if (c != null) {
            cookie = c;
        }
        if (result.getRequest().getSession(false) instanceof MockHttpSession s) {
            session = s;
        }
        return result;
    }

    public MvcResult get(String url) throws Exception {
        return perform(MockMvcRequestBuilders.get(url));
    }
}
