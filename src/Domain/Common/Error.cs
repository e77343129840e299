namespace TokenPlatform.Domain.Common;

/// <summary>What kind of expected failure a use case reports; the edge maps it to an HTTP status or a form message.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>A message about one input field, keyed by the field's name in the command.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>An expected failure: a value returned to the caller, never an exception.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, IReadOnlyList<FieldError> Fields)
{
    public static Error Validation(IReadOnlyList<FieldError> fields) =>
        new(ErrorKind.Validation, "validation", "One or more fields are invalid.", fields);

    public static Error Validation(string field, string message) => Validation([new FieldError(field, message)]);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message, []);

    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message, []);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message, []);
}
