using TokenPlatform.Domain.Common;

namespace TokenPlatform.Web.Api;

/// <summary>Maps use-case results to HTTP: expected failures become RFC 7807 problem details.</summary>
internal static class ResultHttp
{
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> success) =>
        result.IsSuccess ? success(result.Value) : Problem(result.Error!);

    public static IResult Problem(Error error) => error.Kind switch
    {
        ErrorKind.Validation => TypedResults.ValidationProblem(
            error.Fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray()),
            detail: error.Message,
            title: "The request has invalid fields.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1"),
        ErrorKind.NotFound => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status404NotFound, title: error.Code),
        ErrorKind.Forbidden => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status403Forbidden, title: error.Code),
        ErrorKind.Conflict => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status409Conflict, title: error.Code),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unknown error kind."),
    };
}
