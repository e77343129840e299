namespace TokenPlatform.Domain.Notifications;

/// <summary>Notifications. Added in the unit of work of what they tell.</summary>
public interface INotificationStore
{
    void Add(Notification notification);

    /// <summary>The user's latest, newest first.</summary>
    Task<IReadOnlyList<Notification>> ListAsync(string userId, int take, CancellationToken cancellationToken);

    Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken);

    Task MarkAllReadAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken);
}
