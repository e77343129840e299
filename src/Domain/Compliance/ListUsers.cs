using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Admin view of accounts, paged.</summary>
public sealed record ListUsers(int Skip = 0, int Take = 50) : IQuery<Result<IReadOnlyList<UserSummary>>>;

public sealed class ListUsersValidator : IValidator<ListUsers>
{
    public IReadOnlyList<FieldError> Validate(ListUsers message) =>
        new FieldErrors()
            .When(message.Skip < 0, nameof(message.Skip), "Skip cannot be negative.")
            .When(message.Take is < 1 or > 500, nameof(message.Take), "Take must be between 1 and 500.")
            .Errors;
}

public sealed class ListUsersHandler(IUserDirectory users) : IQueryHandler<ListUsers, Result<IReadOnlyList<UserSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<UserSummary>>> Handle(ListUsers query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<UserSummary>>.Success(await users.ListAsync(query.Skip, query.Take, cancellationToken));
}
