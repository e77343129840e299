namespace TokenPlatform.Domain.Common;

/// <summary>Commits every change of a use case in one database transaction.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every change not yet saved (after a failed save, before trying something else in the same scope).</summary>
    void DiscardChanges();

    /// <summary>
    /// Opens a transaction holding a named lock until it commits or is disposed: use cases that must never
    /// run twice at once (distributions, which share the chain's holder pool) read, check and write inside it.
    /// </summary>
    Task<IExclusiveSection> BeginExclusiveAsync(string lockName, CancellationToken cancellationToken);
}

public interface IExclusiveSection : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
