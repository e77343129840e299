using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Wallets;

/// <summary>Automatic payouts (pushed in batches) or claiming when the investor chooses.</summary>
public sealed record SetPayoutPreference(string UserId, PayoutPreference Preference) : ICommand<Result<WalletView>>;

public sealed class SetPayoutPreferenceHandler(IWalletService wallets) : ICommandHandler<SetPayoutPreference, Result<WalletView>>
{
    public async ValueTask<Result<WalletView>> Handle(SetPayoutPreference command, CancellationToken cancellationToken) =>
        await wallets.SetPayoutPreferenceAsync(command.UserId, command.Preference, cancellationToken);
}
