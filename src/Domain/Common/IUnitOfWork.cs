namespace TokenPlatform.Domain.Common;

/// <summary>Commits every change of a use case in one database transaction.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
