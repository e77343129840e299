using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TokenPlatform.Web.Setup;

/// <summary>
/// A body that is not valid for the endpoint (wrong type, unknown enum name) is the caller's mistake:
/// 400 with problem details saying what could not be read. Any other failure under /api is a 500 with
/// problem details and no internals; pages fall through to the /Error page.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemHttpResult problem;
        if (exception is BadHttpRequestException bad)
        {
            var detail = bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
            problem = TypedResults.Problem(detail, statusCode: bad.StatusCode, title: "The request could not be read.");
        }
        else if (httpContext.Request.Path.StartsWithSegments("/api"))
        {
            problem = TypedResults.Problem(
                "The server failed to process the request. The error is logged under this trace id.",
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Internal error");
        }
        else
        {
            return false;
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
