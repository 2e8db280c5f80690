package io.linnet.console;

/**
 * Single sign-on to the console, when the server has an OpenID Connect provider configured: the
 * sign-in page then offers a button that starts it at {@link #START_PATH}.
 *
 * @param label how the provider is named on the button, e.g. "Okta"
 */
public record SingleSignOn(String label) {

    public static final String REGISTRATION = "sso";
    public static final String START_PATH = "oauth2/authorization/" + REGISTRATION;
    /** The query parameter the sign-in page gets back when the provider vouched for nobody we know. */
    public static final String REFUSED = "sso-refused";
}
