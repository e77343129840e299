using Mediator;

namespace TokenPlatform.Domain.Notifications;

public sealed record NotificationsView(IReadOnlyList<Notification> Latest, int Unread);

/// <summary>The user's latest notifications and how many are unread (the app bar's bell).</summary>
public sealed record GetMyNotifications(string UserId, int Take = 50) : IQuery<NotificationsView>;

public sealed class GetMyNotificationsHandler(INotificationStore store) : IQueryHandler<GetMyNotifications, NotificationsView>
{
    public async ValueTask<NotificationsView> Handle(GetMyNotifications query, CancellationToken cancellationToken) =>
        new(await store.ListAsync(query.UserId, Math.Clamp(query.Take, 1, 200), cancellationToken), await store.CountUnreadAsync(query.UserId, cancellationToken));
}
