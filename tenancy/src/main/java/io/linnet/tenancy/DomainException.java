package io.linnet.tenancy;

/**
 * A refusal that the caller can understand and act on: it carries a stable {@link ErrorCode} and a
 * human sentence. The server turns it into a problem+json answer; the console shows the sentence.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static DomainException invalid(String detail) {
        return new DomainException(ErrorCode.INVALID_REQUEST, detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ErrorCode.CONFLICT, detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(ErrorCode.FORBIDDEN, detail);
    }
}
