using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

/// <summary>An investor submits (or, after a rejection, resubmits) the identity check.</summary>
public sealed record SubmitKyc(string UserId, string FullName, string CountryCode, DateOnly? DateOfBirth, string DocumentFileName, string DocumentContentType, long DocumentSize, Stream Document)
    : ICommand<Result<KycView>>;

public sealed class SubmitKycValidator(TimeProvider clock) : IValidator<SubmitKyc>
{
    public IReadOnlyList<FieldError> Validate(SubmitKyc message) =>
    [
        .. KycApplication.CheckPersonalData(message.FullName, message.CountryCode, message.DateOfBirth, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)),
        .. KycApplication.CheckDocument(message.DocumentFileName, message.DocumentContentType, message.DocumentSize),
    ];
}

public sealed class SubmitKycHandler(IInvestorStore store, IDocumentStore documents, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<SubmitKyc, Result<KycView>>
{
    public async ValueTask<Result<KycView>> Handle(SubmitKyc command, CancellationToken cancellationToken)
    {
        var existing = await store.FindKycAsync(command.UserId, cancellationToken);
        if (existing is { Status: KycStatus.Pending } || (existing is { Status: KycStatus.Approved } && existing.ExpiresAt > clock.GetUtcNow()))
        {
            return Error.Conflict("kyc.already_submitted", existing.Status == KycStatus.Pending
                ? "Your verification is already waiting for review."
                : "You are already verified.");
        }

        var stored = await documents.SaveProtectedAsync($"kyc/{command.UserId}", command.DocumentFileName, command.Document, KycApplication.DocumentMaxBytes, cancellationToken);
        if (stored is null)
        {
            return Error.Validation("Document", $"The ID document may be at most {KycApplication.DocumentMaxBytes / 1024 / 1024} MB.");
        }

        var now = clock.GetUtcNow();
        var document = new KycDocument(Path.GetFileName(command.DocumentFileName), command.DocumentContentType, stored.StorageKey, stored.Sha256);
        var country = Countries.Find(command.CountryCode)!;
        KycApplication application;
        string? replacedKey = null;
        if (existing is null)
        {
            application = KycApplication.Submit(command.UserId, command.FullName, country, command.DateOfBirth!.Value, document, now);
            store.AddKyc(application);
        }
        else
        {
            replacedKey = existing.DocumentStorageKey;
            var resubmitted = existing.Resubmit(command.FullName, country, command.DateOfBirth!.Value, document, now);
            if (!resubmitted.IsSuccess)
            {
                await documents.DeleteAsync(stored.StorageKey, cancellationToken);
                return resubmitted.Error!;
            }

            application = existing;
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing half-written: the new file goes with the refused change.
            await documents.DeleteAsync(stored.StorageKey, CancellationToken.None);
            throw;
        }

        if (replacedKey is not null)
        {
            await documents.DeleteAsync(replacedKey, cancellationToken);
        }

        return KycView.From(application, now);
    }
}
