using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>An issuer starts tokenizing an asset. <paramref name="IssuerId"/> comes from the signed-in user, never from input.</summary>
public sealed record CreateAssetDraft(string IssuerId, AssetKind Kind, string Name) : ICommand<Result<AssetId>>;

public sealed class CreateAssetDraftValidator : IValidator<CreateAssetDraft>
{
    public IReadOnlyList<FieldError> Validate(CreateAssetDraft message) =>
        new FieldErrors()
            .When(!Enum.IsDefined(message.Kind), nameof(message.Kind), "Choose real estate, art or music royalty.")
            .Required(message.Name, nameof(message.Name), "The name")
            .Length(message.Name, 3, Asset.NameMaxLength, nameof(message.Name), "The name")
            .Errors;
}

public sealed class CreateAssetDraftHandler(IAssetRepository assets, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateAssetDraft, Result<AssetId>>
{
    public async ValueTask<Result<AssetId>> Handle(CreateAssetDraft command, CancellationToken cancellationToken)
    {
        var created = Asset.CreateDraft(command.IssuerId, command.Kind, command.Name, clock.GetUtcNow());
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        assets.Add(created.Value);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return created.Value.Id;
    }
}
