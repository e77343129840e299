using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Wallets;

/// <summary>Sets an external payout address, proven by an EIP-191 signature of the challenge by that address.</summary>
public sealed record RegisterPayoutAddress(string UserId, string Address, string Signature) : ICommand<Result<WalletView>>;

public sealed class RegisterPayoutAddressValidator : IValidator<RegisterPayoutAddress>
{
    public IReadOnlyList<FieldError> Validate(RegisterPayoutAddress message) =>
        new FieldErrors()
            .Required(message.Address, nameof(message.Address), "The address")
            .When(!string.IsNullOrWhiteSpace(message.Address) && !EthAddress.IsValid(message.Address), nameof(message.Address), "Enter an Ethereum address (0x followed by 40 hexadecimal characters).")
            .Required(message.Signature, nameof(message.Signature), "The signature")
            .Errors;
}

public sealed class RegisterPayoutAddressHandler(IWalletService wallets) : ICommandHandler<RegisterPayoutAddress, Result<WalletView>>
{
    public async ValueTask<Result<WalletView>> Handle(RegisterPayoutAddress command, CancellationToken cancellationToken)
    {
        var address = EthAddress.Parse(command.Address, nameof(command.Address));
        return address.IsSuccess
            ? await wallets.RegisterPayoutAddressAsync(command.UserId, address.Value.Value, command.Signature.Trim(), cancellationToken)
            : address.Error!;
    }
}
