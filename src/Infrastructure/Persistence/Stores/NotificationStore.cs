using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Notifications;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class NotificationStore(AppDbContext db) : INotificationStore
{
    public void Add(Notification notification) => db.Add(notification);

    public async Task<IReadOnlyList<Notification>> ListAsync(string userId, int take, CancellationToken cancellationToken) =>
        await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.At).Take(take).ToListAsync(cancellationToken);

    public Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    public async Task MarkAllReadAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, at), cancellationToken);
}
