namespace TokenPlatform.Domain.Common;

/// <summary>
/// Lets the validation pipeline build a failed response of any use case's result type
/// without knowing the type (static abstract member, resolved at compile time).
/// </summary>
public interface IFailable<out TSelf>
    where TSelf : IFailable<TSelf>
{
    static abstract TSelf Invalid(IReadOnlyList<FieldError> fields);
}

/// <summary>The non-generic face of a result, for cross-cutting code (logging, HTTP mapping).</summary>
public interface IOutcome
{
    bool IsSuccess { get; }

    Error? Error { get; }
}

/// <summary>The outcome of a use case: a value, or an expected <see cref="Common.Error"/>.</summary>
public sealed class Result<T> : IFailable<Result<T>>, IOutcome
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"Result failed with '{Error!.Code}': it holds no value.");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static Result<T> Invalid(IReadOnlyList<FieldError> fields) => Failure(Error.Validation(fields));

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);

    public TOut Match<TOut>(Func<T, TOut> success, Func<Error, TOut> failure) =>
        IsSuccess ? success(_value!) : failure(Error!);
}
