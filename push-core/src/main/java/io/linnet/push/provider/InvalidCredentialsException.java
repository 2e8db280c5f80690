package io.linnet.push.provider;

/**
 * Credential material that cannot be used to build a sender: unreadable key, wrong .p12 password, service-account
 * JSON without a project id. The message says what is wrong and never contains the secret itself.
 */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException(String message) {
        super(message);
    }

    public InvalidCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
