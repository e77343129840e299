using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Web.Setup;

/// <summary>
/// Runs every <see cref="IValidator{TMessage}"/> of a message before its handler. Field errors become
/// a failed result (a value), which the API turns into RFC 7807 problem details and forms show per field.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = validators.SelectMany(v => v.Validate(message)).ToList();
        return errors.Count > 0 ? ValueTask.FromResult(TResponse.Invalid(errors)) : next(message, cancellationToken);
    }
}
