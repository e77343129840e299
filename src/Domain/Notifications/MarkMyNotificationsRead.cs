using Mediator;

namespace TokenPlatform.Domain.Notifications;

/// <summary>The user opened the notifications: all are read.</summary>
public sealed record MarkMyNotificationsRead(string UserId) : ICommand<int>;

public sealed class MarkMyNotificationsReadHandler(INotificationStore store, TimeProvider clock) : ICommandHandler<MarkMyNotificationsRead, int>
{
    public async ValueTask<int> Handle(MarkMyNotificationsRead command, CancellationToken cancellationToken)
    {
        await store.MarkAllReadAsync(command.UserId, clock.GetUtcNow(), cancellationToken);
        return 0;
    }
}
