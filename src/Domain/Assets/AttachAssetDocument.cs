using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>Uploads a photo or a document; the platform computes its SHA-256 from the stored bytes.</summary>
public sealed record AttachAssetDocument(string IssuerId, AssetId AssetId, DocumentKind Kind, string FileName, string ContentType, long DeclaredSize, Stream Content)
    : ICommand<Result<AssetDocumentView>>;

public sealed record AssetDocumentView(Guid Id, DocumentKind Kind, string FileName, string ContentType, long SizeBytes, string Sha256);

public sealed class AttachAssetDocumentValidator : IValidator<AttachAssetDocument>
{
    public IReadOnlyList<FieldError> Validate(AttachAssetDocument message) =>
        AssetDocument.Check(message.Kind, message.FileName, message.ContentType, message.DeclaredSize);
}

public sealed class AttachAssetDocumentHandler(IAssetRepository assets, IDocumentStore store, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<AttachAssetDocument, Result<AssetDocumentView>>
{
    public async ValueTask<Result<AssetDocumentView>> Handle(AttachAssetDocument command, CancellationToken cancellationToken)
    {
        var loaded = await assets.LoadOwnedAsync(command.AssetId, command.IssuerId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var stored = await store.SaveAsync(command.AssetId, command.FileName, command.Content, AssetDocument.MaxBytes, cancellationToken);
        if (stored is null)
        {
            return Error.Validation("File", $"The file is larger than {AssetDocument.MaxBytes / 1024 / 1024} MB.");
        }

        var now = clock.GetUtcNow();
        var document = AssetDocument.Create(command.Kind, command.FileName, command.ContentType, stored.SizeBytes, stored.Sha256, stored.StorageKey, now);
        var added = document.IsSuccess ? loaded.Value.AddDocument(document.Value, now) : Result<Asset>.Failure(document.Error!);
        if (!added.IsSuccess)
        {
            // Nothing half-written: the bytes go when the document is refused.
            await store.DeleteAsync(stored.StorageKey, cancellationToken);
            return added.Error!;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        var d = document.Value;
        return new AssetDocumentView(d.Id, d.Kind, d.FileName, d.ContentType, d.SizeBytes, d.Sha256);
    }
}
