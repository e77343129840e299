namespace TokenPlatform.Domain.Common;

/// <summary>
/// Checks a command's input before its handler runs. Implementations are discovered in this
/// assembly and run by the validation pipeline behavior; they must not touch storage.
/// </summary>
public interface IValidator<in TMessage>
{
    IReadOnlyList<FieldError> Validate(TMessage message);
}

/// <summary>Collects field errors with a few readable rules.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public FieldErrors Add(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return this;
    }

    public FieldErrors When(bool failed, string field, string message) => failed ? Add(field, message) : this;

    public FieldErrors Required(string? value, string field, string label) =>
        When(string.IsNullOrWhiteSpace(value), field, $"{label} is required.");

    public FieldErrors Length(string? value, int min, int max, string field, string label)
    {
        var length = value?.Trim().Length ?? 0;
        return When(length > 0 && (length < min || length > max), field, $"{label} must be {min} to {max} characters long.");
    }
}
