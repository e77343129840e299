namespace TokenPlatform.Domain.Notifications;

/// <summary>Something the platform tells one user in the app (e.g. every payout a payee receives).</summary>
public sealed class Notification
{
    public const int TextMaxLength = 300;

    private Notification()
    {
        UserId = "";
        Kind = "";
        Text = "";
    }

    public Notification(Guid id, string userId, string kind, string text, string? link, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Id = id;
        UserId = userId;
        Kind = kind;
        Text = text.Length <= TextMaxLength ? text : text[..TextMaxLength];
        Link = link;
        At = at;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public string Kind { get; private set; }

    public string Text { get; private set; }

    /// <summary>Where the evidence is (e.g. the distribution's page with its transactions).</summary>
    public string? Link { get; private set; }

    public DateTimeOffset At { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public const string PayoutKind = "payout";
}
