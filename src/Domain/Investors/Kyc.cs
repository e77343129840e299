using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Investors;

/// <summary>Whether an investor may buy, and if not, what to do about it.</summary>
public static class InvestorVerification
{
    public static (bool Verified, string? Hint) Describe(KycApplication? kyc, DateTimeOffset now) => kyc switch
    {
        null => (false, "Verify your identity first: open Verification, enter your details and upload an ID document."),
        { Status: KycStatus.Pending } => (false, "Your identity check is waiting for an administrator's review. You can buy as soon as it is approved."),
        { Status: KycStatus.Rejected } r => (false, $"Your identity check was rejected ({r.RejectionReason}). Correct it and submit again on the Verification page."),
        { ExpiresAt: { } expiry } when expiry <= now => (false, $"Your verification expired on {expiry:yyyy-MM-dd}. Submit a new one on the Verification page."),
        _ => (true, null),
    };
}

/// <summary>An investor submits (or, after a rejection, resubmits) the identity check.</summary>
public sealed record SubmitKyc(string UserId, string FullName, string CountryCode, DateOnly? DateOfBirth, string DocumentFileName, string DocumentContentType, long DocumentSize, Stream Document)
    : ICommand<Result<KycView>>;

public sealed record KycView(Guid Id, KycStatus Status, string FullName, string CountryCode, DateOnly DateOfBirth, string DocumentFileName, string DocumentSha256,
    DateTimeOffset SubmittedAt, string? RejectionReason, DateTimeOffset? ExpiresAt, bool Verified, string? Hint, ChainOperationView? Registration)
{
    public static KycView From(KycApplication k, DateTimeOffset now, ChainOperationView? registration = null)
    {
        var (verified, hint) = InvestorVerification.Describe(k, now);
        return new(k.Id, k.Status, k.FullName, k.CountryCode, k.DateOfBirth, k.DocumentFileName, k.DocumentSha256, k.SubmittedAt, k.RejectionReason, k.ExpiresAt, verified, hint, registration);
    }
}

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

/// <summary>The signed-in investor's identity check, with the on-chain registration's progress.</summary>
public sealed record GetMyKyc(string UserId) : IQuery<KycView?>;

public sealed class GetMyKycHandler(IInvestorStore store, IChainOutbox outbox, TimeProvider clock) : IQueryHandler<GetMyKyc, KycView?>
{
    public async ValueTask<KycView?> Handle(GetMyKyc query, CancellationToken cancellationToken)
    {
        var kyc = await store.FindKycAsync(query.UserId, cancellationToken);
        if (kyc is null)
        {
            return null;
        }

        var registration = kyc.RegistrationOperationId is { } id ? await outbox.FindAsync(id, cancellationToken) : null;
        return KycView.From(kyc, clock.GetUtcNow(), registration);
    }
}

/// <summary>The admin's KYC queue.</summary>
public sealed record ListKycApplications(KycStatus? Status = KycStatus.Pending) : IQuery<IReadOnlyList<KycQueueItem>>;

public sealed class ListKycApplicationsHandler(IInvestorStore store) : IQueryHandler<ListKycApplications, IReadOnlyList<KycQueueItem>>
{
    public async ValueTask<IReadOnlyList<KycQueueItem>> Handle(ListKycApplications query, CancellationToken cancellationToken) =>
        await store.ListKycAsync(query.Status, 500, cancellationToken);
}

/// <summary>
/// An admin approves an identity check: the address is registered as verified on chain (grouped with
/// other registrations), then the wallet lets the primary sale draw its stablecoin (one permit signed
/// by the custodial wallet), so purchases need no gas from the investor.
/// </summary>
public sealed record ApproveKyc(Guid ApplicationId, string ReviewerId) : ICommand<Result<KycView>>;

public sealed class ApproveKycHandler(IInvestorStore store, IWalletService wallets, IChainOutbox outbox, Compliance.IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ApproveKyc, Result<KycView>>
{
    public async ValueTask<Result<KycView>> Handle(ApproveKyc command, CancellationToken cancellationToken)
    {
        var kyc = await store.FindKycByIdAsync(command.ApplicationId, cancellationToken);
        if (kyc is null)
        {
            return Error.NotFound("kyc.missing", "No such application.");
        }

        if (kyc.Status != KycStatus.Pending)
        {
            return Error.Conflict("kyc.not_pending", $"Only a pending application can be approved; this one is {kyc.Status}.");
        }

        var wallet = await wallets.FindAsync(kyc.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.Conflict("wallet.missing", "The investor has no wallet to register.");
        }

        var now = clock.GetUtcNow();
        var country = Countries.Find(kyc.CountryCode)!;
        var register = await outbox.EnqueueAsync(new RegisterInvestorOnChain(wallet.Address, country.Numeric, now + KycApplication.Validity),
            $"kyc:{kyc.Id}:register:{now.ToUnixTimeSeconds()}", cancellationToken);
        var spending = await outbox.EnqueueAfterAsync(new AllowSaleSpendingOnChain(kyc.UserId, wallet.Address),
            $"wallet:{kyc.UserId}:sale-allowance", register.Id, cancellationToken);
        var approved = kyc.Approve(command.ReviewerId, register.Id, spending.Id, now);
        if (!approved.IsSuccess)
        {
            return approved.Error!;
        }

        audit.Record(new Compliance.AuditEntry(Guid.CreateVersion7(), now, command.ReviewerId, Compliance.AuditActions.KycApprove, null, $"{kyc.FullName} ({wallet.Address})",
            "pending", $"verified until {kyc.ExpiresAt:yyyy-MM-dd}", null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return KycView.From(kyc, now);
    }
}

public sealed record RejectKyc(Guid ApplicationId, string ReviewerId, string Reason) : ICommand<Result<KycView>>;

public sealed class RejectKycValidator : IValidator<RejectKyc>
{
    public IReadOnlyList<FieldError> Validate(RejectKyc message) =>
        new FieldErrors().Required(message.Reason, nameof(message.Reason), "The reason").Length(message.Reason, 5, 1000, nameof(message.Reason), "The reason").Errors;
}

public sealed class RejectKycHandler(IInvestorStore store, Compliance.IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<RejectKyc, Result<KycView>>
{
    public async ValueTask<Result<KycView>> Handle(RejectKyc command, CancellationToken cancellationToken)
    {
        var kyc = await store.FindKycByIdAsync(command.ApplicationId, cancellationToken);
        if (kyc is null)
        {
            return Error.NotFound("kyc.missing", "No such application.");
        }

        var now = clock.GetUtcNow();
        var rejected = kyc.Reject(command.ReviewerId, command.Reason, now);
        if (!rejected.IsSuccess)
        {
            return rejected.Error!;
        }

        audit.Record(new Compliance.AuditEntry(Guid.CreateVersion7(), now, command.ReviewerId, Compliance.AuditActions.KycReject, null, kyc.FullName, "pending", "rejected", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return KycView.From(kyc, now);
    }
}

/// <summary>The ID document of an application, for the reviewing admin.</summary>
public sealed record GetKycDocument(Guid ApplicationId) : IQuery<Result<KycDocumentContent>>;

public sealed record KycDocumentContent(string FileName, string ContentType, Stream Content);

public sealed class GetKycDocumentHandler(IInvestorStore store, IDocumentStore documents) : IQueryHandler<GetKycDocument, Result<KycDocumentContent>>
{
    public async ValueTask<Result<KycDocumentContent>> Handle(GetKycDocument query, CancellationToken cancellationToken)
    {
        var kyc = await store.FindKycByIdAsync(query.ApplicationId, cancellationToken);
        return kyc is null
            ? Error.NotFound("kyc.missing", "No such application.")
            : new KycDocumentContent(kyc.DocumentFileName, kyc.DocumentContentType, await documents.OpenProtectedAsync(kyc.DocumentStorageKey, cancellationToken));
    }
}
